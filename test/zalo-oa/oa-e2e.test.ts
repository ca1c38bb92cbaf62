// The OA channel end to end over real HTTP against the OA emulator: what Zalo's webhook may
// do (forged, repeated, delivered just before a crash), the single-use token chain under two
// processes, Zalo's 7-day window with a linked Telegram account, and photo re-encoding.
import { spawn } from "node:child_process";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { pino } from "pino";
import sharp from "sharp";
import { afterEach, describe, expect, it } from "vitest";
import { OaApi } from "../../bot/zalo-oa/api";
import { OaTokens } from "../../bot/zalo-oa/tokens";
import { openDatabase } from "../../core/db/client";
import { repoRoot } from "../../core/db/paths";
import { enqueue } from "../../core/outbox/enqueue";
import { startEmulator, type Emulator } from "../../emulator/index";
import type { OaEmulator } from "../../emulator/zalo-oa/index";
import { eventually } from "../scenarios/scenario";
import { createTempDatabase, type TempDatabase } from "../support/temp-database";
import { startApp, type AppUnderTest } from "../support/zalo-app";
import { connectWebhook, startOaWorld } from "../support/zalo-oa-app";

const silent = pino({ level: "silent" });
let temp: TempDatabase;
let oa: OaEmulator;
let bot: AppUnderTest | undefined;
let telegram: Emulator | undefined;
const cleanups: (() => Promise<unknown> | unknown)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  await bot?.stop();
  bot = undefined;
  await telegram?.close();
  telegram = undefined;
  await oa.close();
  await temp.cleanup();
});

async function world(options: { telegram?: boolean } = {}) {
  temp = await createTempDatabase();
  const started = await startOaWorld();
  oa = started.oa;
  if (options.telegram) telegram = await startEmulator();
  bot = await startApp(temp.target, temp.dir, { zaloOa: started.settings, ...(telegram ? { telegram: { token: telegram.token, apiRoot: telegram.apiRoot } } : {}) });
  connectWebhook(oa, bot);
  return started.settings;
}

describe("the webhook", () => {
  it("refuses a forged or missing signature with 401 and stores nothing; takes Zalo's with or without 'mac='", async () => {
    await world();
    const lan = oa.driver.createUser("Lan");
    const body = JSON.stringify({ app_id: oa.state.options.appId, event_name: "user_send_text", timestamp: String(Date.now()), sender: { id: lan.userId }, recipient: { id: oa.state.options.oaId }, message: { msg_id: "f0e1d2c3b4a596870011", text: "/start" } });
    expect((await oa.driver.deliverRaw(body, { signature: `mac=${"0".repeat(64)}` })).status).toBe(401);
    expect((await oa.driver.deliverRaw(body, { signature: null })).status).toBe(401);
    // Signed for another body: the signature covers the exact bytes.
    const other = await oa.driver.deliverRaw(body.replace("/start", "/help"), { signature: (await import("../../emulator/zalo-oa/driver")).signWebhook(oa.state.options.appId, body, JSON.parse(body).timestamp, oa.state.options.oaSecretKey) });
    expect(other.status).toBe(401);
    expect(await bot!.db.zaloOaInboxEvent.count()).toBe(0);
    expect(oa.state.sentTo(lan.userId)).toHaveLength(0);
    const { signWebhook } = await import("../../emulator/zalo-oa/driver");
    const bare = signWebhook(oa.state.options.appId, body, JSON.parse(body).timestamp, oa.state.options.oaSecretKey).slice(4);
    expect((await oa.driver.deliverRaw(body, { signature: bare })).status).toBe(200);
    expect(await bot!.db.zaloOaInboxEvent.count()).toBe(1);
  });

  it("handles an event Zalo delivers twice once", async () => {
    await world();
    const lan = oa.driver.createUser("Lan");
    const first = await oa.driver.sendText(lan.userId, "/start");
    expect(first.status).toBe(200);
    expect((await oa.driver.deliverRaw(first.body)).status).toBe(200);
    await oa.driver.waitForMessage(lan.userId);
    await bot!.app.zaloOa!.inbox.drained();
    // A third, later message shows the pipeline moved on without a second answer to /start.
    await oa.driver.sendText(lan.userId, "/trogiup");
    await oa.driver.waitForMessage(lan.userId);
    expect(await bot!.db.zaloOaInboxEvent.count()).toBe(2);
    expect(oa.state.sentTo(lan.userId).filter((m) => m.text === oa.state.sentTo(lan.userId)[0]!.text)).toHaveLength(1);
  });

  it("ignores the OA's own echoes", async () => {
    await world();
    const lan = oa.driver.createUser("Lan");
    expect((await oa.driver.echo(lan.userId, "/start")).status).toBe(200);
    expect(await bot!.db.zaloOaInboxEvent.count()).toBe(0);
  });

  it("an event stored and answered just before the process is killed is handled after the restart", async () => {
    temp = await createTempDatabase();
    const started = await startOaWorld();
    oa = started.oa;
    const tsx = path.join(repoRoot, "node_modules", ".bin", "tsx");
    const child = spawn(tsx, [path.join(repoRoot, "test", "zalo-oa", "receive-only-process.ts"), (temp.target as { file: string }).file, temp.dir, JSON.stringify(started.settings)], { cwd: repoRoot });
    const exited = new Promise<string | null>((resolve) => child.on("exit", (_code, signal) => resolve(signal)));
    let stdout = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    cleanups.push(() => child.kill("SIGKILL"));
    await eventually(async () => expect(stdout).toContain("WEBHOOK "), 100_000);
    oa.driver.webhookUrl = /WEBHOOK (\S+)/.exec(stdout)![1]!;
    const lan = oa.driver.createUser("Lan");
    expect((await oa.driver.sendText(lan.userId, "/start")).status).toBe(200);
    expect(await temp.db.zaloOaInboxEvent.count({ where: { processedAt: null } })).toBe(1);
    child.kill("SIGKILL");
    expect(await exited).toBe("SIGKILL");
    expect(oa.state.sentTo(lan.userId)).toHaveLength(0);

    bot = await startApp(temp.target, temp.dir, { zaloOa: started.settings });
    const reply = await oa.driver.waitForMessage(lan.userId);
    expect(reply.text).toContain("1.");
    await bot.app.zaloOa!.inbox.drained();
    expect(await temp.db.zaloOaInboxEvent.count({ where: { processedAt: null } })).toBe(0);
  }, 150_000);
});

