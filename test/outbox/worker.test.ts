// The worker against the real emulator and a real SQLite file: delivery, order, retries,
// rate-limit errors, permanent failures, leases and two workers on one table.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { deactivateOnPermanentFailure } from "../../core/outbox/deactivate-subscription";
import { enqueue } from "../../core/outbox/enqueue";
import { openDatabase } from "../../core/db/client";
import type { Sender } from "../../core/outbox/sender";
import { enqueueText, rowOf, sentTexts, silent, startRig, type OutboxRig } from "./helpers";

let rig: OutboxRig;

beforeAll(async () => {
  rig = await startRig();
});

afterAll(async () => {
  await rig.close();
});

beforeEach(() => {
  rig.emulator.driver.clearFaults();
  rig.emulator.driver.clearCalls();
});

describe("delivery", () => {
  it("sends an enqueued text once, even when it was enqueued twice", async () => {
    const user = rig.emulator.driver.createUser({ firstName: "Lan" });
    const first = await enqueueText(rig.db, "once:1", user.id, "<b>Chào</b> Lan");
    const second = await enqueueText(rig.db, "once:1", user.id, "<b>Chào</b> Lan");
    expect(second.created).toBe(false);
    expect(second.message.id).toBe(first.message.id);

    await rig.worker().drain();

    expect(sentTexts(rig.emulator, user.id)).toEqual(["<b>Chào</b> Lan"]);
    expect(rig.emulator.driver.botMessages(user.id).map((v) => v.text)).toEqual(["Chào Lan"]);
    const row = await rowOf(rig.db, "once:1");
    expect(row.status).toBe("SENT");
    expect(row.sentAt).not.toBeNull();
    const [view] = rig.emulator.driver.botMessages(user.id);
    expect(row.sentMessageIds).toEqual([String(view?.messageId)]);
  });

  it("keeps the order of parts per chat across several chats", async () => {
    const users = [1, 2, 3].map((n) => rig.emulator.driver.createUser({ firstName: `U${n}` }));
    for (const part of [1, 2, 3, 4]) {
      for (const user of users) await enqueueText(rig.db, `order:${user.id}:${part}`, user.id, `part ${part}`);
    }
    await rig.worker({ concurrency: 3 }).drain();
    for (const user of users) expect(sentTexts(rig.emulator, user.id)).toEqual(["part 1", "part 2", "part 3", "part 4"]);
  });

  it("renders choices as inline buttons, a photo from disk, an album and a document", async () => {
    const user = rig.emulator.driver.createUser({ firstName: "Mai" });
    const chat = { channel: "TELEGRAM" as const, externalId: String(user.id), kind: "PRIVATE" as const };
    const png = await writePng(rig.temp.dir);
    await enqueue(rig.db, {
      idempotencyKey: "render:text",
      chat,
      kind: "test",
      payload: { type: "text", html: "Chọn", choices: [[{ label: "Có", data: "yes" }, { label: "Không", data: "no" }]] },
    });
    await enqueue(rig.db, { idempotencyKey: "render:photo", chat, kind: "test", payload: { type: "photos", items: [{ path: png, caption: "<i>Ảnh</i>" }] } });
    await enqueue(rig.db, { idempotencyKey: "render:album", chat, kind: "test", payload: { type: "photos", items: [{ path: png, caption: "một" }, { path: png }] } });
    await enqueue(rig.db, { idempotencyKey: "render:doc", chat, kind: "test", payload: { type: "document", file: { path: png }, fileName: "bao-cao.png", caption: "Báo cáo" } });

    await rig.worker().drain();

    const views = rig.emulator.driver.botMessages(user.id);
    expect(views.map((v) => v.text ?? v.caption ?? null)).toEqual(["Chọn", "Ảnh", "một", null, "Báo cáo"]);
    expect(views[0]?.buttons.flat().map((b) => b.text)).toEqual(["Có", "Không"]);
    expect((await rowOf(rig.db, "render:album")).sentMessageIds).toHaveLength(2);

    // The file id Telegram gave the first photo sends the same photo again without an upload.
    const photoCall = rig.emulator.driver.calls({ method: "sendPhoto" })[0];
    const fileId = (photoCall?.result as { photo: { file_id: string }[] }).photo[0]?.file_id;
    expect(fileId).toBeTruthy();
    await enqueue(rig.db, { idempotencyKey: "render:by-id", chat, kind: "test", payload: { type: "photos", items: [{ fileId: fileId as string }] } });
    await rig.worker().drain();
    expect((await rowOf(rig.db, "render:by-id")).status).toBe("SENT");
    expect(rig.emulator.driver.calls({ method: "sendPhoto" })[1]?.params.photo).toBe(fileId);
  });
});

