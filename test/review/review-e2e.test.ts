// Officers review over the emulator with several actors: admin set-up by chat commands, cards
// in review groups, both levels, a request for more information answered with a photo, a
// rejection, an outsider and a forged button refused, two simultaneous approvals, /history.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type Emulator, type MessageView } from "../../emulator/index";
import { startBot, ChatUser, type BotUnderTest } from "../support/bot-app";
import { fillDraftUpTo, personOf } from "../support/drafts";
import { resumeAndSubmit } from "../support/resume-submit";
import { createTempDatabase, type TempDatabase } from "../support/temp-database";

const png = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64");

let temp: TempDatabase;
let emulator: Emulator;
let bot: BotUnderTest;
const ids: Record<"admin" | "nominator" | "wardA" | "wardB" | "council" | "outsider", number> = {} as never;
let unitGroup: number;
let councilGroup: number;

const driver = () => emulator.driver;
const user = (id: number) => new ChatUser(emulator, id);

/** The bot's next message in a group. */
const nextIn = (chatId: number, predicate?: (m: MessageView) => boolean) =>
  driver().waitForBotMessage(chatId, { timeout: 10_000, ...(predicate ? { predicate } : {}) });

/** A command sent in a group by a member; returns the bot's answer there. */
async function groupCommand(chatId: number, userId: number, command: string, payload?: string) {
  driver().sendCommand(userId, command, { chatId, ...(payload ? { payload } : {}) });
  return nextIn(chatId);
}

/** The nominator submits a complete nomination; returns the card posted to the unit group. */
async function submitNomination(name: string): Promise<{ card: MessageView; code: string }> {
  const nominator = user(ids.nominator);
  await nominator.command("decu");
  await fillDraftUpTo(bot.db, ids.nominator, "preview", name);
  const receipt = await resumeAndSubmit(emulator, ids.nominator);
  const code = /GS-\d{4}-\d{4}/.exec(receipt.text ?? "")![0];
  const card = await nextIn(unitGroup, (m) => (m.text ?? "").includes(code));
  return { card, code };
}

/** Presses a card button as `userId`; returns the callback answer. */
async function pressOnCard(userId: number, chatId: number, card: MessageView, label: string) {
  const query = driver().pressButton(userId, { chatId, messageId: card.messageId, text: label });
  return driver().waitForCallbackAnswer(query);
}

/** The card as it is now (after edits). */
const cardNow = (chatId: number, messageId: number) => driver().chatMessages(chatId).find((m) => m.messageId === messageId)!;

async function statusOf(code: string) {
  const [, year, seq] = /GS-(\d{4})-(\d{4})/.exec(code)!;
  return (await bot.db.nomination.findUniqueOrThrow({ where: { codeYear_codeSeq: { codeYear: Number(year), codeSeq: Number(seq) } } })).status;
}

beforeAll(async () => {
  temp = await createTempDatabase();
  emulator = await startEmulator();
  const d = emulator.driver;
  ids.admin = d.createUser({ firstName: "Quản trị" }).id;
  ids.nominator = d.createUser({ firstName: "Nguyễn Thị", lastName: "Lan" }).id;
  ids.wardA = d.createUser({ firstName: "Trần Văn", lastName: "Minh", username: "minh_sonvi" }).id;
  ids.wardB = d.createUser({ firstName: "Lê Thu", lastName: "Hà" }).id;
  ids.council = d.createUser({ firstName: "Phạm Quốc", lastName: "Việt" }).id;
  ids.outsider = d.createUser({ firstName: "Đỗ Văn", lastName: "Khách" }).id;
  unitGroup = d.createChat({ type: "supergroup", title: "Tổ thi đua huyện Lâm Thao", creator: ids.admin, members: [ids.wardA, ids.wardB, ids.outsider] }).id;
  councilGroup = d.createChat({ type: "supergroup", title: "Hội đồng TĐKT", creator: ids.admin, members: [ids.council] }).id;
  bot = await startBot(emulator, temp.target, temp.dir, { adminTelegramIds: [String(ids.admin)] });
  // wardA's @username becomes known once they write to the bot.
  await user(ids.wardA).command("start");
});

