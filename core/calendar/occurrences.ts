// When a deadline falls. A recurring deadline has one occurrence per period (the 15/8 of each
// year, the last day of each quarter); its id is the period's ("2026-Q4"), so reminder keys
// stay the same however often the calendar is evaluated.
import type { Recurrence } from "../db/generated/sqlite/enums";
import {
  compareLocalDates,
  daysInMonth,
  formatIsoDate,
  fromDateColumn,
  localDateOf,
  periodContaining,
  shiftPeriod,
  startOfLocalDay,
  addLocalDays,
  type LocalDate,
  type Period,
} from "./zoned-time";

/** The columns of a Deadline row that say when it falls. */
export interface DeadlineSchedule {
  recurrence: Recurrence;
  /** One-off date, stored as UTC midnight of the local date (see `toDateColumn`). */
  date: Date | null;
  /** Month within the period (1–12 yearly, 1–6 half-yearly, 1–3 quarterly); null: the last. */
  month: number | null;
  /** Day of that month; a day past the month's end (31) means its last day; null: the last. */
  day: number | null;
}

/** One occurrence of a deadline. */
export interface Occurrence {
  /** Stable id: "2026", "2026-H2", "2026-Q4", "2026-11", or the date "2026-12-30" for a one-off. */
  id: string;
  due: LocalDate;
  /** Start of the due day and end of it (exclusive), as instants. */
  dueStart: Date;
  dueEnd: Date;
  /** The period the occurrence belongs to; null for a one-off. */
  period: Period | null;
}

/** The occurrence of a recurring deadline within one of its periods. */
export function occurrenceInPeriod(schedule: DeadlineSchedule, period: Period, timeZone: string): Occurrence {
  const span = period.last.month - period.first.month + 1;
  const month = period.first.month + Math.min(schedule.month ?? span, span) - 1;
  const day = Math.min(schedule.day ?? 31, daysInMonth(period.year, month));
  return occurrenceOn({ year: period.year, month, day }, period.id, period, timeZone);
}

function occurrenceOn(due: LocalDate, id: string, period: Period | null, timeZone: string): Occurrence {
  return {
    id,
    due,
    dueStart: startOfLocalDay(due, timeZone),
    dueEnd: startOfLocalDay(addLocalDays(due, 1), timeZone),
    period,
  };
}

function oneOff(schedule: DeadlineSchedule, timeZone: string): Occurrence | null {
  if (!schedule.date) return null;
  const due = fromDateColumn(schedule.date);
  return occurrenceOn(due, formatIsoDate(due), null, timeZone);
}

/**
 * The first occurrence whose day has not ended at `now` (today's counts), or null for a
 * one-off deadline already past.
 */
export function nextOccurrence(schedule: DeadlineSchedule, now: Date, timeZone: string): Occurrence | null {
  const today = localDateOf(now, timeZone);
  if (schedule.recurrence === "ONCE") {
    const occ = oneOff(schedule, timeZone);
    return occ && compareLocalDates(occ.due, today) >= 0 ? occ : null;
  }
  const period = periodContaining(today, schedule.recurrence, timeZone);
  const current = occurrenceInPeriod(schedule, period, timeZone);
  if (compareLocalDates(current.due, today) >= 0) return current;
  return occurrenceInPeriod(schedule, shiftPeriod(period, 1, timeZone), timeZone);
}

/** The last occurrence whose day has ended at `now`, or null when there is none. */
export function previousOccurrence(schedule: DeadlineSchedule, now: Date, timeZone: string): Occurrence | null {
  const today = localDateOf(now, timeZone);
  if (schedule.recurrence === "ONCE") {
    const occ = oneOff(schedule, timeZone);
    return occ && compareLocalDates(occ.due, today) < 0 ? occ : null;
  }
  const period = periodContaining(today, schedule.recurrence, timeZone);
  const current = occurrenceInPeriod(schedule, period, timeZone);
  if (compareLocalDates(current.due, today) < 0) return current;
  return occurrenceInPeriod(schedule, shiftPeriod(period, -1, timeZone), timeZone);
}
