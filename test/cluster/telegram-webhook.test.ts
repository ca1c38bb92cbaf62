// Telegram's webhook mode against the emulator, which delivers updates to the webhook the bot
// registered (with its secret token), retries until it gets a 2xx, and logs every call. One
// instance on SQLite: a conversation over the webhook, forged and malformed requests refused
// with nothing stored. Two instances on PostgreSQL behind a proxy that delivers every update to
// both and fails the first answer (so the emulator re-delivers): each update handled once.
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseConfig } from "../../app/config";
import type { Db } from "../../core/db/client";
import type { DatabaseTarget } from "../../core/db/database-url";
import { startEmulator, type Emulator } from "../../emulator/index";
import { ChatUser, startBot, type BotUnderTest } from "../support/bot-app";
import { createTempDatabase, type TempDatabase } from "../support/temp-database";
import { createTempPostgres, postgresReachable } from "../support/temp-postgres";
import { until } from "./fixtures";

const secret = "webhook_Secret-123";

/** A free local port (listened on, then let go). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Starts a bot instance in webhook mode on `port`, registering `url` with the emulator. */
async function startWebhookBot(emulator: Emulator, target: DatabaseTarget, dir: string, url: string, port: number): Promise<BotUnderTest> {
  return startBot(emulator, target, dir, { webhook: { url, secret, port, host: "127.0.0.1" } });
}

/** POSTs a body to a webhook; returns the status. */
async function post(url: string, body: string, token: string | undefined): Promise<number> {
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json", ...(token ? { "x-telegram-bot-api-secret-token": token } : {}) }, body });
  await response.arrayBuffer();
  return response.status;
}

describe("Telegram webhook mode, one instance on SQLite", () => {
  let emulator: Emulator;
  let temp: TempDatabase;
  let bot: BotUnderTest;
  let url: string;

  beforeAll(async () => {
    temp = await createTempDatabase();
    emulator = await startEmulator({ webhookRetryMs: 200 });
    const port = await freePort();
    url = `http://127.0.0.1:${port}/telegram/hook`;
    bot = await startWebhookBot(emulator, temp.target, temp.dir, url, port);
  });
  afterAll(async () => {
    await bot?.stop();
    await emulator?.close();
    await temp?.cleanup();
  });

  it("registers its address and secret, and talks through the inbox", async () => {
    const registered = emulator.state.bots.get(emulator.token)!.webhook;
    expect(registered).toMatchObject({ url, secretToken: secret });
    const user = new ChatUser(emulator, emulator.driver.createUser({ firstName: "Lan" }).id);
    const reply = await user.command("start");
    expect(reply.text ?? "").not.toBe("");
    await until(async () => (await bot.db.telegramInboxEvent.count({ where: { processedAt: null } })) === 0, 10_000, "the inbox");
    const rows = await bot.db.telegramInboxEvent.findMany();
    expect(rows.length).toBeGreaterThanOrEqual(1);
    expect(rows.every((r) => r.processedAt !== null && r.eventName === "message")).toBe(true);
  });

  it("refuses a wrong or missing secret token and a body that is no update, storing nothing", async () => {
    const before = await bot.db.telegramInboxEvent.count();
    const update = JSON.stringify({ update_id: 990_001, message: { message_id: 1, date: 0, chat: { id: 1, type: "private" }, text: "/start" } });
    expect(await post(url, update, "not-the-secret")).toBe(401);
    expect(await post(url, update, undefined)).toBe(401);
    expect(await post(url, "{not json", secret)).toBeGreaterThanOrEqual(400);
    expect(await post(url.replace("/telegram/hook", "/elsewhere"), update, secret)).toBe(404);
    expect(await bot.db.telegramInboxEvent.count()).toBe(before);
    const health = await fetch(new URL("/healthz", url));
    expect(health.status).toBe(200);
  });
});

