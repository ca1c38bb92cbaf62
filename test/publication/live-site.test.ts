// The site served by the bot (PUBLIC_WEB_PORT) and the links from chat, end to end: the Telegram
// channel on the emulator, a real SQLite file, real HTTP. A story the digest sends appears on the
// site and in the nominator's notice with its link; /guongsang lists the latest stories; a story
// the council takes down with /gobai is gone at once: page, photos, feeds, search, chat list.
import path from "node:path";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PublicWebServer } from "../../app/public-web";
import { withdrawConsent } from "../../core/privacy/consent";
import { ChatUser, useBotRig } from "../support/bot-app";
import { publicKeys, seedStories, standardStories } from "./fixtures";

const baseUrl = "https://guongsang.example.vn";
const adminId = 5_550_001;
const web = new PublicWebServer(pino({ level: "silent" }));
let codes: Record<string, string> = {};
let served = "";

const rig = useBotRig({ adminTelegramIds: [String(adminId)], publicWeb: web, publicBaseUrl: baseUrl }, async (temp) => {
  codes = await seedStories(temp.db, path.join(temp.dir, "media"), standardStories);
});

beforeAll(async () => {
  served = await web.listen(0, "127.0.0.1");
});
afterAll(async () => {
  await web.close();
});

const get = (p: string) => fetch(`${served}/${p}`);
const pageOf = (key: string) => `${codes[key]!.toLowerCase()}.html`;
/** The codes the served index lists, in order. */
async function indexCodes(): Promise<string[]> {
  const html = await (await get("")).text();
  const list = html.slice(html.indexOf('id="stories"'));
  return [...list.matchAll(/data-code="([^"]+)"/g)].map((m) => m[1]!);
}
async function photoPaths(key: string): Promise<string[]> {
  const rows = await rig.bot.db.attachment.findMany({ where: { nomination: { code: codes[key] } } });
  return rows.flatMap((a) => [`anh/${a.id}.jpg`, `anh/${a.id}-nho.jpg`]);
}

