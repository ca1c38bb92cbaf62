// The outbox with thousands of chats waiting, on SQLite and PostgreSQL. SQLite refuses a
// statement with more than 999 parameters, so any query whose parameter list grows with the
// number of chats stops the whole outbox (reminders, alerts, digests) past that many chats.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../core/db/client";
import { unlimited } from "../../core/outbox/rate-limiter";
import type { OutboxDelivery, Sender, SendResult } from "../../core/outbox/sender";
import { OutboxWorker } from "../../core/outbox/worker";
import { createTempDatabase, type TempDatabase } from "../support/temp-database";
import { createTempPostgres, postgresReachable } from "../support/temp-postgres";
import { silent } from "./helpers";

const chats = 5_000;

/** Accepts every message and remembers, per chat, the texts in the order they were sent. */
class RecordingSender implements Sender {
  readonly channel = "TELEGRAM" as const;
  readonly byChat = new Map<string, string[]>();
  sends = 0;
  async send(message: OutboxDelivery): Promise<SendResult> {
    this.sends += 1;
    const texts = this.byChat.get(message.chat.externalId) ?? [];
    texts.push(message.payload.type === "text" ? message.payload.html : message.payload.type);
    this.byChat.set(message.chat.externalId, texts);
    return { messageIds: [String(this.sends)] };
  }
}

/** `chats` private chats, each with `parts` messages waiting (part 1, part 2, …). */
async function fillOutbox(db: Db, parts: number): Promise<void> {
  const ids = Array.from({ length: chats }, (_, i) => String(900_000 + i));
  for (let i = 0; i < ids.length; i += 500) {
    await db.chat.createMany({ data: ids.slice(i, i + 500).map((externalId) => ({ channel: "TELEGRAM" as const, externalId, kind: "PRIVATE" as const })) });
  }
  const rows = await db.chat.findMany({ select: { id: true, externalId: true }, orderBy: { id: "asc" } });
  for (let part = 1; part <= parts; part++) {
    for (let i = 0; i < rows.length; i += 500) {
      await db.outboxMessage.createMany({
        data: rows.slice(i, i + 500).map((c) => ({
          idempotencyKey: `many:${c.externalId}:${part}`,
          chatId: c.id,
          kind: "test",
          payload: { type: "text", html: `part ${part}` },
        })),
      });
    }
  }
}

async function serveAll(db: Db): Promise<RecordingSender> {
  const sender = new RecordingSender();
  const worker = new OutboxWorker({ db, log: silent, senders: [sender], limits: { TELEGRAM: unlimited }, concurrency: 32, batchSize: 200, pollIntervalMs: 10 });
  await worker.drain({ timeoutMs: 240_000 });
  return sender;
}

function expectEveryChatServedInOrder(sender: RecordingSender, parts: number): void {
  const expected = Array.from({ length: parts }, (_, i) => `part ${i + 1}`);
  expect(sender.byChat.size).toBe(chats);
  expect(sender.sends).toBe(chats * parts);
  for (const texts of sender.byChat.values()) expect(texts).toEqual(expected);
}

describe("5,000 chats waiting, on SQLite", () => {
  let temp: TempDatabase;
  beforeAll(async () => {
    temp = await createTempDatabase({ seed: false });
    await fillOutbox(temp.db, 2);
  }, 120_000);
  afterAll(() => temp?.cleanup());

  it("serves every chat, each in order, and leaves nothing open", async () => {
    const sender = await serveAll(temp.db);
    expectEveryChatServedInOrder(sender, 2);
    expect(await temp.db.outboxMessage.count({ where: { status: { not: "SENT" } } })).toBe(0);
  }, 300_000);
});

describe.runIf(postgresReachable)("5,000 chats waiting, on PostgreSQL", () => {
  let t: Awaited<ReturnType<typeof createTempPostgres>>;
  beforeAll(async () => {
    t = await createTempPostgres();
    // One part per chat: the order of parts is the same code, checked on SQLite above.
    await fillOutbox(t.db, 1);
  }, 120_000);
  afterAll(() => t?.cleanup());

  it("serves every chat, each in order, and leaves nothing open", async () => {
    const sender = await serveAll(t.db);
    expectEveryChatServedInOrder(sender, 1);
    expect(await t.db.outboxMessage.count({ where: { status: { not: "SENT" } } })).toBe(0);
  }, 300_000);
});
