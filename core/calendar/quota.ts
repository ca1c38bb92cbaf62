// Quota progress: how many exemplars a unit had approved in a period against the number its
// block must reach ("Xã Sơn Vi: 1/3 gương quý IV — còn 5 ngày"). An approval counts in the
// period of its local date, so 23:30 on 31/12 belongs to the fourth quarter even though UTC
// says 16:30 the same day, and 00:30 on 1/1 to the next year's first.
import type { DbTx } from "../db/client";
import { daysLeft, type LocalDate, type Period } from "./zoned-time";

/** Quota progress of one unit (its whole subtree) in one period. */
export interface QuotaProgress {
  unitId: number;
  unitName: string;
  approved: number;
  quota: number;
  met: boolean;
  /** Days until the occurrence's due date (0 on the day). */
  daysLeft: number;
  periodId: string;
  periodLabel: string;
  periodLabelEn: string;
}

/** What to measure: units, the quota, the period and the due date days are counted to. */
export interface QuotaQuery {
  unitIds: readonly number[];
  quota: number;
  period: Period;
  due: LocalDate;
  now: Date;
  timeZone: string;
}

/**
 * When a nomination was approved: `decidedAt`, or for rows written without it the time of
 * its APPROVE review event.
 */
export function approvalTime(n: { decidedAt: Date | null; events: { createdAt: Date }[] }): Date | null {
  return n.decidedAt ?? n.events[0]?.createdAt ?? null;
}

/**
 * Counts approved (or since published) nominations per unit subtree within the period, as of
 * `now`: a clock moved back by /tick sees the progress of that moment.
 */
export async function quotaProgress(db: DbTx, q: QuotaQuery): Promise<QuotaProgress[]> {
  const until = Math.min(q.period.end.getTime(), q.now.getTime() + 1);
  const units = await db.unit.findMany({ where: { id: { in: [...q.unitIds] } }, select: { id: true, name: true, path: true } });
  const progress: QuotaProgress[] = [];
  for (const unit of units) {
    const nominations = await db.nomination.findMany({
      where: {
        status: { in: ["APPROVED", "PUBLISHED"] },
        unit: { path: { startsWith: unit.path } },
        OR: [{ decidedAt: { gte: q.period.start, lt: q.period.end } }, { decidedAt: null }],
      },
      select: {
        decidedAt: true,
        events: { where: { action: "APPROVE" }, select: { createdAt: true }, orderBy: { createdAt: "desc" }, take: 1 },
      },
    });
    const approved = nominations.filter((n) => {
      const t = approvalTime(n);
      return t !== null && t >= q.period.start && t.getTime() < until;
    }).length;
    progress.push({
      unitId: unit.id,
      unitName: unit.name,
      approved,
      quota: q.quota,
      met: approved >= q.quota,
      daysLeft: daysLeft(q.now, q.due, q.timeZone),
      periodId: q.period.id,
      periodLabel: q.period.label,
      periodLabelEn: q.period.labelEn,
    });
  }
  return progress.sort((a, b) => q.unitIds.indexOf(a.unitId) - q.unitIds.indexOf(b.unitId));
}
