// The Bot Platform channel end to end over real HTTP against its emulator, on real SQLite
// files: idle long polls, an update seen again after a restart, a forged webhook, the
// 2,000-character split, a photo kept at receipt though its link works once, the signed photo addresses, the quota's
// 429 and the token kept out of every log line.
import { createHash } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { Writable } from "node:stream";
import { pino } from "pino";
import { afterEach, describe, expect, it } from "vitest";
import type { PublicWebServer } from "../../app/public-web";
import type { ZaloBotSettings } from "../../bot/zalo-bot/channel";
import { enqueue } from "../../core/outbox/enqueue";
import { MediaUrlSigner } from "../../core/media/signed-urls";
import { startEmulator, type Emulator } from "../../emulator/index";
import type { ZaloBotEmulator, ZaloBotEmulatorOptions } from "../../emulator/zalo-bot/index";
import { jpegBytes } from "../emulator/helpers";
import { eventually } from "../scenarios/scenario";
import { fillDraftOf } from "../support/drafts";
import { createTempDatabase, type TempDatabase } from "../support/temp-database";
import { numberedChoices, startApp, type AppExtras, type AppUnderTest } from "../support/zalo-app";
import { startTestPublicWeb, startZaloBotWorld } from "../support/zalo-bot-app";

let temp: TempDatabase | undefined;
let zbot: ZaloBotEmulator | undefined;
let bot: AppUnderTest | undefined;
let web: PublicWebServer | undefined;
let telegram: Emulator | undefined;

afterEach(async () => {
  await bot?.stop();
  await web?.close();
  await telegram?.close();
  await zbot?.close();
  await temp?.cleanup();
  bot = web = telegram = zbot = temp = undefined;
});

/** A database, the emulator, and the bot polling it, with its photos served on a public web server. */
async function world(options: { emulator?: ZaloBotEmulatorOptions; settings?: Partial<ZaloBotSettings>; extra?: AppExtras } = {}) {
  temp = await createTempDatabase();
  const started = await startZaloBotWorld(options.emulator);
  zbot = started.zbot;
  const publicWeb = await startTestPublicWeb();
  web = publicWeb.web;
  const settings: ZaloBotSettings = { ...started.settings, publicBaseUrl: publicWeb.url, ...options.settings };
  bot = await startApp(temp.target, temp.dir, { zaloBot: settings, publicWeb: publicWeb.web, ...options.extra });
  return { settings, publicBaseUrl: publicWeb.url };
}

/** Restarts the bot on the same database and emulator (a new process). */
async function restart(settings: ZaloBotSettings) {
  await bot!.stop();
  await web!.close();
  const publicWeb = await startTestPublicWeb();
  web = publicWeb.web;
  bot = await startApp(temp!.target, temp!.dir, { zaloBot: { ...settings, publicBaseUrl: publicWeb.url }, publicWeb: publicWeb.web });
  return bot;
}

/** Half an emoji: a surrogate without its other half. */
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Collects every line a pino logger writes. */
function capturedLog() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString("utf8"));
      done();
    },
  });
  return { log: pino({ level: "trace" }, stream), lines };
}

