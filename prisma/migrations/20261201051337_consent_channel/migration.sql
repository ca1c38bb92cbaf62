-- AlterTable
ALTER TABLE "ConsentRecord" ADD COLUMN "channel" TEXT;
