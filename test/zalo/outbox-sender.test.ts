// The outbox on Zalo: the real worker and a real SQLite file with the Zalo sender over the
// fake account. Rendering, Zalo's errors sorted, and code 221's long cool-down on a fake clock.
import { writeFileSync } from "node:fs";
import path from "node:path";
import QRCode from "qrcode";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TextStyle, ThreadType, ZaloApiError } from "zca-js";
import { ZaloAdapter } from "../../bot/zalo/adapter";
import { classifyZaloError, zaloOutboxLimits, ZaloOutboxSender } from "../../bot/zalo/outbox-sender";
import type { IncomingEvent } from "../../core/channel/port";
import { Translations } from "../../core/i18n";
import { enqueue } from "../../core/outbox/enqueue";
import { PermanentSendError, RateLimitedError, TransientSendError } from "../../core/outbox/errors";
import type { OutboxPayload } from "../../core/outbox/payload";
import { unlimited } from "../../core/outbox/rate-limiter";
import { OutboxWorker, type OutboxWorkerOptions } from "../../core/outbox/worker";
import { createTempDatabase, type TempDatabase } from "../support/temp-database";
import { FakeZalo, textMessage } from "./fake-zalo";

const silent = pino({ level: "silent" });
const i18n = new Translations("vi");

let temp: TempDatabase;
let png: Buffer;

beforeAll(async () => {
  temp = await createTempDatabase({ seed: false });
  png = await QRCode.toBuffer("Gương Sáng", { width: 90 });
  writeFileSync(path.join(temp.dir, "story.png"), png);
  writeFileSync(path.join(temp.dir, "report.csv"), "don_vi,so_luong\nXã Sơn Vi,3\n");
});

afterAll(async () => {
  await temp.cleanup();
});

function rig(options: Partial<OutboxWorkerOptions> = {}) {
  const zalo = new FakeZalo();
  const sender = new ZaloOutboxSender({ api: zalo, db: temp.db, i18n, mediaDir: temp.dir });
  const worker = new OutboxWorker({ db: temp.db, log: silent, senders: [sender], limits: { ZALO: unlimited }, backoff: { baseMs: 10, maxMs: 20 }, pollIntervalMs: 20, ...options });
  return { zalo, sender, worker };
}

function toGroup(key: string, groupId: string, payload: OutboxPayload, notBefore?: Date) {
  return enqueue(temp.db, { idempotencyKey: key, chat: { channel: "ZALO", externalId: groupId, kind: "GROUP" }, kind: "digest", payload, ...(notBefore ? { notBefore } : {}) });
}

function toPerson(key: string, userId: string, payload: OutboxPayload) {
  return enqueue(temp.db, { idempotencyKey: key, chat: { channel: "ZALO", externalId: userId, kind: "PRIVATE" }, kind: "reminder", payload });
}

function row(key: string) {
  return temp.db.outboxMessage.findUniqueOrThrow({ where: { idempotencyKey: key } });
}

