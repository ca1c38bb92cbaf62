-- CreateTable
CREATE TABLE "ZaloSeenMessage" (
    "msgId" TEXT NOT NULL PRIMARY KEY,
    "sentAt" DATETIME NOT NULL,
    "seenAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE INDEX "ZaloSeenMessage_sentAt_idx" ON "ZaloSeenMessage"("sentAt");
