// A possible duplicate is a nomination of the same name (ignoring case and diacritics) in the
// same unit or below it, submitted in the last 12 months. It is shown, never blocking.
import type { Db } from "../db/client";

/** Nominations that may be the same exemplar as the draft. */
export async function findPossibleDuplicates(db: Db, draft: { id: number; nomineeNameKey: string | null; unitId: number | null }, now: Date) {
  if (!draft.nomineeNameKey || !draft.unitId) return [];
  const unit = await db.unit.findUnique({ where: { id: draft.unitId }, select: { path: true } });
  if (!unit) return [];
  const since = new Date(now);
  since.setUTCFullYear(since.getUTCFullYear() - 1);
  return db.nomination.findMany({
    where: {
      id: { not: draft.id },
      nomineeNameKey: draft.nomineeNameKey,
      status: { notIn: ["DRAFT", "CANCELLED"] },
      submittedAt: { gte: since },
      unit: { path: { startsWith: unit.path } },
    },
    include: { unit: { select: { name: true } } },
    orderBy: { submittedAt: "desc" },
    take: 3,
  });
}
