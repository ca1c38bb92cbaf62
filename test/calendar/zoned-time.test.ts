import { describe, expect, it } from "vitest";
import {
  addLocalDays,
  afterQuietHours,
  daysBetween,
  daysLeft,
  formatLocalDate,
  formatLocalDateTime,
  isQuietTime,
  localParts,
  parseDayMonth,
  parseLocalDateTime,
  periodOf,
  quietHoursSchema,
  shiftPeriod,
  startOfDayAt,
  zonedInstant,
} from "../../core/calendar/zoned-time";

const VN = "Asia/Ho_Chi_Minh";

describe("local time in a zone", () => {
  it("reads an instant's wall clock in Vietnam (UTC+7)", () => {
    expect(localParts(new Date("2026-12-31T16:30:00Z"), VN)).toEqual({ year: 2026, month: 12, day: 31, hour: 23, minute: 30, second: 0 });
    expect(localParts(new Date("2026-12-31T17:30:00Z"), VN)).toMatchObject({ year: 2027, month: 1, day: 1, hour: 0, minute: 30 });
  });

  it("finds the instant of a local time, and the start of the local day", () => {
    expect(zonedInstant({ year: 2026, month: 12, day: 31, hour: 23, minute: 30 }, VN).toISOString()).toBe("2026-12-31T16:30:00.000Z");
    expect(startOfDayAt(new Date("2026-11-22T18:00:00Z"), VN).toISOString()).toBe("2026-11-22T17:00:00.000Z");
  });

  it("handles daylight saving: skipped and repeated hours", () => {
    // 8 March 2026, New York jumps from 02:00 EST to 03:00 EDT.
    expect(zonedInstant({ year: 2026, month: 3, day: 8, hour: 2, minute: 30 }, "America/New_York").toISOString()).toBe(
      "2026-03-08T07:30:00.000Z",
    );
    expect(zonedInstant({ year: 2026, month: 3, day: 8, hour: 12, minute: 0 }, "America/New_York").toISOString()).toBe(
      "2026-03-08T16:00:00.000Z",
    );
    // 25 October 2026, Berlin repeats 02:00–03:00; the first (CEST) is taken.
    expect(zonedInstant({ year: 2026, month: 10, day: 25, hour: 2, minute: 30 }, "Europe/Berlin").toISOString()).toBe(
      "2026-10-25T00:30:00.000Z",
    );
    expect(zonedInstant({ year: 2026, month: 10, day: 25, hour: 4, minute: 0 }, "Europe/Berlin").toISOString()).toBe(
      "2026-10-25T03:00:00.000Z",
    );
  });

  it("starts a day at its real local midnight on the days the clocks change", () => {
    // 29 March 2026, Berlin: midnight is still CET (UTC+1); noon is already CEST (UTC+2), so
    // subtracting the twelve wall-clock hours from noon would land an hour early.
    expect(startOfDayAt(new Date("2026-03-29T10:00:00Z"), "Europe/Berlin").toISOString()).toBe("2026-03-28T23:00:00.000Z");
    // 25 October 2026, the other way: midnight is CEST (UTC+2), the evening CET (UTC+1).
    expect(startOfDayAt(new Date("2026-10-25T20:00:00Z"), "Europe/Berlin").toISOString()).toBe("2026-10-24T22:00:00.000Z");
  });

  it("writes an instant's local time and date as cards show them", () => {
    expect(formatLocalDateTime(new Date("2026-11-23T07:05:00Z"), VN)).toBe("14:05 23/11/2026");
    expect(formatLocalDateTime(new Date("2026-12-31T17:00:00Z"), VN)).toBe("00:00 01/01/2027");
    expect(formatLocalDate(new Date("2026-12-31T17:00:00Z"), VN)).toBe("01/01/2027");
  });

  it("counts local days", () => {
    expect(addLocalDays({ year: 2026, month: 12, day: 29 }, 3)).toEqual({ year: 2027, month: 1, day: 1 });
    expect(daysBetween({ year: 2026, month: 11, day: 23 }, { year: 2026, month: 12, day: 31 })).toBe(38);
    // 23:30 on 26/12 local is still five days before 31/12, though UTC already says 26/12 16:30.
    expect(daysLeft(new Date("2026-12-26T16:30:00Z"), { year: 2026, month: 12, day: 31 }, VN)).toBe(5);
    expect(daysLeft(new Date("2026-12-26T17:30:00Z"), { year: 2026, month: 12, day: 31 }, VN)).toBe(4);
  });
});

