// The reminder job's question answered in one call: at instant T, which reminders are due,
// to whom, under which unique key, with what quota progress. Sending is the caller's: it
// claims each key and enqueues to the outbox in one transaction (record.ts `runOnce`).
import type { DbTx } from "../db/client";
import type { Audience } from "../db/generated/sqlite/enums";
import { activeDeadlines } from "./deadlines";
import { quotaProgress, type QuotaProgress } from "./quota";
import { resolveRecipients, type Recipient, type RecipientOptions } from "./recipients";
import { dueReminders, reminderKey, type ReminderPlan, type ReminderTiming } from "./reminder-plan";
import { daysLeft } from "./zoned-time";

/** One reminder for one recipient, ready to be claimed and enqueued. */
export interface ReminderDelivery {
  /** "reminder:<code>:<occurrence>:<offset>:<recipient>". */
  key: string;
  plan: ReminderPlan;
  deadline: { id: number; code: string; titleVi: string; titleEn: string | null; audience: Audience };
  recipient: Recipient;
  /** Days until the due date (0 on the day). */
  daysLeft: number;
  /** Quota progress of the recipient's units (unit officers) or the block's units (council). */
  quota: QuotaProgress[];
}

/** Every reminder delivery due at `now`, by deadline then recipient. */
export async function planReminders(
  db: DbTx,
  now: Date,
  timeZone: string,
  opts: ReminderTiming & RecipientOptions = {},
): Promise<ReminderDelivery[]> {
  const deadlines = await activeDeadlines(db);
  const byId = new Map(deadlines.map((d) => [d.id, d]));
  const deliveries: ReminderDelivery[] = [];
  for (const plan of dueReminders(deadlines, now, timeZone, opts)) {
    const deadline = byId.get(plan.deadlineId);
    if (!deadline) continue;
    const recipients = await resolveRecipients(db, deadline, opts);
    const quotaUnits = await councilQuotaUnits(db, deadline);
    for (const recipient of recipients) {
      const unitIds = deadline.audience === "UNIT_OFFICERS" ? recipient.units.map((u) => u.id) : deadline.audience === "COUNCIL_OFFICERS" ? quotaUnits : [];
      const quota =
        deadline.quotaCount && plan.occurrence.period && unitIds.length > 0
          ? await quotaProgress(db, {
              unitIds,
              quota: deadline.quotaCount,
              period: plan.occurrence.period,
              due: plan.occurrence.due,
              now,
              timeZone,
            })
          : [];
      deliveries.push({
        key: reminderKey(plan, recipient),
        plan,
        deadline: { id: deadline.id, code: deadline.code, titleVi: deadline.titleVi, titleEn: deadline.titleEn, audience: deadline.audience },
        recipient,
        daysLeft: daysLeft(now, plan.occurrence.due, timeZone),
        quota,
      });
    }
  }
  return deliveries;
}

/** For the council: every unit of the deadline's block within its scope (none without a block). */
async function councilQuotaUnits(db: DbTx, deadline: { audience: Audience; quotaCount: number | null; blockId: number | null; unitScopeId: number | null }): Promise<number[]> {
  if (deadline.audience !== "COUNCIL_OFFICERS" || !deadline.quotaCount || !deadline.blockId) return [];
  const scope = deadline.unitScopeId ? await db.unit.findUnique({ where: { id: deadline.unitScopeId }, select: { path: true } }) : null;
  const units = await db.unit.findMany({
    where: { active: true, blockId: deadline.blockId, ...(scope ? { path: { startsWith: scope.path } } : {}) },
    select: { id: true },
    orderBy: { id: "asc" },
  });
  return units.map((u) => u.id);
}
