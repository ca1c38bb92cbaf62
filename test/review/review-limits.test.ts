// What a busy ward's officers run into over the emulator (which enforces Telegram's 4096
// characters): a card after ten request/answer rounds on a long nomination still edits,
// /history of such a nomination arrives, and cards follow the reader's language.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type Emulator, type MessageView } from "../../emulator/index";
import { startBot, ChatUser, type BotUnderTest } from "../support/bot-app";
import { fillDraftUpTo, personOf } from "../support/drafts";
import { submitNomination as submitInDb } from "../../core/nominations/lifecycle";
import { resumeAndSubmit } from "../support/resume-submit";
import { createTempDatabase, type TempDatabase } from "../support/temp-database";

let temp: TempDatabase;
let emulator: Emulator;
let bot: BotUnderTest;
const ids: Record<"admin" | "nominator" | "ward" | "other" | "english", number> = {} as never;
let unitGroup: number;

const driver = () => emulator.driver;
const user = (id: number) => new ChatUser(emulator, id);
const nextIn = (chatId: number, predicate?: (m: MessageView) => boolean) =>
  driver().waitForBotMessage(chatId, { timeout: 5000, ...(predicate ? { predicate } : {}) });
const cardNow = (chatId: number, messageId: number) => driver().chatMessages(chatId).find((m) => m.messageId === messageId)!;

async function submitNomination(name: string, achievements?: string): Promise<{ card: MessageView; code: string }> {
  const nominator = user(ids.nominator);
  await nominator.command("decu");
  await fillDraftUpTo(bot.db, ids.nominator, "preview", name);
  if (achievements) await bot.db.nomination.updateMany({ where: { nomineeName: name, status: "DRAFT" }, data: { achievements } });
  const receipt = await resumeAndSubmit(emulator, ids.nominator);
  const code = /GS-\d{4}-\d{4}/.exec(receipt.text ?? "")![0];
  const card = await nextIn(unitGroup, (m) => (m.text ?? "").includes(code));
  return { card, code };
}

beforeAll(async () => {
  temp = await createTempDatabase();
  emulator = await startEmulator();
  const d = emulator.driver;
  ids.admin = d.createUser({ firstName: "Quản trị" }).id;
  ids.nominator = d.createUser({ firstName: "Nguyễn Thị", lastName: "Lan" }).id;
  ids.ward = d.createUser({ firstName: "Trần Văn", lastName: "Minh" }).id;
  ids.other = d.createUser({ firstName: "Lê Thu", lastName: "Hà" }).id;
  ids.english = d.createUser({ firstName: "Anna", lastName: "Smith", languageCode: "en" }).id;
  unitGroup = d.createChat({ type: "supergroup", title: "Tổ thi đua xã Sơn Vi", creator: ids.admin, members: [ids.ward] }).id;
  bot = await startBot(emulator, temp.target, temp.dir, { adminTelegramIds: [String(ids.admin)], reviewLevels: ["UNIT", "COUNCIL"] });
  const admin = user(ids.admin);
  await admin.command("officer_add", `${ids.ward} PT-LT-SONVI`);
  await admin.command("officer_add", `${ids.other} PT-LT-XUANLUNG`);
  driver().sendCommand(ids.admin, "reviewgroup", { chatId: unitGroup, payload: "PT-LT-SONVI" });
  await nextIn(unitGroup);
});

afterAll(async () => {
  await bot.stop();
  await emulator.close();
  await temp.cleanup();
});

