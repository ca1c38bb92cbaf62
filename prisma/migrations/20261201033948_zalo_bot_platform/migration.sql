-- CreateTable
CREATE TABLE "ZaloBotInboxEvent" (
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

-- CreateIndex
CREATE UNIQUE INDEX "ZaloBotInboxEvent_dedupKey_key" ON "ZaloBotInboxEvent"("dedupKey");

-- CreateIndex
CREATE INDEX "ZaloBotInboxEvent_processedAt_id_idx" ON "ZaloBotInboxEvent"("processedAt", "id");
