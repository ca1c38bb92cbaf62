-- AlterTable
ALTER TABLE "Chat" ADD COLUMN "lastMenu" JSONB;
