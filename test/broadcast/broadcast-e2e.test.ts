// The weekly digest over the emulator, driven through the chat: groups and a channel subscribed
// by their admins with buttons (scope browsed, typed, fields toggled), a non-admin refused,
// /broadcast_now with its live count, exactly the right stories per chat, an injected 429
// waited out, the bot removed and a 403 both stopping a subscription, and /subscriptions,
// /broadcasts showing it all.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { submitNomination, transition } from "../../core/nominations/lifecycle";
import { startEmulator, type Emulator, type MessageView } from "../../emulator/index";
import { startBot, ChatUser, type BotUnderTest } from "../support/bot-app";
import { createTempDatabase, type TempDatabase } from "../support/temp-database";

const png = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64");

let temp: TempDatabase;
let emulator: Emulator;
let bot: BotUnderTest;
const ids = {} as Record<"admin" | "council" | "nominator" | "adminA" | "adminB" | "adminC" | "member" | "channelAdmin", number>;
const chats = {} as Record<"A" | "B" | "C" | "channel" | "closedChannel", number>;

const driver = () => emulator.driver;

// === Helpers

/** An approved nomination with a public story, as the review leaves it. */
async function approvedStory(name: string, o: { unitCode: string; fieldNumber: number; consent: "GIVEN" | "NOT_ASKED"; photos?: number }) {
  const db = temp.db;
  const nominator = await db.channelIdentity.findUniqueOrThrow({ where: { channel_externalId: { channel: "TELEGRAM", externalId: String(ids.nominator) } } });
  const unit = await db.unit.findUniqueOrThrow({ where: { code: o.unitCode } });
  const field = await db.field.findUniqueOrThrow({ where: { number: o.fieldNumber } });
  const n = await db.nomination.create({
    data: {
      nominatorId: nominator.personId,
      channel: "TELEGRAM",
      nomineeKind: "INDIVIDUAL",
      nomineeName: name,
      unitId: unit.id,
      fieldId: field.id,
      achievements: `Thành tích của ${name}.`,
      contactPhone: "+84912345678",
      consent: o.consent,
      criteria: { create: { criterionId: (await db.criterion.findFirstOrThrow()).id } },
    },
  });
  const dir = path.join(temp.dir, "media");
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < (o.photos ?? 0); i++) {
    const file = path.join(dir, `${n.id}-${i}.png`);
    writeFileSync(file, png);
    await db.attachment.create({ data: { nominationId: n.id, kind: "PHOTO", storagePath: file, mimeType: "image/png", sizeBytes: png.length } });
  }
  await submitNomination(db, n.id, nominator.personId, { timeZone: "Asia/Ho_Chi_Minh" });
  await transition(db, {
    nominationId: n.id,
    from: "SUBMITTED",
    to: "APPROVED",
    action: "APPROVE",
    actorId: null,
    set: { decidedAt: new Date(), publicStory: "Nhiều năm liền lặng lẽ giúp đỡ bà con trong xóm." },
  });
  return n.id;
}

/** A command in a group by a member; the bot's answer there. */
function groupCommand(chatId: number, userId: number, command: string, payload?: string): Promise<MessageView> {
  const sent = driver().sendCommand(userId, command, { chatId, ...(payload ? { payload } : {}) });
  return driver().waitForBotMessage(chatId, { timeout: 5000, predicate: (m) => m.messageId > sent.message_id });
}

/** Presses a button of `message` and waits for that message to be edited. */
async function pressEdit(userId: number, chatId: number, message: MessageView, text: string): Promise<MessageView> {
  const current = driver().chatMessages(chatId).find((m) => m.messageId === message.messageId)!;
  driver().pressButton(userId, { chatId, messageId: message.messageId, text });
  return driver().waitUntil(() => {
    const now = driver().chatMessages(chatId).find((m) => m.messageId === message.messageId);
    return now && now.editCount > current.editCount ? now : undefined;
  });
}

