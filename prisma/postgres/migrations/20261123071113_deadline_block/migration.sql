-- AlterTable
ALTER TABLE "Deadline" ADD COLUMN     "blockId" INTEGER;

-- AddForeignKey
ALTER TABLE "Deadline" ADD CONSTRAINT "Deadline_blockId_fkey" FOREIGN KEY ("blockId") REFERENCES "EmulationBlock"("id") ON DELETE SET NULL ON UPDATE CASCADE;
