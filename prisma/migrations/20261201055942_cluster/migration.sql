-- CreateTable
CREATE TABLE "TelegramInboxEvent" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "dedupKey" TEXT NOT NULL,
    "eventName" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "receivedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lockedUntil" DATETIME,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "processedAt" DATETIME,
    "lastError" TEXT
);

-- CreateTable
CREATE TABLE "ClusterLease" (
    "name" TEXT NOT NULL PRIMARY KEY,
    "holder" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "acquiredAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "ScheduledRun" (
    "job" TEXT NOT NULL PRIMARY KEY,
    "lastInstant" DATETIME NOT NULL,
    "runBy" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE UNIQUE INDEX "TelegramInboxEvent_dedupKey_key" ON "TelegramInboxEvent"("dedupKey");

-- CreateIndex
CREATE INDEX "TelegramInboxEvent_processedAt_id_idx" ON "TelegramInboxEvent"("processedAt", "id");
