// Which reminders are due at an instant. Pure: the caller passes the deadlines, the clock and
// the zone; recipients and delivery come later (recipients.ts, record.ts). A reminder is due
// from its fire time (the send hour on the day "offset days before", moved out of quiet
// hours) until the next offset supersedes it or the deadline day ends: a tick missed while
// the bot was down is caught up while it still means something, and skipped once it does not.
import { nextOccurrence, type DeadlineSchedule, type Occurrence } from "./occurrences";
import {
  addLocalDays,
  afterQuietHours,
  defaultQuietHours,
  isQuietTime,
  parseLocalTime,
  zonedInstant,
  type LocalDate,
  type QuietHours,
} from "./zoned-time";

/** What the planner needs of a deadline. */
export interface PlannableDeadline extends DeadlineSchedule {
  id: number;
  code: string;
  /** Days before the due date a reminder goes out; 0 is the day itself. */
  offsetsDays: readonly number[];
}

/** One reminder that is due, before its recipients are known. */
export interface ReminderPlan {
  deadlineId: number;
  deadlineCode: string;
  occurrence: Occurrence;
  offsetDays: number;
  /** When it became due (after any quiet-hours deferral). */
  fireAt: Date;
  /** Key prefix shared by every recipient: "reminder:<code>:<occurrence>:<offset>". */
  key: string;
}

/** How reminders are timed. */
export interface ReminderTiming {
  /** Quiet hours, null for none; default 21:00–07:00. */
  quietHours?: QuietHours | null;
  /** Local time of day reminders go out on their day; default "08:00". */
  sendAt?: string;
  /** A reminder more than this many days overdue is skipped, even if still relevant. */
  catchUpDays?: number;
}

/** When one offset's reminder of an occurrence fires. */
export function reminderFireAt(occurrence: Occurrence, offsetDays: number, timeZone: string, timing: ReminderTiming = {}): Date {
  const day: LocalDate = addLocalDays(occurrence.due, -offsetDays);
  const scheduled = zonedInstant({ ...day, ...parseLocalTime(timing.sendAt ?? "08:00") }, timeZone);
  return afterQuietHours(scheduled, timeZone, quietOf(timing));
}

function quietOf(timing: ReminderTiming): QuietHours | null {
  return timing.quietHours === undefined ? defaultQuietHours : timing.quietHours;
}

/**
 * The reminders due at `now`: for each deadline, at most one (its latest offset whose fire
 * time has passed, for the next occurrence). Empty during quiet hours.
 */
export function dueReminders(
  deadlines: readonly PlannableDeadline[],
  now: Date,
  timeZone: string,
  timing: ReminderTiming = {},
): ReminderPlan[] {
  if (isQuietTime(now, timeZone, quietOf(timing))) return [];
  const due: ReminderPlan[] = [];
  for (const deadline of deadlines) {
    const occurrence = nextOccurrence(deadline, now, timeZone);
    if (!occurrence) continue;
    const passed = [...deadline.offsetsDays]
      .map((offsetDays) => ({ offsetDays, fireAt: reminderFireAt(occurrence, offsetDays, timeZone, timing) }))
      .filter((r) => r.fireAt.getTime() <= now.getTime() && r.fireAt.getTime() < occurrence.dueEnd.getTime())
      .sort((a, b) => b.fireAt.getTime() - a.fireAt.getTime());
    const latest = passed[0];
    if (!latest) continue;
    if (timing.catchUpDays !== undefined && now.getTime() - latest.fireAt.getTime() > timing.catchUpDays * 86_400_000) continue;
    due.push({
      deadlineId: deadline.id,
      deadlineCode: deadline.code,
      occurrence,
      offsetDays: latest.offsetDays,
      fireAt: latest.fireAt,
      key: `reminder:${deadline.code}:${occurrence.id}:${latest.offsetDays}`,
    });
  }
  return due;
}

/** The unique key of one reminder to one recipient: the plan's key and the recipient's. */
export function reminderKey(plan: Pick<ReminderPlan, "key">, recipient: { key: string }): string {
  return `${plan.key}:${recipient.key}`;
}
