// Officers' consent commands and the admins' audit log, end to end over the emulator and a
// SQLite file: /dongy records a nominee's (or a guardian's) confirmation and makes the story
// publishable; /rutdongy takes it off the digest and the public site and cancels the digest
// messages still queued; /nhatky (/auditlog) lists who opened a nomination's private details,
// and only for admins.
import { beforeAll, describe, expect, it } from "vitest";
import { storiesForChat } from "../../core/digest/stories";
import { publicStories } from "../../core/publication/select";
import { grantRole } from "../../core/review/officers";
import { ChatUser, useBotRig } from "../support/bot-app";
import { person, seedNomination, vnNoon } from "../reports/fixtures";

const ids = { admin: 7_400_001, officer: 7_400_002, resident: 7_400_003 };
const groupExternalId = -7_400_100;
const seeded: Record<"approved" | "published" | "submitted", { id: number; code: string }> = {} as never;
let groupChatId = 0;

const rig = useBotRig({ adminTelegramIds: [String(ids.admin)] }, async ({ db }) => {
  const nominator = await person(db, "Người Đề Cử Ẩn");
  const unit = "PT-LT-SONVI";
  seeded.approved = await seedNomination(db, nominator, { unit, status: "APPROVED", submittedAt: vnNoon(2026, 11, 2), decidedAt: vnNoon(2026, 11, 9), name: "Bà Chưa Hỏi", publicStory: "Bà giúp bà con." });
  await db.nomination.update({ where: { id: seeded.approved.id }, data: { consent: "NOT_ASKED" } });
  seeded.published = await seedNomination(db, nominator, { unit, status: "PUBLISHED", submittedAt: vnNoon(2026, 10, 2), decidedAt: vnNoon(2026, 10, 9), name: "Ông Đã Đăng", publicStory: "Ông sửa đường làng." });
  seeded.submitted = await seedNomination(db, nominator, { unit, status: "SUBMITTED", submittedAt: vnNoon(2026, 11, 20), name: "Cô Đang Chờ" });
  const chat = await db.chat.create({ data: { channel: "TELEGRAM", externalId: String(groupExternalId), kind: "SUPERGROUP", title: "Khu phố 3" } });
  await db.subscription.create({ data: { chatId: chat.id } });
  groupChatId = chat.id;
  for (const [key, name] of [["officer", "Trần Văn Cán"], ["resident", "Lý Thị Dân"]] as const) {
    const p = await db.person.create({ data: { displayName: name, language: key === "resident" ? "en" : "vi", identities: { create: { channel: "TELEGRAM", externalId: String(ids[key]) } } } });
    if (key === "officer") await grantRole(db, { personId: p.id, role: "UNIT_OFFICER", unitId: (await db.unit.findUniqueOrThrow({ where: { code: unit } })).id, grantedById: null });
  }
});

const users = {} as Record<keyof typeof ids, ChatUser>;
beforeAll(() => {
  rig.emulator.driver.createUser({ id: ids.admin, firstName: "Quản trị", languageCode: "vi" });
  rig.emulator.driver.createUser({ id: ids.officer, firstName: "Trần Văn Cán", languageCode: "vi" });
  rig.emulator.driver.createUser({ id: ids.resident, firstName: "Lý Thị Dân", languageCode: "en" });
  for (const key of Object.keys(ids) as (keyof typeof ids)[]) users[key] = new ChatUser(rig.emulator, ids[key]);
});

const inDigest = async (id: number) => (await storiesForChat(rig.bot.db, { chatId: groupChatId, unitScopePath: null, fieldIds: [] })).some((s) => s.nominationId === id);
const onSite = async (id: number) => (await publicStories(rig.bot.db)).some((s) => s.nominationId === id);

