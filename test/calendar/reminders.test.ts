// Reminders end to end at the calendar's edge: due plans, recipients, keys, quota progress and
// the once-only claim, on a real SQLite file, with a fake clock.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDeadline, upcomingDeadlines } from "../../core/calendar/deadlines";
import { claimReminder, runOnce } from "../../core/calendar/record";
import { planReminders, type ReminderDelivery } from "../../core/calendar/reminders";
import { zonedInstant } from "../../core/calendar/zoned-time";
import { openDatabase } from "../../core/db/client";
import { createTempDatabase, type TempDatabase } from "../support/temp-database";
import { grantRole, group, nomination, person, unitByCode } from "./fixtures";

const VN = "Asia/Ho_Chi_Minh";
const at = (day: number, month: number, year: number, hour: number, minute = 0) => zonedInstant({ year, month, day, hour, minute }, VN);
let t: TempDatabase;
const ids: Record<string, number> = {};

beforeAll(async () => {
  t = await createTempDatabase();
  const db = t.db;
  const lan = await person(db, "Lan", "1001");
  const minh = await person(db, "Minh", "1002", "en");
  const hoa = await person(db, "Hoa", "1003");
  const resident = await person(db, "Tuấn", "1004");
  ids.lan = lan.id;
  ids.minh = minh.id;
  ids.hoa = hoa.id;
  ids.resident = resident.id;
  await grantRole(db, lan.id, "UNIT_OFFICER", "PT-LT-SONVI");
  await grantRole(db, lan.id, "UNIT_OFFICER", "PT-LT-XUANLUNG");
  await grantRole(db, minh.id, "UNIT_OFFICER", "PT-LT-PNV");
  await grantRole(db, hoa.id, "COUNCIL_OFFICER", "PT-LT");
  const revoked = await grantRole(db, resident.id, "UNIT_OFFICER", "PT-LT-TIENKIEN");
  await db.roleAssignment.update({ where: { id: revoked.id }, data: { revokedAt: new Date("2026-10-01T00:00:00Z") } });
  const province = await group(db, "-100500", "Tin tức Phú Thọ");
  const sonLa = await group(db, "-100600", "Sơn La");
  await db.subscription.create({ data: { chatId: province.id, unitScopeId: (await unitByCode(db, "PT")).id } });
  await db.subscription.create({ data: { chatId: sonLa.id, unitScopeId: (await unitByCode(db, "SL-DTN")).id } });
  ids.provinceChat = province.id;
  // Q4 2026 approvals in Xã Sơn Vi: one in a hamlet, one at 23:30 on 31/12 local; one in Q1 2027.
  await nomination(db, { nominatorId: resident.id, unitCode: "PT-LT-SONVI-K1", status: "APPROVED", decidedAt: at(10, 11, 2026, 10) });
  await nomination(db, { nominatorId: resident.id, unitCode: "PT-LT-SONVI", status: "PUBLISHED", decidedAt: at(31, 12, 2026, 23, 30) });
  await nomination(db, { nominatorId: resident.id, unitCode: "PT-LT-SONVI", status: "APPROVED", decidedAt: at(1, 1, 2027, 0, 30) });
  await nomination(db, { nominatorId: resident.id, unitCode: "PT-LT-SONVI", status: "REJECTED", decidedAt: at(10, 11, 2026, 10) });
  await nomination(db, { nominatorId: hoa.id, unitCode: "PT-LT-XUANLUNG", status: "DRAFT" });
  await addDeadline(
    db,
    {
      code: "gioi-thieu-dien-hinh-quy",
      title: { vi: "Giới thiệu gương hằng quý", en: "Quarterly exemplars" },
      recurrence: "QUARTERLY",
      audience: "UNIT_OFFICERS",
      unit: "PT-LT",
      block: "KHOI-XA",
      quota: { count: 3, period: "QUARTERLY" },
    },
    null,
  );
});
afterAll(async () => {
  await t.cleanup();
});

/** What a tick job does with the deliveries: claim and "enqueue" (recorded here) once each. */
async function tick(db: TempDatabase["db"], now: Date, sent: string[]): Promise<ReminderDelivery[]> {
  const deliveries = await planReminders(db, now, VN);
  for (const d of deliveries) {
    await runOnce(db, d.key, { kind: "deadline-reminder", recipient: d.recipient.key, deadlineId: d.deadline.id, occurrence: d.plan.occurrence.id, offsetDays: d.plan.offsetDays, now }, async () => {
      sent.push(d.key);
    });
  }
  return deliveries;
}

