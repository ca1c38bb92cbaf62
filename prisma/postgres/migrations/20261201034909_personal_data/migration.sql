-- CreateEnum
CREATE TYPE "ConsentSource" AS ENUM ('NOMINATOR', 'NOMINEE', 'GUARDIAN');

-- CreateEnum
CREATE TYPE "ConsentChange" AS ENUM ('GIVEN', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "AuditAction" AS ENUM ('VIEW_PRIVATE_DETAILS', 'VIEW_DOSSIER', 'EXPORT_PERSONAL_DATA', 'ERASE_PERSONAL_DATA', 'WITHDRAW_CONSENT', 'RECORD_CONSENT');

-- AlterEnum
ALTER TYPE "Consent" ADD VALUE 'WITHDRAWN';

-- AlterTable
ALTER TABLE "Person" ADD COLUMN     "erasedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Nomination" ADD COLUMN     "nomineeIsMinor" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "unpublishedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "ConsentRecord" (
    "id" SERIAL NOT NULL,
    "nominationId" INTEGER NOT NULL,
    "source" "ConsentSource" NOT NULL,
    "change" "ConsentChange" NOT NULL,
    "recordedById" INTEGER,
    "wording" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ConsentRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEntry" (
    "id" SERIAL NOT NULL,
    "action" "AuditAction" NOT NULL,
    "actorId" INTEGER,
    "nominationId" INTEGER,
    "channel" "Channel",
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditEntry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ConsentRecord_nominationId_createdAt_idx" ON "ConsentRecord"("nominationId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditEntry_nominationId_createdAt_idx" ON "AuditEntry"("nominationId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditEntry_action_createdAt_idx" ON "AuditEntry"("action", "createdAt");

-- AddForeignKey
ALTER TABLE "ConsentRecord" ADD CONSTRAINT "ConsentRecord_nominationId_fkey" FOREIGN KEY ("nominationId") REFERENCES "Nomination"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConsentRecord" ADD CONSTRAINT "ConsentRecord_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEntry" ADD CONSTRAINT "AuditEntry_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEntry" ADD CONSTRAINT "AuditEntry_nominationId_fkey" FOREIGN KEY ("nominationId") REFERENCES "Nomination"("id") ON DELETE SET NULL ON UPDATE CASCADE;
