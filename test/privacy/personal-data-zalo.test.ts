// /dulieu and /xoadulieu on Zalo (personal account; the whole bot on a fake zca-js account and
// a SQLite file): the JSON file arrives as an attachment with this person's data only, the
// erasure is confirmed by a typed number, and afterwards no table holds their name, phone or id.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTempDatabase, type TempDatabase } from "../support/temp-database";
import { numberedChoices, startZaloApp, ZaloInbox, type AppUnderTest } from "../support/zalo-app";
import { FakeZalo, textMessage } from "../zalo/fake-zalo";
import { scanDatabase, seedResident, type SeededResident } from "./fixtures";

let temp: TempDatabase;
let zalo: FakeZalo;
let inbox: ZaloInbox;
let bot: AppUnderTest;
let seeded: SeededResident;
const uid = "zu-privacy-cuc";
const cuc = { name: "Mai Thị Cúc", phone: "+84903000333", nominees: ["Ông Lục Văn Bảy", "Bà Kha Thị Năm"] as [string, string] };
const other = { name: "Từ Văn Đông", phone: "+84904000444", nominees: ["Chú Mạc Văn Tư", "Cô Lã Thị Ba"] as [string, string] };

beforeAll(async () => {
  temp = await createTempDatabase();
  const mediaDir = path.join(temp.dir, "media");
  seeded = await seedResident(temp.db, { channel: "ZALO", externalId: uid, mediaDir, ...cuc });
  await seedResident(temp.db, { channel: "ZALO", externalId: "zu-privacy-dong", mediaDir, ...other });
  zalo = new FakeZalo();
  inbox = new ZaloInbox(zalo);
  bot = await startZaloApp(zalo, temp.target, temp.dir);
});

afterAll(async () => {
  await bot?.stop();
  await temp.cleanup();
});

function say(text: string): void {
  zalo.emit(textMessage(uid, text, { name: cuc.name }));
}

describe("personal data on Zalo", () => {
  it("/dulieu sends the summary and the JSON file; /xoadulieu erases after a typed confirmation", async () => {
    say("/dulieu");
    expect((await inbox.next(uid)).text).toContain("Dữ liệu của bạn mà bot đang lưu");
    const file = await inbox.next(uid);
    const json = file.attachments[0]!.bytes.toString("utf8");
    expect(file.attachments[0]!.filename).toMatch(/\.json$/);
    expect(json).toContain(cuc.phone);
    expect(json).toContain(seeded.pending.code);
    for (const theirs of [other.name, other.phone, "zu-privacy-dong", ...other.nominees]) expect(json).not.toContain(theirs);
    inbox.skip(uid);

    say("/xoadulieu");
    const ask = await inbox.next(uid);
    expect(numberedChoices(ask.text)).toEqual(["🗑 Xóa dữ liệu của tôi", "Không, giữ lại"]);
    say("1");
    expect((await inbox.next(uid)).text).toContain("Đã xóa dữ liệu cá nhân");
    const file2 = temp.target.provider === "sqlite" ? temp.target.file : "";
    expect(scanDatabase(file2, [cuc.name, cuc.phone, uid, cuc.nominees[1]])).toEqual([]);
    expect(scanDatabase(file2, [other.name, other.phone, "zu-privacy-dong"]).length).toBeGreaterThanOrEqual(3);
    const story = await bot.db.nomination.findUniqueOrThrow({ where: { id: seeded.published.id } });
    expect(story).toMatchObject({ status: "PUBLISHED", nomineeName: cuc.nominees[0], contactPhone: null });
  });
});