describe.runIf(postgresReachable)("Telegram webhook mode, two instances on PostgreSQL", () => {
  let emulator: Emulator;
  let pg: Awaited<ReturnType<typeof createTempPostgres>>;
  let dir: string;
  let proxy: Server;
  const instances: BotUnderTest[] = [];
  /** Updates the proxy has already failed once. */
  const failedOnce = new Set<number>();

  beforeAll(async () => {
    pg = await createTempPostgres();
    emulator = await startEmulator({ webhookRetryMs: 200 });
    dir = mkdtempSync(path.join(os.tmpdir(), "gs-webhook-"));
    const ports = [await freePort(), await freePort()];
    // A misbehaving reverse proxy: every update goes to both instances; the first answer for
    // each update is a 502, so the emulator delivers it again.
    proxy = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        const body = Buffer.concat(chunks).toString();
        const token = req.headers["x-telegram-bot-api-secret-token"] as string | undefined;
        void Promise.all(ports.map((p) => post(`http://127.0.0.1:${p}/telegram`, body, token))).then((statuses) => {
          const id = (JSON.parse(body) as { update_id: number }).update_id;
          const first = !failedOnce.has(id);
          failedOnce.add(id);
          res.writeHead(first ? 502 : statuses.includes(200) ? 200 : 500).end();
        });
      });
    });
    await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
    const proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}/telegram`;
    for (const port of ports) instances.push(await startWebhookBot(emulator, pg.target, dir, proxyUrl, port));
  }, 60_000);

  afterAll(async () => {
    for (const instance of instances) await instance.stop().catch(() => undefined);
    proxy?.close();
    await emulator?.close();
    await pg?.cleanup();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("handles an update once though both instances received it twice", async () => {
    const user = new ChatUser(emulator, emulator.driver.createUser({ firstName: "Minh" }).id);
    const sent = emulator.driver.sendCommand(user.id, "start");
    await user.reply();
    await until(() => failedOnce.size >= 1, 5_000, "the proxy");
    const db: Db = pg.db;
    await until(async () => (await db.telegramInboxEvent.count({ where: { processedAt: null } })) === 0, 10_000, "the inbox");
    // Let any second handling show itself before counting.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const replies = emulator.driver.botMessages(user.id).filter((m) => m.messageId > sent.message_id);
    expect(replies).toHaveLength(1);
    const rows = await db.telegramInboxEvent.findMany({ where: { eventName: "message" } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.attempts).toBe(1);
    // Delivered twice by the emulator, each time to both instances.
    expect(failedOnce.has(JSON.parse(rows[0]!.body).update_id as number)).toBe(true);
  }, 30_000);
});

describe("webhook settings", () => {
  const base = { TELEGRAM_BOT_TOKEN: "123456:ABCDEFGHIJKLMNOP", TELEGRAM_API_ROOT: "http://127.0.0.1:8081" };

  it("reads the three settings together", () => {
    const config = parseConfig({ ...base, WEBHOOK_URL: "https://bot.example.gov.vn/telegram", WEBHOOK_SECRET: "s3cret_-x", WEBHOOK_PORT: "8443" });
    expect(config).toMatchObject({ WEBHOOK_URL: "https://bot.example.gov.vn/telegram", WEBHOOK_SECRET: "s3cret_-x", WEBHOOK_PORT: 8443 });
  });

  it("refuses one setting alone, a secret Telegram would refuse, plain HTTP to Telegram, and a webhook without a token", () => {
    const problems = (env: Record<string, string>) => {
      try {
        parseConfig(env);
        return [];
      } catch (error) {
        return (error as { problems: string[] }).problems.map((p) => p.split(/[ :]/)[1]);
      }
    };
    expect(problems({ ...base, WEBHOOK_URL: "https://bot.example.gov.vn/telegram" })).toEqual(["WEBHOOK_SECRET", "WEBHOOK_PORT"]);
    expect(problems({ ...base, WEBHOOK_URL: "https://x.vn/t", WEBHOOK_SECRET: "has space", WEBHOOK_PORT: "8443" })).toEqual(["WEBHOOK_SECRET"]);
    expect(problems({ TELEGRAM_BOT_TOKEN: base.TELEGRAM_BOT_TOKEN, WEBHOOK_URL: "http://x.vn/t", WEBHOOK_SECRET: "abc", WEBHOOK_PORT: "8443" })).toEqual(["WEBHOOK_URL"]);
    expect(problems({ WEBHOOK_URL: "https://x.vn/t", WEBHOOK_SECRET: "abc", WEBHOOK_PORT: "8443" })).toEqual(["TELEGRAM_BOT_TOKEN"]);
  });
});
