// The contract with zca-js: payloads in its real shapes (fixtures/, sources in fixtures/README.md)
// go through the normaliser and through the fake account into the adapter, and both must give
// the normalised result the fixture names. The fake's own message builders must build the same
// shapes, so the other tests, which use them, speak zca-js too.
import { readFileSync } from "node:fs";
import path from "node:path";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GroupMessage, UserMessage, type Message, type SendMessageResponse, type TGroupMessage, type TMessage } from "zca-js";
import type { ZaloSessionClosed } from "../../bot/zalo/adapter";
import { toIncomingEvent } from "../../bot/zalo/normalize";
import { EmptySendResponseError, sentMessageIds } from "../../bot/zalo/send-response";
import type { IncomingEvent } from "../../core/channel/port";
import { Translations } from "../../core/i18n";
import { createTempDatabase, type TempDatabase } from "../support/temp-database";
import { FakeZalo, fileMessage, otherMessage, photoMessage, startFakeAdapter, textMessage } from "./fake-zalo";

const fixtures = path.join(import.meta.dirname, "fixtures");
function load<T>(name: string): T {
  return JSON.parse(readFileSync(path.join(fixtures, name), "utf8")) as T;
}

interface MessageCase {
  name: string;
  thread: "user" | "group";
  data: TMessage | TGroupMessage;
  expected: IncomingEvent | null;
}
const messages = load<{ ownUid: string; cases: MessageCase[] }>("messages.json");
const sends = load<{ cases: { name: string; response: SendMessageResponse | null; ids?: string[]; error?: string }[] }>("send-responses.json");
const closes = load<{ cases: { name: string; code: number; reason: string; then: "reconnect" | "session-closed" }[] }>("close-codes.json");

/** A message as zca-js's listener builds it from the socket's data. */
function asZcaMessage(c: MessageCase): Message {
  const data = structuredClone(c.data);
  return c.thread === "group" ? new GroupMessage(messages.ownUid, data as TGroupMessage) : new UserMessage(messages.ownUid, data as TMessage);
}

const silent = pino({ level: "silent" });
const i18n = new Translations("vi");
let temp: TempDatabase;

beforeAll(async () => {
  temp = await createTempDatabase({ seed: false });
});

afterAll(async () => {
  await temp.cleanup();
});

function rig(onSessionClosed?: (closure: ZaloSessionClosed) => void) {
  const zalo = new FakeZalo();
  const events: IncomingEvent[] = [];
  const adapter = startFakeAdapter(temp.db, zalo, events, onSessionClosed ? { onSessionClosed } : {});
  return { zalo, adapter, events };
}