afterAll(async () => {
  await bot.stop();
  await emulator.close();
  await temp.cleanup();
});

describe("set-up by chat commands", () => {
  it("refuses officer commands from a non-admin", async () => {
    const reply = await user(ids.outsider).command("officer_add", `${ids.outsider} council`);
    expect(reply.text).toContain("chỉ dành cho quản trị viên");
  });

  it("appoints officers by id or @username and binds review groups", async () => {
    const admin = user(ids.admin);
    expect((await admin.command("officer_add", "@minh_sonvi PT-LT-SONVI")).text).toContain("Trần Văn Minh");
    expect((await admin.command("officer_add", `${ids.wardB} PT-LT-SONVI`)).text).toContain("cán bộ thi đua Xã Sơn Vi");
    expect((await admin.command("officer_add", `${ids.council} council`)).text).toContain("Hội đồng Thi đua – Khen thưởng");
    expect((await admin.command("officer_add", `${ids.council} NOWHERE`)).text).toContain("Không có đơn vị mã NOWHERE");
    expect((await admin.command("officers")).text).toMatch(/Trần Văn Minh[\s\S]*Xã Sơn Vi/);
    expect((await groupCommand(unitGroup, ids.admin, "reviewgroup", "PT-LT")).text).toContain("Huyện Lâm Thao");
    expect((await groupCommand(councilGroup, ids.admin, "reviewgroup", "council")).text).toContain("Hội đồng Thi đua – Khen thưởng");
  });

  it("gives officers and admins their own command menu in their private chat, and takes it back with the role", async () => {
    const menuOf = (userId: number, languageCode?: string) =>
      driver().commands({ scope: { type: "chat", chat_id: userId }, ...(languageCode ? { languageCode } : {}) }).map((c) => c.command);
    // The admin's menu was set at start; an appointment sets the officer's at once.
    expect(menuOf(ids.admin)).toEqual(expect.arrayContaining(["decu", "choduyet", "baocao", "officer_add", "nhatky"]));
    expect(menuOf(ids.wardB)).toEqual(expect.arrayContaining(["decu", "cuatoi", "choduyet", "lichsu", "baocao", "hoso"]));
    expect(menuOf(ids.wardB)).not.toContain("officer_add");
    expect(driver().commands({ scope: { type: "chat", chat_id: ids.wardB }, languageCode: "en" }).find((c) => c.command === "choduyet")?.description).toBe("Nominations waiting for my review");
    // Residents keep the default menu: no list of their own.
    expect(menuOf(ids.nominator)).toEqual([]);
    const admin = user(ids.admin);
    await admin.command("officer_add", `${ids.outsider} PT-LT-SONVI`);
    expect(menuOf(ids.outsider)).toContain("choduyet");
    expect((await admin.command("officer_remove", `${ids.outsider} PT-LT-SONVI`)).text).toContain("Đỗ Văn Khách");
    await driver().waitUntil(() => (menuOf(ids.outsider).length === 0 ? true : undefined));
    expect(menuOf(ids.outsider, "en")).toEqual([]);
  });
});

