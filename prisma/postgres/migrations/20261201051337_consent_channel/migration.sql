-- AlterTable
ALTER TABLE "ConsentRecord" ADD COLUMN     "channel" "Channel";
