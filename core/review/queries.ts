// Read models for officers: the timeline of one nomination, and what waits in their scope.
import type { DbTx } from "../db/client";
import { parseNominationCode } from "../nominations/code";
import { reviewableStatuses } from "../nominations/status";
import { roleForLevel, type ReviewLevels } from "./levels";
import { isAdmin, scopesOf } from "./scope";

/** `/history <code>`: every event of a nomination, oldest first, with who acted. */
export async function nominationHistory(db: DbTx, codeText: string) {
  const code = parseNominationCode(codeText);
  if (!code) return null;
  const nomination = await db.nomination.findUnique({
    where: { codeYear_codeSeq: { codeYear: code.year, codeSeq: code.seq } },
    include: {
      unit: { select: { path: true, name: true } },
      events: { orderBy: { id: "asc" }, include: { actor: { select: { displayName: true } } } },
    },
  });
  return nomination;
}

/**
 * `/pending`: nominations waiting for a decision that this person may take, oldest first.
 * Admins see everything that waits. The scope filter runs in the database (unit path
 * prefixes), so a ward with hundreds of nominations is not loaded into memory.
 */
export async function pendingForOfficer(db: DbTx, personId: number, levels: ReviewLevels, limit = 50, opts: PendingOptions = {}) {
  const where = await pendingWhere(db, personId, levels, opts);
  if (!where) return [];
  return db.nomination.findMany({
    where,
    include: { unit: { select: { path: true, name: true } } },
    orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
    take: limit,
  });
}

/** How many nominations wait for this person in all, for `/pending` to say how many it left out. */
export async function countPendingForOfficer(db: DbTx, personId: number, levels: ReviewLevels, opts: PendingOptions = {}): Promise<number> {
  const where = await pendingWhere(db, personId, levels, opts);
  return where ? db.nomination.count({ where }) : 0;
}

/** Whether a person's own nominations count as waiting for them (only where self-review is allowed). */
export interface PendingOptions {
  includeOwn?: boolean;
}

async function pendingWhere(db: DbTx, personId: number, levels: ReviewLevels, opts: PendingOptions) {
  const scopes = await scopesOf(db, personId);
  const admin = isAdmin(scopes);
  const clauses = scopes.flatMap((s) => {
    const index = levels.findIndex((level) => roleForLevel(level) === s.role);
    if (index < 0) return [];
    return [{ reviewLevel: index, ...(s.unitPath ? { unit: { path: { startsWith: s.unitPath } } } : {}) }];
  });
  if (!admin && clauses.length === 0) return null;
  return {
    status: { in: [...reviewableStatuses] },
    ...(admin ? {} : { OR: clauses }),
    ...(opts.includeOwn ? {} : { nominatorId: { not: personId } }),
  };
}
