-- AlterTable
ALTER TABLE "Person" ADD COLUMN "erasedAt" DATETIME;

-- CreateTable
CREATE TABLE "ConsentRecord" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "nominationId" INTEGER NOT NULL,
    "source" TEXT NOT NULL,
    "change" TEXT NOT NULL,
    "recordedById" INTEGER,
    "wording" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ConsentRecord_nominationId_fkey" FOREIGN KEY ("nominationId") REFERENCES "Nomination" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ConsentRecord_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "Person" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AuditEntry" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "action" TEXT NOT NULL,
    "actorId" INTEGER,
    "nominationId" INTEGER,
    "channel" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "AuditEntry_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "Person" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "AuditEntry_nominationId_fkey" FOREIGN KEY ("nominationId") REFERENCES "Nomination" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Nomination" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "code" TEXT,
    "codeYear" INTEGER,
    "codeSeq" INTEGER,
    "nominatorId" INTEGER NOT NULL,
    "channel" TEXT NOT NULL,
    "locale" TEXT NOT NULL DEFAULT 'vi',
    "nomineeKind" TEXT,
    "nomineeName" TEXT,
    "nomineeNameKey" TEXT,
    "unitId" INTEGER,
    "fieldId" INTEGER,
    "movementId" INTEGER,
    "achievements" TEXT,
    "contactPhone" TEXT,
    "consent" TEXT,
    "consentConfirmedById" INTEGER,
    "nomineeIsMinor" BOOLEAN NOT NULL DEFAULT false,
    "unpublishedAt" DATETIME,
    "status" TEXT NOT NULL DEFAULT 'DRAFT',
    "draftStep" TEXT,
    "draftData" JSONB,
    "reviewLevel" INTEGER NOT NULL DEFAULT 0,
    "publicStory" TEXT,
    "storyEditedById" INTEGER,
    "nudgeCount" INTEGER NOT NULL DEFAULT 0,
    "lastActivityAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "submittedAt" DATETIME,
    "decidedAt" DATETIME,
    "publishedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Nomination_nominatorId_fkey" FOREIGN KEY ("nominatorId") REFERENCES "Person" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Nomination_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Nomination_fieldId_fkey" FOREIGN KEY ("fieldId") REFERENCES "Field" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Nomination_movementId_fkey" FOREIGN KEY ("movementId") REFERENCES "Movement" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Nomination" ("achievements", "channel", "code", "codeSeq", "codeYear", "consent", "consentConfirmedById", "contactPhone", "createdAt", "decidedAt", "draftData", "draftStep", "fieldId", "id", "lastActivityAt", "locale", "movementId", "nominatorId", "nomineeKind", "nomineeName", "nomineeNameKey", "nudgeCount", "publicStory", "publishedAt", "reviewLevel", "status", "storyEditedById", "submittedAt", "unitId", "updatedAt") SELECT "achievements", "channel", "code", "codeSeq", "codeYear", "consent", "consentConfirmedById", "contactPhone", "createdAt", "decidedAt", "draftData", "draftStep", "fieldId", "id", "lastActivityAt", "locale", "movementId", "nominatorId", "nomineeKind", "nomineeName", "nomineeNameKey", "nudgeCount", "publicStory", "publishedAt", "reviewLevel", "status", "storyEditedById", "submittedAt", "unitId", "updatedAt" FROM "Nomination";
DROP TABLE "Nomination";
ALTER TABLE "new_Nomination" RENAME TO "Nomination";
CREATE UNIQUE INDEX "Nomination_code_key" ON "Nomination"("code");
CREATE INDEX "Nomination_status_submittedAt_idx" ON "Nomination"("status", "submittedAt");
CREATE INDEX "Nomination_nominatorId_status_idx" ON "Nomination"("nominatorId", "status");
CREATE INDEX "Nomination_unitId_status_idx" ON "Nomination"("unitId", "status");
CREATE INDEX "Nomination_nomineeNameKey_idx" ON "Nomination"("nomineeNameKey");
CREATE UNIQUE INDEX "Nomination_codeYear_codeSeq_key" ON "Nomination"("codeYear", "codeSeq");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "ConsentRecord_nominationId_createdAt_idx" ON "ConsentRecord"("nominationId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditEntry_nominationId_createdAt_idx" ON "AuditEntry"("nominationId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditEntry_action_createdAt_idx" ON "AuditEntry"("action", "createdAt");