describe("the token chain", () => {
  it("two processes refreshing at once: Zalo is asked once, both keep sending", async () => {
    const settings = await world();
    const lan = oa.driver.createUser("Lan");
    await oa.driver.sendText(lan.userId, "/start");
    await oa.driver.waitForMessage(lan.userId);
    const before = oa.state.refreshes.length;
    // Two more processes on the same database, each with its own connection and lease owner.
    const clients = await Promise.all([openDatabase(temp.target), openDatabase(temp.target)]);
    cleanups.push(() => Promise.all(clients.map((c) => c.$disconnect())));
    const chains = clients.map((db) => new OaTokens({ db, log: silent, appId: settings.appId, appSecret: settings.appSecret, oauthRoot: settings.oauthRoot }));
    const stored = await temp.db.zaloOaToken.findUniqueOrThrow({ where: { appId: settings.appId } });
    oa.state.expireAccessTokens();
    const [a, b] = await Promise.all(chains.map((chain) => chain.refresh(stored.generation)));
    expect(oa.state.refreshes.length - before).toBe(1);
    expect(oa.state.reusedRefreshTokens).toEqual([]);
    expect(a!.token).toBe(b!.token);
    for (const chain of chains) {
      const api = new OaApi(settings.apiRoot, chain);
      expect((await api.sendToUser(lan.userId, { text: "Xin chào" })).messageId).toMatch(/^[0-9a-f]{20}$/);
    }
    // The bot's own process reads the new pair from the database and keeps answering.
    await oa.driver.sendText(lan.userId, "/trogiup");
    await oa.driver.waitForMessage(lan.userId, { match: (m) => m.text !== "Xin chào" });
    expect(oa.state.refreshes.length - before).toBe(1);
  });
});

