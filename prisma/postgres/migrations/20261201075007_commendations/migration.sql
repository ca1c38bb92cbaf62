-- CreateTable
CREATE TABLE "Commendation" (
    "id" SERIAL NOT NULL,
    "nominationId" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "form" TEXT NOT NULL,
    "decision" TEXT NOT NULL,
    "issuer" TEXT NOT NULL,
    "recordedById" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Commendation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Commendation_nominationId_year_idx" ON "Commendation"("nominationId", "year");

-- AddForeignKey
ALTER TABLE "Commendation" ADD CONSTRAINT "Commendation_nominationId_fkey" FOREIGN KEY ("nominationId") REFERENCES "Nomination"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Commendation" ADD CONSTRAINT "Commendation_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;