describe("periods", () => {
  it("puts 31/12 23:30 local in Q4 and 01/01 00:30 local in Q1 of the next year", () => {
    const q4 = periodOf(new Date("2026-12-31T16:30:00Z"), "QUARTERLY", VN);
    expect(q4).toMatchObject({ id: "2026-Q4", label: "quý IV/2026", labelEn: "Q4 2026" });
    expect(q4.start.toISOString()).toBe("2026-09-30T17:00:00.000Z");
    expect(q4.end.toISOString()).toBe("2026-12-31T17:00:00.000Z");
    expect(periodOf(new Date("2026-12-31T17:30:00Z"), "QUARTERLY", VN).id).toBe("2027-Q1");
  });

  it("names months, halves and years, and steps across years", () => {
    const now = new Date("2026-11-23T03:00:00Z");
    expect(periodOf(now, "MONTHLY", VN).id).toBe("2026-11");
    expect(periodOf(now, "HALF_YEARLY", VN)).toMatchObject({ id: "2026-H2", last: { year: 2026, month: 12, day: 31 } });
    expect(periodOf(now, "YEARLY", VN)).toMatchObject({ id: "2026", label: "năm 2026" });
    expect(shiftPeriod(periodOf(now, "QUARTERLY", VN), 1, VN).id).toBe("2027-Q1");
    expect(shiftPeriod(periodOf(now, "QUARTERLY", VN), -4, VN).id).toBe("2025-Q4");
    expect(shiftPeriod(periodOf(now, "HALF_YEARLY", VN), -1, VN).last).toEqual({ year: 2026, month: 6, day: 30 });
  });
});

describe("quiet hours", () => {
  const quiet = { start: "21:00", end: "07:00" };
  it("wraps midnight and ends in the morning", () => {
    expect(isQuietTime(new Date("2026-11-23T14:00:00Z"), VN, quiet)).toBe(true); // 21:00 local
    expect(isQuietTime(new Date("2026-11-23T13:59:00Z"), VN, quiet)).toBe(false); // 20:59
    expect(isQuietTime(new Date("2026-11-23T23:59:00Z"), VN, quiet)).toBe(true); // 06:59
    expect(isQuietTime(new Date("2026-11-24T00:00:00Z"), VN, quiet)).toBe(false); // 07:00
    expect(afterQuietHours(new Date("2026-11-23T15:00:00Z"), VN, quiet).toISOString()).toBe("2026-11-24T00:00:00.000Z");
    expect(afterQuietHours(new Date("2026-11-23T20:00:00Z"), VN, quiet).toISOString()).toBe("2026-11-24T00:00:00.000Z");
    expect(afterQuietHours(new Date("2026-11-23T05:00:00Z"), VN, quiet).toISOString()).toBe("2026-11-23T05:00:00.000Z");
    expect(isQuietTime(new Date("2026-11-23T15:00:00Z"), VN, null)).toBe(false);
  });

  it("reads configured quiet hours", () => {
    expect(quietHoursSchema.parse("21:00-07:00")).toEqual({ start: "21:00", end: "07:00" });
    expect(quietHoursSchema.parse(" 22:30 – 6:00 ")).toEqual({ start: "22:30", end: "06:00" });
    expect(quietHoursSchema.parse("off")).toBeNull();
    expect(quietHoursSchema.safeParse("9pm-7am").error?.issues[0]?.message).toBe("quiet-hours-format");
    expect(quietHoursSchema.safeParse("21:00-25:00").error?.issues[0]?.message).toBe("time-range");
  });
});

describe("parsing typed dates", () => {
  it("parses /tick times and names what is wrong", () => {
    expect(parseLocalDateTime("31/12/2026 23:30")).toEqual({ ok: true, value: { year: 2026, month: 12, day: 31, hour: 23, minute: 30 } });
    expect(parseLocalDateTime(" 1/1/2027  7:05 ")).toEqual({ ok: true, value: { year: 2027, month: 1, day: 1, hour: 7, minute: 5 } });
    expect(parseLocalDateTime("2026-12-31 23:30")).toEqual({ ok: false, error: "datetime-format" });
    expect(parseLocalDateTime("31/11/2026 10:00")).toEqual({ ok: false, error: "date-invalid" });
    expect(parseLocalDateTime("30/11/2026 24:00")).toEqual({ ok: false, error: "time-range" });
  });

  it("parses deadline dates with or without a year", () => {
    expect(parseDayMonth("15/8")).toEqual({ ok: true, value: { day: 15, month: 8 } });
    expect(parseDayMonth("30/12/2026")).toEqual({ ok: true, value: { day: 30, month: 12, year: 2026 } });
    expect(parseDayMonth("29/2")).toEqual({ ok: true, value: { day: 29, month: 2 } });
    expect(parseDayMonth("29/2/2027")).toEqual({ ok: false, error: "date-invalid" });
    expect(parseDayMonth("32/1")).toEqual({ ok: false, error: "date-invalid" });
    expect(parseDayMonth("tomorrow")).toEqual({ ok: false, error: "date-format" });
  });
});
