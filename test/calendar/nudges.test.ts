// Draft nudges and stale-review summaries with a fake clock on a real SQLite file.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { quotaProgress } from "../../core/calendar/quota";
import { claimReminder, draftNudges, recordDraftNudge, staleReviews } from "../../core/calendar/record";
import { periodOf, zonedInstant } from "../../core/calendar/zoned-time";
import { createTempDatabase, type TempDatabase } from "../support/temp-database";
import { group, nomination, person, unitByCode } from "./fixtures";

const VN = "Asia/Ho_Chi_Minh";
const at = (day: number, month: number, year: number, hour: number, minute = 0) => zonedInstant({ year, month, day, hour, minute }, VN);
const hours = (h: number) => h * 3_600_000;
let t: TempDatabase;

beforeAll(async () => {
  t = await createTempDatabase();
});
afterAll(async () => {
  await t.cleanup();
});

describe("draft nudges", () => {
  it("nudges after 48 idle hours, at most twice per draft, never in quiet hours", async () => {
    const nominator = await person(t.db, "Mai", "2001");
    const started = at(2, 11, 2026, 9);
    const draft = await nomination(t.db, { nominatorId: nominator.id, status: "DRAFT", lastActivityAt: started, nomineeName: "Bà Tư" });
    const nudged: { key: string; at: Date }[] = [];
    // Hourly ticks over ten days; every due nudge is claimed as the job would.
    for (let ms = started.getTime(); ms < started.getTime() + hours(240); ms += hours(1)) {
      const now = new Date(ms);
      for (const nudge of await draftNudges(t.db, now, VN)) {
        const claimed = await t.db.$transaction((tx) => recordDraftNudge(tx, nudge, now));
        if (claimed) nudged.push({ key: nudge.key, at: now });
        expect(nudge).toMatchObject({ chat: { channel: "TELEGRAM", externalId: "2001" }, nomineeName: "Bà Tư" });
      }
    }
    expect(nudged).toEqual([
      { key: `nudge:draft:${draft.id}:1`, at: at(4, 11, 2026, 9) },
      { key: `nudge:draft:${draft.id}:2`, at: at(6, 11, 2026, 9) },
    ]);
    expect((await t.db.nomination.findUniqueOrThrow({ where: { id: draft.id } })).nudgeCount).toBe(2);
  });

  it("waits for the morning when the 48 hours end at night, and leaves active or submitted drafts alone", async () => {
    const nominator = await person(t.db, "Nam", "2002");
    const night = await nomination(t.db, { nominatorId: nominator.id, status: "DRAFT", lastActivityAt: at(10, 11, 2026, 22) });
    await nomination(t.db, { nominatorId: nominator.id, status: "DRAFT", lastActivityAt: at(11, 11, 2026, 12) });
    await nomination(t.db, { nominatorId: nominator.id, status: "SUBMITTED", lastActivityAt: at(1, 11, 2026, 12) });
    const ours = async (now: Date) => (await draftNudges(t.db, now, VN)).filter((n) => n.personId === nominator.id).map((n) => n.nominationId);
    expect(await ours(at(12, 11, 2026, 23))).toEqual([]);
    expect(await ours(at(13, 11, 2026, 6, 59))).toEqual([]);
    expect(await ours(at(13, 11, 2026, 7))).toEqual([night.id]);
  });

  it("a second instance claiming the same nudge is refused", async () => {
    const nominator = await person(t.db, "Bình", "2003");
    await nomination(t.db, { nominatorId: nominator.id, status: "DRAFT", lastActivityAt: at(1, 11, 2026, 9) });
    const now = at(20, 11, 2026, 9);
    const [nudge] = (await draftNudges(t.db, now, VN)).filter((n) => n.personId === nominator.id);
    if (!nudge) throw new Error("expected a nudge");
    expect(await t.db.$transaction((tx) => recordDraftNudge(tx, nudge, now))).toBe(true);
    expect(await t.db.$transaction((tx) => recordDraftNudge(tx, nudge, now))).toBe(false);
    expect(await t.db.reminderLog.count({ where: { key: nudge.key } })).toBe(1);
  });
});

