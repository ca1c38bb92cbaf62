// Officers' typed decisions as Zalo users type them, and /link merging two people on a real
// SQLite file.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { issueLinkCode, redeemLinkCode } from "../../handlers/link";
import { parseTypedDecision } from "../../handlers/review/zalo-commands";
import { createTempDatabase, type TempDatabase } from "../support/temp-database";

describe("typed decisions", () => {
  it.each([
    ["DUYET GS-2026-0042", { action: "approve", code: { year: 2026, seq: 42 }, text: "" }],
    ["duyệt gs-2026-42", { action: "approve", code: { year: 2026, seq: 42 }, text: "" }],
    ["/duyet GS 2026 0042", { action: "approve", code: { year: 2026, seq: 42 }, text: "" }],
    ["TUCHOI GS-2026-0042 Trùng với hồ sơ khác", { action: "reject", code: { year: 2026, seq: 42 }, text: "Trùng với hồ sơ khác" }],
    ["từ chối GS-2026-7 Chưa đủ thông tin", { action: "reject", code: { year: 2026, seq: 7 }, text: "Chưa đủ thông tin" }],
    ["Bổ sung GS-2026-0042 Xin thêm ảnh", { action: "request-info", code: { year: 2026, seq: 42 }, text: "Xin thêm ảnh" }],
    ["SUABAI GS-2026-0042 Bà Mai\nnhiều năm", { action: "edit-story", code: { year: 2026, seq: 42 }, text: "Bà Mai\nnhiều năm" }],
  ])("reads %j", (typed, expected) => {
    expect(parseTypedDecision(typed)).toEqual(expected);
  });

  it.each(["duyệt", "Duyệt hồ sơ của bà Mai", "DUYET 2026-42", "constructor GS-2026-1", "Nguyễn Văn An", "GS-2026-0042"])("leaves %j alone", (typed) => {
    expect(parseTypedDecision(typed)).toBeNull();
  });
});

describe("/link", () => {
  let temp: TempDatabase;
  beforeAll(async () => {
    temp = await createTempDatabase();
  });
  afterAll(async () => {
    await temp.cleanup();
  });

  it("moves the newer person's account, nominations and roles onto the older person, once", async () => {
    const { db } = temp;
    const older = await db.person.create({ data: { displayName: "Lan (Telegram)", identities: { create: { channel: "TELEGRAM", externalId: "111" } } } });
    const newer = await db.person.create({ data: { displayName: "Lan (Zalo)", identities: { create: { channel: "ZALO", externalId: "z-111" } } } });
    const unit = await db.unit.findUniqueOrThrow({ where: { code: "PT-LT" } });
    await db.roleAssignment.create({ data: { personId: newer.id, role: "UNIT_OFFICER", unitId: unit.id } });
    await db.nomination.create({ data: { nominatorId: newer.id, channel: "ZALO", status: "DRAFT" } });

    const code = await issueLinkCode(db, older.id);
    expect(await redeemLinkCode(db, code, older.id)).toEqual({ linked: false, reason: "same-person" });
    expect(await redeemLinkCode(db, code, newer.id)).toEqual({ linked: true, personId: older.id });
    expect(await redeemLinkCode(db, code, newer.id)).toEqual({ linked: false, reason: "invalid" });

    const identities = await db.channelIdentity.findMany({ where: { personId: older.id }, orderBy: { channel: "asc" } });
    expect(identities.map((i) => i.channel)).toEqual(["TELEGRAM", "ZALO"]);
    expect(await db.roleAssignment.count({ where: { personId: older.id, role: "UNIT_OFFICER" } })).toBe(1);
    expect(await db.nomination.count({ where: { nominatorId: older.id } })).toBe(1);
    expect(await db.channelIdentity.count({ where: { personId: newer.id } })).toBe(0);
  });

  it("moves the newer person's records as grantor and author, and leaves the review log alone", async () => {
    const { db } = temp;
    const older = await db.person.create({ data: { displayName: "Minh (Telegram)", identities: { create: { channel: "TELEGRAM", externalId: "301" } } } });
    const newer = await db.person.create({ data: { displayName: "Minh (Zalo)", identities: { create: { channel: "ZALO", externalId: "z-301" } } } });
    const other = await db.person.create({ data: { displayName: "Cán bộ khác" } });
    const unit = await db.unit.findUniqueOrThrow({ where: { code: "PT-LT" } });
    const granted = await db.roleAssignment.create({ data: { personId: other.id, role: "UNIT_OFFICER", unitId: unit.id, grantedById: newer.id } });
    const chat = await db.chat.create({ data: { channel: "ZALO", externalId: "zg-301", kind: "GROUP" } });
    const group = await db.reviewGroup.create({ data: { chatId: chat.id, unitId: unit.id, boundById: newer.id } });
    const subscription = await db.subscription.create({ data: { chatId: chat.id, addedById: newer.id } });
    const deadline = await db.deadline.create({
      data: { code: "LINK-TEST", titleVi: "Họp sơ kết", recurrence: "ONCE", date: new Date("2026-12-05T00:00:00Z"), audience: "UNIT_OFFICERS", offsetsDays: [7], createdById: newer.id },
    });
    const broadcast = await db.broadcast.create({ data: { kind: "MANUAL", scheduledFor: new Date(), createdById: newer.id } });
    const nomination = await db.nomination.create({
      data: { nominatorId: other.id, channel: "TELEGRAM", status: "IN_REVIEW", storyEditedById: newer.id, consentConfirmedById: newer.id },
    });
    await db.reviewEvent.create({ data: { nominationId: nomination.id, actorId: newer.id, action: "EDIT_STORY", fromStatus: "IN_REVIEW", toStatus: "IN_REVIEW" } });

    const code = await issueLinkCode(db, older.id);
    expect(await redeemLinkCode(db, code, newer.id)).toEqual({ linked: true, personId: older.id });

    expect((await db.roleAssignment.findUniqueOrThrow({ where: { id: granted.id } })).grantedById).toBe(older.id);
    expect((await db.reviewGroup.findUniqueOrThrow({ where: { id: group.id } })).boundById).toBe(older.id);
    expect((await db.subscription.findUniqueOrThrow({ where: { id: subscription.id } })).addedById).toBe(older.id);
    expect((await db.deadline.findUniqueOrThrow({ where: { id: deadline.id } })).createdById).toBe(older.id);
    expect((await db.broadcast.findUniqueOrThrow({ where: { id: broadcast.id } })).createdById).toBe(older.id);
    expect(await db.nomination.findUniqueOrThrow({ where: { id: nomination.id } })).toMatchObject({ storyEditedById: older.id, consentConfirmedById: older.id });
    const events = await db.reviewEvent.findMany({ where: { nominationId: nomination.id } });
    expect(events.map((e) => e.actorId)).toEqual([newer.id]);
  });

  it("refuses an expired code and a second account on the same channel", async () => {
    const { db } = temp;
    const a = await db.person.create({ data: { displayName: "A", identities: { create: { channel: "TELEGRAM", externalId: "201" } } } });
    const b = await db.person.create({ data: { displayName: "B", identities: { create: { channel: "TELEGRAM", externalId: "202" } } } });
    const expired = await issueLinkCode(db, a.id, new Date(Date.now() - 16 * 60_000));
    expect(await redeemLinkCode(db, expired, b.id)).toEqual({ linked: false, reason: "invalid" });
    const fresh = await issueLinkCode(db, a.id);
    expect(await redeemLinkCode(db, fresh, b.id)).toEqual({ linked: false, reason: "channel-taken" });
    expect(await db.channelIdentity.count({ where: { personId: b.id } })).toBe(1);
  });
});
