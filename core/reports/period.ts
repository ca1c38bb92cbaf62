// The period a report covers: a quarter, a half-year, a year, a month, or a range of local
// dates. Officers type it ("2026-Q4", "quy 4/2026", "2026", "01/10/2026-15/11/2026") or pick it
// from a menu; with nothing given it is the quarter of today in the configured time zone.
import {
  addLocalDays,
  compareLocalDates,
  daysInMonth,
  formatDayMonthYear,
  formatIsoDate,
  localDateOf,
  periodAt,
  periodOf,
  shiftPeriod,
  startOfLocalDay,
  type LocalDate,
  type Period,
  type PeriodKind,
} from "../calendar/zoned-time";

// === Types

/** The span of a report: local dates `first`..`last` inclusive, instants `start`..`end` (exclusive). */
export interface ReportPeriod {
  kind: PeriodKind | "RANGE";
  /** Stable id, used in file names: "2026-Q4", "2026-H2", "2026", "2026-11", "2026-10-01_2026-11-15". */
  id: string;
  first: LocalDate;
  last: LocalDate;
  start: Date;
  end: Date;
  /** Vietnamese name, "quý IV/2026" or "01/10/2026 – 15/11/2026". */
  label: string;
  /** English name, "Q4 2026". */
  labelEn: string;
  /** The calendar period it is, when it is one (quotas are counted per calendar period). */
  period?: Period;
}

/** The longest range a report may cover, so a typo ("2026-2206") is not a query over centuries. */
export const maxRangeDays = 3 * 366;

// === Building

/** A calendar period as a report period. */
export function fromPeriod(period: Period): ReportPeriod {
  return { kind: period.kind, id: period.id, first: period.first, last: period.last, start: period.start, end: period.end, label: period.label, labelEn: period.labelEn, period };
}

/** The quarter of `now` in local time: what a report covers when nothing is said. */
export function defaultReportPeriod(now: Date, timeZone: string): ReportPeriod {
  return fromPeriod(periodOf(now, "QUARTERLY", timeZone));
}

/** A range of local dates, both ends included. */
export function rangePeriod(first: LocalDate, last: LocalDate, timeZone: string): ReportPeriod {
  const range = `${formatDayMonthYear(first)} – ${formatDayMonthYear(last)}`;
  return {
    kind: "RANGE",
    id: `${formatIsoDate(first)}_${formatIsoDate(last)}`,
    first,
    last,
    start: startOfLocalDay(first, timeZone),
    end: startOfLocalDay(addLocalDays(last, 1), timeZone),
    label: range,
    labelEn: range,
  };
}

/**
 * The choices the period menu offers at `now`: this quarter, the last one, this half-year,
 * this year and last year.
 */
export function periodChoices(now: Date, timeZone: string): ReportPeriod[] {
  const quarter = periodOf(now, "QUARTERLY", timeZone);
  const year = periodOf(now, "YEARLY", timeZone);
  return [quarter, shiftPeriod(quarter, -1, timeZone), periodOf(now, "HALF_YEARLY", timeZone), year, shiftPeriod(year, -1, timeZone)].map(fromPeriod);
}

// === Parsing what people type

/** The outcome of reading a period: the period, or why not ("period-unknown", "period-range-order", "period-range-long"). */
export type PeriodParse = { ok: true; period: ReportPeriod } | { ok: false; error: "period-unknown" | "period-range-order" | "period-range-long" };

const roman: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };

/**
 * Reads a period as officers write it. Accepted: "2026-Q4", "Q4/2026", "quy 4/2026", "quý IV
 * 2026", "2026-H1", "6 thang dau nam 2026" is not (too many spellings: the menu offers it),
 * "2026", "2026-11", "11/2026", and "dd/mm/yyyy-dd/mm/yyyy". Empty text is this quarter.
 */
export function parseReportPeriod(text: string, now: Date, timeZone: string): PeriodParse {
  const raw = text.trim().toLowerCase().normalize("NFC").replace(/quý/g, "quy").replace(/năm/g, "nam").replace(/tháng/g, "thang");
  if (raw === "") return { ok: true, period: defaultReportPeriod(now, timeZone) };
  const calendar = (year: number, index: number, kind: PeriodKind): PeriodParse => {
    const max = { MONTHLY: 12, QUARTERLY: 4, HALF_YEARLY: 2, YEARLY: 1 }[kind];
    if (year < 2000 || year > 2100 || index < 1 || index > max) return { ok: false, error: "period-unknown" };
    return { ok: true, period: fromPeriod(periodAt(year, index, kind, timeZone)) };
  };
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})\s*-?\s*q([1-4])$/.exec(raw))) return calendar(Number(m[1]), Number(m[2]), "QUARTERLY");
  if ((m = /^(?:q|quy)\s*([1-4]|i{1,3}|iv)\s*[/\s-]\s*(\d{4})$/.exec(raw))) return calendar(Number(m[2]), roman[m[1]!] ?? Number(m[1]), "QUARTERLY");
  if ((m = /^(\d{4})\s*-?\s*h([12])$/.exec(raw))) return calendar(Number(m[1]), Number(m[2]), "HALF_YEARLY");
  if ((m = /^h([12])\s*[/\s-]\s*(\d{4})$/.exec(raw))) return calendar(Number(m[2]), Number(m[1]), "HALF_YEARLY");
  if ((m = /^(?:nam\s*)?(\d{4})$/.exec(raw))) return calendar(Number(m[1]), 1, "YEARLY");
  if ((m = /^(\d{4})-(\d{1,2})$/.exec(raw))) return calendar(Number(m[1]), Number(m[2]), "MONTHLY");
  if ((m = /^(?:thang\s*)?(\d{1,2})\/(\d{4})$/.exec(raw))) return calendar(Number(m[2]), Number(m[1]), "MONTHLY");
  if ((m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})\s*(?:-|–|đến|den|to)\s*(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(raw))) {
    const first = localDate(Number(m[3]), Number(m[2]), Number(m[1]));
    const last = localDate(Number(m[6]), Number(m[5]), Number(m[4]));
    if (!first || !last) return { ok: false, error: "period-unknown" };
    if (compareLocalDates(first, last) > 0) return { ok: false, error: "period-range-order" };
    const days = (Date.UTC(last.year, last.month - 1, last.day) - Date.UTC(first.year, first.month - 1, first.day)) / 86_400_000;
    if (days > maxRangeDays) return { ok: false, error: "period-range-long" };
    return { ok: true, period: rangePeriod(first, last, timeZone) };
  }
  return { ok: false, error: "period-unknown" };
}

function localDate(year: number, month: number, day: number): LocalDate | null {
  if (year < 2000 || year > 2100 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

/** The local date of an instant, for the report's dd/mm/yyyy cells. */
export function reportDateOf(instant: Date, timeZone: string): LocalDate {
  return localDateOf(instant, timeZone);
}
