// What arrived while the listener was down. zca-js 2.2 has no history call that still works for
// this: `getGroupChatHistory` calls an endpoint Zalo Web removed (404, zca-js issue #356,
// 2026-06), and there is none for people. The socket itself answers `requestOldMessages(type,
// lastMsgId)` with an `old_messages` event carrying the latest messages of every thread of that
// type (zca-js src/apis/listen.ts: commands 510 and 511), page by page backwards from
// `lastMsgId`. So after each (re)connection the bot asks for both types, keeps what is newer
// than the newest message it handled, and de-duplicates by Zalo's message id in the database:
// live, fetched twice, or after a restart, a message is handled once.
import type { Logger } from "pino";
import { ThreadType, type Message } from "zca-js";
import type { DbTx } from "../../core/db/client";
import type { ZaloListener } from "./zalo-api";

// === Seen messages

/** How long handled message ids are kept: far longer than any disconnection. */
const keepSeenMs = 30 * 24 * 3_600_000;

/** The messages the account handed on, by Zalo's id (the ZaloSeenMessage table). */
export class ZaloSeenMessages {
  constructor(private readonly db: DbTx) {}

  /** Records a message as handled; false when it already was (then it is not handled again). */
  async claim(message: Message): Promise<boolean> {
    const msgId = String(message.data.msgId);
    try {
      await this.db.zaloSeenMessage.create({ data: { msgId, sentAt: sentAt(message) } });
      return true;
    } catch (error) {
      if ((error as { code?: string }).code === "P2002") return false;
      throw error;
    }
  }

  /** When the newest handled message was sent (Zalo's clock); null before the first. */
  async newest(): Promise<Date | null> {
    const row = await this.db.zaloSeenMessage.findFirst({ orderBy: { sentAt: "desc" }, select: { sentAt: true } });
    return row?.sentAt ?? null;
  }

  /** Forgets ids older than a month. */
  async prune(now = Date.now()): Promise<void> {
    await this.db.zaloSeenMessage.deleteMany({ where: { sentAt: { lt: new Date(now - keepSeenMs) } } });
  }
}

/** Zalo's time of a message (`ts`, milliseconds as a string). */
export function sentAt(message: Message): Date {
  const ts = Number(message.data.ts);
  return new Date(Number.isFinite(ts) && ts > 0 ? ts : Date.now());
}

// === Fetching

/** How the catch-up asks: pages per thread type and how long to wait for each. */
export interface CatchUpOptions {
  maxPages?: number;
  pageTimeoutMs?: number;
}

/**
 * The messages of one thread type sent at or after `since`, oldest first, asked of the socket
 * page by page until a page reaches back past `since` (or is empty, or late).
 */
export async function fetchMissed(listener: ZaloListener, type: ThreadType, since: Date, options: CatchUpOptions = {}): Promise<Message[]> {
  const maxPages = options.maxPages ?? 10;
  const found = new Map<string, Message>();
  let lastId: string | null = null;
  for (let page = 0; page < maxPages; page += 1) {
    const messages = await nextPage(listener, type, lastId, options.pageTimeoutMs ?? 15_000);
    if (messages.length === 0) break;
    for (const m of messages) if (sentAt(m) >= since) found.set(String(m.data.msgId), m);
    const oldest = messages.reduce((a, b) => (sentAt(b) < sentAt(a) ? b : a));
    if (sentAt(oldest) < since || String(oldest.data.msgId) === lastId) break;
    lastId = String(oldest.data.msgId);
  }
  return [...found.values()].sort(byArrival);
}

/** Oldest first: by Zalo's time, then by id (Zalo's ids grow with time; equal times happen). */
function byArrival(a: Message, b: Message): number {
  const [x, y] = [String(a.data.msgId), String(b.data.msgId)];
  return sentAt(a).getTime() - sentAt(b).getTime() || x.length - y.length || (x < y ? -1 : x > y ? 1 : 0);
}

/** One `old_messages` answer of this type; empty when none comes in time. */
function nextPage(listener: ZaloListener, type: ThreadType, lastId: string | null, timeoutMs: number): Promise<Message[]> {
  return new Promise((resolve, reject) => {
    const done = (messages: Message[]) => {
      clearTimeout(timer);
      listener.off("old_messages", onPage);
      resolve(messages);
    };
    const onPage = (messages: Message[], pageType: ThreadType) => {
      if (pageType === type) done(messages);
    };
    const timer = setTimeout(() => done([]), timeoutMs);
    timer.unref();
    listener.on("old_messages", onPage);
    try {
      listener.requestOldMessages(type, lastId);
    } catch (error) {
      clearTimeout(timer);
      listener.off("old_messages", onPage);
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
}

/**
 * After a (re)connection: the messages of people and groups that are newer than the newest
 * handled one, oldest first (handing them on de-duplicates). Nothing before the first message
 * the bot ever handled: a new installation does not answer old chats.
 */
export async function missedMessages(listener: ZaloListener, seen: ZaloSeenMessages, log: Logger, options: CatchUpOptions = {}): Promise<Message[]> {
  const since = await seen.newest();
  if (!since) return [];
  await seen.prune();
  const missed: Message[] = [];
  for (const type of [ThreadType.User, ThreadType.Group]) {
    try {
      missed.push(...(await fetchMissed(listener, type, since, options)));
    } catch (err) {
      log.warn({ err, type }, "zalo: asking for the messages missed while disconnected failed");
    }
  }
  return missed.sort(byArrival);
}