describe("stale review summaries", () => {
  it("lists nominations waiting over 3 days by review group, oldest first, once per group per day", async () => {
    const db = t.db;
    const nominator = await person(db, "Hùng", "2004");
    const districtChat = await group(db, "-300100", "Tổ thẩm định Lâm Thao");
    const councilChat = await group(db, "-300200", "Hội đồng TĐKT");
    const sonLaChat = await group(db, "-300300", "Sơn La");
    await db.reviewGroup.create({ data: { chatId: districtChat.id, unitId: (await unitByCode(db, "PT-LT")).id } });
    await db.reviewGroup.create({ data: { chatId: councilChat.id, unitId: null } });
    await db.reviewGroup.create({ data: { chatId: sonLaChat.id, unitId: (await unitByCode(db, "SL-DTN")).id } });
    const now = at(23, 11, 2026, 9);
    const newer = await nomination(db, { nominatorId: nominator.id, unitCode: "PT-LT-SONVI-K2", status: "SUBMITTED", lastActivityAt: at(18, 11, 2026, 10), nomineeName: "B" });
    const older = await nomination(db, { nominatorId: nominator.id, unitCode: "PT-LT-XUANLUNG", status: "NEEDS_INFO", lastActivityAt: at(12, 11, 2026, 10), nomineeName: "A" });
    await nomination(db, { nominatorId: nominator.id, unitCode: "PT-LT-SONVI", status: "SUBMITTED", lastActivityAt: at(21, 11, 2026, 10) });
    await nomination(db, { nominatorId: nominator.id, unitCode: "PT-LT-SONVI", status: "APPROVED", lastActivityAt: at(1, 11, 2026, 10) });
    const atCouncil = await nomination(db, { nominatorId: nominator.id, unitCode: "PT-LT-SONVI", status: "IN_REVIEW", reviewLevel: 1, lastActivityAt: at(15, 11, 2026, 10) });
    const noGroup = await nomination(db, { nominatorId: nominator.id, unitCode: "PT", status: "SUBMITTED", lastActivityAt: at(16, 11, 2026, 10) });

    // An earlier test left a submitted nomination without a unit: it goes to the council too.
    const mine = new Set([newer.id, older.id, atCouncil.id, noGroup.id]);
    const summaries = await staleReviews(db, now, VN);
    expect(summaries.map((s) => [s.chat.externalId, s.key, s.nominations.filter((n) => mine.has(n.id)).map((n) => [n.id, n.waitingDays])])).toEqual([
      ["-300100", `review-summary:${districtChat.id}:2026-11-23`, [[older.id, 10], [newer.id, 4]]],
      ["-300200", `review-summary:${councilChat.id}:2026-11-23`, [[atCouncil.id, 7], [noGroup.id, 6]]],
    ]);
    expect(await staleReviews(db, at(23, 11, 2026, 22), VN)).toEqual([]);

    const claim = (s: (typeof summaries)[number], when: Date) => claimReminder(db, s.key, { kind: "review-summary", recipient: `chat:${s.chatId}`, now: when });
    const district = summaries[0];
    if (!district) throw new Error("expected a summary");
    expect(await claim(district, now)).toBe(true);
    const later = (await staleReviews(db, at(23, 11, 2026, 17), VN))[0];
    expect(later && (await claim(later, at(23, 11, 2026, 17)))).toBe(false);
    const tomorrow = (await staleReviews(db, at(24, 11, 2026, 8), VN))[0];
    expect(tomorrow?.key).toBe(`review-summary:${districtChat.id}:2026-11-24`);
    expect(tomorrow && (await claim(tomorrow, at(24, 11, 2026, 8)))).toBe(true);
  });
});

describe("quota without decidedAt", () => {
  it("falls back to the time of the APPROVE review event", async () => {
    const db = t.db;
    const nominator = await person(db, "Thu", "2005");
    const n = await nomination(db, { nominatorId: nominator.id, unitCode: "PT-LT-TIENKIEN", status: "APPROVED", decidedAt: null });
    await db.reviewEvent.create({ data: { nominationId: n.id, action: "APPROVE", fromStatus: "SUBMITTED", toStatus: "APPROVED", createdAt: at(31, 12, 2026, 23, 30) } });
    const unit = await unitByCode(db, "PT-LT-TIENKIEN");
    const count = async (now: Date) =>
      (await quotaProgress(db, { unitIds: [unit.id], quota: 3, period: periodOf(now, "QUARTERLY", VN), due: { year: 2027, month: 3, day: 31 }, now, timeZone: VN }))[0]?.approved;
    expect(await count(at(31, 12, 2026, 23, 45))).toBe(1);
    expect(await count(at(1, 1, 2027, 0, 30))).toBe(0);
  });
});