/** Everything the bot showed in a chat: texts and captions, in order. */
function shown(chatId: number): string {
  return driver()
    .botMessages(chatId)
    .map((m) => m.text ?? m.caption ?? "")
    .join("\n---\n");
}

/** Successful sends to a chat, keyed by method and content, to find duplicates. */
function deliveries(chatId: number): string[] {
  return driver()
    .calls()
    .filter((c) => c.ok && ["sendMessage", "sendPhoto", "sendMediaGroup"].includes(c.method) && String(c.params.chat_id) === String(chatId))
    .map((c) => `${c.method}:${JSON.stringify(c.params.text ?? c.params.caption ?? c.params.media ?? "")}`);
}

/** Runs /broadcast_now as the council officer; resolves with the final progress text. */
async function broadcastNow(): Promise<string> {
  const officer = new ChatUser(emulator, ids.council);
  const started = await officer.command("broadcast_now");
  expect(started.text).toContain("Bắt đầu gửi bản tin");
  const done = await driver().waitUntil(
    () => {
      const m = driver().botMessages(ids.council).find((x) => x.messageId === started.messageId);
      return m && (m.text ?? "").includes("đã gửi xong") ? m : undefined;
    },
    15_000,
  );
  return done.text ?? "";
}

const stories = {} as Record<"sonVi" | "xuanLung" | "sonLa" | "noConsent", number>;

beforeAll(async () => {
  temp = await createTempDatabase();
  emulator = await startEmulator();
  const d = emulator.driver;
  ids.admin = d.createUser({ firstName: "Quản trị" }).id;
  ids.council = d.createUser({ firstName: "Phạm Quốc", lastName: "Việt" }).id;
  ids.nominator = d.createUser({ firstName: "Nguyễn Thị", lastName: "Lan" }).id;
  ids.adminA = d.createUser({ firstName: "Trưởng nhóm", lastName: "A" }).id;
  ids.adminB = d.createUser({ firstName: "Trưởng nhóm", lastName: "B" }).id;
  ids.adminC = d.createUser({ firstName: "Trưởng nhóm", lastName: "C" }).id;
  ids.member = d.createUser({ firstName: "Thành viên", lastName: "Thường" }).id;
  ids.channelAdmin = d.createUser({ firstName: "Biên tập", lastName: "Kênh" }).id;
  chats.A = d.createChat({ type: "supergroup", title: "Cả huyện Lâm Thao", creator: ids.adminA, members: [ids.member] }).id;
  chats.B = d.createChat({ type: "group", title: "Bà con Xã Sơn Vi", creator: ids.adminB, members: [ids.member] }).id;
  chats.C = d.createChat({ type: "supergroup", title: "Y tế toàn tỉnh", creator: ids.adminC, admins: [ids.member] }).id;
  chats.channel = d.createChat({ type: "channel", title: "Gương sáng Phú Thọ", username: "guongsang_pt", creator: ids.channelAdmin }).id;
  chats.closedChannel = d.createChat({ type: "channel", title: "Kênh chưa cấp quyền", username: "kenh_chua_quyen", creator: ids.channelAdmin, bot: "member" }).id;
  bot = await startBot(emulator, temp.target, temp.dir, { adminTelegramIds: [String(ids.admin)] });
  await new ChatUser(emulator, ids.nominator).command("start");
  expect((await new ChatUser(emulator, ids.admin).command("officer_add", `${ids.council} council`)).text).toContain("Hội đồng");
  stories.sonVi = await approvedStory("Lò Thị Mai", { unitCode: "PT-LT-SONVI", fieldNumber: 7, consent: "GIVEN", photos: 2 });
  stories.xuanLung = await approvedStory("Hà Văn Bình", { unitCode: "PT-LT-XUANLUNG", fieldNumber: 6, consent: "GIVEN", photos: 1 });
  stories.sonLa = await approvedStory("Cầm Thị Hoa", { unitCode: "SL-DTN", fieldNumber: 6, consent: "GIVEN" });
  stories.noConsent = await approvedStory("Vi Văn Tú", { unitCode: "PT-LT-SONVI", fieldNumber: 14, consent: "NOT_ASKED" });
});

