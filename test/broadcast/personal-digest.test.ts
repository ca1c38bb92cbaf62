// Residents' own digest, end to end in one process with Telegram and the Zalo OA against their
// emulators: /nhanbantin and /getdigest in private (a unit named or not, a wrong one, a group
// refused), the digest in each reader's language and scope, Zalo's 7-day window refusing two
// OA residents (one known to the bot, one only to Zalo) as final outcomes tried once and shown
// in /bantin, no detour to a linked Telegram account, no backlog the week after, /ngungnhan.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { submitNomination, transition } from "../../core/nominations/lifecycle";
import { startEmulator, type Emulator } from "../../emulator/index";
import type { OaEmulator } from "../../emulator/zalo-oa/index";
import { seedStories } from "../publication/fixtures";
import { createTempDatabase, type TempDatabase } from "../support/temp-database";
import { startApp, type AppUnderTest } from "../support/zalo-app";
import { connectWebhook, startOaWorld } from "../support/zalo-oa-app";

let temp: TempDatabase;
let oa: OaEmulator;
let telegram: Emulator;
let bot: AppUnderTest;
const tg = {} as Record<"hoa" | "khoa" | "officer" | "minhLinked" | "member", number>;
const zalo = {} as Record<"lan" | "minh" | "tu", string>;
let groupId: number;
const eightDays = 8 * 24 * 3600_000;

/** A Telegram command and the bot's answer in that chat. */
async function tgCommand(userId: number, command: string, payload?: string, chatId = userId) {
  const sent = telegram.driver.sendCommand(userId, command, { ...(payload ? { payload } : {}), ...(chatId !== userId ? { chatId } : {}) });
  return telegram.driver.waitForBotMessage(chatId, { timeout: 10_000, predicate: (m) => m.messageId > sent.message_id });
}

/** An OA text and the bot's next answer to that person. */
async function oaCommand(userId: string, text: string) {
  oa.driver.skip(userId);
  await oa.driver.sendText(userId, text);
  return oa.driver.waitForMessage(userId);
}

/** /guibantin by the council officer; the final progress text. */
async function sendNow(): Promise<string> {
  const started = await tgCommand(tg.officer, "guibantin");
  expect(started.text).toContain("Bắt đầu gửi bản tin");
  const done = await telegram.driver.waitUntil(() => {
    const m = telegram.driver.botMessages(tg.officer).find((x) => x.messageId === started.messageId);
    return m && (m.text ?? "").includes("đã gửi xong") ? m : undefined;
  }, 20_000);
  return done.text ?? "";
}

/** One more approved story with consent, in Xã Sơn Vi, by a nominator the test does not watch. */
async function approveAnother(name: string): Promise<void> {
  const db = temp.db;
  const nominator = { personId: (await db.person.create({ data: { displayName: "Người đề cử" } })).id };
  const n = await db.nomination.create({
    data: {
      nominatorId: nominator.personId,
      channel: "TELEGRAM",
      nomineeKind: "INDIVIDUAL",
      nomineeName: name,
      unitId: (await db.unit.findUniqueOrThrow({ where: { code: "PT-LT-SONVI" } })).id,
      fieldId: (await db.field.findUniqueOrThrow({ where: { number: 14 } })).id,
      achievements: `Thành tích của ${name}.`,
      consent: "GIVEN",
      criteria: { create: { criterionId: (await db.criterion.findFirstOrThrow()).id } },
    },
  });
  await submitNomination(db, n.id, nominator.personId, { timeZone: "Asia/Ho_Chi_Minh" });
  await transition(db, { nominationId: n.id, from: "SUBMITTED", to: "APPROVED", action: "APPROVE", actorId: null, set: { decidedAt: new Date(), publicStory: `${name} dọn vệ sinh đường làng mỗi sáng.` } });
}

const texts = (userId: number) => telegram.driver.botMessages(userId).map((m) => m.text ?? m.caption ?? "");

