// Shared set-up of the outbox tests: a real SQLite file, the real emulator, a real sender.
import { pino } from "pino";
import { startEmulator, type Emulator } from "../../emulator/index";
import { TelegramOutboxSender } from "../../bot/telegram/outbox-sender";
import type { Db } from "../../core/db/client";
import { enqueue } from "../../core/outbox/enqueue";
import type { OutboxPayload } from "../../core/outbox/payload";
import { unlimited } from "../../core/outbox/rate-limiter";
import { OutboxWorker, type OutboxWorkerOptions } from "../../core/outbox/worker";
import { createTempDatabase, type TempDatabase } from "../support/temp-database";

/** A logger that keeps quiet in tests. */
export const silent = pino({ level: "silent" });

/** A database and an emulator for one test file. */
export interface OutboxRig {
  temp: TempDatabase;
  db: Db;
  emulator: Emulator;
  sender: TelegramOutboxSender;
  /** A worker on this rig; limits off and quick retries unless overridden. */
  worker(options?: Partial<OutboxWorkerOptions>): OutboxWorker;
  /** Stops workers made here, closes the emulator, removes the database. */
  close(): Promise<void>;
}

/** Starts a rig. */
export async function startRig(): Promise<OutboxRig> {
  const temp = await createTempDatabase({ seed: false });
  const emulator = await startEmulator();
  const sender = new TelegramOutboxSender({ token: emulator.token, apiRoot: emulator.apiRoot });
  const workers: OutboxWorker[] = [];
  return {
    temp,
    db: temp.db,
    emulator,
    sender,
    worker(options = {}) {
      const worker = new OutboxWorker({
        db: temp.db,
        log: silent,
        senders: [sender],
        limits: { TELEGRAM: unlimited },
        backoff: { baseMs: 50, maxMs: 200 },
        pollIntervalMs: 50,
        ...options,
      });
      workers.push(worker);
      return worker;
    },
    async close() {
      for (const worker of workers) await worker.stop();
      await emulator.close();
      await temp.cleanup();
    },
  };
}

/** Enqueues a text message to a private Telegram chat. */
export function enqueueText(db: Db, key: string, chatId: number, html: string, kind: "PRIVATE" | "GROUP" | "SUPERGROUP" = "PRIVATE") {
  const payload: OutboxPayload = { type: "text", html };
  return enqueue(db, { idempotencyKey: key, chat: { channel: "TELEGRAM", externalId: String(chatId), kind }, kind: "test", payload });
}

/** The texts of successful sendMessage calls to a chat, in the order the emulator got them. */
export function sentTexts(emulator: Emulator, chatId: number): string[] {
  return emulator.driver
    .calls({ method: "sendMessage" })
    .filter((c) => c.ok && String(c.params.chat_id) === String(chatId))
    .map((c) => String(c.params.text));
}

/** The outbox row of a key. */
export function rowOf(db: Db, idempotencyKey: string) {
  return db.outboxMessage.findUniqueOrThrow({ where: { idempotencyKey } });
}