describe("a nomination through both levels, with a request for more information", () => {
  let card: MessageView;
  let code: string;

  it("posts a card with the nomination and the five buttons to the unit's review group", async () => {
    ({ card, code } = await submitNomination("Lò Thị Mai"));
    expect(card.text).toContain("Lò Thị Mai");
    expect(card.text).toContain("Xã Sơn Vi");
    expect(card.text).toContain("Bài đăng đề xuất");
    expect(card.text).not.toContain("+84");
    expect(card.buttons.flat().map((b) => b.text)).toEqual(["✅ Duyệt", "📝 Yêu cầu bổ sung", "❌ Từ chối", "✏️ Sửa bài đăng", "📄 Xem đầy đủ", "📝 Báo cáo thành tích"]);
  });

  it("the full text in a group keeps the nominee's phone private", async () => {
    await bot.db.nomination.update({ where: { code }, data: { contactPhone: "+84912345678" } });
    await pressOnCard(ids.wardA, unitGroup, card, "📄 Xem đầy đủ");
    const full = await nextIn(unitGroup);
    expect(full.text).toContain("toàn văn");
    expect(full.text).toContain("chỉ hiện khi bấm 📄 trong trò chuyện riêng");
    expect(full.text).not.toMatch(/\+84|09\d{8}/);
  });

  it("refuses an outsider's press, and a forged button, changing nothing", async () => {
    const refused = await pressOnCard(ids.outsider, unitGroup, card, "✅ Duyệt");
    expect(refused).toMatchObject({ show_alert: true });
    expect(refused.text).toContain("không có quyền");
    const forged = driver().sendCallbackQuery(ids.wardA, { chatId: unitGroup, messageId: card.messageId, data: "rv:ap:99999:Z9" });
    expect((await driver().waitForCallbackAnswer(forged)).text).toContain("không hợp lệ");
    expect(await statusOf(code)).toBe("SUBMITTED");
  });

  it("round-trips a request for more information, with a photo", async () => {
    await pressOnCard(ids.wardA, unitGroup, card, "📝 Yêu cầu bổ sung");
    expect((await nextIn(unitGroup)).text).toContain("nội dung cần bổ sung");
    driver().sendText(ids.wardA, "Xin gửi thêm ảnh bà Mai đang trồng cây", { chatId: unitGroup });
    expect((await nextIn(unitGroup)).text).toContain(`Đã gửi yêu cầu bổ sung cho người đề cử hồ sơ ${code}`);
    const notice = await driver().waitForBotMessage(ids.nominator, { timeout: 5000, predicate: (m) => (m.text ?? "").includes("cần bổ sung") });
    expect(notice.text).toContain("Xin gửi thêm ảnh bà Mai đang trồng cây");
    expect(await statusOf(code)).toBe("NEEDS_INFO");

    const nominator = user(ids.nominator);
    driver().sendPhoto(ids.nominator, png, { caption: "Ảnh trồng cây ở khu 2" });
    expect((await nominator.reply()).text).toContain("Đã nhận");
    await nominator.say("Bà Mai trồng 120 cây xanh năm 2025.");
    expect((await nominator.press("✅ Gửi bổ sung")).text).toContain(`Đã gửi phần bổ sung cho hồ sơ ${code}`);
    expect(await statusOf(code)).toBe("SUBMITTED");
    const photos = await bot.db.attachment.findMany({ where: { forEventId: { not: null } } });
    expect(photos).toHaveLength(1);
    const updated = await driver().waitUntil(() => {
      const c = cardNow(unitGroup, card.messageId);
      return (c.text ?? "").includes("Người đề cử đã bổ sung") ? c : undefined;
    });
    expect(updated.text).toContain("Bà Mai trồng 120 cây xanh năm 2025.");
    expect(updated.buttons.flat().map((b) => b.text)).toContain("✅ Duyệt");
  });

  it("two officers pressing approve at once: one decision, the other told who was first", async () => {
    const current = cardNow(unitGroup, card.messageId);
    const a = driver().pressButton(ids.wardA, { chatId: unitGroup, messageId: current.messageId, text: "✅ Duyệt" });
    const b = driver().pressButton(ids.wardB, { chatId: unitGroup, messageId: current.messageId, text: "✅ Duyệt" });
    const answers = await Promise.all([driver().waitForCallbackAnswer(a), driver().waitForCallbackAnswer(b)]);
    const loser = answers.find((x) => x.show_alert);
    const winner = answers.find((x) => !x.show_alert);
    expect(winner?.text).toContain("Đã chuyển hồ sơ");
    expect(loser?.text).toMatch(/đã được (Trần Văn Minh|Lê Thu Hà) xử lý trước/);
    const events = await bot.db.reviewEvent.count({ where: { action: "FORWARD" } });
    expect(events).toBe(1);
    expect(await statusOf(code)).toBe("IN_REVIEW");
    const edited = await driver().waitUntil(() => {
      const c = cardNow(unitGroup, card.messageId);
      return (c.text ?? "").includes("chuyển lên Hội đồng") ? c : undefined;
    });
    expect(edited.buttons).toEqual([]);
    await driver().waitForBotMessage(ids.nominator, { timeout: 5000, predicate: (m) => (m.text ?? "").includes("chuyển lên Hội đồng") });
  });

  it("the council's card appears in the council group and the council approves", async () => {
    const councilCard = await nextIn(councilGroup, (m) => (m.text ?? "").includes(code));
    expect(councilCard.text).toContain("Hội đồng Thi đua – Khen thưởng");
    const answer = await pressOnCard(ids.council, councilGroup, councilCard, "✅ Duyệt");
    expect(answer.text).toContain(`Đã duyệt hồ sơ ${code}`);
    expect(await statusOf(code)).toBe("APPROVED");
    const notice = await driver().waitForBotMessage(ids.nominator, { timeout: 5000, predicate: (m) => (m.text ?? "").includes("đã được duyệt") });
    expect(notice.text).toContain("Lò Thị Mai");
    const story = await bot.db.nomination.findFirstOrThrow({ where: { code } });
    expect(story.publicStory).toBe("Bà Mai nhiều năm liền vận động bà con giữ gìn vệ sinh môi trường, trồng cây xanh.");
  });

  it("the approved card keeps one button: the achievement report's draft, sent where it was pressed", async () => {
    const approved = await driver().waitUntil(() => {
      const c = driver().chatMessages(councilGroup).find((m) => (m.text ?? "").includes(code) && (m.text ?? "").includes("đã duyệt lúc"));
      return c && c.buttons.length > 0 ? c : undefined;
    });
    expect(approved.buttons.flat().map((b) => b.text)).toEqual(["📝 Báo cáo thành tích"]);
    driver().pressButton(ids.council, { chatId: councilGroup, messageId: approved.messageId, text: "📝 Báo cáo thành tích" });
    const doc = await nextIn(councilGroup, (m) => m.document !== undefined);
    expect(doc.document?.file_name).toBe(`bao-cao-thanh-tich-${code}.docx`);
  });

  it("/history shows every step with who acted", async () => {
    const reply = await user(ids.wardA).command("history", code);
    const text = reply.text ?? "";
    const order = ["gửi hồ sơ", "yêu cầu bổ sung", "người đề cử bổ sung", "duyệt cấp đơn vị, chuyển Hội đồng", "duyệt ("];
    const positions = order.map((s) => text.indexOf(s));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((x, y) => x - y)).toEqual(positions);
    expect(text).toContain("Phạm Quốc Việt");
  });
});

