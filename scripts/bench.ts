// Outbox figures: the cost of enqueueing, and delivery throughput against the local emulator
// with rate limits off (so the figure is the worker's own ceiling, not Telegram's).
//   npm run bench [-- --messages 2000 --chats 200 --concurrency 16]
// SQLite commits dominate; the database runs in WAL mode as the bot does (core/db/client.ts).
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { pino } from "pino";
import { z } from "zod";
import { TelegramOutboxSender } from "../bot/telegram/outbox-sender";
import { openDatabase } from "../core/db/client";
import { migrateDatabase } from "../core/db/migrate";
import { enqueue, outboxKey } from "../core/outbox/enqueue";
import { unlimited } from "../core/outbox/rate-limiter";
import { OutboxWorker } from "../core/outbox/worker";
import { startEmulator } from "../emulator/index";

const { values } = parseArgs({
  options: {
    messages: { type: "string", default: "2000" },
    chats: { type: "string", default: "200" },
    concurrency: { type: "string", default: "16" },
  },
});
const options = z
  .object({
    messages: z.coerce.number().int().positive(),
    chats: z.coerce.number().int().positive(),
    concurrency: z.coerce.number().int().positive(),
  })
  .parse(values);

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const out = (line: string) => process.stdout.write(`${line}\n`);

const dir = mkdtempSync(path.join(os.tmpdir(), "gs-bench-"));
const target = { provider: "sqlite" as const, file: path.join(dir, "bench.db") };
await migrateDatabase(target);
const db = await openDatabase(target);
const [journal] = await db.$queryRawUnsafe<{ journal_mode: string }[]>("PRAGMA journal_mode");
const emulator = await startEmulator();
const log = pino({ level: "silent" });

try {
  const users = Array.from({ length: options.chats }, (_, i) => emulator.driver.createUser({ firstName: `Bench ${i}` }));
  const chatOf = (i: number) => ({ channel: "TELEGRAM" as const, externalId: String(users[i % users.length]!.id), kind: "PRIVATE" as const });
  const payload = (i: number) => ({ type: "text" as const, html: `<b>Gương sáng</b> tuần này, phần ${i}` });

  // === Enqueue cost
  const warm = 200;
  for (let i = 0; i < warm; i += 1) await enqueue(db, { idempotencyKey: outboxKey("warm", i), chat: chatOf(i), kind: "bench", payload: payload(i) });
  await db.outboxMessage.updateMany({ where: { kind: "bench" }, data: { status: "CANCELLED" } });

  let started = performance.now();
  for (let i = 0; i < 1000; i += 1) await enqueue(db, { idempotencyKey: outboxKey("single", i), chat: chatOf(i), kind: "bench", payload: payload(i) });
  const singleMs = performance.now() - started;

  started = performance.now();
  await db.$transaction(async (tx) => {
    for (let i = 0; i < 1000; i += 1) await enqueue(tx, { idempotencyKey: outboxKey("tx", i), chat: chatOf(i), kind: "bench", payload: payload(i) });
  }, { timeout: 120_000 });
  const txMs = performance.now() - started;

  started = performance.now();
  for (let i = 0; i < 1000; i += 1) await enqueue(db, { idempotencyKey: outboxKey("single", i), chat: chatOf(i), kind: "bench", payload: payload(i) });
  const repeatMs = performance.now() - started;
  await db.outboxMessage.updateMany({ where: { kind: "bench" }, data: { status: "CANCELLED" } });

  out(`SQLite journal: ${journal?.journal_mode ?? "unknown"}`);
  out(`enqueue, 1000 rows, one call each:        ${singleMs.toFixed(0)} ms (${((singleMs / 1000) * 1000).toFixed(0)} µs/row)`);
  out(`enqueue, 1000 rows in one transaction:    ${txMs.toFixed(0)} ms`);
  out(`enqueue, 1000 keys already present:       ${repeatMs.toFixed(0)} ms`);

  // === Throughput
  for (let i = 0; i < options.messages; i += 1) {
    await enqueue(db, { idempotencyKey: outboxKey("send", i), chat: chatOf(i), kind: "send", payload: payload(i) });
  }
  global.gc?.();
  const before = process.memoryUsage();
  const worker = new OutboxWorker({
    db,
    log,
    senders: [new TelegramOutboxSender({ token: emulator.token, apiRoot: emulator.apiRoot })],
    limits: { TELEGRAM: unlimited },
    concurrency: options.concurrency,
    pollIntervalMs: 50,
  });
  let peakRss = before.rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
  started = performance.now();
  await worker.drain({ timeoutMs: 10 * 60_000 });
  const sendMs = performance.now() - started;
  clearInterval(sampler);
  const after = process.memoryUsage();

  const delivered = emulator.driver.calls({ method: "sendMessage" }).filter((c) => c.ok).length;
  out(`delivered ${delivered}/${options.messages} to ${options.chats} chats, concurrency ${options.concurrency}: ${sendMs.toFixed(0)} ms`);
  out(`throughput:                               ${((delivered / sendMs) * 1000).toFixed(0)} messages/s`);
  out(`memory (worker and emulator in one process): rss ${mb(before.rss)} → ${mb(after.rss)}, peak ${mb(peakRss)}; heap used ${mb(before.heapUsed)} → ${mb(after.heapUsed)}`);
} finally {
  await emulator.close();
  await db.$disconnect();
  rmSync(dir, { recursive: true, force: true });
}
