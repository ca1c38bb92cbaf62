// One pace per Zalo account: the outbox (a real worker on a real SQLite file) and the adapter's
// direct replies send on one fake account at once, and every request zca-js would make (an
// upload and a send per photo) is counted against one budget. The pace runs on a fake clock, so
// the spacing it keeps is exact and the test waits for nothing.
import { writeFileSync } from "node:fs";
import path from "node:path";
import QRCode from "qrcode";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZaloAdapter } from "../../bot/zalo/adapter";
import { ZaloOutboxSender } from "../../bot/zalo/outbox-sender";
import { ZaloPace } from "../../bot/zalo/pace";
import { Translations } from "../../core/i18n";
import { enqueue } from "../../core/outbox/enqueue";
import { RateLimitedError } from "../../core/outbox/errors";
import { unlimited } from "../../core/outbox/rate-limiter";
import { OutboxWorker } from "../../core/outbox/worker";
import { createTempDatabase, type TempDatabase } from "../support/temp-database";
import { FakeZalo, type ZaloRequestRecord } from "./fake-zalo";

const silent = pino({ level: "silent" });
const i18n = new Translations("vi");
const intervalMs = 3000;

let temp: TempDatabase;

beforeAll(async () => {
  temp = await createTempDatabase({ seed: false });
  const png = await QRCode.toBuffer("Gương Sáng", { width: 90 });
  for (const name of ["a.png", "b.png", "c.png"]) writeFileSync(path.join(temp.dir, name), png);
});

afterAll(async () => {
  await temp.cleanup();
});

/** A fake account, a pace on a fake clock, and the adapter and the outbox sender sharing both. */
function rig() {
  let now = 1_000_000;
  const zalo = new FakeZalo();
  zalo.clock = () => now;
  // Waiting moves the fake clock; the yield lets the other side of the race take its turn.
  const pace = new ZaloPace({
    intervalMs,
    cooldownMs: 4 * 3_600_000,
    clock: () => now,
    sleep: async (ms) => {
      now += ms;
      await new Promise((resolve) => setImmediate(resolve));
    },
  });
  const adapter = new ZaloAdapter({ api: zalo, db: temp.db, log: silent, i18n, mediaDir: temp.dir, onEvent: async () => {}, pace });
  const sender = new ZaloOutboxSender({ api: zalo, db: temp.db, i18n, mediaDir: temp.dir, pace });
  const worker = new OutboxWorker({ db: temp.db, log: silent, senders: [sender], limits: { ZALO: unlimited }, pollIntervalMs: 10 });
  return { zalo, pace, adapter, sender, worker };
}

/** Calls at one instant, with the requests they made together. */
function bursts(records: ZaloRequestRecord[]): { at: number; requests: number }[] {
  const byTime = new Map<number, number>();
  for (const r of records) byTime.set(r.at, (byTime.get(r.at) ?? 0) + r.requests);
  return [...byTime.entries()].sort(([a], [b]) => a - b).map(([at, requests]) => ({ at, requests }));
}

describe("one pace per account", () => {
  it("counts an album's uploads and sends, and paces direct replies and the outbox together", async () => {
    const { zalo, adapter, worker } = rig();
    zalo.groups.set("g-pace", { name: "Tổ 3", creatorId: "u-lead" });
    await enqueue(temp.db, {
      idempotencyKey: "pace:album",
      chat: { channel: "ZALO", externalId: "g-pace", kind: "GROUP" },
      kind: "digest",
      payload: { type: "photos", items: [{ path: "a.png", caption: "Bác An dọn rác" }, { path: "b.png" }, { path: "c.png" }] },
    });
    await enqueue(temp.db, { idempotencyKey: "pace:text", chat: { channel: "ZALO", externalId: "u-out", kind: "PRIVATE" }, kind: "reminder", payload: { type: "text", html: "Nhắc hạn" } });
    worker.start();
    await Promise.all([
      adapter.send("u-a", { text: "Cảm ơn bạn" }),
      adapter.sendPhotos("u-b", [{ kind: "file", path: "a.png" }, { kind: "file", path: "b.png" }], "Hai ảnh"),
      adapter.memberStatus("g-pace", "u-lead"),
      adapter.send("u-c", { text: "Bạn chọn 1 hay 2?", choices: [[{ label: "Một", payload: "x:1" }], [{ label: "Hai", payload: "x:2" }]] }),
    ]);
    await worker.drain();
    await worker.stop();

    // Everything arrived: the album (3 uploads + 3 sends, then its caption), two photos and a
    // caption, three texts, one group lookup.
    expect(zalo.sentTo("g-pace").map((m) => m.attachments.length)).toEqual([3, 0]);
    expect(zalo.requests.reduce((sum, r) => sum + r.requests, 0)).toBe(7 + 5 + 1 + 1 + 1 + 1);
    // Per time window: after n requests at one instant, nothing reaches Zalo for n intervals.
    const timeline = bursts(zalo.requests);
    expect(timeline.length).toBeGreaterThanOrEqual(6);
    for (let i = 1; i < timeline.length; i += 1) {
      expect(timeline[i]!.at - timeline[i - 1]!.at).toBeGreaterThanOrEqual(timeline[i - 1]!.requests * intervalMs);
    }
  });

  it("rests direct replies and the outbox alike after code 221 on either path", async () => {
    const { zalo, adapter, sender } = rig();
    zalo.failNext(1, { code: 221, message: "Vượt quá số request cho phép" });
    await expect(adapter.send("u-221", { text: "Xin chào" })).rejects.toMatchObject({ code: 221 });
    const calls = zalo.requests.length;

    await expect(adapter.send("u-221", { text: "Xin chào lần nữa" })).rejects.toBeInstanceOf(RateLimitedError);
    const held = sender.send(
      { id: 1, idempotencyKey: "pace:221", chat: { id: 1, channel: "ZALO", externalId: "g-221", kind: "GROUP" }, kind: "digest", payload: { type: "text", html: "Tin nhóm" }, attempts: 0 },
      new AbortController().signal,
    );
    const refusal = await held.catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(RateLimitedError);
    // The outbox is told how long the rest still lasts (about four hours), and Zalo heard nothing.
    expect((refusal as RateLimitedError).retryAfterSeconds).toBeGreaterThan(3 * 3600);
    expect(zalo.requests).toHaveLength(calls);
  });

  it("hands a message back to the outbox, nothing sent, when its turn is further than the send may wait", async () => {
    const { zalo, pace, sender } = rig();
    await pace.take(20);
    const refusal = await sender
      .send(
        { id: 2, idempotencyKey: "pace:busy", chat: { id: 2, channel: "ZALO", externalId: "u-busy", kind: "PRIVATE" }, kind: "reminder", payload: { type: "text", html: "Nhắc" }, attempts: 0 },
        new AbortController().signal,
      )
      .catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(RateLimitedError);
    expect((refusal as RateLimitedError).retryAfterSeconds).toBe(60);
    expect(zalo.requests).toHaveLength(0);
  });
});