describe("rendering", () => {
  it("sends text with styles, and choices as a numbered list a typed number answers", async () => {
    const { zalo, worker } = rig();
    await toPerson("render:menu", "u-remind", {
      type: "text",
      html: "<b>Nhắc hạn</b>: còn 3 ngày để đề cử.",
      choices: [[{ label: "Đề cử ngay", data: "m:nominate" }], [{ label: "Để sau", data: "r:later" }]],
    });
    await worker.drain();

    const [sent] = zalo.sentTo("u-remind");
    expect(sent).toMatchObject({ type: ThreadType.User, text: "Nhắc hạn: còn 3 ngày để đề cử.\n\n1. Đề cử ngay\n2. Để sau\n\nTrả lời 1–2 (gõ số hoặc tên lựa chọn)" });
    expect(sent?.styles[0]).toEqual({ start: 0, len: 8, st: TextStyle.Bold });
    expect((await row("render:menu")).sentMessageIds).toEqual(sent?.msgIds);

    // The person answers on Zalo: the adapter finds the menu the outbox sent.
    const events: IncomingEvent[] = [];
    const adapter = new ZaloAdapter({ api: zalo, db: temp.db, log: silent, i18n, onEvent: async (e) => void events.push(e) });
    adapter.start();
    zalo.emit(textMessage("u-remind", "1"));
    await adapter.stop();
    expect(events.map((e) => e.input)).toEqual([{ kind: "choice", payload: "m:nominate", messageId: sent?.msgIds[0], answerId: expect.any(String) }]);
  });

  it("sends an album to a group as one message and the story after it, a single photo with its caption", async () => {
    const { zalo, worker } = rig();
    await toGroup("render:album", "g-digest", { type: "photos", items: [{ path: "story.png", caption: "<b>Bác An</b> dọn rác" }, { path: path.join(temp.dir, "story.png") }] });
    await toGroup("render:single", "g-digest", { type: "photos", items: [{ path: "story.png", caption: "Chị Lan" }] });
    await toGroup("render:doc", "g-digest", { type: "document", file: { path: "report.csv" }, fileName: "bao-cao-quy-4.csv", caption: "Báo cáo quý IV" });
    await worker.drain();

    const sent = zalo.sentTo("g-digest");
    expect(sent.map((m) => ({ type: m.type, text: m.text, files: m.attachments.map((a) => a.filename) }))).toEqual([
      { type: ThreadType.Group, text: "", files: ["story.png", "story.png"] },
      { type: ThreadType.Group, text: "Bác An dọn rác", files: [] },
      { type: ThreadType.Group, text: "Chị Lan", files: ["story.png"] },
      { type: ThreadType.Group, text: "", files: ["bao-cao-quy-4.csv"] },
      { type: ThreadType.Group, text: "Báo cáo quý IV", files: [] },
    ]);
    expect(sent[0]?.attachments[0]).toMatchObject({ width: 90, height: 90 });
    expect((await row("render:album")).sentMessageIds).toHaveLength(3);
  });

  it("fails a message whose photo file is gone, without calling Zalo", async () => {
    const { zalo, worker } = rig();
    await toGroup("render:missing", "g-missing", { type: "photos", items: [{ path: "gone.png" }] });
    await worker.drain();
    expect(zalo.sent).toHaveLength(0);
    expect(await row("render:missing")).toMatchObject({ status: "FAILED", lastError: "file not found: gone.png" });
  });
});

