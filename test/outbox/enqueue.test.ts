// enqueue against a real SQLite file: idempotency, chat rows, transactions, validation.
import { afterAll, beforeAll, expect, it } from "vitest";
import { ZodError } from "zod";
import { enqueue, outboxKey, type EnqueueInput } from "../../core/outbox/enqueue";
import { createTempDatabase, type TempDatabase } from "../support/temp-database";

let temp: TempDatabase;

beforeAll(async () => {
  temp = await createTempDatabase({ seed: false });
});

afterAll(async () => {
  await temp.cleanup();
});

const reminder = (key: string, externalId = "700"): EnqueueInput => ({
  idempotencyKey: key,
  chat: { channel: "TELEGRAM", externalId, kind: "PRIVATE" },
  kind: "reminder",
  payload: { type: "text", html: "Hạn nộp: 15/8" },
});

it("spells keys from their parts", () => {
  expect(outboxKey("broadcast", 12, "chat", 5, "part", 2)).toBe("broadcast:12:chat:5:part:2");
});

it("creates the chat and one row; the same key again changes nothing", async () => {
  const first = await enqueue(temp.db, reminder("k:1"));
  const again = await enqueue(temp.db, { ...reminder("k:1"), payload: { type: "text", html: "khác" } });
  expect(first.created).toBe(true);
  expect(again).toEqual({ created: false, message: first.message });
  expect(await temp.db.outboxMessage.count({ where: { idempotencyKey: "k:1" } })).toBe(1);
  const row = await temp.db.outboxMessage.findUniqueOrThrow({ where: { id: first.message.id }, include: { chat: true } });
  expect(row).toMatchObject({ status: "PENDING", attempts: 0, kind: "reminder", payload: { type: "text", html: "Hạn nộp: 15/8" } });
  expect(row.chat).toMatchObject({ channel: "TELEGRAM", externalId: "700", kind: "PRIVATE" });
});

it("reuses the chat row for a known chat and keeps channels apart", async () => {
  const a = await enqueue(temp.db, reminder("k:2", "701"));
  const b = await enqueue(temp.db, reminder("k:3", "701"));
  const zalo = await enqueue(temp.db, { ...reminder("k:4", "701"), chat: { channel: "ZALO", externalId: "701", kind: "PRIVATE" } });
  expect(b.message.chatId).toBe(a.message.chatId);
  expect(zalo.message.chatId).not.toBe(a.message.chatId);
});

it("concurrent calls with one key leave one row", async () => {
  const results = await Promise.all(Array.from({ length: 5 }, () => enqueue(temp.db, reminder("k:race", "702"))));
  expect(results.filter((r) => r.created)).toHaveLength(1);
  expect(new Set(results.map((r) => r.message.id)).size).toBe(1);
});

it("commits with the caller's transaction and rolls back with it", async () => {
  await temp.db.$transaction(async (tx) => {
    await tx.reminderLog.create({ data: { key: "log:1", kind: "deadline", recipient: "703", outboxKey: "k:tx" } });
    await enqueue(tx, reminder("k:tx", "703"));
  });
  expect(await temp.db.outboxMessage.count({ where: { idempotencyKey: "k:tx" } })).toBe(1);

  await expect(
    temp.db.$transaction(async (tx) => {
      await tx.reminderLog.create({ data: { key: "log:2", kind: "deadline", recipient: "704", outboxKey: "k:rollback" } });
      await enqueue(tx, reminder("k:rollback", "704"));
      throw new Error("the reminder run failed");
    }),
  ).rejects.toThrow("the reminder run failed");
  expect(await temp.db.outboxMessage.count({ where: { idempotencyKey: "k:rollback" } })).toBe(0);
  expect(await temp.db.reminderLog.count({ where: { key: "log:2" } })).toBe(0);
});

it("keeps notBefore as the first attempt time", async () => {
  const at = new Date("2026-12-30T01:00:00.000Z");
  const { message } = await enqueue(temp.db, { ...reminder("k:later"), notBefore: at });
  expect((await temp.db.outboxMessage.findUniqueOrThrow({ where: { id: message.id } })).nextAttemptAt).toEqual(at);
});

it("refuses a payload no channel could render, and writes nothing", async () => {
  const bad = { ...reminder("k:bad"), payload: { type: "text", html: "" } } as EnqueueInput;
  await expect(enqueue(temp.db, bad)).rejects.toBeInstanceOf(ZodError);
  const album = { ...reminder("k:bad-album"), payload: { type: "photos", items: Array.from({ length: 11 }, () => ({ fileId: "x" })) } } as EnqueueInput;
  await expect(enqueue(temp.db, album)).rejects.toBeInstanceOf(ZodError);
  expect(await temp.db.outboxMessage.count({ where: { idempotencyKey: { in: ["k:bad", "k:bad-album"] } } })).toBe(0);
});