describe("rejection", () => {
  it("needs a reason of at least 10 characters, which the nominator receives", async () => {
    const { card, code } = await submitNomination("Hoàng Văn Tư");
    await pressOnCard(ids.wardB, unitGroup, card, "❌ Từ chối");
    expect((await nextIn(unitGroup)).text).toContain("lý do từ chối");
    driver().sendText(ids.wardB, "Ngắn", { chatId: unitGroup });
    expect((await nextIn(unitGroup)).text).toContain("ít nhất 10 ký tự");
    driver().sendText(ids.wardB, "Thành tích chưa được xác minh tại địa phương", { chatId: unitGroup });
    expect((await nextIn(unitGroup)).text).toContain(`Đã từ chối hồ sơ ${code}`);
    expect(await statusOf(code)).toBe("REJECTED");
    const notice = await driver().waitForBotMessage(ids.nominator, { timeout: 5000, predicate: (m) => (m.text ?? "").includes("chưa được duyệt") });
    expect(notice.text).toContain("Thành tích chưa được xác minh tại địa phương");
    const reviewer = await personOf(bot.db, ids.wardB);
    expect(await bot.db.reviewEvent.findFirst({ where: { action: "REJECT", actorId: reviewer } })).not.toBeNull();
  });

  it("/pending lists what still waits, for officers only", async () => {
    await submitNomination("Đinh Thị Hoa");
    const pending = await user(ids.wardA).command("choduyet");
    expect(pending.text).toContain("Đinh Thị Hoa");
    expect(pending.text).not.toContain("Hoàng Văn Tư");
    expect((await user(ids.outsider).command("pending")).text).toContain("chỉ dành cho cán bộ thi đua");
  });
});

