// Zalo's "cannot receive" answers are final for that recipient: a group's queued messages are
// cancelled and its subscription stops with Zalo's code and words as the reason (what
// /subscriptions shows), a person's direct reply fails at once and the logs say why. A
// refusal Zalo gives for a passing reason ("Không thể nhận tin nhắn từ bạn.") is retried.
import { Writable } from "node:stream";
import { pino } from "pino";
import { afterAll, beforeAll, expect, it } from "vitest";
import { ZaloAdapter } from "../../bot/zalo/adapter";
import { cannotReceiveReason, ZaloOutboxSender } from "../../bot/zalo/outbox-sender";
import { Translations } from "../../core/i18n";
import { deactivateOnPermanentFailure } from "../../core/outbox/deactivate-subscription";
import { enqueue } from "../../core/outbox/enqueue";
import { PermanentSendError } from "../../core/outbox/errors";
import { unlimited } from "../../core/outbox/rate-limiter";
import { OutboxWorker } from "../../core/outbox/worker";
import { createTempDatabase, type TempDatabase } from "../support/temp-database";
import { FakeZalo } from "./fake-zalo";

const silent = pino({ level: "silent" });
const i18n = new Translations("vi");
const strangers = "Bạn chưa thể gửi tin nhắn đến người này vì người này chặn không nhận tin nhắn từ người lạ.";

let temp: TempDatabase;

beforeAll(async () => {
  temp = await createTempDatabase({ seed: false });
});

afterAll(async () => {
  await temp.cleanup();
});

function worker(zalo: FakeZalo) {
  const sender = new ZaloOutboxSender({ api: zalo, db: temp.db, i18n });
  return new OutboxWorker({ db: temp.db, log: silent, senders: [sender], limits: { ZALO: unlimited }, backoff: { baseMs: 5, maxMs: 10 }, pollIntervalMs: 10, onPermanentFailure: deactivateOnPermanentFailure(temp.db, silent) });
}

it("stops a group's subscription with Zalo's code and words, and cancels what else waited for it", async () => {
  const zalo = new FakeZalo();
  const chat = await temp.db.chat.create({ data: { channel: "ZALO", externalId: "g-gone", kind: "GROUP" } });
  await temp.db.subscription.create({ data: { chatId: chat.id } });
  zalo.failNext(1, { code: 166, message: "Bạn không phải là thành viên của nhóm này" });
  for (const n of [1, 2]) await enqueue(temp.db, { idempotencyKey: `gone:${n}`, chat: { channel: "ZALO", externalId: "g-gone", kind: "GROUP" }, kind: "digest", payload: { type: "text", html: `Tin ${n}` } });
  const w = worker(zalo);
  await w.drain();

  const subscription = await temp.db.subscription.findUniqueOrThrow({ where: { chatId: chat.id } });
  expect(subscription).toMatchObject({ active: false, deactivationReason: "ZALO: 166: Bạn không phải là thành viên của nhóm này" });
  const rows = await temp.db.outboxMessage.findMany({ where: { chatId: chat.id }, orderBy: { id: "asc" } });
  expect(rows.map((r) => [r.status, r.failureReason])).toEqual([
    ["FAILED", cannotReceiveReason],
    ["CANCELLED", null],
  ]);
  // Zalo was asked once: the second message never went.
  expect(zalo.requests).toHaveLength(1);
});

it("fails a person's message for good on code 122, and retries Zalo's passing refusal", async () => {
  const zalo = new FakeZalo();
  zalo.failNext(1, { code: 122, message: strangers });
  await enqueue(temp.db, { idempotencyKey: "stranger:1", chat: { channel: "ZALO", externalId: "u-stranger", kind: "PRIVATE" }, kind: "reminder", payload: { type: "text", html: "Nhắc" } });
  const w = worker(zalo);
  await w.drain();
  expect(await temp.db.outboxMessage.findUniqueOrThrow({ where: { idempotencyKey: "stranger:1" } })).toMatchObject({ status: "FAILED", failureReason: cannotReceiveReason, lastError: `122: ${strangers}` });

  zalo.failNext(1, { code: 123, message: "Không thể nhận tin nhắn từ bạn." });
  await enqueue(temp.db, { idempotencyKey: "passing:1", chat: { channel: "ZALO", externalId: "u-passing", kind: "PRIVATE" }, kind: "reminder", payload: { type: "text", html: "Nhắc" } });
  await w.drain();
  expect(await temp.db.outboxMessage.findUniqueOrThrow({ where: { idempotencyKey: "passing:1" } })).toMatchObject({ status: "SENT", attempts: 1 });
  expect(zalo.sentTo("u-passing")).toHaveLength(1);
});

it("says in the logs why a direct reply to a person cannot go", async () => {
  const lines: Record<string, unknown>[] = [];
  const log = pino(
    { level: "info" },
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
        done();
      },
    }),
  );
  const zalo = new FakeZalo();
  const adapter = new ZaloAdapter({ api: zalo, db: temp.db, log, i18n, onEvent: async () => {} });
  zalo.failNext(1, { code: 122, message: strangers });
  const refusal = await adapter.send("u-direct", { text: "Cảm ơn bạn" }).catch((error: unknown) => error);
  expect(refusal).toBeInstanceOf(PermanentSendError);
  expect(refusal).toMatchObject({ scope: "chat", reason: cannotReceiveReason });
  expect(lines.find((l) => l.msg === "zalo recipient cannot receive messages from this account")).toMatchObject({ level: 40, chatId: "u-direct", kind: "person", reason: `122: ${strangers}` });
});
