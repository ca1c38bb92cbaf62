-- AlterEnum
ALTER TYPE "Channel" ADD VALUE 'ZALO_OA';

-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN     "failureReason" TEXT;

-- CreateTable
CREATE TABLE "ZaloOaInboxEvent" (
    "id" SERIAL NOT NULL,
    "dedupKey" TEXT NOT NULL,
    "eventName" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lockedUntil" TIMESTAMP(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "processedAt" TIMESTAMP(3),
    "lastError" TEXT,

    CONSTRAINT "ZaloOaInboxEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ZaloOaToken" (
    "appId" TEXT NOT NULL,
    "accessToken" TEXT NOT NULL,
    "refreshToken" TEXT NOT NULL,
    "accessExpiresAt" TIMESTAMP(3) NOT NULL,
    "previousAccessToken" TEXT,
    "previousRefreshToken" TEXT,
    "generation" INTEGER NOT NULL DEFAULT 0,
    "leaseOwner" TEXT,
    "leaseUntil" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ZaloOaToken_pkey" PRIMARY KEY ("appId")
);

-- CreateTable
CREATE TABLE "ZaloOaContact" (
    "userId" TEXT NOT NULL,
    "lastInteractionAt" TIMESTAMP(3) NOT NULL,
    "following" BOOLEAN,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ZaloOaContact_pkey" PRIMARY KEY ("userId")
);

-- CreateIndex
CREATE UNIQUE INDEX "ZaloOaInboxEvent_dedupKey_key" ON "ZaloOaInboxEvent"("dedupKey");

-- CreateIndex
CREATE INDEX "ZaloOaInboxEvent_processedAt_id_idx" ON "ZaloOaInboxEvent"("processedAt", "id");
