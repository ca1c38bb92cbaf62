// The worker knows no channel: a Zalo-shaped sender with a clock the test holds shows the
// cool-down after a channel-wide rate-limit error and the handling of classified errors.
import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import { GrammyError, HttpError } from "grammy";
import { classifyTelegramError } from "../../bot/telegram/outbox-sender";
import { enqueue } from "../../core/outbox/enqueue";
import { PermanentSendError, RateLimitedError, TransientSendError } from "../../core/outbox/errors";
import type { OutboxDelivery, Sender, SendResult } from "../../core/outbox/sender";
import { OutboxWorker } from "../../core/outbox/worker";
import { createTempDatabase, type TempDatabase } from "../support/temp-database";
import { silent } from "./helpers";

let temp: TempDatabase;

beforeAll(async () => {
  temp = await createTempDatabase({ seed: false });
});

afterAll(async () => {
  await temp.cleanup();
});

beforeEach(async () => {
  await temp.db.outboxMessage.deleteMany();
});

/** A Zalo sender that answers from a script: an error to throw, or "ok". */
class ScriptedZaloSender implements Sender {
  readonly channel = "ZALO" as const;
  readonly sent: OutboxDelivery[] = [];
  constructor(private readonly script: (Error | "ok")[]) {}
  async send(message: OutboxDelivery): Promise<SendResult> {
    const next = this.script.shift() ?? "ok";
    if (next !== "ok") throw next;
    this.sent.push(message);
    return { messageIds: [`zalo-${message.id}`] };
  }
}

/** No spacing, so that only the behaviour under test holds a message back. */
const fast = { perSecond: Infinity, perChatPerSecond: Infinity, perGroupPerMinute: Infinity };

const toZalo = (key: string, thread: string) =>
  enqueue(temp.db, { idempotencyKey: key, chat: { channel: "ZALO", externalId: thread, kind: "GROUP" }, kind: "digest", payload: { type: "text", html: "Bản tin tuần" } });

it("a channel-wide rate-limit error rests the whole channel for its cool-down, across restarts", async () => {
  const start = Date.now() + 1000;
  let now = start;
  const sender = new ScriptedZaloSender([new RateLimitedError("channel", undefined, "221: Vượt quá số request cho phép")]);
  const options = { db: temp.db, log: silent, senders: [sender], clock: () => now, concurrency: 1, limits: { ZALO: { ...fast, cooldownSeconds: 4 * 3600 } } };
  await toZalo("zalo:a", "g1");
  await toZalo("zalo:b", "g2");

  const worker = new OutboxWorker(options);
  await worker.tick();
  await worker.settled();
  const cooled = start + 4 * 3600 * 1000;
  const rows = await temp.db.outboxMessage.findMany({ orderBy: { id: "asc" } });
  expect(rows.map((r) => [r.status, r.attempts, r.nextAttemptAt.getTime()])).toEqual([
    ["PENDING", 0, cooled],
    ["PENDING", 0, cooled],
  ]);

  // A new worker (as after a restart) still waits, then sends both.
  now = cooled - 1;
  const restarted = new OutboxWorker(options);
  expect((await restarted.tick()).started).toBe(0);
  now = cooled;
  await restarted.drain();
  expect(sender.sent.map((m) => m.idempotencyKey).sort()).toEqual(["zalo:a", "zalo:b"]);
  expect((await temp.db.outboxMessage.findMany()).map((r) => r.sentMessageIds)).toEqual([["zalo-" + rows[0]!.id], ["zalo-" + rows[1]!.id]]);
});

it("backs off exponentially with jitter between transient failures", async () => {
  let now = Date.now() + 1000;
  const sender = new ScriptedZaloSender([new TransientSendError("timeout"), new TransientSendError("timeout")]);
  const worker = new OutboxWorker({ db: temp.db, log: silent, senders: [sender], clock: () => now, random: () => 0.5, backoff: { baseMs: 1000, maxMs: 60_000 }, limits: { ZALO: fast } });
  await toZalo("zalo:t", "g3");

  const delays: number[] = [];
  for (let attempt = 0; attempt < 3; attempt += 1) {
    await worker.tick();
    await worker.settled();
    const row = await temp.db.outboxMessage.findUniqueOrThrow({ where: { idempotencyKey: "zalo:t" } });
    if (row.status === "SENT") break;
    delays.push(row.nextAttemptAt.getTime() - now);
    now = row.nextAttemptAt.getTime();
  }
  // 1 s then 2 s ceilings, each taken at 75 % by the fixed jitter.
  expect(delays).toEqual([750, 1500]);
  expect(sender.sent).toHaveLength(1);
});

it("an unclassified error from a sender counts as transient", async () => {
  const sender = new ScriptedZaloSender([new Error("socket hang up")]);
  const worker = new OutboxWorker({ db: temp.db, log: silent, senders: [sender], backoff: { baseMs: 10, maxMs: 10 }, limits: { ZALO: fast } });
  await toZalo("zalo:u", "g4");
  await worker.drain();
  expect(await temp.db.outboxMessage.findUniqueOrThrow({ where: { idempotencyKey: "zalo:u" } })).toMatchObject({ status: "SENT", attempts: 1, lastError: "socket hang up" });
});

it("a Telegram worker leaves Zalo rows alone", async () => {
  const telegramOnly: Sender = { channel: "TELEGRAM", send: async () => ({ messageIds: ["1"] }) };
  await toZalo("zalo:other", "g5");
  const worker = new OutboxWorker({ db: temp.db, log: silent, senders: [telegramOnly] });
  await worker.drain();
  expect(await temp.db.outboxMessage.findUniqueOrThrow({ where: { idempotencyKey: "zalo:other" } })).toMatchObject({ status: "PENDING" });
});

it("sorts Telegram's errors into the outbox's classes", () => {
  const api = (error_code: number, description: string, retry_after?: number) =>
    classifyTelegramError(new GrammyError("call failed", { ok: false, error_code, description, ...(retry_after ? { parameters: { retry_after } } : {}) }, "sendMessage", {}));
  const tooMany = api(429, "Too Many Requests: retry after 7", 7);
  expect(tooMany).toBeInstanceOf(RateLimitedError);
  expect((tooMany as RateLimitedError).retryAfterSeconds).toBe(7);
  expect(api(403, "Forbidden: bot was blocked by the user")).toMatchObject({ name: "PermanentSendError", scope: "chat" });
  expect(api(400, "Bad Request: chat not found")).toMatchObject({ name: "PermanentSendError", scope: "chat" });
  expect(api(400, "Bad Request: can't parse entities")).toMatchObject({ name: "PermanentSendError", scope: "message" });
  expect(api(400, "Bad Request: not enough rights to send photos to the chat")).toMatchObject({ name: "PermanentSendError", scope: "message" });
  expect(api(400, "Bad Request: not enough rights to send text messages to the chat")).toMatchObject({ name: "PermanentSendError", scope: "chat" });
  expect(api(502, "Bad Gateway")).toBeInstanceOf(TransientSendError);
  expect(api(401, "Unauthorized")).toBeInstanceOf(TransientSendError);
  expect(classifyTelegramError(new HttpError("Network request for 'sendMessage' failed!", new Error("ECONNRESET")))).toBeInstanceOf(TransientSendError);
  expect(classifyTelegramError(new PermanentSendError("message", "file not found: a.jpg"))).toMatchObject({ scope: "message" });
});
