-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Deadline" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "code" TEXT NOT NULL,
    "titleVi" TEXT NOT NULL,
    "titleEn" TEXT,
    "recurrence" TEXT NOT NULL,
    "date" DATETIME,
    "month" INTEGER,
    "day" INTEGER,
    "audience" TEXT NOT NULL,
    "unitScopeId" INTEGER,
    "blockId" INTEGER,
    "quotaCount" INTEGER,
    "offsetsDays" JSONB NOT NULL,
    "fromConfig" BOOLEAN NOT NULL DEFAULT false,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdById" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Deadline_unitScopeId_fkey" FOREIGN KEY ("unitScopeId") REFERENCES "Unit" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Deadline_blockId_fkey" FOREIGN KEY ("blockId") REFERENCES "EmulationBlock" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Deadline_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "Person" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Deadline" ("active", "audience", "code", "createdAt", "createdById", "date", "day", "fromConfig", "id", "month", "offsetsDays", "quotaCount", "recurrence", "titleEn", "titleVi", "unitScopeId") SELECT "active", "audience", "code", "createdAt", "createdById", "date", "day", "fromConfig", "id", "month", "offsetsDays", "quotaCount", "recurrence", "titleEn", "titleVi", "unitScopeId" FROM "Deadline";
DROP TABLE "Deadline";
ALTER TABLE "new_Deadline" RENAME TO "Deadline";
CREATE UNIQUE INDEX "Deadline_code_key" ON "Deadline"("code");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
