// Text hygiene on Zalo (personal account, the whole bot on a fake zca-js account and a SQLite
// file): the sender's name and a typed nominee name arrive in NFC whatever the phone sent, a
// name without letters is refused, and "1, 3" typed at the criteria step selects those two.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTempDatabase, type TempDatabase } from "../support/temp-database";
import { numberedChoices, startZaloApp, ZaloInbox, type AppUnderTest } from "../support/zalo-app";
import { FakeZalo, textMessage } from "../zalo/fake-zalo";

let temp: TempDatabase;
let zalo: FakeZalo;
let inbox: ZaloInbox;
let bot: AppUnderTest;
const uid = "zu-hygiene";
const senderName = "Đặng Thị Hoà".normalize("NFD");

beforeAll(async () => {
  temp = await createTempDatabase();
  zalo = new FakeZalo();
  inbox = new ZaloInbox(zalo);
  bot = await startZaloApp(zalo, temp.target, temp.dir, { rateLimit: { limit: 60 } });
});

afterAll(async () => {
  await bot?.stop();
  await temp.cleanup();
});

async function say(text: string): Promise<string> {
  zalo.emit(textMessage(uid, text, { name: senderName }));
  return (await inbox.next(uid)).text;
}

describe("text hygiene on Zalo", () => {
  it("stores names in NFC, refuses a name without letters, and sets typed criteria", async () => {
    expect(await say("/decu")).toContain("Bạn đề cử ai?");
    expect(await say("1")).toContain("Họ tên người");
    const refused = await say("🙏🙏 ...");
    expect(refused).toContain("Tên cần có chữ cái");
    expect(await say("Phạm Văn Toàn".normalize("NFD"))).toContain("thuộc đơn vị");
    const person = await bot.db.person.findFirstOrThrow({ where: { identities: { some: { channel: "ZALO", externalId: uid } } } });
    expect(person.displayName).toBe("Đặng Thị Hoà".normalize("NFC"));
    const draft = await bot.db.nomination.findFirstOrThrow({ where: { nominatorId: person.id, status: "DRAFT" } });
    expect(draft.nomineeName).toBe("Phạm Văn Toàn".normalize("NFC"));

    const found = await say("son vi");
    await say(String(numberedChoices(found).indexOf("Xã Sơn Vi") + 1));
    // The field list is long; the field is typed by its name, then the movement is skipped.
    expect(await say("giao duc")).toContain("phong trào");
    const achievements = await say("Bỏ qua");
    expect(achievements).toContain("Hãy kể về việc tốt");
    await say("Anh Toàn dạy chữ miễn phí cho trẻ em nghèo trong xóm suốt mười năm nay.");
    expect(await say("Xong")).toContain("tiêu chuẩn chung");
    const typed = await say("1, 3");
    expect(typed).toContain("Đã chọn các tiêu chuẩn số 1, 3");
    const picked = await bot.db.nominationCriterion.findMany({ where: { nominationId: draft.id }, include: { criterion: true } });
    expect(picked.map((c) => c.criterion.number).sort()).toEqual([1, 3]);
    expect(numberedChoices(typed).filter((label) => label.startsWith("✅"))).toHaveLength(2);
  });
});