beforeAll(async () => {
  temp = await createTempDatabase();
  const world = await startOaWorld();
  oa = world.oa;
  telegram = await startEmulator();
  bot = await startApp(temp.target, temp.dir, { zaloOa: world.settings, telegram: { token: telegram.token, apiRoot: telegram.apiRoot } });
  connectWebhook(oa, bot);
  const d = telegram.driver;
  tg.hoa = d.createUser({ firstName: "Hoa" }).id;
  tg.khoa = d.createUser({ firstName: "Khoa", languageCode: "en" }).id;
  tg.officer = d.createUser({ firstName: "Cán bộ", lastName: "Hội đồng" }).id;
  tg.minhLinked = d.createUser({ firstName: "Minh" }).id;
  tg.member = d.createUser({ firstName: "Thành viên" }).id;
  groupId = d.createChat({ type: "supergroup", title: "Tổ dân phố 3", creator: tg.member }).id;
  zalo.lan = oa.driver.createUser("Lan").userId;
  zalo.minh = oa.driver.createUser("Minh").userId;
  zalo.tu = oa.driver.createUser("Tú").userId;
  await seedStories(temp.db, path.join(temp.dir, "media"), [
    { key: "mai", name: "Lò Thị Mai", fieldNumber: 7, unitCode: "PT-LT-SONVI", approvedAt: "2026-11-20T03:00:00Z", state: "approved-only", photos: 1 },
    { key: "hoa", name: "Cầm Thị Hoa", fieldNumber: 6, unitCode: "SL-DTN", approvedAt: "2026-11-21T03:00:00Z", state: "approved-only" },
  ]);
  await tgCommand(tg.officer, "start");
  const officer = await temp.db.channelIdentity.findUniqueOrThrow({ where: { channel_externalId: { channel: "TELEGRAM", externalId: String(tg.officer) } } });
  await temp.db.roleAssignment.createMany({ data: [{ personId: officer.personId, role: "COUNCIL_OFFICER" }, { personId: officer.personId, role: "ADMIN" }] });
}, 60_000);

afterAll(async () => {
  await bot?.stop();
  await telegram?.close();
  await oa?.close();
  await temp?.cleanup();
});

describe("subscribing oneself", () => {
  it("on Telegram: the whole organisation, or one unit by code in English; a wrong unit and a group get a helpful answer", async () => {
    const hoa = await tgCommand(tg.hoa, "nhanbantin");
    expect(hoa.text).toContain("Bạn đã đăng ký nhận bản tin");
    expect(hoa.text).toContain("Phạm vi: Toàn tổ chức");
    expect(hoa.text).not.toContain("7 ngày");
    expect((await tgCommand(tg.khoa, "getdigest", "Không có đâu")).text).toContain('No unit matches "Không có đâu"');
    const khoa = await tgCommand(tg.khoa, "getdigest", "pt-lt");
    expect(khoa.text).toContain("You will get the weekly digest");
    expect(khoa.text).toContain("Scope: Huyện Lâm Thao");
    expect((await tgCommand(tg.member, "nhanbantin", undefined, groupId)).text).toContain("quản trị viên nhóm gõ /dangky");
    const subs = await temp.db.subscription.findMany({ include: { chat: true, unitScope: true } });
    expect(subs.map((s) => [s.chat.kind, s.chat.title, s.unitScope?.code ?? null, s.active])).toEqual([
      ["PRIVATE", null, null, true],
      ["PRIVATE", null, "PT-LT", true],
    ]);
  });

  it("on the OA: the answer says Zalo's 7-day rule", async () => {
    for (const userId of Object.values(zalo)) {
      const reply = await oaCommand(userId, "/nhanbantin");
      expect(reply.text).toContain("Bạn đã đăng ký nhận bản tin");
      expect(reply.text).toContain("trong 7 ngày kể từ tin nhắn gần nhất");
    }
    expect(await temp.db.subscription.count({ where: { active: true, chat: { channel: "ZALO_OA", kind: "PRIVATE" } } })).toBe(3);
  });
});