describe("receiving", () => {
  it("long polling: an idle wait ends in 408 and the one poller asks again, then an update is answered", async () => {
    const { log, lines } = capturedLog();
    await world({ settings: { pollTimeoutSeconds: 1 }, extra: { log } });
    await eventually(async () => expect(zbot!.state.calls.filter((c) => c === "getUpdates").length).toBeGreaterThanOrEqual(3), 8000);
    expect(zbot!.state.maxConcurrentPolls).toBe(1);
    expect(lines.join("")).not.toContain("getUpdates failed");
    const lan = zbot!.driver.createUser("Lan");
    await zbot!.driver.sendText(lan.id, "/decu");
    expect((await zbot!.driver.waitForMessage(lan.id)).text).toContain("Bạn đề cử ai?");
  });

  it("an update seen again after a restart is handled once", async () => {
    const { settings } = await world();
    const lan = zbot!.driver.createUser("Lan");
    const first = await zbot!.driver.sendText(lan.id, "/decu");
    await zbot!.driver.waitForMessage(lan.id);
    await bot!.app.zaloBot!.inbox.drained();
    await restart(settings);
    // Zalo hands the same update out again (a webhook retried, a poll repeated): same event, same message id.
    zbot!.state.enqueue(first.update);
    await zbot!.driver.sendText(lan.id, "/trogiup");
    await zbot!.driver.waitForMessage(lan.id);
    await bot!.app.zaloBot!.inbox.drained();
    expect(await bot!.db.zaloBotInboxEvent.count()).toBe(2);
    expect(zbot!.state.sentTo(lan.id).filter((m) => m.text.includes("Bạn đề cử ai?"))).toHaveLength(1);
  });

  it("webhook: a wrong or missing secret token is 401 with nothing stored; Zalo's flat and wrapped bodies are both taken", async () => {
    const secret = "s3cret-webhook-token";
    await world({ settings: { webhook: { secret, port: 0, host: "127.0.0.1" } } });
    expect(zbot!.state.calls).not.toContain("getUpdates");
    zbot!.state.webhook = { url: bot!.app.zaloBot!.webhookUrl!, secret, updatedAt: Date.now() };
    const lan = zbot!.driver.createUser("Lan");
    const { update, status } = await zbot!.driver.sendText(lan.id, "/decu");
    expect(status).toBe(200);
    await zbot!.driver.waitForMessage(lan.id);
    const again = { ...update, message: { ...update.message, message_id: "0123456789abcdef0123" } };
    expect((await zbot!.driver.deliver(again, { secret: "wrong-secret-token" })).status).toBe(401);
    expect((await zbot!.driver.deliver(again, { secret: `${secret}x` })).status).toBe(401);
    expect((await zbot!.driver.deliver(again, { secret: null })).status).toBe(401);
    expect(await bot!.db.zaloBotInboxEvent.count()).toBe(1);
    expect(zbot!.state.sentTo(lan.id)).toHaveLength(1);
    expect((await zbot!.driver.deliver(again, { body: JSON.stringify({ ok: true, result: again }) })).status).toBe(200);
    await zbot!.driver.waitForMessage(lan.id);
    expect(await bot!.db.zaloBotInboxEvent.count()).toBe(2);
  });

  it("a protected account's update is explained, and the bot keeps answering", async () => {
    await world();
    const minor = zbot!.driver.createUser("Em Bé", { protected: true });
    await zbot!.driver.sendText(minor.id, "/decu");
    expect((await zbot!.driver.waitForMessage(minor.id)).text).toContain("tài khoản được bảo vệ");
    const lan = zbot!.driver.createUser("Lan");
    await zbot!.driver.sendText(lan.id, "/decu");
    expect((await zbot!.driver.waitForMessage(lan.id)).text).toContain("Bạn đề cử ai?");
  });

  it("a photo is kept the moment it arrives: handled after a crash, once its link has died, it is still there", async () => {
    const { settings } = await world({ emulator: { singleUseLinks: true } });
    const lan = zbot!.driver.createUser("Lan");
    await zbot!.driver.sendText(lan.id, "/decu");
    await zbot!.driver.waitForMessage(lan.id);
    const draftId = await fillDraftOf(bot!.db, { channel: "ZALO_BOT", externalId: lan.id }, "photos");
    await zbot!.driver.sendText(lan.id, "/decu");
    const resume = await zbot!.driver.waitForMessage(lan.id);
    await zbot!.driver.sendText(lan.id, String(numberedChoices(resume.text).indexOf("▶️ Tiếp tục") + 1));
    expect((await zbot!.driver.waitForMessage(lan.id)).text).toContain("Gửi ảnh minh họa");
    // A process that receives but has not handled the photo yet when it goes down.
    await restart({ ...settings, processInbox: false });
    const bytes = jpegBytes(800, 600);
    await zbot!.driver.sendPhoto(lan.id, bytes);
    await eventually(async () => expect(await bot!.db.zaloBotInboxEvent.count({ where: { processedAt: null } })).toBe(1));
    // The link worked once, for the bot, at receipt: it is dead now.
    expect(zbot!.state.files.size).toBe(0);
    await restart(settings);
    expect((await zbot!.driver.waitForMessage(lan.id)).text).toContain("Đã nhận 1 ảnh");
    const [stored] = await bot!.db.attachment.findMany({ where: { nominationId: draftId }, include: { channelRefs: true } });
    expect(stored?.sha256).toBe(createHash("sha256").update(bytes).digest("hex"));
    expect(await readFile(path.resolve(bot!.mediaDir, stored!.storagePath!))).toEqual(bytes);
    // Sent again later on this channel, it goes from the kept file, not from the dead link.
    await bot!.app.zaloBot!.sendPhotos(lan.id, [{ kind: "channel-file", fileId: stored!.channelRefs[0]!.fileId }]);
    expect(zbot!.state.sentTo(lan.id).at(-1)?.photo?.bytes).toEqual(bytes);
  });
});