describe("consent commands", () => {
  it("/dongy by an officer records the nominee's confirmation; the story becomes publishable", async () => {
    const db = rig.bot.db;
    expect(await inDigest(seeded.approved.id)).toBe(false);
    const reply = await users.officer.command("dongy", seeded.approved.code);
    expect(reply.text).toContain(`Đã ghi nhận sự đồng ý cho hồ sơ ${seeded.approved.code} (do người được đề cử tự xác nhận)`);
    const officer = await db.channelIdentity.findFirstOrThrow({ where: { externalId: String(ids.officer) } });
    const record = await db.consentRecord.findFirstOrThrow({ where: { nominationId: seeded.approved.id } });
    expect(record).toMatchObject({ source: "NOMINEE", change: "GIVEN", recordedById: officer.personId, locale: "vi" });
    expect(record.wording).toContain(`Người được đề cử của hồ sơ ${seeded.approved.code} xác nhận`);
    expect(await db.nomination.findUniqueOrThrow({ where: { id: seeded.approved.id } })).toMatchObject({ consent: "GIVEN", consentConfirmedById: officer.personId });
    expect(await db.auditEntry.count({ where: { action: "RECORD_CONSENT", nominationId: seeded.approved.id, actorId: officer.personId } })).toBe(1);
    expect(await inDigest(seeded.approved.id)).toBe(true);
  });

  it("/dongy … giamho records a guardian's consent; without a code it says how; outside one's units it is refused", async () => {
    expect((await users.officer.command("dongy", `${seeded.published.code} giamho`)).text).toContain("của cha mẹ hoặc người giám hộ");
    expect(await rig.bot.db.consentRecord.count({ where: { nominationId: seeded.published.id, source: "GUARDIAN", change: "GIVEN" } })).toBe(1);
    expect((await users.officer.command("dongy")).text).toContain("Cách dùng: /dongy GS-2026-0042");
    const refused = await users.resident.command("dongy", seeded.approved.code);
    expect(refused.text).toContain(seeded.approved.code);
    expect(await rig.bot.db.consentRecord.count({ where: { nominationId: seeded.approved.id } })).toBe(1);
  });

  it("/rutdongy unpublishes: off the digest and the public site, queued digest messages cancelled", async () => {
    const db = rig.bot.db;
    // A digest part for the story still waiting in the outbox (held back by the group's pace).
    const queued = await db.outboxMessage.create({
      data: { idempotencyKey: "digest-test:queued", chatId: groupChatId, kind: "digest-story", payload: { type: "text", html: "Bà Chưa Hỏi" }, nominationId: seeded.approved.id, nextAttemptAt: new Date(Date.now() + 3_600_000) },
    });
    // The published one was already sent: the public site shows it.
    await db.outboxMessage.create({ data: { idempotencyKey: "digest-test:sent", chatId: groupChatId, kind: "digest-story", payload: { type: "text", html: "Ông Đã Đăng" }, nominationId: seeded.published.id, status: "SENT", sentAt: new Date() } });
    expect(await onSite(seeded.published.id)).toBe(true);

    expect((await users.officer.command("rutdongy", seeded.approved.code)).text).toContain("câu chuyện không còn được gửi trong bản tin");
    expect((await db.outboxMessage.findUniqueOrThrow({ where: { id: queued.id } })).status).toBe("CANCELLED");
    expect(await inDigest(seeded.approved.id)).toBe(false);
    expect(await db.nomination.findUniqueOrThrow({ where: { id: seeded.approved.id } })).toMatchObject({ consent: "WITHDRAWN", consentConfirmedById: null });
    expect(await db.consentRecord.count({ where: { nominationId: seeded.approved.id, change: "WITHDRAWN" } })).toBe(1);

    await users.officer.command("rutdongy", seeded.published.code);
    expect(await onSite(seeded.published.id)).toBe(false);
    expect(await db.outboxMessage.count({ where: { nominationId: seeded.published.id, status: "SENT" } })).toBe(1);
  });
});

describe("the audit log", () => {
  it("records an officer opening a nomination's private details; /nhatky shows it to admins", async () => {
    const list = await users.officer.command("choduyet");
    const open = list.buttons.flat().find((b) => b.text === `Mở ${seeded.submitted.code}`);
    expect(open, "the /pending list offers the nomination").toBeDefined();
    // Reads the officer's new messages in order until one matches.
    const nextMatching = async (match: (text: string, labels: string[]) => boolean) => {
      for (;;) {
        const m = await users.officer.reply();
        if (match(m.text ?? "", m.buttons.flat().map((b) => b.text))) return m;
      }
    };
    rig.emulator.driver.pressButton(ids.officer, { text: open!.text });
    const card = await nextMatching((text, labels) => text.startsWith("📋") && labels.includes("📄 Xem đầy đủ"));
    rig.emulator.driver.pressButton(ids.officer, { messageId: card.messageId, text: "📄 Xem đầy đủ" });
    const full = await nextMatching((text) => text.includes("0912345678"));
    expect(full.text).toContain(seeded.submitted.code);

    const log = await users.admin.command("nhatky", seeded.submitted.code);
    expect(log.text).toContain(`Nhật ký truy cập hồ sơ ${seeded.submitted.code}`);
    expect(log.text).toMatch(/Trần Văn Cán: xem thông tin riêng \(liên hệ, toàn văn\)/);
    const consentLog = await users.admin.command("auditlog", seeded.approved.code);
    expect(consentLog.text).toContain("Trần Văn Cán: ghi nhận sự đồng ý công khai");
    expect(consentLog.text).toContain("Trần Văn Cán: rút lại sự đồng ý công khai");
  });

  it("is refused to officers and residents, in their language", async () => {
    expect((await users.officer.command("nhatky", seeded.submitted.code)).text).toContain("Chỉ quản trị viên mới xem được nhật ký truy cập");
    const resident = await users.resident.command("auditlog", seeded.submitted.code);
    expect(resident.text).toMatch(/admins/i);
    expect(resident.text).not.toContain("Trần Văn Cán");
    expect((await users.admin.command("nhatky")).text).toContain("Cách dùng: /nhatky GS-2026-0042");
  });
});

describe("help", () => {
  it("/help names the personal-data and consent commands, in the person's language", async () => {
    const help = await users.resident.command("help");
    for (const command of ["/mydata", "/deletemydata", "/consent GS-", "/withdrawconsent GS-", "/auditlog GS-"]) expect(help.text).toContain(command);
    const vi = await users.officer.command("trogiup");
    for (const command of ["/dulieu", "/xoadulieu", "/dongy GS-", "/rutdongy GS-", "/nhatky GS-"]) expect(vi.text).toContain(command);
  });
});