describe("a long nomination with ten request/answer rounds", () => {
  const achievements = "Ông An dọn rác bờ sông, trồng cây xanh & sửa đường làng <khu 3> cùng bà con. ".repeat(50).slice(0, 3990);
  const question = (i: number) => `Vòng ${i}: xin bổ sung thời gian, địa điểm và người làm chứng cho từng việc. `.repeat(5);
  const answer = (i: number) => `Trả lời vòng ${i}: ông An làm mỗi sáng Chủ nhật ở bờ sông, trưởng thôn làm chứng. `.repeat(5);
  let card: MessageView;
  let code: string;

  it("keeps the card under 4096 characters and edited after every round, newest answer shown", async () => {
    ({ card, code } = await submitNomination("Nguyễn Văn An", achievements));
    const nominator = user(ids.nominator);
    for (let i = 1; i <= 10; i++) {
      driver().pressButton(ids.ward, { chatId: unitGroup, messageId: card.messageId, text: "📝 Yêu cầu bổ sung" });
      expect((await nextIn(unitGroup)).text).toContain("nội dung cần bổ sung");
      driver().sendText(ids.ward, question(i), { chatId: unitGroup });
      expect((await nextIn(unitGroup)).text).toContain("Đã gửi yêu cầu bổ sung");
      await driver().waitForBotMessage(ids.nominator, { timeout: 5000, predicate: (m) => (m.text ?? "").includes(`Vòng ${i}:`) });
      await nominator.say(answer(i));
      expect((await nominator.press("✅ Gửi bổ sung")).text).toContain("Đã gửi phần bổ sung");
      const edited = await driver().waitUntil(() => {
        const c = cardNow(unitGroup, card.messageId);
        return (c.text ?? "").includes(`Trả lời vòng ${i}:`) ? c : undefined;
      });
      expect(edited.text!.length).toBeLessThanOrEqual(4096);
      expect(edited.buttons.flat().map((b) => b.text)).toContain("✅ Duyệt");
    }
    const last = cardNow(unitGroup, card.messageId);
    expect(last.text).toContain("Nguyễn Văn An");
    expect(last.text).toMatch(/\d+ bước xử lý trước đó được thu gọn/);
    expect(last.text).toContain(`/lichsu ${code}`);
  });

  it("approval still edits the card: the buttons go and the decision shows", async () => {
    const query = driver().pressButton(ids.ward, { chatId: unitGroup, messageId: card.messageId, text: "✅ Duyệt" });
    expect((await driver().waitForCallbackAnswer(query)).text).toContain("Đã chuyển hồ sơ");
    const edited = await driver().waitUntil(() => {
      const c = cardNow(unitGroup, card.messageId);
      return (c.text ?? "").includes("chuyển lên Hội đồng lúc") ? c : undefined;
    });
    expect(edited.buttons).toEqual([]);
    expect(edited.text!.length).toBeLessThanOrEqual(4096);
  });

  it("/history of that nomination arrives in full, in as many messages as it takes", async () => {
    const before = driver().botMessages(ids.ward).length;
    driver().sendCommand(ids.ward, "lichsu", { payload: code });
    const all = await driver().waitUntil(() => {
      const got = driver().botMessages(ids.ward).slice(before);
      return got.some((m) => (m.text ?? "").includes("duyệt cấp đơn vị, chuyển Hội đồng")) ? got : undefined;
    });
    expect(all.length).toBeGreaterThan(1);
    for (const m of all) expect(m.text!.length).toBeLessThanOrEqual(4096);
    const text = all.map((m) => m.text).join("\n");
    expect(text).toContain(`Diễn biến hồ sơ ${code}`);
    for (let i = 1; i <= 10; i++) expect(text).toContain(answer(i).trim());
  });

  it("/history is refused to an officer of another commune", async () => {
    const reply = await user(ids.other).command("history", code);
    expect(reply.text).toContain(`Không tìm thấy hồ sơ ${code}`);
    expect(reply.text).not.toContain("Nguyễn Văn An");
  });
});

describe("an English-speaking officer", () => {
  it("keeps their private card in English after a decision edits it", async () => {
    const english = user(ids.english);
    await english.command("start");
    await user(ids.admin).command("officer_add", `${ids.english} PT-LT-TIENKIEN`);
    const nominator = user(ids.nominator);
    await nominator.command("decu");
    await fillDraftUpTo(bot.db, ids.nominator, "preview", "Đào Văn Bình");
    const unit = await bot.db.unit.findUniqueOrThrow({ where: { code: "PT-LT-TIENKIEN" } });
    await bot.db.nomination.updateMany({ where: { nomineeName: "Đào Văn Bình", status: "DRAFT" }, data: { unitId: unit.id } });
    await resumeAndSubmit(emulator, ids.nominator);
    const card = await driver().waitForBotMessage(ids.english, { timeout: 5000, predicate: (m) => (m.text ?? "").includes("Đào Văn Bình") });
    expect(card.text).toContain("Nominee");
    driver().pressButton(ids.english, { messageId: card.messageId, text: "📝 Ask for more" });
    expect((await english.reply()).text).toContain("what the nominator should add");
    expect((await english.say("Please add the dates of each good deed.")).text).toContain("has been asked for more information");
    const edited = await driver().waitUntil(() => {
      const c = driver().chatMessages(ids.english).find((m) => m.messageId === card.messageId)!;
      return c.editCount > 0 ? c : undefined;
    });
    expect(edited.text).toContain("asked for more information");
    expect(edited.text).toContain("Nominee");
    expect(edited.text).not.toContain("Người được đề cử");
  });
});

describe("/pending with a quarter's worth waiting", () => {
  it("lists the oldest twenty and says how many more wait", async () => {
    const db = bot.db;
    const nominatorId = await personOf(db, ids.nominator);
    const unit = await db.unit.findUniqueOrThrow({ where: { code: "PT-LT-XUANLUNG" } });
    const field = await db.field.findFirstOrThrow();
    const criterion = await db.criterion.findFirstOrThrow();
    for (let i = 1; i <= 27; i++) {
      const n = await db.nomination.create({
        data: {
          nominatorId,
          channel: "TELEGRAM",
          nomineeKind: "INDIVIDUAL",
          nomineeName: `Gương Xuân Lũng ${i}`,
          unitId: unit.id,
          fieldId: field.id,
          achievements: "Nhiều năm giúp đỡ bà con trong khu dân cư.",
          consent: "GIVEN",
          criteria: { create: { criterionId: criterion.id } },
        },
      });
      await submitInDb(db, n.id, nominatorId, { timeZone: "Asia/Ho_Chi_Minh" });
    }
    const reply = await user(ids.other).command("choduyet");
    expect(reply.text).toContain("Gương Xuân Lũng 1 ");
    expect(reply.text).not.toContain("Gương Xuân Lũng 21 ");
    expect(reply.text).toContain("… và 7 hồ sơ khác (tổng cộng 27 hồ sơ đang chờ)");
  });
});
