// What a resident sees when they use the bot the way people really do: asking for help,
// typing instead of pressing, splitting a story over several messages, changing their mind in
// the preview, sending more photos than allowed. Each case comes from a walk through the
// playground in Vietnamese and in English.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type Emulator } from "../../emulator/index";
import { ChatUser, startBot, type BotUnderTest } from "../support/bot-app";
import { createTempDatabase, type TempDatabase } from "../support/temp-database";

let emulator: Emulator;
let temp: TempDatabase;
let bot: BotUnderTest;

beforeAll(async () => {
  temp = await createTempDatabase();
  emulator = await startEmulator();
  bot = await startBot(emulator, temp.target, temp.dir);
});

afterAll(async () => {
  await bot.stop();
  await emulator.close();
  await temp.cleanup();
});

function newUser(firstName: string, languageCode = "vi"): ChatUser {
  return new ChatUser(emulator, emulator.driver.createUser({ firstName, languageCode }).id);
}

describe("a resident", () => {
  it("learns from /trogiup how a nomination is reviewed and that the contact number stays private, in both languages", async () => {
    const vi = (await newUser("Lan").command("trogiup")).text ?? "";
    expect(vi).toContain("Cán bộ phụ trách thi đua");
    expect(vi).toContain("Hội đồng Thi đua – Khen thưởng");
    expect(vi).toContain("Số điện thoại liên hệ chỉ cán bộ xét duyệt thấy");
    expect(vi).toContain("không bao giờ được đăng công khai");
    expect(vi).toContain("/cuatoi");
    const en = (await newUser("Ann", "en").command("help")).text ?? "";
    expect(en).toContain("Emulation and Commendation Council");
    expect(en).toContain("contact number is seen only by the reviewing officers");
    expect(en).toContain("/mine");
  });
});
