// Officers who review on the Zalo OA but have not written to it for 7 days cannot be sent
// anything privately there. The card still goes to the unit's review group, and the daily
// review summary in that group names them (saying who still gets messages on a linked
// channel), so the council can ask them to write to the OA; /deadlines counts the reminders
// Zalo refused them and those that reached them on a linked channel. Telegram and the OA run
// in one process against their emulators; the summary and reminders come from /tick. Times
// are relative to the real clock, which the outbox and /deadlines read.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addLocalDays, formatDayMonthYear, localDateOf, toDateColumn } from "../../core/calendar/zoned-time";
import { submitNomination } from "../../core/nominations/lifecycle";
import { cardDestinations } from "../../core/review/routing";
import { startEmulator, type Emulator } from "../../emulator/index";
import type { OaEmulator } from "../../emulator/zalo-oa/index";
import { eventually } from "../scenarios/scenario";
import { createTempDatabase, type TempDatabase } from "../support/temp-database";
import { startApp, type AppUnderTest } from "../support/zalo-app";
import { connectWebhook, startOaWorld } from "../support/zalo-oa-app";

let temp: TempDatabase;
let oa: OaEmulator;
let telegram: Emulator;
let bot: AppUnderTest;
let admin: number;
let reviewGroup: number;
const officers = {} as Record<"lan" | "minh" | "tu" | "council", string>;
let minhTelegram: number;
const VN = "Asia/Ho_Chi_Minh";
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000);
const today = localDateOf(new Date(), VN);
/** The calendar's run: three days from now at 10:00, when the deadline's 7-day reminder is due. */
const tickAt = `${formatDayMonthYear(addLocalDays(today, 3))} 10:00`;

/** A Telegram command and the bot's answer in that chat. */
async function tgCommand(userId: number, command: string, payload?: string, chatId = userId) {
  const sent = telegram.driver.sendCommand(userId, command, { ...(payload ? { payload } : {}), ...(chatId !== userId ? { chatId } : {}) });
  return telegram.driver.waitForBotMessage(chatId, { timeout: 10_000, predicate: (m) => m.messageId > sent.message_id });
}

/** A person who wrote to the OA (so they have an identity and a contact), given a role, last heard at `lastAt`. */
async function oaOfficer(name: string, role: "UNIT_OFFICER" | "COUNCIL_OFFICER", lastAt: Date): Promise<string> {
  const userId = oa.driver.createUser(name).userId;
  await oa.driver.sendText(userId, "/start");
  await oa.driver.waitForMessage(userId);
  const identity = await temp.db.channelIdentity.findUniqueOrThrow({ where: { channel_externalId: { channel: "ZALO_OA", externalId: userId } } });
  const unitId = role === "UNIT_OFFICER" ? (await temp.db.unit.findUniqueOrThrow({ where: { code: "PT-LT-SONVI" } })).id : null;
  await temp.db.roleAssignment.create({ data: { personId: identity.personId, role, unitId } });
  await temp.db.zaloOaContact.update({ where: { userId }, data: { lastInteractionAt: lastAt } });
  return userId;
}

beforeAll(async () => {
  temp = await createTempDatabase();
  const world = await startOaWorld();
  oa = world.oa;
  telegram = await startEmulator();
  bot = await startApp(temp.target, temp.dir, {
    zaloOa: world.settings,
    telegram: { token: telegram.token, apiRoot: telegram.apiRoot },
    calendar: { cron: null, allowTimeTravel: true, quietHours: null },
  });
  connectWebhook(oa, bot);
  admin = telegram.driver.createUser({ firstName: "Quản trị" }).id;
  await tgCommand(admin, "start");
  const adminPerson = await temp.db.channelIdentity.findUniqueOrThrow({ where: { channel_externalId: { channel: "TELEGRAM", externalId: String(admin) } } });
  await temp.db.roleAssignment.create({ data: { personId: adminPerson.personId, role: "ADMIN" } });
  reviewGroup = telegram.driver.createChat({ type: "supergroup", title: "Duyệt hồ sơ Lâm Thao", creator: admin }).id;
  expect((await tgCommand(admin, "reviewgroup", "PT-LT", reviewGroup)).text).toContain("nhóm xét duyệt");

  officers.lan = await oaOfficer("Lò Thị Lan", "UNIT_OFFICER", daysAgo(11));
  officers.minh = await oaOfficer("Hà Văn Minh", "UNIT_OFFICER", daysAgo(12));
  officers.tu = await oaOfficer("Đinh Văn Tú", "UNIT_OFFICER", daysAgo(2));
  officers.council = await oaOfficer("Cầm Thị Xuân", "COUNCIL_OFFICER", daysAgo(30));
  // Minh also linked a Telegram account, used less lately than the OA (reminders go to the OA first).
  const minh = await temp.db.channelIdentity.findUniqueOrThrow({ where: { channel_externalId: { channel: "ZALO_OA", externalId: officers.minh } } });
  minhTelegram = telegram.driver.createUser({ firstName: "Minh" }).id;
  await temp.db.channelIdentity.create({ data: { personId: minh.personId, channel: "TELEGRAM", externalId: String(minhTelegram), lastSeenAt: daysAgo(60) } });
  // A report due in ten days, reminding the district's unit officers a week before.
  await temp.db.deadline.create({
    data: {
      code: "bao-cao-quy",
      titleVi: "Nộp báo cáo gương điển hình quý",
      recurrence: "ONCE",
      date: toDateColumn(addLocalDays(today, 10)),
      audience: "UNIT_OFFICERS",
      unitScopeId: (await temp.db.unit.findUniqueOrThrow({ where: { code: "PT-LT" } })).id,
      offsetsDays: [7],
    },
  });

  // A nomination of Xã Sơn Vi waiting since 20/11.
  const nominator = await temp.db.person.create({ data: { displayName: "Người đề cử" } });
  const n = await temp.db.nomination.create({
    data: {
      nominatorId: nominator.id,
      channel: "ZALO_OA",
      nomineeKind: "INDIVIDUAL",
      nomineeName: "Vi Thị Hằng",
      unitId: (await temp.db.unit.findUniqueOrThrow({ where: { code: "PT-LT-SONVI" } })).id,
      fieldId: (await temp.db.field.findUniqueOrThrow({ where: { number: 14 } })).id,
      achievements: "Dọn rác bờ suối mỗi cuối tuần.",
      consent: "GIVEN",
      criteria: { create: { criterionId: (await temp.db.criterion.findFirstOrThrow()).id } },
    },
  });
  await submitNomination(temp.db, n.id, nominator.id, { timeZone: VN, now: daysAgo(10) });
}, 60_000);