describe("incoming messages", () => {
  it.each(messages.cases.map((c) => [c.name, c] as const))("normalises %s", (_name, c) => {
    expect(toIncomingEvent(asZcaMessage(c))).toEqual(c.expected);
  });

  it("hands on the same events when the fake plays the fixtures into the adapter", async () => {
    const { zalo, adapter, events } = rig();
    const plain = messages.cases.filter((c) => c.data.quote === undefined);
    for (const c of plain) zalo.emit(asZcaMessage(c));
    await adapter.idle();
    // Chats are handled side by side, so the order across chats is free; within one it is kept.
    const sorted = (list: (IncomingEvent | null)[]) => list.filter((e) => e !== null).map((e) => JSON.stringify(e)).sort();
    expect(sorted(events)).toEqual(sorted(plain.map((c) => c.expected)));
  });

  it("resolves the quoted menu of a reply in a group, as zca-js types the quote's id (a number)", async () => {
    const { zalo, adapter, events } = rig();
    const quote = messages.cases.find((c) => c.data.quote !== undefined)!;
    const groupId = quote.data.idTo;
    // The fake answers its first send with message id 1000: the id the fixture's reply quotes.
    await adapter.send(groupId, { text: "Bạn đề cử ai?", choices: [[{ label: "Cá nhân", payload: "s:kind:INDIVIDUAL" }], [{ label: "Tập thể", payload: "s:kind:COLLECTIVE" }]] });
    expect(zalo.sent[0]?.msgIds).toEqual([String(quote.data.quote!.globalMsgId)]);
    zalo.emit(asZcaMessage(quote));
    await adapter.idle();
    expect(events).toHaveLength(1);
    expect(events[0]!.input).toEqual({ kind: "choice", payload: "s:kind:INDIVIDUAL", messageId: "1000", answerId: `${groupId}:${quote.data.msgId}` });
  });

  it("builds, in the fake, messages of the fixtures' shapes", () => {
    const byType = (type: string, thread: "user" | "group") => messages.cases.find((c) => c.data.msgType === type && c.thread === thread && c.data.quote === undefined)!;
    const pairs: [MessageCase, Message][] = [
      [byType("webchat", "user"), textMessage("u1", "xin chào")],
      [byType("webchat", "group"), textMessage("u1", "@Gương Sáng xin chào", { group: "g1", mentions: [{ uid: "bot-uid", pos: 0, len: 11, type: 0 }] })],
      [byType("chat.photo", "user"), photoMessage("u1", "http://127.0.0.1/a.jpg")],
      [byType("share.file", "user"), fileMessage("u1", "http://127.0.0.1/a.png", "a.png")],
      [byType("chat.sticker", "user"), otherMessage("u1", "chat.sticker")],
    ];
    for (const [fixture, built] of pairs) {
      const zcaShape = shape(asZcaMessage(fixture).data);
      const fakeShape = shape(built.data);
      // The fixtures omit what zca-js leaves undefined; every field they have, the fake has alike.
      for (const [key, type] of Object.entries(zcaShape)) expect([fixture.name, key, fakeShape[key]]).toEqual([fixture.name, key, type]);
    }
    const quoteFixture = messages.cases.find((c) => c.data.quote !== undefined)!;
    expect(shape(textMessage("u1", "1", { group: "g1", quote: "1000" }).data.quote)).toEqual(shape(asZcaMessage(quoteFixture).data.quote));
  });
});

describe("send responses", () => {
  it.each(sends.cases.map((c) => [c.name, c] as const))("reads %s", (_name, c) => {
    if (c.error) expect(() => sentMessageIds(c.response)).toThrow(EmptySendResponseError);
    else expect(sentMessageIds(c.response)).toEqual(c.ids);
  });

  it("gets the same ids, or the same failure, from the adapter when the fake answers so", async () => {
    const { zalo, adapter } = rig();
    for (const c of sends.cases) {
      zalo.answerNext(c.response);
      const outcome = await adapter.send("u-send", { text: c.name }).catch((error: unknown) => error);
      if (c.error) expect(outcome).toBeInstanceOf(EmptySendResponseError);
      else expect(outcome).toBe(c.ids![c.ids!.length - 1]);
    }
  });
});

describe("close codes", () => {
  it.each(closes.cases.map((c) => [c.name, c] as const))("after %s", async (_name, c) => {
    const closed: ZaloSessionClosed[] = [];
    const { zalo, adapter } = rig((closure) => void closed.push(closure));
    const starts = zalo.events.starts;
    zalo.close(c.code, c.reason);
    await new Promise((resolve) => setImmediate(resolve));
    if (c.then === "reconnect") {
      expect(zalo.events.starts).toBeGreaterThan(starts);
      expect(closed).toEqual([]);
    } else {
      expect(zalo.events.starts).toBe(starts);
      expect(closed).toEqual([{ code: c.code, reason: c.reason }]);
    }
    await adapter.stop();
  });
});

/** Field names with their JSON types, one level deep (undefined fields left out). */
function shape(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, v] of Object.entries((value ?? {}) as Record<string, unknown>)) {
    if (v === undefined) continue;
    out[key] = v === null ? "null" : Array.isArray(v) ? "array" : typeof v;
  }
  return out;
}