describe("the site served by the bot", () => {
  it("serves the published, consented stories and their photos, and nothing of the others", async () => {
    expect(await indexCodes()).toEqual(publicKeys.map((k) => codes[k]));
    const story = await get(pageOf("an"));
    expect(story.status).toBe(200);
    expect(story.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(story.headers.get("cache-control")).toBe("no-cache");
    for (const p of await photoPaths("an")) expect((await get(p)).headers.get("content-type")).toBe("image/jpeg");
    expect((await get(pageOf("dung"))).status).toBe(404);
    for (const p of await photoPaths("dung")) expect((await get(p)).status).toBe(404);
    const feed = (await (await get("feed.json")).json()) as { items: { url: string }[] };
    expect(feed.items[0]!.url).toBe(`${baseUrl}/${pageOf("cuong")}`);
    expect(await (await get("feed.xml")).text()).toContain("<title>Nguyễn Văn An</title>");
    expect((await get("../../etc/passwd")).status).toBe(404);
  });

  it("lists the latest stories in chat with /guongsang, each with its page's address", async () => {
    const resident = new ChatUser(rig.emulator, rig.emulator.driver.createUser({ firstName: "Mai", languageCode: "vi" }).id);
    const reply = (await resident.command("guongsang")).text ?? "";
    expect(reply).toContain("Những tấm gương người tốt, việc tốt mới nhất");
    for (const key of publicKeys) expect(reply).toContain(`${baseUrl}/${pageOf(key)}`);
    expect(reply.indexOf("Lê Văn Cường")).toBeLessThan(reply.indexOf("Nguyễn Văn An"));
    for (const hidden of ["Phạm Thị Dung", "Hoàng Văn Em", "Đỗ Thị Phượng", "0912"]) expect(reply).not.toContain(hidden);
    const english = new ChatUser(rig.emulator, rig.emulator.driver.createUser({ firstName: "Ann", languageCode: "en" }).id);
    expect((await english.command("stories")).text).toContain("Read the story:");
  });

  it("puts a story sent in the digest on the site, and links to it from the digest and the nominator's notice", async () => {
    const db = rig.bot.db;
    const d = rig.emulator.driver;
    const nominee = await db.nomination.findFirstOrThrow({ where: { code: codes.em } });
    const nominator = d.createUser({ firstName: "Hà", languageCode: "vi" });
    await db.channelIdentity.updateMany({ where: { personId: nominee.nominatorId }, data: { externalId: String(nominator.id) } });
    const group = d.createChat({ type: "supergroup", title: "Khu 1" });
    const chat = await db.chat.create({ data: { channel: "TELEGRAM", externalId: String(group.id), kind: "SUPERGROUP", title: "Khu 1" } });
    await db.subscription.create({ data: { chatId: chat.id } });
    expect((await get(pageOf("em"))).status).toBe(404);

    await rig.bot.app.broadcastJobs.digest.run(new Date());
    const link = `${baseUrl}/${pageOf("em")}`;
    await d.waitUntil(() => d.botMessages(group.id).find((m) => (m.text ?? "").includes(link)), 10_000, () => "no digest story with its link");
    await d.waitUntil(async () => (await db.outboxMessage.count({ where: { nominationId: nominee.id, status: "SENT" } })) > 0);
    expect((await get(pageOf("em"))).status).toBe(200);

    await rig.bot.app.broadcastJobs.settle.run(new Date());
    const notice = await d.waitForBotMessage(nominator.id, { timeout: 10_000 });
    expect(notice.text).toContain("đã được đăng trên bản tin");
    expect(notice.text).toContain(link);
  });

  it("takes a story down at once with /gobai: page, photos, feeds, search and the chat list", async () => {
    const d = rig.emulator.driver;
    const resident = new ChatUser(rig.emulator, d.createUser({ firstName: "Tư", languageCode: "vi" }).id);
    expect((await resident.command("gobai", `${codes.giang} Người được đề cử xin gỡ bài`)).text).toContain("Chỉ cán bộ Hội đồng");
    d.createUser({ id: adminId, firstName: "Quản trị", languageCode: "vi" });
    const admin = new ChatUser(rig.emulator, adminId);
    expect((await admin.command("gobai")).text).toContain("Cách dùng: /gobai GS-2026-0042");
    expect((await admin.command("gobai", "abc Người được đề cử xin gỡ bài")).text).toContain("không phải mã hồ sơ");
    expect((await admin.command("gobai", codes.giang)).text).toContain("Hãy ghi lý do gỡ bài");
    expect((await admin.command("gobai", `${codes.phuong} Người được đề cử xin gỡ bài`)).text).toContain("(trạng thái: Không được duyệt)");
    const photos = await photoPaths("giang");
    for (const p of photos) expect((await get(p)).status).toBe(200);

    expect((await admin.command("gobai", `${codes.giang} Người được đề cử xin gỡ bài`)).text).toContain("Đã gỡ câu chuyện về Vũ Minh Giang");
    expect((await get(pageOf("giang"))).status).toBe(404);
    for (const p of photos) expect((await get(p)).status).toBe(404);
    expect(await indexCodes()).not.toContain(codes.giang);
    for (const p of ["feed.json", "feed.xml", "search-index.json", "nam-2026.html", "so-tay-2026-q4.html"]) expect(await (await get(p)).text()).not.toContain("Vũ Minh Giang");
    expect((await resident.command("guongsang")).text).not.toContain("Vũ Minh Giang");
    const event = await rig.bot.db.reviewEvent.findFirstOrThrow({ where: { nomination: { code: codes.giang } }, orderBy: { id: "desc" } });
    expect(event).toMatchObject({ action: "WITHDRAW", fromStatus: "PUBLISHED", toStatus: "WITHDRAWN", reason: "Người được đề cử xin gỡ bài" });
    expect((await admin.command("gobai", `${codes.giang} Người được đề cử xin gỡ bài`)).text).toContain("trạng thái: Đã rút");
  });

  it("stops showing a story at once when the nominee's consent is withdrawn", async () => {
    const n = await rig.bot.db.nomination.findFirstOrThrow({ where: { code: codes.binh } });
    const photos = await photoPaths("binh");
    expect((await get(pageOf("binh"))).status).toBe(200);
    await withdrawConsent(rig.bot.db, { nominationId: n.id, source: "NOMINEE", recordedById: null, wording: "Tôi không đồng ý đăng nữa.", locale: "vi" });
    expect((await get(pageOf("binh"))).status).toBe(404);
    for (const p of photos) expect((await get(p)).status).toBe(404);
    expect(await indexCodes()).not.toContain(codes.binh);
  });
});
