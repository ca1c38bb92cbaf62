// Calendar arithmetic in a named time zone. The emulation calendar lives in local dates
// (quarters end on 31/12 local time, "3 days before" counts local days), while the database
// stores instants; everything here converts between the two with Intl, so zones with daylight
// saving time are handled as well as Asia/Ho_Chi_Minh (UTC+7 all year).
import { z } from "zod";

// === Types

/** A calendar date without a time zone; `month` is 1–12. */
export interface LocalDate {
  year: number;
  month: number;
  day: number;
}

/** A wall-clock date and time in some time zone. */
export interface LocalDateTime extends LocalDate {
  hour: number;
  minute: number;
  second?: number;
}

/** A wall-clock time of day, as in quiet hours or the hour reminders go out. */
export interface LocalTime {
  hour: number;
  minute: number;
}

// === Instants and local parts

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall-clock date and time of an instant in a time zone. */
export function localParts(instant: Date, timeZone: string): Required<LocalDateTime> {
  const parts: Record<string, number> = {};
  for (const p of formatterFor(timeZone).formatToParts(instant)) {
    if (p.type !== "literal") parts[p.type] = Number(p.value);
  }
  return {
    year: parts.year ?? 0,
    month: parts.month ?? 0,
    day: parts.day ?? 0,
    hour: (parts.hour ?? 0) % 24,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

/** The local calendar date of an instant. */
export function localDateOf(instant: Date, timeZone: string): LocalDate {
  const { year, month, day } = localParts(instant, timeZone);
  return { year, month, day };
}

function wallClockAsUtc(t: LocalDateTime): number {
  return Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second ?? 0);
}

/** Milliseconds the zone is ahead of UTC at an instant (+7 h for Asia/Ho_Chi_Minh). */
export function zoneOffsetMs(instant: Date, timeZone: string): number {
  const whole = Math.floor(instant.getTime() / 1000) * 1000;
  return wallClockAsUtc(localParts(new Date(whole), timeZone)) - whole;
}

/**
 * The instant a wall-clock time happens in a zone. A time skipped by a DST jump resolves to
 * the same wall time after the jump (02:30 on a spring-forward night becomes 03:30); a time
 * that happens twice resolves to the first.
 */
export function zonedInstant(t: LocalDateTime, timeZone: string): Date {
  const asUtc = wallClockAsUtc(t);
  // Offsets a day either side bracket any DST change near this wall time.
  const offsets = [zoneOffsetMs(new Date(asUtc - 86_400_000), timeZone), zoneOffsetMs(new Date(asUtc + 86_400_000), timeZone)];
  const valid = offsets.map((o) => asUtc - o).filter((c) => zoneOffsetMs(new Date(c), timeZone) === asUtc - c);
  if (valid.length > 0) return new Date(Math.min(...valid));
  return new Date(asUtc - Math.min(...offsets));
}

/** The instant a local date begins (midnight, or the first valid time on a DST night). */
export function startOfLocalDay(date: LocalDate, timeZone: string): Date {
  return zonedInstant({ ...date, hour: 0, minute: 0 }, timeZone);
}

/** The instant the local day of `instant` began. */
export function startOfDayAt(instant: Date, timeZone: string): Date {
  return startOfLocalDay(localDateOf(instant, timeZone), timeZone);
}

// === Local date arithmetic

/** Number of days in a month of a year (month 1–12). */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** A date `days` calendar days later (earlier when negative). */
export function addLocalDays(date: LocalDate, days: number): LocalDate {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** A date `months` months later, its day clamped to the target month's length. */
export function addLocalMonths(date: LocalDate, months: number): LocalDate {
  const index = date.year * 12 + (date.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return { year, month, day: Math.min(date.day, daysInMonth(year, month)) };
}

/** Whole calendar days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return Math.round((Date.UTC(to.year, to.month - 1, to.day) - Date.UTC(from.year, from.month - 1, from.day)) / 86_400_000);
}

/** Days left until a local date as seen at `now` (0 on the day itself, negative after). */
export function daysLeft(now: Date, due: LocalDate, timeZone: string): number {
  return daysBetween(localDateOf(now, timeZone), due);
}

/** Orders two local dates (negative, zero, positive). */
export function compareLocalDates(a: LocalDate, b: LocalDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/** ISO form of a local date, "2026-12-31": sortable and used inside keys. */
export function formatIsoDate(date: LocalDate): string {
  return `${date.year}-${pad(date.month)}-${pad(date.day)}`;
}

/** Vietnamese day-first form, "31/12/2026", as the plans write dates. */
export function formatDayMonthYear(date: LocalDate): string {
  return `${pad(date.day)}/${pad(date.month)}/${date.year}`;
}

/** Time and date of an instant in a time zone, "14:05 23/11/2026", as cards and logs show them. */
export function formatLocalDateTime(instant: Date, timeZone: string): string {
  const t = localParts(instant, timeZone);
  return `${pad(t.hour)}:${pad(t.minute)} ${formatDayMonthYear(t)}`;
}

/** The date of an instant in a time zone, "23/11/2026". */
export function formatLocalDate(instant: Date, timeZone: string): string {
  return formatDayMonthYear(localDateOf(instant, timeZone));
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

/**
 * Stores a local date in a DateTime column as UTC midnight, so it reads back as the same
 * calendar date in any zone (`fromDateColumn`). The column means a date, not an instant.
 */
export function toDateColumn(date: LocalDate): Date {
  return new Date(Date.UTC(date.year, date.month - 1, date.day));
}

/** Reads a date stored with `toDateColumn`. */
export function fromDateColumn(value: Date): LocalDate {
  return { year: value.getUTCFullYear(), month: value.getUTCMonth() + 1, day: value.getUTCDate() };
}

// === Periods

/** The recurring periods of the emulation calendar. */
export type PeriodKind = "MONTHLY" | "QUARTERLY" | "HALF_YEARLY" | "YEARLY";

/** One month, quarter, half-year or year in local time; `end` is exclusive. */
export interface Period {
  kind: PeriodKind;
  /** Stable id used in reminder keys: "2026-11", "2026-Q4", "2026-H2", "2026". */
  id: string;
  year: number;
  /** 1-based position within the year (month, quarter or half); 1 for a year. */
  index: number;
  first: LocalDate;
  last: LocalDate;
  start: Date;
  end: Date;
  /** How the plans name the period, e.g. "quý IV/2026". */
  label: string;
  /** English name, e.g. "Q4 2026". */
  labelEn: string;
}

const monthsIn: Record<PeriodKind, number> = { MONTHLY: 1, QUARTERLY: 3, HALF_YEARLY: 6, YEARLY: 12 };

/** Length of a period kind in months. */
export function periodMonths(kind: PeriodKind): number {
  return monthsIn[kind];
}

const roman = ["I", "II", "III", "IV"];

/** The period of a kind that contains a local date. */
export function periodContaining(date: LocalDate, kind: PeriodKind, timeZone: string): Period {
  const span = monthsIn[kind];
  const index = Math.floor((date.month - 1) / span) + 1;
  return periodAt(date.year, index, kind, timeZone);
}

/** The `index`-th period of a kind in a year (quarter 4 of 2026, half 1 of 2027, ...). */
export function periodAt(year: number, index: number, kind: PeriodKind, timeZone: string): Period {
  const span = monthsIn[kind];
  const firstMonth = (index - 1) * span + 1;
  const first: LocalDate = { year, month: firstMonth, day: 1 };
  const next = addLocalMonths(first, span);
  const last = addLocalDays(next, -1);
  const names = periodNames(kind, year, index);
  return {
    kind,
    year,
    index,
    first,
    last,
    start: startOfLocalDay(first, timeZone),
    end: startOfLocalDay(next, timeZone),
    ...names,
  };
}

/** The period of a kind that contains an instant, in local time. */
export function periodOf(now: Date, kind: PeriodKind, timeZone: string): Period {
  return periodContaining(localDateOf(now, timeZone), kind, timeZone);
}

/** The period right after (steps = 1) or before (steps = -1) a period. */
export function shiftPeriod(period: Period, steps: number, timeZone: string): Period {
  const perYear = 12 / monthsIn[period.kind];
  const n = period.year * perYear + (period.index - 1) + steps;
  return periodAt(Math.floor(n / perYear), (n % perYear) + 1, period.kind, timeZone);
}

function periodNames(kind: PeriodKind, year: number, index: number): { id: string; label: string; labelEn: string } {
  switch (kind) {
    case "MONTHLY":
      return { id: `${year}-${pad(index)}`, label: `tháng ${index}/${year}`, labelEn: `${pad(index)}/${year}` };
    case "QUARTERLY":
      return { id: `${year}-Q${index}`, label: `quý ${roman[index - 1]}/${year}`, labelEn: `Q${index} ${year}` };
    case "HALF_YEARLY":
      return {
        id: `${year}-H${index}`,
        label: `${index === 1 ? "6 tháng đầu năm" : "6 tháng cuối năm"} ${year}`,
        labelEn: `H${index} ${year}`,
      };
    case "YEARLY":
      return { id: `${year}`, label: `năm ${year}`, labelEn: `${year}` };
  }
}

// === Quiet hours

/** A daily window during which nothing is sent; it may wrap midnight (21:00–07:00). */
export interface QuietHours {
  start: string;
  end: string;
}

/** The default quiet hours of issue #7: from 21:00 until 07:00. */
export const defaultQuietHours: QuietHours = { start: "21:00", end: "07:00" };

/** Parses "hh:mm" (24-hour). */
export function parseLocalTime(text: string): LocalTime {
  const result = localTimeSchema.safeParse(text);
  if (!result.success) throw new RangeError(`Not a time of day (hh:mm): ${text}`);
  return result.data;
}

function minutesOf(t: LocalTime): number {
  return t.hour * 60 + t.minute;
}

/** Whether an instant falls within quiet hours, in local time. */
export function isQuietTime(instant: Date, timeZone: string, quiet: QuietHours | null): boolean {
  if (!quiet) return false;
  const start = minutesOf(parseLocalTime(quiet.start));
  const end = minutesOf(parseLocalTime(quiet.end));
  if (start === end) return false;
  const p = localParts(instant, timeZone);
  const now = p.hour * 60 + p.minute;
  return start < end ? now >= start && now < end : now >= start || now < end;
}

/**
 * The first instant at or after `instant` outside quiet hours: itself when it is not quiet,
 * else the moment quiet hours end (the next morning for a reminder due at 22:00).
 */
export function afterQuietHours(instant: Date, timeZone: string, quiet: QuietHours | null): Date {
  if (!quiet || !isQuietTime(instant, timeZone, quiet)) return instant;
  const end = parseLocalTime(quiet.end);
  const today = localDateOf(instant, timeZone);
  const endToday = zonedInstant({ ...today, ...end }, timeZone);
  if (endToday.getTime() > instant.getTime()) return endToday;
  return zonedInstant({ ...addLocalDays(today, 1), ...end }, timeZone);
}

// === Parsing what people type

/** "hh:mm", 24-hour. */
export const localTimeSchema = z
  .string()
  .trim()
  .regex(/^\d{1,2}:\d{2}$/, { message: "time-format" })
  .transform((text, ctx): LocalTime => {
    const [h, m] = text.split(":").map(Number) as [number, number];
    if (h > 23 || m > 59) {
      ctx.addIssue({ code: "custom", message: "time-range" });
      return z.NEVER;
    }
    return { hour: h, minute: m };
  });

function validDate(day: number, month: number, year: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/**
 * "dd/mm/yyyy hh:mm" in local time, as typed after /tick. Issues carry a message code
 * ("datetime-format", "date-invalid", "time-range") for the bot to translate.
 */
export const localDateTimeSchema = z
  .string()
  .trim()
  .regex(/^\d{1,2}\/\d{1,2}\/\d{4}\s+\d{1,2}:\d{2}$/, { message: "datetime-format" })
  .transform((text, ctx): LocalDateTime => {
    const [datePart, timePart] = text.split(/\s+/) as [string, string];
    const [day, month, year] = datePart.split("/").map(Number) as [number, number, number];
    const [hour, minute] = timePart.split(":").map(Number) as [number, number];
    if (!validDate(day, month, year)) {
      ctx.addIssue({ code: "custom", message: "date-invalid" });
      return z.NEVER;
    }
    if (hour > 23 || minute > 59) {
      ctx.addIssue({ code: "custom", message: "time-range" });
      return z.NEVER;
    }
    return { year, month, day, hour, minute };
  });

/** A day of the year with an optional year: "15/8" (every year) or "30/12/2026" (once). */
export interface DayMonth {
  day: number;
  month: number;
  year?: number;
}

/**
 * "dd/mm" or "dd/mm/yyyy", as typed after /deadline_add. 29/2 without a year is accepted
 * (it falls on 28/2 in common years). Issues carry "date-format" or "date-invalid".
 */
export const dayMonthSchema = z
  .string()
  .trim()
  .regex(/^\d{1,2}\/\d{1,2}(\/\d{4})?$/, { message: "date-format" })
  .transform((text, ctx): DayMonth => {
    const [day, month, year] = text.split("/").map(Number) as [number, number, number | undefined];
    if (!validDate(day, month, year ?? 2028)) {
      ctx.addIssue({ code: "custom", message: "date-invalid" });
      return z.NEVER;
    }
    return year === undefined ? { day, month } : { day, month, year };
  });

/** The outcome of parsing typed text: the value, or the message code of the first problem. */
export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: string };

function toResult<T>(result: z.ZodSafeParseResult<T>): ParseResult<T> {
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, error: result.error.issues[0]?.message ?? "invalid" };
}

/**
 * Quiet hours as configured: "21:00-07:00"; "off" or an empty string for none. Issues carry
 * "quiet-hours-format" or "time-range".
 */
export const quietHoursSchema = z
  .string()
  .trim()
  .transform((text, ctx): QuietHours | null => {
    if (text === "" || text.toLowerCase() === "off") return null;
    const match = /^(\d{1,2}:\d{2})\s*[-–]\s*(\d{1,2}:\d{2})$/.exec(text);
    if (!match) {
      ctx.addIssue({ code: "custom", message: "quiet-hours-format" });
      return z.NEVER;
    }
    const [start, end] = [localTimeSchema.safeParse(match[1]), localTimeSchema.safeParse(match[2])];
    if (!start.success || !end.success) {
      ctx.addIssue({ code: "custom", message: "time-range" });
      return z.NEVER;
    }
    const hhmm = (t: LocalTime) => `${pad(t.hour)}:${pad(t.minute)}`;
    return { start: hhmm(start.data), end: hhmm(end.data) };
  });

/** Parses "dd/mm/yyyy hh:mm" (local time). */
export function parseLocalDateTime(text: string): ParseResult<LocalDateTime> {
  return toResult(localDateTimeSchema.safeParse(text));
}

/** Parses "dd/mm" or "dd/mm/yyyy". */
export function parseDayMonth(text: string): ParseResult<DayMonth> {
  return toResult(dayMonthSchema.safeParse(text));
}
