// One send pace for a bot account across instances: two outbox workers, each with its own
// database client and its own limiter (Telegram's limits, 30 a second each), draw on counters
// in the shared PostgreSQL database. The emulator applies Telegram's flood control and answers
// 429 past it; it must never have to. A 429 that Telegram does send pauses the chat in every
// instance for its retry_after.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { pino } from "pino";
import { TelegramOutboxSender } from "../../bot/telegram/outbox-sender";
import { openDatabase, type Db } from "../../core/db/client";
import { PostgresSendPace, windowFor } from "../../core/outbox/shared-pace";
import { OutboxWorker } from "../../core/outbox/worker";
import { startEmulator, type Emulator } from "../../emulator/index";
import { enqueueText } from "../outbox/helpers";
import { createTempPostgres, postgresReachable } from "../support/temp-postgres";
import { until } from "./fixtures";

const log = pino({ level: "silent" });

describe("windowFor", () => {
  it("gives a fixed window that never lets more through than the bucket it stands for", () => {
    expect(windowFor(30, 30)).toEqual({ points: 15, durationSec: 0.5 });
    expect(windowFor(20, 20 / 60)).toEqual({ points: 10, durationSec: 30 });
    expect(windowFor(1, 1)).toEqual({ points: 1, durationSec: 1 });
    expect(windowFor(1, Infinity)).toBeNull();
  });
});

describe.runIf(postgresReachable)("two instances sending for one Telegram bot", () => {
  let pg: Awaited<ReturnType<typeof createTempPostgres>>;
  let emulator: Emulator;
  const instances: { db: Db; pace: PostgresSendPace; worker: OutboxWorker }[] = [];

  beforeAll(async () => {
    pg = await createTempPostgres();
    emulator = await startEmulator({ limits: { rate: { perChatPerSecond: 1, perChatBurst: 3, perGroupPerMinute: 20, globalPerSecond: 30 } } });
    for (let i = 0; i < 2; i++) {
      const db = await openDatabase(pg.target);
      const pace = await PostgresSendPace.open((pg.target as { url: string }).url, log);
      const sender = new TelegramOutboxSender({ token: emulator.token, apiRoot: emulator.apiRoot });
      // Each worker alone keeps Telegram's limits (its defaults); together only the shared pace does.
      const worker = new OutboxWorker({ db, log, senders: [sender], sharedPace: pace, pollIntervalMs: 20, concurrency: 16 });
      instances.push({ db, pace, worker });
    }
  }, 60_000);

  afterAll(async () => {
    for (const { worker, pace, db } of instances) {
      await worker.stop();
      await pace.close();
      await db.$disconnect();
    }
    await emulator?.close();
    await pg?.cleanup();
  });

  beforeEach(() => emulator.driver.clearCalls());

  it("stays within Telegram's rate together: no 429, every message once", async () => {
    const chats = Array.from({ length: 300 }, (_, i) => emulator.driver.createChat({ type: "supergroup", title: `Tổ ${i + 1}` }).id);
    for (const [i, chat] of chats.entries()) await enqueueText(pg.db, `pace:${i}`, chat, `Bản tin tuần cho tổ ${i + 1}`, "SUPERGROUP");
    const started = Date.now();
    for (const { worker } of instances) worker.start();
    await until(async () => (await pg.db.outboxMessage.count({ where: { idempotencyKey: { startsWith: "pace:" }, status: { not: "SENT" } } })) === 0, 60_000, "every message sent");
    const seconds = (Date.now() - started) / 1000;

    const calls = emulator.driver.calls({ method: "sendMessage" });
    expect(calls.filter((c) => !c.ok).map((c) => c.error?.error_code)).toEqual([]);
    const perChat = new Map<string, number>();
    for (const call of calls) perChat.set(String(call.params.chat_id), (perChat.get(String(call.params.chat_id)) ?? 0) + 1);
    expect(perChat.size).toBe(chats.length);
    expect([...perChat.values()].every((n) => n === 1)).toBe(true);
    // 300 messages at 30 a second take ten seconds whoever sends them; alone each would go twice as fast.
    expect(seconds).toBeGreaterThan(300 / 30 - 1.5);
  }, 90_000);

  it("pauses a chat in both instances for a 429's retry_after", async () => {
    const user = emulator.driver.createUser({ firstName: "Hoa" });
    emulator.driver.injectFault({ kind: "429", method: "sendMessage", chatId: user.id, retryAfter: 3 });
    for (let part = 1; part <= 3; part++) await enqueueText(pg.db, `pause:${part}`, user.id, `phần ${part}`);
    for (const { worker } of instances) worker.wake();
    await until(async () => (await pg.db.outboxMessage.count({ where: { idempotencyKey: { startsWith: "pause:" }, status: "SENT" } })) === 3, 30_000, "the chat's messages");

    const calls = emulator.driver.calls({ method: "sendMessage" }).filter((c) => String(c.params.chat_id) === String(user.id));
    const refused = calls.find((c) => !c.ok)!;
    expect(refused.error?.error_code).toBe(429);
    const after = calls.filter((c) => c.ok);
    expect(after.map((c) => c.params.text)).toEqual(["phần 1", "phần 2", "phần 3"]);
    expect(after[0]!.at - refused.at).toBeGreaterThanOrEqual(3_000 - 50);
    const chat = await pg.db.chat.findFirstOrThrow({ where: { externalId: String(user.id) } });
    const blocked = await pg.db.$queryRawUnsafe<{ key: string }[]>(`SELECT key FROM "SendPace" WHERE key LIKE '%TELEGRAM:${chat.id}'`);
    expect(blocked.length).toBeGreaterThan(0);
  }, 60_000);
});