afterAll(async () => {
  await bot.stop();
  await emulator.close();
  await temp.cleanup();
});

// === Subscriptions

describe("subscribing by chat", () => {
  it("refuses a member who is not an admin of the group, and a non-officer's /broadcast_now", async () => {
    expect((await groupCommand(chats.A, ids.member, "dangky")).text).toContain("chỉ quản trị viên của nhóm này");
    expect(await temp.db.subscription.count()).toBe(0);
    expect((await new ChatUser(emulator, ids.member).command("broadcast_now")).text).toContain("chỉ dành cho cán bộ Hội đồng");
  });

  it("group A: the admin browses the unit tree to Huyện Lâm Thao, keeps all fields, confirms", async () => {
    let screen = await groupCommand(chats.A, ids.adminA, "subscribe");
    expect(screen.text).toContain("Toàn tổ chức");
    // Someone else cannot press the admin's buttons.
    const foreign = driver().pressButton(ids.member, { chatId: chats.A, messageId: screen.messageId, text: "➡️ Chọn lĩnh vực" });
    expect((await driver().waitForCallbackAnswer(foreign)).text).toContain("Chỉ quản trị viên đã bắt đầu");
    screen = await pressEdit(ids.adminA, chats.A, screen, "📂 Tỉnh Phú Thọ");
    screen = await pressEdit(ids.adminA, chats.A, screen, "📂 Huyện Lâm Thao");
    screen = await pressEdit(ids.adminA, chats.A, screen, "✅ Chọn: Huyện Lâm Thao");
    expect(screen.text).toContain("Phạm vi: Huyện Lâm Thao");
    expect(screen.text).toContain("Lĩnh vực: Tất cả lĩnh vực");
    screen = await pressEdit(ids.adminA, chats.A, screen, "✔️ Xác nhận đăng ký");
    expect(screen.text).toContain("Đã đăng ký nhận bản tin");
    const chat = await temp.db.chat.findFirstOrThrow({ where: { externalId: String(chats.A) }, include: { subscription: { include: { unitScope: true } } } });
    expect(chat).toMatchObject({ kind: "SUPERGROUP", title: "Cả huyện Lâm Thao" });
    expect(chat.subscription?.unitScope?.code).toBe("PT-LT");
  });

  it("group B: the admin types the commune's name", async () => {
    const screen = await groupCommand(chats.B, ids.adminB, "dangky");
    driver().pressButton(ids.adminB, { chatId: chats.B, messageId: screen.messageId, text: "🔎 Gõ mã hoặc tên đơn vị" });
    expect((await driver().waitForBotMessage(chats.B)).text).toContain("Hãy gõ mã đơn vị");
    driver().sendText(ids.adminB, "Tên không có", { chatId: chats.B });
    expect((await driver().waitForBotMessage(chats.B)).text).toContain("Không tìm thấy đơn vị nào");
    driver().sendText(ids.adminB, "son vi", { chatId: chats.B });
    const fields = await driver().waitForBotMessage(chats.B);
    expect(fields.text).toContain("Phạm vi: Xã Sơn Vi");
    expect((await pressEdit(ids.adminB, chats.B, fields, "✔️ Xác nhận đăng ký")).text).toContain("Đã đăng ký");
  });

  it("group C: the admin narrows to the health field", async () => {
    let screen = await groupCommand(chats.C, ids.adminC, "subscribe");
    screen = await pressEdit(ids.adminC, chats.C, screen, "➡️ Chọn lĩnh vực");
    screen = await pressEdit(ids.adminC, chats.C, screen, "▫️ 6. Y tế");
    expect(screen.text).toContain("Lĩnh vực: Y tế");
    expect(screen.buttons.flat().map((b) => b.text)).toContain("✅ 6. Y tế");
    expect((await pressEdit(ids.adminC, chats.C, screen, "✔️ Xác nhận đăng ký")).text).toContain("Toàn tổ chức");
  });

  it("a channel is subscribed from a private chat by its admin; refused where the bot cannot post", async () => {
    const editor = new ChatUser(emulator, ids.channelAdmin);
    expect((await editor.command("subscribe")).text).toContain("/subscribe @tenkenh");
    expect((await editor.command("subscribe", "@kenh_chua_quyen")).text).toContain("Bot chưa là quản trị viên của kênh @kenh_chua_quyen");
    expect((await editor.command("subscribe", "@khong_ton_tai")).text).toContain("Bot không thấy kênh @khong_ton_tai");
    expect((await new ChatUser(emulator, ids.member).command("subscribe", "@guongsang_pt")).text).toContain("Bạn không phải quản trị viên");
    const screen = await editor.command("subscribe", "@guongsang_pt");
    expect(screen.text).toContain("Gương sáng Phú Thọ");
    const fields = await pressEdit(ids.channelAdmin, ids.channelAdmin, screen, "➡️ Chọn lĩnh vực");
    expect((await pressEdit(ids.channelAdmin, ids.channelAdmin, fields, "✔️ Xác nhận đăng ký")).text).toContain("Đã đăng ký");
    const chat = await temp.db.chat.findFirstOrThrow({ where: { externalId: String(chats.channel) } });
    expect(chat.kind).toBe("CHANNEL");
    expect(await temp.db.subscription.count({ where: { active: true } })).toBe(4);
  });
});