afterAll(async () => {
  await bot?.stop();
  await telegram?.close();
  await oa?.close();
  await temp?.cleanup();
});

describe("officers out of the OA's reach", () => {
  it("the card still goes to the unit's review group", async () => {
    const unit = await temp.db.unit.findUniqueOrThrow({ where: { code: "PT-LT-SONVI" } });
    const destinations = await cardDestinations(temp.db, unit.path, "UNIT");
    expect(destinations).toEqual([expect.objectContaining({ kind: "group", channel: "TELEGRAM", externalId: String(reviewGroup) })]);
  });

  it("the daily review summary names the unit's officers silent on the OA for 7 days, and only them", async () => {
    const ran = await tgCommand(admin, "tick", tickAt);
    expect(ran.text).toContain("Đã chạy các việc định kỳ");
    const summary = await telegram.driver.waitForBotMessage(reviewGroup, { timeout: 10_000, predicate: (m) => (m.text ?? "").includes("chờ duyệt quá") });
    const text = summary.text ?? "";
    expect(text).toContain("Vi Thị Hằng");
    expect(text).toContain("2 cán bộ không nhận được tin nhắn riêng qua Zalo OA vì đã hơn 7 ngày chưa nhắn cho OA");
    expect(text).toContain("• Hà Văn Minh (vẫn nhận qua kênh đã liên kết)");
    expect(text).toMatch(/• Lò Thị Lan$/m);
    expect(text).not.toContain("Đinh Văn Tú");
    // The council's officer is not this group's to chase.
    expect(text).not.toContain("Cầm Thị Xuân");
    // Nothing went to the quiet officers on the OA for it.
    for (const userId of [officers.lan, officers.minh]) expect(oa.state.sentTo(userId).filter((m) => m.text.includes("chờ duyệt quá"))).toEqual([]);
  });

  it("/deadlines counts the reminders Zalo's window kept from them, and those that reached a linked account", async () => {
    // The same run queued the reminder: Tú gets it on the OA, Lan nowhere, Minh on Telegram.
    await oa.driver.waitForMessage(officers.tu, { match: (m) => m.text.includes("Nộp báo cáo gương điển hình quý") });
    const onTelegram = await telegram.driver.waitForBotMessage(minhTelegram, { timeout: 10_000 });
    expect(onTelegram.text).toContain("Nộp báo cáo gương điển hình quý");
    await eventually(async () => expect(await temp.db.outboxMessage.count({ where: { kind: "reminder", status: { in: ["PENDING", "SENDING"] } } })).toBe(0));
    for (const userId of [officers.lan, officers.minh]) expect(oa.state.sentTo(userId).filter((m) => m.text.includes("Nộp báo cáo"))).toEqual([]);
    const list = await tgCommand(admin, "hanchot");
    expect(list.text).toContain("Nộp báo cáo gương điển hình quý");
    expect(list.text).toContain("Ngoài khung 7 ngày của Zalo: 2 lời nhắc không gửi được qua Zalo OA (người nhận đã lâu không nhắn cho OA); 1 đã tới qua kênh đã liên kết.");
  });
});
