-- CreateTable
CREATE TABLE "TelegramInboxEvent" (
    "id" SERIAL NOT NULL,
    "dedupKey" TEXT NOT NULL,
    "eventName" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lockedUntil" TIMESTAMP(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "processedAt" TIMESTAMP(3),
    "lastError" TEXT,

    CONSTRAINT "TelegramInboxEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ClusterLease" (
    "name" TEXT NOT NULL,
    "holder" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "acquiredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ClusterLease_pkey" PRIMARY KEY ("name")
);

-- CreateTable
CREATE TABLE "ScheduledRun" (
    "job" TEXT NOT NULL,
    "lastInstant" TIMESTAMP(3) NOT NULL,
    "runBy" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ScheduledRun_pkey" PRIMARY KEY ("job")
);

-- CreateIndex
CREATE UNIQUE INDEX "TelegramInboxEvent_dedupKey_key" ON "TelegramInboxEvent"("dedupKey");

-- CreateIndex
CREATE INDEX "TelegramInboxEvent_processedAt_id_idx" ON "TelegramInboxEvent"("processedAt", "id");