describe("Zalo's sending rules", () => {
  it("outside the 7-day window: final, counted, and the person reached on their linked Telegram account", async () => {
    await world({ telegram: true });
    const lan = oa.driver.createUser("Lan");
    await oa.driver.sendText(lan.userId, "/start");
    await oa.driver.waitForMessage(lan.userId);
    const tgUser = telegram!.driver.createUser({ firstName: "Lan" });
    const identity = await bot!.db.channelIdentity.findUniqueOrThrow({ where: { channel_externalId: { channel: "ZALO_OA", externalId: lan.userId } } });
    await bot!.db.channelIdentity.create({ data: { personId: identity.personId, channel: "TELEGRAM", externalId: String(tgUser.id) } });
    // Eight days on Zalo's clock: the bot's own record still says recent, Zalo refuses (-230).
    oa.state.clockOffsetMs += 8 * 24 * 3600_000;
    await enqueue(bot!.db, { idempotencyKey: "test:notice:1", chat: { channel: "ZALO_OA", externalId: lan.userId, kind: "PRIVATE" }, kind: "notice", payload: { type: "text", html: "Hồ sơ của bạn đã được duyệt." } });
    bot!.app.worker.wake();
    const onTelegram = await telegram!.driver.waitForBotMessage(tgUser.id, { timeout: 10_000 });
    expect(onTelegram.text).toContain("Hồ sơ của bạn đã được duyệt.");
    const row = await bot!.db.outboxMessage.findUniqueOrThrow({ where: { idempotencyKey: "test:notice:1" } });
    expect(row).toMatchObject({ status: "FAILED", failureReason: "outside-window", attempts: 1 });
    expect(oa.state.sentTo(lan.userId).some((m) => m.text.includes("đã được duyệt"))).toBe(false);
  });

  it("a 3 MB PNG goes out as a JPEG of at most 1 MB", async () => {
    await world();
    const lan = oa.driver.createUser("Lan");
    await oa.driver.sendText(lan.userId, "/start");
    await oa.driver.waitForMessage(lan.userId);
    // Noise does not compress: a 1000×1000 RGB PNG of about 3 MB.
    const noise = Buffer.alloc(1000 * 1000 * 3);
    for (let i = 0; i < noise.length; i++) noise[i] = (i * 2654435761) >>> 24;
    const png = await sharp(noise, { raw: { width: 1000, height: 1000, channels: 3 } }).png({ compressionLevel: 0 }).toBuffer();
    expect(png.length).toBeGreaterThan(3_000_000);
    const file = path.join(temp.dir, "big.png");
    await writeFile(file, png);
    await bot!.app.port("ZALO_OA")!.sendPhotos(lan.userId, [{ kind: "file", path: file }], "Ảnh lớn");
    const photo = await oa.driver.waitForMessage(lan.userId, { match: (m) => Boolean(m.image) });
    expect(photo.image!.mimeType).toBe("image/jpeg");
    expect(photo.image!.bytes.length).toBeLessThanOrEqual(1024 * 1024);
    expect(photo.text).toBe("Ảnh lớn");
    expect((await sharp(photo.image!.bytes).metadata()).format).toBe("jpeg");
  });

  it("an upload Zalo dropped (-100) is uploaded again; an album is one message per photo", async () => {
    await world();
    const lan = oa.driver.createUser("Lan");
    await oa.driver.sendText(lan.userId, "/start");
    await oa.driver.waitForMessage(lan.userId);
    const jpeg = await sharp({ create: { width: 64, height: 48, channels: 3, background: "#3366aa" } }).jpeg().toBuffer();
    const file = path.join(temp.dir, "a.jpg");
    await writeFile(file, jpeg);
    oa.state.faults.push({ code: -100, message: "Attachment id đã hết hạn", endpoint: "cs", times: 1 });
    const ids = await bot!.app.port("ZALO_OA")!.sendPhotos(lan.userId, [{ kind: "file", path: file }, { kind: "file", path: file }]);
    expect(ids).toHaveLength(2);
    expect(oa.state.sentTo(lan.userId).filter((m) => m.image)).toHaveLength(2);
    expect(oa.state.uploads.size).toBe(3);
  });
});

describe("npm run zalo-oa:connect", () => {
  it("prints the permission URL, takes the pasted address back and stores the pair, printing no token", async () => {
    temp = await createTempDatabase();
    const started = await startOaWorld();
    oa = started.oa;
    // The command migrates the database first, which wants no other connection open.
    await temp.db.$disconnect();
    const tsx = path.join(repoRoot, "node_modules", ".bin", "tsx");
    const child = spawn(tsx, [path.join(repoRoot, "scripts", "zalo-oa-connect.ts"), "https://phuong.example.gov.vn/zalo-oa/callback"], {
      cwd: temp.dir,
      env: {
        PATH: process.env.PATH ?? "",
        LOG_LEVEL: "silent",
        DATABASE_URL: `file:${(temp.target as { file: string }).file}`,
        ZALO_OA_APP_ID: started.settings.appId,
        ZALO_OA_APP_SECRET: started.settings.appSecret,
        ZALO_OA_SECRET_KEY: started.settings.secretKey,
        ZALO_OA_OAUTH_ROOT: oa.url,
      },
    });
    cleanups.push(() => child.kill("SIGKILL"));
    let stdout = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    await eventually(async () => expect(stdout, stderr).toMatch(/\/v4\/oa\/permission\?\S+/), 100_000);
    const permission = /(http\S+\/v4\/oa\/permission\?\S+)/.exec(stdout)![1]!;
    expect(new URL(permission).searchParams.get("code_challenge")).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // The OA admin allows; the browser lands on the callback with the code.
    const granted = await fetch(permission, { redirect: "manual" });
    const back = granted.headers.get("location")!;
    expect(back).toContain("code=");
    child.stdin.write(`${back}\n`);
    expect(await exited).toBe(0);
    const db = await openDatabase(temp.target);
    cleanups.push(() => db.$disconnect());
    const row = await db.zaloOaToken.findUniqueOrThrow({ where: { appId: started.settings.appId } });
    expect(oa.state.checkAccess(row.accessToken)).toBe(0);
    expect(stdout).not.toContain(row.accessToken);
    expect(stdout).not.toContain(row.refreshToken);
  }, 150_000);
});