describe("planReminders", () => {
  it("addresses unit officers of the block in scope with their units' quota progress", async () => {
    const deliveries = await planReminders(t.db, at(26, 12, 2026, 8, 0), VN);
    expect(deliveries).toHaveLength(1);
    const [d] = deliveries as [ReminderDelivery];
    expect(d.key).toBe(`reminder:gioi-thieu-dien-hinh-quy:2026-Q4:7:person:${ids.lan}`);
    expect(d.recipient).toMatchObject({ chat: { channel: "TELEGRAM", externalId: "1001" }, locale: "vi" });
    expect(d.daysLeft).toBe(5);
    expect(d.quota.map((q) => [q.unitName, q.approved, q.quota, q.daysLeft, q.periodLabel])).toEqual([
      ["Xã Sơn Vi", 1, 3, 5, "quý IV/2026"],
      ["Xã Xuân Lũng", 0, 3, 5, "quý IV/2026"],
    ]);
  });

  it("counts approvals across the quarter boundary by local time (31/12 23:30 is 16:30 UTC)", async () => {
    const lastDay = await planReminders(t.db, at(31, 12, 2026, 23, 40), VN, { quietHours: null });
    expect(lastDay[0]?.quota[0]).toMatchObject({ unitName: "Xã Sơn Vi", approved: 2, periodId: "2026-Q4", daysLeft: 0 });
    const newYear = await planReminders(t.db, at(24, 3, 2027, 9), VN);
    expect(newYear[0]?.quota[0]).toMatchObject({ unitName: "Xã Sơn Vi", approved: 1, periodId: "2027-Q1", periodLabel: "quý I/2027" });
  });

  it("crossing each offset sends exactly once, and a restart does not resend", async () => {
    const sent: string[] = [];
    for (let ms = at(20, 12, 2026, 0).getTime(); ms < at(1, 1, 2027, 12).getTime(); ms += 60 * 60_000) {
      await tick(t.db, new Date(ms), sent);
      if (ms === at(29, 12, 2026, 12).getTime()) {
        // Restart: a fresh client on the same file runs the same tick again.
        const again = await openDatabase(t.target);
        try {
          expect((await tick(again, new Date(ms), sent)).length).toBe(1);
        } finally {
          await again.$disconnect();
        }
      }
    }
    expect(sent).toEqual([7, 3, 1, 0].map((o) => `reminder:gioi-thieu-dien-hinh-quy:2026-Q4:${o}:person:${ids.lan}`));
    const logged = await t.db.reminderLog.findMany({ where: { kind: "deadline-reminder" }, orderBy: { id: "asc" } });
    expect(logged.map((l) => [l.offsetDays, l.occurrence, l.createdAt])).toEqual([
      [7, "2026-Q4", at(24, 12, 2026, 8)],
      [3, "2026-Q4", at(28, 12, 2026, 8)],
      [1, "2026-Q4", at(30, 12, 2026, 8)],
      [0, "2026-Q4", at(31, 12, 2026, 8)],
    ]);
  });

  it("claims a key once, whatever the number of attempts", async () => {
    const details = { kind: "deadline-reminder", recipient: "chat:1", now: at(1, 12, 2026, 9) };
    expect(await claimReminder(t.db, "reminder:test:2026:0:chat:1", details)).toBe(true);
    expect(await claimReminder(t.db, "reminder:test:2026:0:chat:1", details)).toBe(false);
    const effects: string[] = [];
    expect(await runOnce(t.db, "reminder:test:2026:0:chat:1", details, async () => effects.push("x"))).toBe(false);
    expect(effects).toEqual([]);
    expect(await t.db.reminderLog.count({ where: { key: "reminder:test:2026:0:chat:1" } })).toBe(1);
  });

  it("rolls the claim back when the enqueue fails, so the next tick retries", async () => {
    const details = { kind: "deadline-reminder", recipient: "chat:2", now: at(1, 12, 2026, 9) };
    await expect(runOnce(t.db, "reminder:test:2026:0:chat:2", details, async () => Promise.reject(new Error("outbox down")))).rejects.toThrow("outbox down");
    expect(await runOnce(t.db, "reminder:test:2026:0:chat:2", details, async () => undefined)).toBe(true);
  });

  it("a deadline added in chat shows in the upcoming list and fires to subscribed groups and council officers", async () => {
    await addDeadline(
      t.db,
      { code: "hop-so-ket", title: { vi: "Họp sơ kết" }, recurrence: "ONCE", date: "2027-01-15", audience: "SUBSCRIBED_GROUPS", unit: "PT-LT", offsets: [1, 0] },
      ids.hoa ?? null,
    );
    await addDeadline(
      t.db,
      { code: "tong-hop-quy", title: { vi: "Tổng hợp quý" }, recurrence: "QUARTERLY", audience: "COUNCIL_OFFICERS", unit: "PT", block: "KHOI-XA", quota: { count: 3, period: "QUARTERLY" }, offsets: [0] },
      ids.hoa ?? null,
    );
    const upcoming = await upcomingDeadlines(t.db, at(5, 1, 2027, 9), VN);
    expect(upcoming.map((u) => [u.deadline.code, u.daysLeft])).toEqual([
      ["hop-so-ket", 10],
      ["gioi-thieu-dien-hinh-quy", 85],
      ["tong-hop-quy", 85],
    ]);
    const groups = await planReminders(t.db, at(14, 1, 2027, 9), VN);
    expect(groups.map((d) => [d.key, d.recipient.chat.externalId])).toEqual([[`reminder:hop-so-ket:2027-01-15:1:chat:${ids.provinceChat}`, "-100500"]]);
    const council = await planReminders(t.db, at(31, 3, 2027, 9), VN);
    const forHoa = council.find((d) => d.deadline.code === "tong-hop-quy");
    expect(forHoa?.recipient.key).toBe(`person:${ids.hoa}`);
    expect(forHoa?.quota.map((q) => [q.unitName, q.approved])).toEqual([
      ["Thị trấn Lâm Thao", 0],
      ["Xã Sơn Vi", 1],
      ["Xã Xuân Lũng", 0],
      ["Xã Tiên Kiên", 0],
    ]);
  });

  it("reaches nominators who submitted in the unit's subtree, not those with drafts only", async () => {
    await addDeadline(t.db, { code: "nhac-nguoi-de-cu", title: { vi: "Nhắc" }, recurrence: "MONTHLY", audience: "UNIT_NOMINATORS", unit: "PT-LT-SONVI", offsets: [0] }, null);
    const deliveries = await planReminders(t.db, at(31, 1, 2027, 9), VN);
    const nominators = deliveries.filter((d) => d.deadline.code === "nhac-nguoi-de-cu");
    expect(nominators.map((d) => d.recipient.key)).toEqual([`person:${ids.resident}`]);
    expect(nominators[0]?.key).toBe(`reminder:nhac-nguoi-de-cu:2027-01:0:person:${ids.resident}`);
  });
});