describe("failures", () => {
  it("waits out an injected 429 and delivers once, without counting a failed attempt", async () => {
    const user = rig.emulator.driver.createUser({ firstName: "Hoa" });
    rig.emulator.driver.injectFault({ kind: "429", retryAfter: 1, times: 1, method: "sendMessage" });
    await enqueueText(rig.db, "429:1", user.id, "sau khi chờ");

    await rig.worker().drain();

    const calls = rig.emulator.driver.calls({ method: "sendMessage" });
    expect(calls.map((c) => c.error?.error_code ?? "ok")).toEqual([429, "ok"]);
    expect(sentTexts(rig.emulator, user.id)).toEqual(["sau khi chờ"]);
    const row = await rowOf(rig.db, "429:1");
    expect(row).toMatchObject({ status: "SENT", attempts: 0 });
    expect(row.lastError).toContain("429");
  });

  it("retries a 500 with backoff, then delivers", async () => {
    const user = rig.emulator.driver.createUser({ firstName: "Tùng" });
    rig.emulator.driver.injectFault({ kind: "500", times: 2, method: "sendMessage" });
    await enqueueText(rig.db, "500:1", user.id, "thử lại");

    await rig.worker().drain();

    expect(rig.emulator.driver.calls({ method: "sendMessage" }).map((c) => c.ok)).toEqual([false, false, true]);
    expect(await rowOf(rig.db, "500:1")).toMatchObject({ status: "SENT", attempts: 2 });
  });

  it("retries a dropped connection as transient", async () => {
    const user = rig.emulator.driver.createUser({ firstName: "Bình" });
    rig.emulator.driver.injectFault({ kind: "destroy", times: 1, method: "sendMessage" });
    await enqueueText(rig.db, "net:1", user.id, "mạng chập chờn");

    await rig.worker().drain();

    expect(sentTexts(rig.emulator, user.id)).toEqual(["mạng chập chờn"]);
    const row = await rowOf(rig.db, "net:1");
    expect(row).toMatchObject({ status: "SENT", attempts: 1 });
    expect(row.lastError).toMatch(/network/);
  });

  it("gives up after maxAttempts with the last error", async () => {
    const user = rig.emulator.driver.createUser({ firstName: "Sơn" });
    rig.emulator.driver.injectFault({ kind: "500", times: 3, method: "sendMessage" });
    await enqueueText(rig.db, "500:give-up", user.id, "không tới");

    await rig.worker({ maxAttempts: 3 }).drain();

    expect(rig.emulator.driver.calls({ method: "sendMessage" })).toHaveLength(3);
    const row = await rowOf(rig.db, "500:give-up");
    expect(row).toMatchObject({ status: "FAILED", attempts: 3 });
    expect(row.lastError).toContain("500");
  });

  it("on 403 fails the row, cancels the chat's other rows and deactivates the subscription with the reason", async () => {
    const owner = rig.emulator.driver.createUser({ firstName: "Chủ nhóm" });
    const group = rig.emulator.driver.createChat({ type: "supergroup", title: "Khu 3", creator: owner.id });
    const other = rig.emulator.driver.createUser({ firstName: "Khác" });
    const first = await enqueueText(rig.db, "403:1", group.id, "phần 1", "SUPERGROUP");
    await enqueueText(rig.db, "403:2", group.id, "phần 2", "SUPERGROUP");
    await enqueueText(rig.db, "403:other", other.id, "vẫn tới");
    await rig.db.subscription.create({ data: { chatId: first.message.chatId } });
    rig.emulator.driver.removeBotFromChat(group.id, { kicked: true, by: owner.id });

    await rig.worker({ onPermanentFailure: deactivateOnPermanentFailure(rig.db, silent) }).drain();

    const toGroup = rig.emulator.driver.calls({ method: "sendMessage" }).filter((c) => String(c.params.chat_id) === String(group.id));
    expect(toGroup.map((c) => c.error?.error_code)).toEqual([403]);
    expect(await rowOf(rig.db, "403:1")).toMatchObject({ status: "FAILED", attempts: 1 });
    expect(await rowOf(rig.db, "403:2")).toMatchObject({ status: "CANCELLED" });
    expect(sentTexts(rig.emulator, other.id)).toEqual(["vẫn tới"]);
    const subscription = await rig.db.subscription.findUniqueOrThrow({ where: { chatId: first.message.chatId } });
    expect(subscription.active).toBe(false);
    expect(subscription.deactivatedAt).not.toBeNull();
    expect(subscription.deactivationReason).toBe("TELEGRAM: 403: Forbidden: bot was kicked from the supergroup chat");

    // Nothing is tried again later.
    await rig.worker().drain();
    expect(rig.emulator.driver.calls({ method: "sendMessage" }).filter((c) => String(c.params.chat_id) === String(group.id))).toHaveLength(1);
  });

  it("treats 400 chat not found as the chat being gone", async () => {
    await enqueueText(rig.db, "400:nochat", 999_999_999, "không ai nhận");
    await rig.worker().drain();
    const row = await rowOf(rig.db, "400:nochat");
    expect(row.status).toBe("FAILED");
    expect(row.lastError).toBe("400: Bad Request: chat not found");
  });

  it("fails only the message on a 400 that is about the message", async () => {
    const user = rig.emulator.driver.createUser({ firstName: "Đào" });
    await enqueueText(rig.db, "400:bad", user.id, "Tom & Jerry");
    await enqueueText(rig.db, "400:next", user.id, "tiếp theo");

    await rig.worker().drain();

    const bad = await rowOf(rig.db, "400:bad");
    expect(bad.status).toBe("FAILED");
    expect(bad.lastError).toMatch(/^400/);
    expect(sentTexts(rig.emulator, user.id)).toEqual(["tiếp theo"]);
  });

  it("fails a row whose stored payload no channel can render, without calling the channel", async () => {
    const user = rig.emulator.driver.createUser({ firstName: "Lỗi" });
    const { message } = await enqueueText(rig.db, "payload:bad", user.id, "sẽ bị hỏng");
    await rig.db.outboxMessage.update({ where: { id: message.id }, data: { payload: { type: "carrier-pigeon" } } });

    await rig.worker().drain();

    expect(rig.emulator.driver.calls()).toHaveLength(0);
    const row = await rowOf(rig.db, "payload:bad");
    expect(row.status).toBe("FAILED");
    expect(row.lastError).toMatch(/invalid payload/);
  });
});

