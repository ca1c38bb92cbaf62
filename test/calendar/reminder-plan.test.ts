import { describe, expect, it } from "vitest";
import { nextOccurrence, previousOccurrence } from "../../core/calendar/occurrences";
import { dueReminders, reminderKey, type PlannableDeadline } from "../../core/calendar/reminder-plan";
import { toDateColumn, zonedInstant } from "../../core/calendar/zoned-time";

const VN = "Asia/Ho_Chi_Minh";
const at = (day: number, month: number, year: number, hour: number, minute = 0) =>
  zonedInstant({ year, month, day, hour, minute }, VN);

const registration: PlannableDeadline = {
  id: 1,
  code: "dang-ky-dien-hinh",
  recurrence: "YEARLY",
  date: null,
  month: 8,
  day: 15,
  offsetsDays: [7, 3, 1, 0],
};
const quarterly: PlannableDeadline = {
  id: 2,
  code: "gioi-thieu-dien-hinh-quy",
  recurrence: "QUARTERLY",
  date: null,
  month: 3,
  day: 31,
  offsetsDays: [7, 3, 1, 0],
};

describe("occurrences", () => {
  it("finds this year's or next year's 15/8 with a stable id", () => {
    expect(nextOccurrence(registration, at(23, 11, 2026, 9), VN)).toMatchObject({ id: "2027", due: { year: 2027, month: 8, day: 15 } });
    expect(nextOccurrence(registration, at(15, 8, 2026, 23, 59), VN)?.id).toBe("2026");
    expect(previousOccurrence(registration, at(23, 11, 2026, 9), VN)?.id).toBe("2026");
  });

  it("puts the quarterly due date on the last day of each quarter", () => {
    expect(nextOccurrence(quarterly, at(23, 11, 2026, 9), VN)).toMatchObject({ id: "2026-Q4", due: { month: 12, day: 31 } });
    expect(nextOccurrence(quarterly, at(1, 4, 2027, 0, 30), VN)).toMatchObject({ id: "2027-Q2", due: { month: 6, day: 30 } });
    const half = { ...quarterly, recurrence: "HALF_YEARLY" as const, month: 6, day: 31 };
    expect(nextOccurrence(half, at(23, 3, 2026, 9), VN)).toMatchObject({ id: "2026-H1", due: { month: 6, day: 30 } });
    const monthly = { ...quarterly, recurrence: "MONTHLY" as const, month: null, day: 31 };
    expect(nextOccurrence(monthly, at(3, 2, 2027, 9), VN)).toMatchObject({ id: "2027-02", due: { month: 2, day: 28 } });
  });

  it("gives a one-off deadline until its day ends, then none", () => {
    const once = { ...registration, recurrence: "ONCE" as const, month: null, day: null, date: toDateColumn({ year: 2026, month: 12, day: 30 }) };
    expect(nextOccurrence(once, at(30, 12, 2026, 23, 59), VN)?.id).toBe("2026-12-30");
    expect(nextOccurrence(once, at(31, 12, 2026, 0, 0), VN)).toBeNull();
  });
});

describe("dueReminders", () => {
  it("crossing each offset yields exactly one reminder per offset", () => {
    const seen = new Map<string, Date>();
    // A tick every 30 minutes from 1/8 to 16/8 2026.
    for (let t = at(1, 8, 2026, 0).getTime(); t < at(17, 8, 2026, 0).getTime(); t += 30 * 60_000) {
      for (const plan of dueReminders([registration], new Date(t), VN)) {
        if (!seen.has(plan.key)) seen.set(plan.key, new Date(t));
      }
    }
    expect([...seen.keys()]).toEqual([
      "reminder:dang-ky-dien-hinh:2026:7",
      "reminder:dang-ky-dien-hinh:2026:3",
      "reminder:dang-ky-dien-hinh:2026:1",
      "reminder:dang-ky-dien-hinh:2026:0",
    ]);
    expect(seen.get("reminder:dang-ky-dien-hinh:2026:7")).toEqual(at(8, 8, 2026, 8));
    expect(seen.get("reminder:dang-ky-dien-hinh:2026:0")).toEqual(at(15, 8, 2026, 8));
  });

  it("offers only the latest offset passed, so a long outage sends one reminder, not a burst", () => {
    const plans = dueReminders([registration], at(14, 8, 2026, 10), VN);
    expect(plans.map((p) => [p.offsetDays, p.fireAt])).toEqual([[1, at(14, 8, 2026, 8)]]);
  });

  it("catches up a missed tick while relevant and skips it after the deadline day", () => {
    expect(dueReminders([registration], at(15, 8, 2026, 20, 30), VN).map((p) => p.key)).toEqual(["reminder:dang-ky-dien-hinh:2026:0"]);
    expect(dueReminders([registration], at(16, 8, 2026, 9), VN)).toEqual([]);
    expect(dueReminders([registration], at(14, 8, 2026, 10), VN, { catchUpDays: 0 })).toEqual([]);
  });

  it("defers a reminder falling in quiet hours to the morning, and sends nothing during them", () => {
    const evening = { sendAt: "22:00" };
    expect(dueReminders([registration], at(8, 8, 2026, 22, 30), VN, evening)).toEqual([]);
    expect(dueReminders([registration], at(9, 8, 2026, 6, 59), VN, evening)).toEqual([]);
    const morning = dueReminders([registration], at(9, 8, 2026, 7), VN, evening);
    expect(morning.map((p) => [p.offsetDays, p.fireAt])).toEqual([[7, at(9, 8, 2026, 7)]]);
    expect(dueReminders([registration], at(8, 8, 2026, 22, 30), VN, { sendAt: "22:00", quietHours: null })).toHaveLength(1);
  });

  it("builds per-recipient keys", () => {
    const [plan] = dueReminders([quarterly], at(24, 12, 2026, 9), VN);
    expect(plan && reminderKey(plan, { key: "person:12" })).toBe("reminder:gioi-thieu-dien-hinh-quy:2026-Q4:7:person:12");
  });
});