describe("the weekly stories to each subscriber", () => {
  it("reach each reader in their language and scope; Zalo's window is final, tried once, counted, and not sent to a linked account", async () => {
    // Minh also has a Telegram account linked; Zalo alone knows he has been quiet for 8 days.
    const minh = await temp.db.channelIdentity.findUniqueOrThrow({ where: { channel_externalId: { channel: "ZALO_OA", externalId: zalo.minh } } });
    await temp.db.channelIdentity.create({ data: { personId: minh.personId, channel: "TELEGRAM", externalId: String(tg.minhLinked) } });
    oa.state.users.get(zalo.minh)!.lastInteraction = oa.state.now() - eightDays;
    // The bot itself knows Tú has been quiet (its own record of the last interaction).
    await temp.db.zaloOaContact.update({ where: { userId: zalo.tu }, data: { lastInteractionAt: new Date(Date.now() - eightDays) } });

    const done = await sendNow();
    expect(done).toContain("Ngoài khung 7 ngày của Zalo: 2 người");

    const hoa = texts(tg.hoa).join("\n");
    expect(hoa).toContain("Lò Thị Mai");
    expect(hoa).toContain("Cầm Thị Hoa");
    const khoa = texts(tg.khoa).join("\n");
    expect(khoa).toContain("Lò Thị Mai");
    expect(khoa).not.toContain("Cầm Thị Hoa");
    expect(khoa).toContain("Good people, good deeds this week");
    expect(hoa).toContain("Gương người tốt, việc tốt tuần này");
    const lan = oa.state.sentTo(zalo.lan);
    expect(lan.some((m) => m.image)).toBe(true);
    expect(lan.map((m) => m.text).join("\n")).toContain("Cầm Thị Hoa");

    for (const quiet of [zalo.minh, zalo.tu]) {
      const rows = await temp.db.outboxMessage.findMany({ where: { chat: { externalId: quiet }, broadcastId: { not: null } } });
      expect(rows.length).toBe(4);
      for (const row of rows) expect(row).toMatchObject({ status: "FAILED", failureReason: "outside-window", attempts: 1 });
      expect(oa.state.sentTo(quiet).filter((m) => m.text.includes("Lò Thị Mai"))).toEqual([]);
    }
    // Zalo was asked once per part for Minh, never for Tú; nothing went to Minh's Telegram.
    expect(oa.state.windowRefusals.filter((r) => r.to === zalo.minh)).toHaveLength(4);
    expect(oa.state.windowRefusals.filter((r) => r.to === zalo.tu)).toHaveLength(0);
    expect(telegram.driver.botMessages(tg.minhLinked)).toEqual([]);

    const list = await tgCommand(tg.officer, "bantin");
    expect(list.text).toContain("Ngoài khung 7 ngày của Zalo: 2 người");
    const subscriptions = await tgCommand(tg.officer, "subscriptions");
    expect(subscriptions.text).toContain("Người dân tự đăng ký nhận bản tin riêng: 5 người");
    for (const id of [...Object.values(zalo), String(tg.hoa)]) expect(subscriptions.text).not.toContain(id);
  }, 60_000);

  it("the next week: a stopped resident gets nothing, a quiet one is not sent the missed stories again", async () => {
    expect((await tgCommand(tg.hoa, "ngungnhan")).text).toContain("Đã thôi gửi bản tin");
    expect((await tgCommand(tg.hoa, "ngungnhan")).text).toContain("Bạn chưa đăng ký nhận bản tin");
    const before = texts(tg.hoa).length;
    await approveAnother("Hà Văn Sơn");
    await sendNow();
    expect(texts(tg.hoa)).toHaveLength(before);
    expect(texts(tg.khoa).join("\n")).toContain("Hà Văn Sơn");
    const minhStories = await temp.db.outboxMessage.findMany({ where: { chat: { externalId: zalo.minh }, kind: "digest-story" }, select: { nominationId: true } });
    expect(minhStories).toHaveLength(3);
    expect(new Set(minhStories.map((r) => r.nominationId)).size).toBe(3);
  }, 60_000);
});