describe("story edits, withdrawal and opening cards from /pending", () => {
  it("an officer rewrites the public story; the approved story is the officer's text", async () => {
    const { card, code } = await submitNomination("Vi Văn Sáng");
    await pressOnCard(ids.wardA, unitGroup, card, "✏️ Sửa bài đăng");
    expect((await nextIn(unitGroup)).text).toContain("bài đăng đã sửa");
    expect((await nextIn(unitGroup)).text).toContain("Bà Mai nhiều năm liền vận động bà con");
    driver().sendText(ids.wardA, "Anh Vi Văn Sáng nhiều năm giúp bà con khu 2 sửa đường làng.", { chatId: unitGroup });
    expect((await nextIn(unitGroup)).text).toContain(`Đã lưu bài đăng mới của hồ sơ ${code}`);
    const edited = await driver().waitUntil(() => {
      const c = cardNow(unitGroup, card.messageId);
      return (c.text ?? "").includes("đã sửa bài đăng") ? c : undefined;
    });
    expect(edited.text).toContain("Anh Vi Văn Sáng nhiều năm giúp bà con khu 2 sửa đường làng.");
    await pressOnCard(ids.wardA, unitGroup, edited, "✅ Duyệt");
    const councilCard = await nextIn(councilGroup, (m) => (m.text ?? "").includes(code));
    await pressOnCard(ids.council, councilGroup, councilCard, "✅ Duyệt");
    const stored = await bot.db.nomination.findFirstOrThrow({ where: { code } });
    expect(stored).toMatchObject({ status: "APPROVED", publicStory: "Anh Vi Văn Sáng nhiều năm giúp bà con khu 2 sửa đường làng." });
  });

  it("a nomination withdrawn from /mine shows as withdrawn on its card, without buttons", async () => {
    const { card, code } = await submitNomination("Hà Thị Nụ");
    const nominator = user(ids.nominator);
    driver().sendCommand(ids.nominator, "cuatoi");
    // Notices of earlier decisions reach the nominator through the outbox at their own pace:
    // wait for the list itself rather than the next message.
    await driver().waitUntil(() => driver().botMessages(ids.nominator).find((m) => m.buttons.flat().some((b) => b.text === `Rút ${code}`)));
    await nominator.pressAndWaitEdit(`Rút ${code}`);
    await nominator.pressAndWaitEdit("✅ Rút hồ sơ");
    expect(await statusOf(code)).toBe("WITHDRAWN");
    const withdrawn = await driver().waitUntil(() => {
      const c = cardNow(unitGroup, card.messageId);
      return (c.text ?? "").includes("Người đề cử đã rút hồ sơ") ? c : undefined;
    });
    expect(withdrawn.buttons).toEqual([]);
  });

  it("/pending's open button posts a fresh card where the officer asked", async () => {
    const officer = user(ids.wardB);
    const list = await officer.command("pending");
    const open = list.buttons.flat().find((b) => b.text.startsWith("Mở GS-"));
    expect(open).toBeDefined();
    driver().pressButton(ids.wardB, { text: open!.text });
    await officer.reply(); // the photos or the card
    const card = [...driver().botMessages(ids.wardB)].reverse().find((m) => (m.text ?? "").startsWith("📋"));
    expect(card?.text).toContain(open!.text.replace("Mở ", ""));
    expect(card?.buttons.flat().map((b) => b.text)).toContain("✅ Duyệt");
  });
});