describe("leases and workers", () => {
  it("takes back a row whose lease expired and leaves a live lease alone", async () => {
    const user = rig.emulator.driver.createUser({ firstName: "Lease" });
    const stale = await enqueueText(rig.db, "lease:stale", user.id, "bị bỏ dở");
    const other = rig.emulator.driver.createUser({ firstName: "Live" });
    const live = await enqueueText(rig.db, "lease:live", other.id, "đang gửi nơi khác");
    const past = new Date(Date.now() - 1000);
    const future = new Date(Date.now() + 60_000);
    await rig.db.outboxMessage.update({ where: { id: stale.message.id }, data: { status: "SENDING", lockedUntil: past } });
    await rig.db.outboxMessage.update({ where: { id: live.message.id }, data: { status: "SENDING", lockedUntil: future } });

    const worker = rig.worker();
    await worker.tick();
    await worker.settled();

    expect(sentTexts(rig.emulator, user.id)).toEqual(["bị bỏ dở"]);
    expect(await rowOf(rig.db, "lease:stale")).toMatchObject({ status: "SENT", attempts: 1 });
    expect(sentTexts(rig.emulator, other.id)).toEqual([]);
    expect(await rowOf(rig.db, "lease:live")).toMatchObject({ status: "SENDING" });
    await rig.db.outboxMessage.update({ where: { id: live.message.id }, data: { status: "CANCELLED" } });
  });

  it("holds a scheduled row until its time", async () => {
    const user = rig.emulator.driver.createUser({ firstName: "Hẹn" });
    const at = Date.now() + 60_000;
    await enqueue(rig.db, {
      idempotencyKey: "later:1",
      chat: { channel: "TELEGRAM", externalId: String(user.id), kind: "PRIVATE" },
      kind: "reminder",
      payload: { type: "text", html: "nhắc hạn" },
      notBefore: new Date(at),
    });
    const worker = rig.worker();
    const early = await worker.tick(at - 1000);
    expect(early.started).toBe(0);
    expect(early.wakeAt).toBe(at);
    const due = await worker.tick(at);
    await worker.settled();
    expect(due.started).toBe(1);
    expect(sentTexts(rig.emulator, user.id)).toEqual(["nhắc hạn"]);
  });

  it("stop() finishes the send in hand and starts no other", async () => {
    const user = rig.emulator.driver.createUser({ firstName: "Dừng" });
    await enqueueText(rig.db, "stop:1", user.id, "đang gửi");
    await enqueueText(rig.db, "stop:2", user.id, "chưa gửi");
    rig.emulator.driver.injectFault({ kind: "hang", method: "sendMessage", times: 1 });
    const worker = rig.worker();
    worker.start();
    while (!rig.emulator.state.faults.list().some((f) => f.kind === "hang" && f.remaining === 0)) await new Promise((r) => setTimeout(r, 10));

    const stopped = worker.stop();
    rig.emulator.driver.clearFaults();
    await stopped;

    expect(sentTexts(rig.emulator, user.id)).toEqual(["đang gửi"]);
    expect(await rowOf(rig.db, "stop:1")).toMatchObject({ status: "SENT" });
    expect(await rowOf(rig.db, "stop:2")).toMatchObject({ status: "PENDING" });
    await rig.worker().drain();
    expect(sentTexts(rig.emulator, user.id)).toEqual(["đang gửi", "chưa gửi"]);
  });

  it("stop() cuts off a send that outlasts the grace period and hands its row back for the next start", async () => {
    const user = rig.emulator.driver.createUser({ firstName: "Tắt máy" });
    await enqueueText(rig.db, "stop:hung", user.id, "gửi khi đang tắt");
    rig.emulator.driver.injectFault({ kind: "hang", method: "sendMessage", times: 1 });
    // The default lease (2 min) and send timeout (1 min): only the grace period can end this.
    const worker = rig.worker({ stopGraceMs: 300 });
    worker.start();
    while (!rig.emulator.state.faults.list().some((f) => f.kind === "hang" && f.remaining === 0)) await new Promise((r) => setTimeout(r, 10));

    const began = Date.now();
    await worker.stop();
    expect(Date.now() - began).toBeLessThan(3_000);

    // Not lost, not counted as a failed attempt, due at once rather than when the lease ends.
    const row = await rowOf(rig.db, "stop:hung");
    expect(row).toMatchObject({ status: "PENDING", attempts: 0, lockedUntil: null });
    expect(row.nextAttemptAt.getTime()).toBeLessThanOrEqual(Date.now());
    expect(row.lastError).toMatch(/^interrupted by shutdown/);
    // The cut-off request was closed, so the emulator logs it as never delivered.
    await rig.emulator.driver.waitUntil(() => rig.emulator.driver.calls({ method: "sendMessage" }).length === 1 || undefined);
    expect(rig.emulator.driver.calls({ method: "sendMessage" }).map((c) => c.ok)).toEqual([false]);

    rig.emulator.driver.clearFaults();
    await rig.worker().drain();
    expect(sentTexts(rig.emulator, user.id)).toEqual(["gửi khi đang tắt"]);
  });

  it("a worker whose lease expired mid-send does not overwrite the claim of the worker that took the row over", async () => {
    const user = rig.emulator.driver.createUser({ firstName: "Chậm" });
    await enqueueText(rig.db, "lease:slow", user.id, "gửi chậm");
    const slow = controlledSender();
    const other = controlledSender();
    const start = Date.now();
    const a = rig.worker({ senders: [slow.sender], leaseMs: 60_000 });
    const b = rig.worker({ senders: [other.sender], leaseMs: 60_000 });

    await a.tick(start);
    await slow.called;
    // A's lease is over (its process stalled, say): B takes the row back and claims it again.
    await b.tick(start + 61_000);
    await other.called;
    expect(await rowOf(rig.db, "lease:slow")).toMatchObject({ status: "SENDING", attempts: 1 });

    // A's send finally fails; B's claim must survive it, or a third send would start beside B's.
    slow.fail(new Error("socket hang up"));
    await a.settled();
    expect(await rowOf(rig.db, "lease:slow")).toMatchObject({ status: "SENDING", attempts: 1 });

    other.succeed();
    await b.settled();
    expect(await rowOf(rig.db, "lease:slow")).toMatchObject({ status: "SENT", attempts: 1, sentMessageIds: ["b-1"] });
  });

  it("two workers on two connections to the same file never send a row twice", async () => {
    const users = Array.from({ length: 6 }, (_, n) => rig.emulator.driver.createUser({ firstName: `W${n}` }));
    for (const user of users) for (const part of [1, 2, 3]) await enqueueText(rig.db, `two:${user.id}:${part}`, user.id, `phần ${part}`);
    const secondDb = await openDatabase(rig.temp.target);
    try {
      const a = rig.worker({ concurrency: 4, pollIntervalMs: 5 });
      const b = rig.worker({ db: secondDb, concurrency: 4, pollIntervalMs: 5 });
      a.start();
      b.start();
      await Promise.all([a.drain(), b.drain()]);
      await Promise.all([a.stop(), b.stop()]);
    } finally {
      await secondDb.$disconnect();
    }
    for (const user of users) expect(sentTexts(rig.emulator, user.id)).toEqual(["phần 1", "phần 2", "phần 3"]);
    expect(rig.emulator.driver.calls({ method: "sendMessage" })).toHaveLength(18);
  });
});

/** A Telegram sender whose one send the test ends by hand; it ignores its signal on purpose. */
function controlledSender() {
  let called!: () => void;
  let settle!: (outcome: { ok: true } | { ok: false; error: Error }) => void;
  const calledPromise = new Promise<void>((resolve) => (called = resolve));
  const outcome = new Promise<{ ok: true } | { ok: false; error: Error }>((resolve) => (settle = resolve));
  const sender: Sender = {
    channel: "TELEGRAM",
    async send() {
      called();
      const result = await outcome;
      if (!result.ok) throw result.error;
      return { messageIds: ["b-1"] };
    },
  };
  return { sender, called: calledPromise, succeed: () => settle({ ok: true }), fail: (error: Error) => settle({ ok: false, error }) };
}

/** A 1×1 PNG in the test's folder. */
async function writePng(dir: string): Promise<string> {
  const { writeFileSync } = await import("node:fs");
  const file = `${dir}/dot.png`;
  const bytes = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");
  writeFileSync(file, bytes);
  return file;
}