// === Sending

describe("/broadcast_now", () => {
  it("sends each chat exactly the stories of its scope, once, and ends the live count with the totals", async () => {
    const final = await broadcastNow();
    expect(final).toMatch(/đã gửi xong tới 4 nhóm: \d+ tin đã gửi, 0 lỗi/);
    const expected: Record<keyof typeof chats, string[]> = {
      A: ["Lò Thị Mai", "Hà Văn Bình"],
      B: ["Lò Thị Mai"],
      C: ["Hà Văn Bình", "Cầm Thị Hoa"],
      channel: ["Lò Thị Mai", "Hà Văn Bình", "Cầm Thị Hoa"],
      closedChannel: [],
    };
    for (const key of ["A", "B", "C", "channel"] as const) {
      const text = shown(chats[key]);
      expect(text).toContain("Gương người tốt, việc tốt tuần này");
      for (const name of ["Lò Thị Mai", "Hà Văn Bình", "Cầm Thị Hoa"]) {
        if (expected[key].includes(name)) expect(text.split(name).length - 1, `${name} in ${key}`).toBe(1);
        else expect(text, `${name} not in ${key}`).not.toContain(name);
      }
      expect(text).not.toContain("Vi Văn Tú");
      expect(text).not.toContain("0912345678");
      const sent = deliveries(chats[key]);
      expect(new Set(sent).size).toBe(sent.length);
    }
    const published = await temp.db.nomination.findMany({ where: { status: "PUBLISHED" }, select: { id: true } });
    expect(published.map((n) => n.id).sort()).toEqual([stories.sonVi, stories.xuanLung, stories.sonLa].sort());
    await driver().waitForBotMessage(ids.nominator, { timeout: 5000, predicate: (m) => (m.text ?? "").includes("đã được đăng trên bản tin") });
  });

  it("a second /broadcast_now finds nothing new to send", async () => {
    const reply = await new ChatUser(emulator, ids.council).command("broadcast_now");
    expect(reply.text).toContain("Không có câu chuyện mới");
  });

  it("waits out an injected 429 and delivers every part once", async () => {
    await approvedStory("Đinh Văn Sơn", { unitCode: "PT-LT-LAMTHAO", fieldNumber: 4, consent: "GIVEN" });
    driver().injectFault({ kind: "429", method: "sendMessage", chatId: chats.A, retryAfter: 1, times: 1 });
    const before = deliveries(chats.A).length;
    await broadcastNow();
    const refused = driver().calls({ method: "sendMessage" }).filter((c) => !c.ok && c.error?.error_code === 429 && String(c.params.chat_id) === String(chats.A));
    expect(refused).toHaveLength(1);
    // Header, story, footer of this run: each accepted once (the 429 was not an acceptance).
    const sent = deliveries(chats.A).slice(before);
    expect(sent).toHaveLength(3);
    expect(new Set(sent).size).toBe(3);
    expect(shown(chats.A).split("Đinh Văn Sơn").length - 1).toBe(1);
  });
});

