// The council's preview and the scheduled send, driven by calling the jobs with a fake clock:
// a story dropped stays out, a held digest is not sent by the schedule and goes out when
// released. Then a restart of the bot app in the middle of a run: every part arrives once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { submitNomination, transition } from "../../core/nominations/lifecycle";
import { startEmulator, type Emulator, type MessageView } from "../../emulator/index";
import { startBot, ChatUser, type BotUnderTest } from "../support/bot-app";
import { createTempDatabase, type TempDatabase } from "../support/temp-database";

let temp: TempDatabase;
let emulator: Emulator;
let bot: BotUnderTest;
const ids = {} as Record<"admin" | "council" | "outsider" | "nominator", number>;
let councilGroup: number;
const groups: number[] = [];

const driver = () => emulator.driver;
/**
 * The fake clock: Sunday 15/11/2026 17:00 in Hà Nội (the preview) and Monday 08:00 after it.
 * Past instants, because the outbox holds a part until its moment by the real clock.
 */
const sundayEvening = new Date("2026-11-15T10:00:00Z");
const mondayMorning = new Date("2026-11-16T01:00:00Z");

async function approvedStory(name: string) {
  const db = temp.db;
  const nominator = await db.channelIdentity.findUniqueOrThrow({ where: { channel_externalId: { channel: "TELEGRAM", externalId: String(ids.nominator) } } });
  const unit = await db.unit.findUniqueOrThrow({ where: { code: "PT-LT-SONVI" } });
  const field = await db.field.findUniqueOrThrow({ where: { number: 14 } });
  const n = await db.nomination.create({
    data: { nominatorId: nominator.personId, channel: "TELEGRAM", nomineeKind: "INDIVIDUAL", nomineeName: name, unitId: unit.id, fieldId: field.id, achievements: "…", consent: "GIVEN", criteria: { create: { criterionId: (await db.criterion.findFirstOrThrow()).id } } },
  });
  await submitNomination(db, n.id, nominator.personId, { timeZone: "Asia/Ho_Chi_Minh" });
  await transition(db, { nominationId: n.id, from: "SUBMITTED", to: "APPROVED", action: "APPROVE", actorId: null, set: { decidedAt: new Date(), publicStory: "Một việc tốt đáng học tập." } });
  return n.id;
}

/** Subscribes a new group through the chat, whole organisation, all fields. */
async function subscribedGroup(title: string): Promise<number> {
  const chatId = driver().createChat({ type: "group", title, creator: ids.admin }).id;
  const sent = driver().sendCommand(ids.admin, "subscribe", { chatId });
  const screen = await driver().waitForBotMessage(chatId, { predicate: (m) => m.messageId > sent.message_id });
  driver().pressButton(ids.admin, { chatId, messageId: screen.messageId, text: "➡️ Chọn lĩnh vực" });
  await driver().waitUntil(() => (driver().chatMessages(chatId).find((m) => m.messageId === screen.messageId)?.editCount ?? 0) > 0 || undefined);
  driver().pressButton(ids.admin, { chatId, messageId: screen.messageId, text: "✔️ Xác nhận đăng ký" });
  await driver().waitUntil(() => ((driver().chatMessages(chatId).find((m) => m.messageId === screen.messageId)?.text ?? "").includes("Đã đăng ký") ? true : undefined));
  return chatId;
}

/** The preview message in the council group as it is now. */
const previewNow = (messageId: number) => driver().chatMessages(councilGroup).find((m) => m.messageId === messageId)!;

async function press(userId: number, message: MessageView, text: string) {
  const before = previewNow(message.messageId).editCount;
  const query = driver().pressButton(userId, { chatId: councilGroup, messageId: message.messageId, text });
  const answer = await driver().waitForCallbackAnswer(query);
  if (!answer.show_alert) await driver().waitUntil(() => (previewNow(message.messageId).editCount > before ? true : undefined));
  return { answer, message: previewNow(message.messageId) };
}

