// The calendar's periodic jobs: each asks the calendar what is due at `now` and writes it to
// the outbox under its once-only key, in the same transaction as the claim. Nothing here
// sends or reads the clock; the ticker (or /tick) supplies `now`, the outbox worker delivers.
import type { Logger } from "pino";
import type { Db, DbTx } from "../db/client";
import { inBatches } from "../db/batches";
import { toLocale, type Locale, type Translations } from "../i18n";
import { zaloOaWindowDays } from "../channel/zalo-oa-window";
import { enqueue } from "../outbox/enqueue";
import { officersOutsideOaWindow } from "../review/unreachable";
import { claimReminder, draftNudges, recordDraftNudge, runOnce, staleReviews } from "./record";
import { planReminders } from "./reminders";
import type { TickJob } from "./ticker";
import { formatDayMonthYear, type Period, type QuietHours } from "./zoned-time";

/** What the jobs need. */
export interface CalendarJobDeps {
  db: Db;
  i18n: Translations;
  log: Logger;
  timeZone: string;
  defaultLocale: Locale;
  quietHours: QuietHours | null;
  /** Payload of the button that resumes a draft (the conversation handler's "continue"). */
  continuePayload: string;
}

/** A period named the way the plans name it ("quý IV/2026"), in a locale. */
export function periodName(i18n: Translations, locale: Locale, period: Pick<Period, "kind" | "index" | "year">): string {
  return i18n.t(locale, `period-${period.kind}`, { index: period.index, year: String(period.year) });
}

/** "còn 5 ngày" / "5 days left". */
function daysLeftText(i18n: Translations, locale: Locale, days: number): string {
  return i18n.t(locale, "calendar-days-left", { days });
}

/** Deadline reminders: one message per due (deadline, occurrence, offset, recipient). */
export function reminderJob(deps: CalendarJobDeps): TickJob {
  return {
    name: "reminders",
    async run(now) {
      const deliveries = await planReminders(deps.db, now, deps.timeZone, { quietHours: deps.quietHours, defaultLocale: deps.defaultLocale });
      // A quarter's deadline can reach every officer and group at once: written in batches,
      // each item still claimed under its own key in the transaction that queues it.
      return inBatches(deps.db, deliveries, (tx, d) => queueReminder(deps, tx, d, now), { log: deps.log });
    },
  };
}

type ReminderDelivery = Awaited<ReturnType<typeof planReminders>>[number];

/** Claims one reminder's key and queues its message; false when it was already claimed. */
async function queueReminder(deps: CalendarJobDeps, tx: DbTx, d: ReminderDelivery, now: Date): Promise<boolean> {
  const locale = toLocale(d.recipient.locale, deps.defaultLocale);
  const t = (id: string, args?: Record<string, string | number>) => deps.i18n.t(locale, id, args);
  const title = locale === "en" && d.deadline.titleEn ? d.deadline.titleEn : d.deadline.titleVi;
  const lines = [t("reminder-message", { title, date: formatDayMonthYear(d.plan.occurrence.due), left: daysLeftText(deps.i18n, locale, d.daysLeft) })];
  for (const q of d.quota) {
    const period = d.plan.occurrence.period ? periodName(deps.i18n, locale, d.plan.occurrence.period) : "";
    lines.push(
      t("reminder-quota-line", {
        unit: q.unitName,
        approved: q.approved,
        quota: q.quota,
        period,
        left: daysLeftText(deps.i18n, locale, q.daysLeft),
        met: q.met ? "yes" : "no",
      }),
    );
  }
  const isGroup = d.recipient.personId === undefined;
  if (isGroup) lines.push(t("reminder-group-footer"));
  const claimed = await claimReminder(tx, d.key, {
    kind: "deadline-reminder",
    recipient: d.recipient.key,
    deadlineId: d.deadline.id,
    occurrence: d.plan.occurrence.id,
    offsetDays: d.plan.offsetDays,
    outboxKey: d.key,
    now,
  });
  if (!claimed) return false;
  await enqueue(tx, {
    idempotencyKey: d.key,
    chat: { channel: d.recipient.chat.channel, externalId: d.recipient.chat.externalId, kind: isGroup ? "GROUP" : "PRIVATE" },
    kind: "reminder",
    payload: { type: "text", html: lines.join("\n") },
  });
  return true;
}