describe("Zalo's errors", () => {
  it("retries a send Zalo answered without a message id, and fails it with that reason when it keeps happening", async () => {
    const { zalo, worker } = rig({ maxAttempts: 2 });
    zalo.answerEmptyNext(1);
    await toPerson("empty:once", "u-empty-1", { type: "text", html: "Nhắc hạn nộp báo cáo" });
    await worker.drain();
    expect(await row("empty:once")).toMatchObject({ status: "SENT", attempts: 1 });
    expect(zalo.sentTo("u-empty-1").map((m) => m.text)).toEqual(["Nhắc hạn nộp báo cáo"]);

    zalo.answerEmptyNext(2);
    await toPerson("empty:always", "u-empty-2", { type: "text", html: "Nhắc lần nữa" });
    await worker.drain();
    const failed = await row("empty:always");
    expect(failed).toMatchObject({ status: "FAILED", attempts: 2 });
    expect(failed.lastError).toContain("without a message id");
  });

  it("sorts codes and words into the outbox's classes", () => {
    const limited = classifyZaloError(new ZaloApiError("Vượt quá số request cho phép", 221));
    expect(limited).toBeInstanceOf(RateLimitedError);
    expect(limited).toMatchObject({ scope: "channel", retryAfterSeconds: undefined, message: "221: Vượt quá số request cho phép" });

    const chat = (e: unknown) => {
      const c = classifyZaloError(e);
      return c instanceof PermanentSendError ? c.scope : c.name;
    };
    expect(chat(new ZaloApiError("Bạn chưa thể gửi tin nhắn đến người này vì người này chặn không nhận tin nhắn từ người lạ.", 122))).toBe("chat");
    expect(chat(new ZaloApiError("Bạn không phải là thành viên của nhóm này", 166))).toBe("chat");
    expect(chat(new ZaloApiError("Nhóm không tồn tại", 175))).toBe("chat");
    expect(chat(new ZaloApiError("Tham số không hợp lệ", 114))).toBe("message");
    expect(chat(new ZaloApiError("Missing message content"))).toBe("message");
    expect(chat(new ZaloApiError("Không thể nhận tin nhắn từ bạn.", 123))).toBe("TransientSendError");
    expect(chat(new ZaloApiError("Request failed with status code 502"))).toBe("TransientSendError");
    expect(chat(new TypeError("fetch failed"))).toBe("TransientSendError");
    expect(classifyZaloError(new DOMException("The operation timed out.", "TimeoutError"))).toBeInstanceOf(TransientSendError);
  });

  it("cancels what else waits for a group the account has left", async () => {
    const { zalo, worker } = rig();
    zalo.failNext(1, { code: 166, message: "Bạn không phải là thành viên của nhóm này" });
    await toGroup("left:1", "g-left", { type: "text", html: "Tin 1" });
    await toGroup("left:2", "g-left", { type: "text", html: "Tin 2" });
    await worker.drain();
    expect(await row("left:1")).toMatchObject({ status: "FAILED" });
    expect(await row("left:2")).toMatchObject({ status: "CANCELLED" });
    expect(zalo.sent).toHaveLength(0);
  });

  it("rests the whole channel for the configured cool-down after code 221, then delivers", async () => {
    let now = Date.now() + 60_000;
    const limits = zaloOutboxLimits({ sendIntervalSeconds: 3, groupIntervalSeconds: 3, cooldownMinutes: 240 });
    expect(limits).toMatchObject({ perSecond: 1 / 3, perGroupPerMinute: 20, cooldownSeconds: 14_400 });
    const { zalo, worker } = rig({ clock: () => now, limits: { ZALO: limits } });
    const start = new Date(now);
    await toGroup("cool:a", "g-cool-a", { type: "text", html: "Gương sáng tuần 47" }, start);
    await toGroup("cool:b", "g-cool-b", { type: "text", html: "Gương sáng tuần 47" }, start);
    zalo.failNext(1, { code: 221, message: "Vượt quá số request cho phép" });

    await worker.tick(now);
    await worker.settled();
    const limited = await row("cool:a");
    expect(limited).toMatchObject({ status: "PENDING", attempts: 0, lastError: "221: Vượt quá số request cho phép" });
    expect(limited.nextAttemptAt.getTime()).toBe(now + 14_400_000);
    // The other group waits too: the limit is the account's, and survives a restart in the table.
    expect((await row("cool:b")).nextAttemptAt.getTime()).toBe(now + 14_400_000);

    now += 60 * 60_000;
    expect((await worker.tick(now)).started).toBe(0);

    now = limited.nextAttemptAt.getTime();
    await worker.tick(now);
    await worker.settled();
    now += 3_000;
    await worker.tick(now);
    await worker.settled();
    expect(await row("cool:a")).toMatchObject({ status: "SENT", attempts: 0 });
    expect(await row("cool:b")).toMatchObject({ status: "SENT", attempts: 0 });
    expect(zalo.sent.map((m) => m.threadId).sort()).toEqual(["g-cool-a", "g-cool-b"]);
  });

  it("retries a network failure with backoff and counts the attempt", async () => {
    const { zalo, worker } = rig();
    zalo.failNext(1, { message: "Request failed with status code 503" });
    await toPerson("retry:1", "u-retry", { type: "text", html: "Thử lại" });
    await worker.drain();
    expect(await row("retry:1")).toMatchObject({ status: "SENT", attempts: 1 });
    expect(zalo.sentTo("u-retry").map((m) => m.text)).toEqual(["Thử lại"]);
  });
});
