// Outbox figures: the cost of enqueueing, and delivery throughput against the emulator with
// rate limits off (so the figure is the worker's own ceiling, not Telegram's). SQLite commits
// dominate; the database runs in WAL mode as the bot does (core/db/client.ts).
import { pino } from "pino";
import { TelegramOutboxSender } from "../../bot/telegram/outbox-sender";
import { enqueue, outboxKey } from "../../core/outbox/enqueue";
import { unlimited } from "../../core/outbox/rate-limiter";
import { OutboxWorker } from "../../core/outbox/worker";
import { startEmulator } from "../../emulator/index";
import type { BenchDatabase } from "./database";

/** What the outbox run measured. */
export interface OutboxRun {
  /** One enqueue call per row, in µs per row. */
  enqueueMicros: number;
  /** Rows enqueued in one transaction, in µs per row. */
  enqueueInTransactionMicros: number;
  /** Enqueues of keys already present (no-ops), in µs per row. */
  enqueueRepeatMicros: number;
  delivered: number;
  messages: number;
  messagesPerSecond: number;
}

/** Measures enqueue cost on `rows` rows and delivery of `messages` messages to `chats` chats. */
export async function runOutbox(bench: BenchDatabase, opts: { rows: number; messages: number; chats: number; concurrency: number }): Promise<OutboxRun> {
  const { db } = bench;
  const emulator = await startEmulator();
  try {
    const users = Array.from({ length: opts.chats }, (_, i) => emulator.driver.createUser({ firstName: `Bench ${i}` }));
    const chatOf = (i: number) => ({ channel: "TELEGRAM" as const, externalId: String(users[i % users.length]!.id), kind: "PRIVATE" as const });
    const payload = (i: number) => ({ type: "text" as const, html: `<b>Gương sáng</b> tuần này, phần ${i}` });
    const put = (tx: Parameters<typeof enqueue>[0], key: string, i: number, kind = "bench") => enqueue(tx, { idempotencyKey: outboxKey(key, i), chat: chatOf(i), kind, payload: payload(i) });
    const cancelBench = () => db.outboxMessage.updateMany({ where: { kind: "bench" }, data: { status: "CANCELLED" } });

    // Warm-up: the first statements of a client pay for compiling its queries.
    for (let i = 0; i < Math.min(200, opts.rows); i += 1) await put(db, "warm", i);
    await cancelBench();

    let started = performance.now();
    for (let i = 0; i < opts.rows; i += 1) await put(db, "single", i);
    const singleMs = performance.now() - started;

    started = performance.now();
    await db.$transaction(
      async (tx) => {
        for (let i = 0; i < opts.rows; i += 1) await put(tx, "tx", i);
      },
      { timeout: 120_000 },
    );
    const txMs = performance.now() - started;

    started = performance.now();
    for (let i = 0; i < opts.rows; i += 1) await put(db, "single", i);
    const repeatMs = performance.now() - started;
    await cancelBench();

    for (let i = 0; i < opts.messages; i += 1) await put(db, "send", i, "send");
    const worker = new OutboxWorker({
      db,
      log: pino({ level: "silent" }),
      senders: [new TelegramOutboxSender({ token: emulator.token, apiRoot: emulator.apiRoot })],
      limits: { TELEGRAM: unlimited },
      concurrency: opts.concurrency,
      pollIntervalMs: 50,
    });
    started = performance.now();
    await worker.drain({ timeoutMs: 10 * 60_000 });
    const sendMs = performance.now() - started;
    const delivered = emulator.driver.calls({ method: "sendMessage" }).filter((c) => c.ok).length;
    return {
      enqueueMicros: (singleMs / opts.rows) * 1000,
      enqueueInTransactionMicros: (txMs / opts.rows) * 1000,
      enqueueRepeatMicros: (repeatMs / opts.rows) * 1000,
      delivered,
      messages: opts.messages,
      messagesPerSecond: (delivered / sendMs) * 1000,
    };
  } finally {
    await emulator.close();
  }
}