beforeAll(async () => {
  temp = await createTempDatabase();
  emulator = await startEmulator();
  const d = emulator.driver;
  ids.admin = d.createUser({ firstName: "Quản trị" }).id;
  ids.council = d.createUser({ firstName: "Phạm Quốc", lastName: "Việt" }).id;
  ids.outsider = d.createUser({ firstName: "Đỗ Văn", lastName: "Khách" }).id;
  ids.nominator = d.createUser({ firstName: "Nguyễn Thị", lastName: "Lan" }).id;
  councilGroup = d.createChat({ type: "supergroup", title: "Hội đồng TĐKT", creator: ids.admin, members: [ids.council, ids.outsider] }).id;
  bot = await startBot(emulator, temp.target, temp.dir, { adminTelegramIds: [String(ids.admin)], broadcast: { digestCron: null, progressIntervalMs: 200, now: () => mondayMorning } });
  await new ChatUser(emulator, ids.nominator).command("start");
  await new ChatUser(emulator, ids.admin).command("officer_add", `${ids.council} council`);
  const bound = d.sendCommand(ids.admin, "reviewgroup", { chatId: councilGroup, payload: "council" });
  await d.waitForBotMessage(councilGroup, { predicate: (m) => m.messageId > bound.message_id });
  groups.push(await subscribedGroup("Khu 1 Sơn Vi"), await subscribedGroup("Khu 2 Sơn Vi"));
});

afterAll(async () => {
  await bot.stop();
  await emulator.close();
  await temp.cleanup();
});

describe("the preview and the schedule", () => {
  let preview: MessageView;

  it("the preview reaches the council group with a button per story and a hold button", async () => {
    await approvedStory("Lò Văn Dũng");
    await approvedStory("Quàng Thị Én");
    expect(await bot.app.broadcastJobs.preview.run(sundayEvening)).toBe(1);
    preview = await driver().waitForBotMessage(councilGroup, { predicate: (m) => (m.text ?? "").includes("Xem trước bản tin tuần") });
    expect(preview.text).toContain("08:00 16/11/2026");
    expect(preview.text).toContain("tới 2 nhóm, 2 câu chuyện");
    expect(preview.buttons.flat().map((b) => b.text)).toEqual(["🚫 Bỏ 1. Lò Văn Dũng", "🚫 Bỏ 2. Quàng Thị Én", "⏸ Tạm hoãn cả bản tin"]);
    // Running the preview job again (a restart on Sunday evening) sends no second preview.
    expect(await bot.app.broadcastJobs.preview.run(sundayEvening)).toBe(0);
  });

  it("refuses a member who is not a council officer; the officer drops a story and holds the digest", async () => {
    const refused = await press(ids.outsider, preview, "🚫 Bỏ 1. Lò Văn Dũng");
    expect(refused.answer).toMatchObject({ show_alert: true });
    expect(refused.answer.text).toContain("chỉ dành cho cán bộ Hội đồng");
    const dropped = await press(ids.council, preview, "🚫 Bỏ 1. Lò Văn Dũng");
    expect(dropped.message.text).toContain("đã bỏ khỏi bản tin");
    expect(dropped.message.buttons.flat().map((b) => b.text)).toContain("↩️ Giữ lại 1. Lò Văn Dũng");
    const held = await press(ids.council, preview, "⏸ Tạm hoãn cả bản tin");
    expect(held.message.text).toContain("tạm hoãn");
    expect(held.message.buttons.flat().map((b) => b.text)).toContain("▶️ Gửi ngay");
  });

  it("the schedule leaves a held digest alone", async () => {
    const outcome = await bot.app.broadcastJobs.digest.run(mondayMorning);
    expect(outcome).toMatchObject({ outcome: "held" });
    expect(await temp.db.outboxMessage.count({ where: { kind: { startsWith: "digest-" }, NOT: { kind: "digest-preview" } } })).toBe(0);
  });

  it("released, it goes out without the dropped story; the schedule then has nothing held", async () => {
    const released = await press(ids.council, preview, "▶️ Gửi ngay");
    expect(released.message.text).toContain("Bản tin đã được gửi đi");
    const progress = await driver().waitForBotMessage(councilGroup, { predicate: (m) => (m.text ?? "").includes("Bắt đầu gửi bản tin") });
    await driver().waitUntil(() => ((previewNowIn(councilGroup, progress.messageId).text ?? "").includes("đã gửi xong") ? true : undefined), 10_000);
    for (const chatId of groups) {
      const text = driver().botMessages(chatId).map((m) => m.text ?? "").join("\n");
      expect(text).toContain("Quàng Thị Én");
      expect(text).not.toContain("Lò Văn Dũng");
    }
    const broadcast = await temp.db.broadcast.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(broadcast.status).toBe("DONE");
    // A later run sends the story that was dropped from this one.
    const next = await bot.app.broadcastJobs.digest.run(new Date("2026-11-17T01:00:00Z"));
    expect(next).toMatchObject({ outcome: "planned", chats: 2, stories: 1 });
    await until(async () => (await temp.db.outboxMessage.count({ where: { status: { in: ["PENDING", "SENDING"] } } })) === 0);
    expect(await bot.app.broadcastJobs.settle.run(new Date("2026-11-17T01:05:00Z"))).toBe(1);
    await driver().waitForBotMessage(ids.nominator, { timeout: 5000, predicate: (m) => (m.text ?? "").includes("Lò Văn Dũng") });
  });
});