describe("sending", () => {
  it("a long text is split at 2,000 characters, never inside an emoji", async () => {
    await world();
    const lan = zbot!.driver.createUser("Lan");
    const emoji = "👨‍👩‍👧‍👦";
    // No space or line to cut at: the emoji straddles the 2,000th character.
    const text = `${"a".repeat(1995)}${emoji}${"b".repeat(700)}`;
    await bot!.app.zaloBot!.send(lan.id, { text });
    const parts = zbot!.state.sentTo(lan.id).map((m) => m.text);
    expect(parts).toHaveLength(2);
    for (const part of parts) {
      expect(part.length).toBeLessThanOrEqual(2000);
      expect(part).not.toMatch(loneSurrogate);
    }
    expect(parts[0]).toBe("a".repeat(1995));
    expect(parts[1]!.startsWith(emoji)).toBe(true);
    expect(parts.join("")).toBe(text);
    // With paragraphs, the cut falls between them.
    zbot!.driver.skip(lan.id);
    const paragraphs = Array.from({ length: 6 }, (_, i) => `Đoạn ${i + 1}. ${"Chữ ".repeat(100).trim()}`).join("\n\n");
    await bot!.app.zaloBot!.send(lan.id, { text: paragraphs });
    const cut = zbot!.state.sentTo(lan.id).slice(2).map((m) => m.text);
    expect(cut.length).toBeGreaterThan(1);
    for (const part of cut) expect(part.endsWith("Chữ")).toBe(true);
  });

  it("a stored photo goes out by a signed address that Zalo fetches; an expired or forged one is refused", async () => {
    const { settings, publicBaseUrl } = await world();
    const lan = zbot!.driver.createUser("Lan");
    const bytes = jpegBytes(640, 480);
    await mkdir(path.join(bot!.mediaDir, "ab"), { recursive: true });
    await writeFile(path.join(bot!.mediaDir, "ab", "photo.jpg"), bytes);
    await bot!.app.zaloBot!.sendPhotos(lan.id, [{ kind: "file", path: "ab/photo.jpg" }], "<b>Ảnh</b> minh họa");
    const [sent] = zbot!.state.sentTo(lan.id);
    expect(sent?.photo?.bytes).toEqual(bytes);
    expect(sent?.text).toBe("Ảnh minh họa");
    const url = sent!.photo!.url;
    expect(url.startsWith(`${publicBaseUrl}/media/`)).toBe(true);
    expect(url).not.toContain("ab/photo.jpg");
    const fetched = await fetch(url);
    expect(fetched.status).toBe(200);
    expect(Buffer.from(await fetched.arrayBuffer())).toEqual(bytes);
    const token = url.slice(url.lastIndexOf("/") + 1);
    const [body, mac] = token.split(".");
    const forgedPath = Buffer.from(JSON.stringify({ p: "ab/other.jpg", e: 4_102_444_800 })).toString("base64url");
    for (const forged of [`${forgedPath}.${mac}`, `${body}.${mac!.slice(0, -2)}AA`, "nothing", `${body}`]) {
      expect((await fetch(`${publicBaseUrl}/media/${forged}`)).status).toBe(404);
    }
    const expired = MediaUrlSigner.fromSecret(settings.token).sign("ab/photo.jpg", -5);
    expect((await fetch(`${publicBaseUrl}/media/${expired}`)).status).toBe(403);
    // Another bot token signs nothing this bot serves.
    expect((await fetch(`${publicBaseUrl}/media/${MediaUrlSigner.fromSecret("999:another-token").sign("ab/photo.jpg")}`)).status).toBe(404);
  });

  it("shows typing while an answer is prepared", async () => {
    await world({ settings: { typingAfterMs: 1 } });
    const lan = zbot!.driver.createUser("Lan");
    await zbot!.driver.sendText(lan.id, "/decu");
    await zbot!.driver.waitForMessage(lan.id);
    await eventually(async () => expect(zbot!.state.chatActions.some((a) => a.chatId === lan.id && a.action === "typing")).toBe(true));
  });

  it("429: the channel cools down (nothing more is spent on Zalo) and the admins are alerted once", async () => {
    telegram = await startEmulator();
    const admin = telegram.driver.createUser({ firstName: "Quản trị" });
    await world({ emulator: { monthlyQuota: 0 }, extra: { telegram: { token: telegram.token, apiRoot: telegram.apiRoot, adminIds: [String(admin.id)] } } });
    const lan = zbot!.driver.createUser("Lan");
    for (const n of [1, 2, 3]) {
      await enqueue(bot!.db, { idempotencyKey: `quota-${n}`, chat: { channel: "ZALO_BOT", externalId: lan.id, kind: "PRIVATE" }, kind: "notice", payload: { type: "text", html: `Tin ${n}` } });
    }
    bot!.app.worker.wake();
    const alert = await telegram.driver.waitForBotMessage(admin.id, { timeout: 10_000 });
    expect(alert.text).toContain("hết hạn mức");
    // A resident writes meanwhile: the reply waits out the cool-down too, without calling Zalo.
    await zbot!.driver.sendText(lan.id, "/decu");
    await eventually(async () => expect(await bot!.db.zaloBotInboxEvent.count({ where: { attempts: { gt: 0 } } })).toBe(1));
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(zbot!.state.calls.filter((c) => c === "sendMessage")).toHaveLength(1);
    expect(await bot!.db.outboxMessage.count({ where: { kind: "admin-alert" } })).toBe(1);
    expect(await bot!.db.outboxMessage.count({ where: { chat: { channel: "ZALO_BOT" }, status: "PENDING" } })).toBe(3);
    expect(await bot!.db.outboxMessage.count({ where: { status: "FAILED" } })).toBe(0);
    expect(zbot!.state.sentTo(lan.id)).toHaveLength(0);
  });
});

