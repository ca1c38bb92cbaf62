-- AlterEnum
ALTER TYPE "Channel" ADD VALUE 'ZALO_BOT';

-- CreateTable
CREATE TABLE "ZaloBotInboxEvent" (
    "id" SERIAL NOT NULL,
    "dedupKey" TEXT NOT NULL,
    "eventName" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lockedUntil" TIMESTAMP(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "processedAt" TIMESTAMP(3),
    "lastError" TEXT,

    CONSTRAINT "ZaloBotInboxEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ZaloBotInboxEvent_dedupKey_key" ON "ZaloBotInboxEvent"("dedupKey");

-- CreateIndex
CREATE INDEX "ZaloBotInboxEvent_processedAt_id_idx" ON "ZaloBotInboxEvent"("processedAt", "id");