/** Polls an async condition (a database read) until it holds. */
async function until(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error("Condition not met in time");
    await new Promise((r) => setTimeout(r, 50));
  }
}

function previewNowIn(chatId: number, messageId: number) {
  return driver().chatMessages(chatId).find((m) => m.messageId === messageId)!;
}

describe("a restart in the middle of a run", () => {
  it("delivers every part exactly once", async () => {
    // Let the run of the previous test finish first.
    for (let i = 0; i < 4; i++) groups.push(await subscribedGroup(`Tổ dân phố ${i + 1}`));
    await bot.stop();
    // Slow sending (two messages a second overall) so the stop lands mid-run.
    const slow = { pollIntervalMs: 50, limits: { TELEGRAM: { perSecond: 2, burst: 1 } } };
    bot = await startBot(emulator, temp.target, temp.dir, { adminTelegramIds: [String(ids.admin)], outbox: slow, broadcast: { digestCron: null, progressIntervalMs: 200 } });
    await approvedStory("Hoàng Thị Xuân");
    driver().clearCalls();
    const plan = await bot.app.broadcastJobs.digest.run(new Date("2026-11-18T01:00:00Z"));
    // Header, story, footer to each of the six groups.
    expect(plan).toMatchObject({ outcome: "planned", chats: 6, parts: 18 });
    const total = (plan as { parts: number }).parts;
    await driver().waitUntil(() => (driver().calls().filter((c) => c.ok && c.method === "sendMessage").length >= 3 ? true : undefined), 10_000);
    await bot.stop();
    const before = driver().calls().filter((c) => c.ok && c.method === "sendMessage").length;
    expect(before).toBeLessThan(total);

    bot = await startBot(emulator, temp.target, temp.dir, { adminTelegramIds: [String(ids.admin)], broadcast: { digestCron: null, progressIntervalMs: 200 } });
    const broadcastId = (plan as { broadcastId: number }).broadcastId;
    await until(async () => (await temp.db.outboxMessage.count({ where: { broadcastId, status: { not: "SENT" } } })) === 0, 15_000);
    // Every (chat, text) pair of this run arrived once; nothing more was sent.
    const sends = driver().calls().filter((c) => c.ok && c.method === "sendMessage");
    expect(sends).toHaveLength(total);
    const perChat = new Map<string, string[]>();
    for (const c of sends) perChat.set(String(c.params.chat_id), [...(perChat.get(String(c.params.chat_id)) ?? []), String(c.params.text)]);
    expect(perChat.size).toBe(6);
    for (const texts of perChat.values()) {
      expect(texts).toHaveLength(total / 6);
      expect(new Set(texts).size).toBe(texts.length);
    }
  });
});