describe("when a chat is gone", () => {
  it("the bot removed from group C stops its subscription, and a 403 stops the channel's", async () => {
    driver().removeBotFromChat(chats.C, { by: ids.adminC });
    const cStopped = await waitForInactive(chats.C);
    expect(cStopped.deactivationReason).toContain("removed:");

    await approvedStory("Lường Thị Nga", { unitCode: "PT-LT-TIENKIEN", fieldNumber: 6, consent: "GIVEN" });
    driver().injectFault({ kind: "403", chatId: chats.channel, times: 1, description: "Forbidden: bot was kicked from the channel chat" });
    const final = await broadcastNow();
    // The channel's three parts: the first refused with 403, the two after it cancelled.
    expect(final).toContain("đã gửi xong tới 2 nhóm: 3 tin đã gửi, 3 lỗi");
    const channelStopped = await waitForInactive(chats.channel);
    expect(channelStopped.deactivationReason).toContain("bot was kicked from the channel chat");
    expect(shown(chats.C)).not.toContain("Lường Thị Nga");
    expect(shown(chats.A)).toContain("Lường Thị Nga");

    const list = await new ChatUser(emulator, ids.admin).command("subscriptions");
    expect(list.text).toMatch(/✅ Cả huyện Lâm Thao \(siêu nhóm\) — phạm vi: Huyện Lâm Thao; lĩnh vực: Tất cả lĩnh vực/);
    expect(list.text).toMatch(/⛔ Y tế toàn tỉnh \(siêu nhóm\) — phạm vi: Toàn tổ chức; lĩnh vực: 6 — ngừng từ .*bot bị Trưởng nhóm C xóa khỏi nhóm/);
    expect(list.text).toMatch(/⛔ Gương sáng Phú Thọ \(kênh\).*bot was kicked from the channel chat/);
    expect((await new ChatUser(emulator, ids.council).command("subscriptions")).text).toContain("chỉ dành cho quản trị viên");
  });

  it("/unsubscribe by the group's admin; /broadcasts shows the runs with their counts", async () => {
    expect((await groupCommand(chats.B, ids.member, "huydangky")).text).toContain("chỉ quản trị viên");
    expect((await groupCommand(chats.B, ids.adminB, "huydangky")).text).toContain("Đã hủy đăng ký");
    const runs = await new ChatUser(emulator, ids.council).command("broadcasts");
    expect(runs.text).toContain("Các lần gửi bản tin gần đây");
    expect(runs.text).toMatch(/#\d+ · gửi ngay · .* · đã xong — \d+ nhóm; đã gửi 3, lỗi 3, đang chờ 0/);
  });
});

/** Waits until the subscription of a chat is inactive; returns it. */
async function waitForInactive(chatExternalId: number) {
  for (let i = 0; i < 100; i++) {
    const sub = await temp.db.subscription.findFirst({ where: { chat: { externalId: String(chatExternalId) }, active: false } });
    if (sub) return sub;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`The subscription of chat ${chatExternalId} stayed active`);
}