/** Nudges for drafts idle 48 hours, with a button that resumes the draft; two at most. */
export function draftNudgeJob(deps: CalendarJobDeps): TickJob {
  return {
    name: "draft-nudges",
    async run(now) {
      const nudges = await draftNudges(deps.db, now, deps.timeZone, { quietHours: deps.quietHours });
      return inBatches(
        deps.db,
        nudges,
        async (tx, nudge) => {
          if (!(await recordDraftNudge(tx, nudge, now, nudge.key))) return false;
          const locale = toLocale(nudge.locale, deps.defaultLocale);
          await enqueue(tx, {
            idempotencyKey: nudge.key,
            chat: { channel: nudge.chat.channel, externalId: nudge.chat.externalId, kind: "PRIVATE" },
            kind: "nudge",
            payload: {
              type: "text",
              html: deps.i18n.t(locale, "nudge-message", { name: nudge.nomineeName ?? "none" }),
              choices: [[{ label: deps.i18n.t(locale, "nudge-continue"), data: deps.continuePayload }]],
            },
            nominationId: nudge.nominationId,
          });
          return true;
        },
        { log: deps.log },
      );
    },
  };
}

/** The summary's lines naming the group's officers the Zalo OA cannot reach today; none when all can be. */
async function unreachableLines(deps: CalendarJobDeps, unitId: number | null, now: Date): Promise<string[]> {
  const officers = await officersOutsideOaWindow(deps.db, { unitId }, now);
  if (officers.length === 0) return [];
  const t = (id: string, args?: Record<string, string | number>) => deps.i18n.t(deps.defaultLocale, id, args);
  return [
    t("review-summary-unreachable", { count: officers.length, days: zaloOaWindowDays }),
    ...officers.map((o) => t("review-summary-unreachable-item", { name: o.displayName, elsewhere: o.reachableElsewhere ? "yes" : "no" })),
  ];
}

/**
 * Once a day, each review group hears of what has waited more than three days, oldest first,
 * and of its officers the Zalo OA cannot reach today.
 */
export function reviewSummaryJob(deps: CalendarJobDeps, olderThanDays = 3): TickJob {
  return {
    name: "review-summaries",
    async run(now) {
      let queued = 0;
      const locale = deps.defaultLocale;
      const t = (id: string, args?: Record<string, string | number>) => deps.i18n.t(locale, id, args);
      for (const summary of await staleReviews(deps.db, now, deps.timeZone, { quietHours: deps.quietHours, olderThanDays })) {
        const shown = summary.nominations.slice(0, 30);
        const html = [
          t("review-summary-header", { count: summary.nominations.length, days: olderThanDays }),
          ...shown.map((n) =>
            t("review-summary-item", { code: n.code ?? "", name: n.nomineeName ?? "", unit: n.unitName ?? "", waited: n.waitingDays, status: t(`status-${n.status}`) }),
          ),
          ...(await unreachableLines(deps, summary.unitId, now)),
          t("review-summary-footer"),
        ].join("\n");
        const ran = await runOnce(deps.db, summary.key, { kind: "review-summary", recipient: `chat:${summary.chatId}`, outboxKey: summary.key, now }, (tx) =>
          enqueue(tx, {
            idempotencyKey: summary.key,
            chat: { channel: summary.chat.channel, externalId: summary.chat.externalId, kind: "GROUP" },
            kind: "review-summary",
            payload: { type: "text", html },
          }),
        );
        if (ran) queued++;
      }
      return queued;
    },
  };
}

/** The calendar's jobs in the order a tick runs them. */
export function calendarJobs(deps: CalendarJobDeps): TickJob[] {
  return [reminderJob(deps), draftNudgeJob(deps), reviewSummaryJob(deps)];
}
