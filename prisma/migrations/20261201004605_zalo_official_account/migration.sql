-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN "failureReason" TEXT;

-- CreateTable
CREATE TABLE "ZaloOaInboxEvent" (
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
CREATE TABLE "ZaloOaToken" (
    "appId" TEXT NOT NULL PRIMARY KEY,
    "accessToken" TEXT NOT NULL,
    "refreshToken" TEXT NOT NULL,
    "accessExpiresAt" DATETIME NOT NULL,
    "previousAccessToken" TEXT,
    "previousRefreshToken" TEXT,
    "generation" INTEGER NOT NULL DEFAULT 0,
    "leaseOwner" TEXT,
    "leaseUntil" DATETIME,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "ZaloOaContact" (
    "userId" TEXT NOT NULL PRIMARY KEY,
    "lastInteractionAt" DATETIME NOT NULL,
    "following" BOOLEAN,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE UNIQUE INDEX "ZaloOaInboxEvent_dedupKey_key" ON "ZaloOaInboxEvent"("dedupKey");

-- CreateIndex
CREATE INDEX "ZaloOaInboxEvent_processedAt_id_idx" ON "ZaloOaInboxEvent"("processedAt", "id");
