-- CreateTable
CREATE TABLE "ZaloSeenMessage" (
    "msgId" TEXT NOT NULL,
    "sentAt" TIMESTAMP(3) NOT NULL,
    "seenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ZaloSeenMessage_pkey" PRIMARY KEY ("msgId")
);

-- CreateIndex
CREATE INDEX "ZaloSeenMessage_sentAt_idx" ON "ZaloSeenMessage"("sentAt");
