// Messages that reach Zalo while the listener is down are fetched after the reconnection (the
// socket's old-messages request, page by page) and handled once each: not again on the next
// reconnection, not again by a restarted bot on the same database, and nothing from before the
// bot's first message. Real SQLite file, the fake account's history.
import { pino } from "pino";
import { afterAll, beforeAll, expect, it } from "vitest";
import { CloseReason, ThreadType } from "zca-js";
import type { ZaloAdapter } from "../../bot/zalo/adapter";
import type { IncomingEvent } from "../../core/channel/port";
import { Translations } from "../../core/i18n";
import { createTempDatabase, type TempDatabase } from "../support/temp-database";
import { FakeZalo, photoMessage, startFakeAdapter, textMessage } from "./fake-zalo";

const silent = pino({ level: "silent" });
const i18n = new Translations("vi");
let temp: TempDatabase;

beforeAll(async () => {
  temp = await createTempDatabase({ seed: false });
});

afterAll(async () => {
  await temp.cleanup();
});

function adapterOn(zalo: FakeZalo, events: IncomingEvent[]): ZaloAdapter {
  return startFakeAdapter(temp.db, zalo, events, { catchUp: { pageTimeoutMs: 2000 } });
}

/** What each event said, as "chat: text". */
function said(events: IncomingEvent[]): string[] {
  return events.map((e) => `${e.chat.externalId}: ${e.input.kind === "text" ? e.input.text : e.input.kind}`);
}

it("handles what arrived during a disconnection after the reconnection, once each, even after a restart", async () => {
  const zalo = new FakeZalo();
  // Chats from before the bot ever answered: never fetched back.
  zalo.arriveUnheard(textMessage("u-old", "tin cũ trước khi có bot", { ts: Date.now() - 86_400_000 }));
  const events: IncomingEvent[] = [];
  const adapter = adapterOn(zalo, events);
  zalo.connect();
  zalo.emit(textMessage("u-lan", "xin chào"));
  zalo.emit(textMessage("u-binh", "chào nhóm", { group: "g-to3" }));
  await adapter.idle();
  expect(said(events)).toEqual(["u-lan: xin chào", "g-to3: chào nhóm"]);

  // The network drops; the bot reconnects by itself. Meanwhile people and a group write.
  zalo.events.emit("disconnected", CloseReason.AbnormalClosure, "");
  zalo.arriveUnheard(textMessage("u-lan", "Nguyễn Văn An"));
  zalo.arriveUnheard(textMessage("u-cuong", "/decu"));
  zalo.arriveUnheard(textMessage("u-binh", "1", { group: "g-to3" }));
  zalo.arriveUnheard(photoMessage("u-dung", "http://127.0.0.1:9/anh.jpg", { group: "g-to3" }));
  zalo.arriveUnheard(textMessage("u-binh", "cảm ơn", { group: "g-to3" }));
  zalo.arriveUnheard(textMessage("u-lan", "Tổ 3, phường Sơn Vi"));
  await adapter.idle();
  expect(zalo.events.starts).toBe(2);
  events.length = 0;
  zalo.connect();
  await adapter.idle();

  // Each once, in order within each chat; the group needed two pages of three.
  expect(said(events).filter((s) => s.startsWith("u-lan"))).toEqual(["u-lan: Nguyễn Văn An", "u-lan: Tổ 3, phường Sơn Vi"]);
  expect(said(events).filter((s) => s.startsWith("g-to3"))).toEqual(["g-to3: 1", "g-to3: photo", "g-to3: cảm ơn"]);
  expect(said(events).filter((s) => s.startsWith("u-cuong"))).toEqual(["u-cuong: command"]);
  expect(events).toHaveLength(6);
  expect(zalo.events.oldRequests.filter((r) => r.type === ThreadType.User).length).toBeGreaterThanOrEqual(2);

  // Another reconnection, with nothing new: nothing handled again.
  events.length = 0;
  zalo.connect();
  await adapter.idle();
  expect(events).toEqual([]);

  // The bot restarts on the same database; one more message came while it was off.
  await adapter.stop();
  zalo.arriveUnheard(textMessage("u-lan", "còn ai không?"));
  const after: IncomingEvent[] = [];
  const restarted = adapterOn(zalo, after);
  zalo.connect();
  await restarted.idle();
  expect(said(after)).toEqual(["u-lan: còn ai không?"]);
  await restarted.stop();
});

it("hands on a message once when it comes live and again in a catch-up", async () => {
  const zalo = new FakeZalo();
  const events: IncomingEvent[] = [];
  const adapter = adapterOn(zalo, events);
  zalo.emit(textMessage("u-twice", "một lần thôi"));
  zalo.connect();
  zalo.emit(textMessage("u-twice", "lần hai"));
  zalo.connect();
  await adapter.idle();
  expect(said(events)).toEqual(["u-twice: một lần thôi", "u-twice: lần hai"]);
  await adapter.stop();
});