describe("the token", () => {
  it("appears in no log line, whatever fails", async () => {
    const { log, lines } = capturedLog();
    await world({ settings: { pollTimeoutSeconds: 1 }, extra: { log } });
    const token = zbot!.token;
    const lan = zbot!.driver.createUser("Lan");
    zbot!.state.faults.push({ code: 401, description: `Unauthorized for /bot${token}/sendMessage`, method: "sendMessage", times: 1 });
    zbot!.state.faults.push({ code: 403, description: `Internal server error at /bot${token}/sendMessage`, method: "sendMessage", times: 1 });
    await zbot!.driver.sendText(lan.id, "/decu");
    await enqueue(bot!.db, { idempotencyKey: "token-log", chat: { channel: "ZALO_BOT", externalId: lan.id, kind: "PRIVATE" }, kind: "notice", payload: { type: "text", html: "Tin" } });
    bot!.app.worker.wake();
    await eventually(async () => expect(zbot!.state.faults).toHaveLength(0), 8000);
    // Zalo goes away: the poller's network failures are logged too.
    await zbot!.close();
    await eventually(async () => expect(lines.join("")).toContain("getUpdates failed"), 8000);
    const all = lines.join("");
    expect(all).toContain("zalo bot");
    expect(all).not.toContain(token);
    expect(all).not.toContain(token.split(":")[1]!);
    zbot = undefined;
  });

  it("is cut out of every line the app's logger writes, in any field", async () => {
    const { createLogger } = await import("../../app/logger");
    const lines: string[] = [];
    const token = "1234567890:abcdefXYZ-secret";
    const log = createLogger("info", {
      secrets: [token],
      destination: new Writable({
        write(chunk: Buffer, _encoding, done) {
          lines.push(chunk.toString("utf8"));
          done();
        },
      }),
    });
    log.info({ url: `https://bot-api.zaloplatforms.com/bot${token}/getUpdates` }, `calling /bot${token}/sendMessage`);
    log.error({ err: new Error(`fetch failed for /bot${token}/x`) }, "failed");
    expect(lines).toHaveLength(2);
    expect(lines.join("")).not.toContain(token);
    expect(lines.join("")).toContain("[redacted]");
  });
});
