// A stand-in for a logged-in zca-js account with exactly the narrow interface the bot uses
// (bot/zalo/zalo-api.ts): it records every send, answers with increasing message ids, fails
// on demand with zca-js's own error class, and lets a test play incoming messages and
// listener events. Photos for incoming messages are served over real HTTP on 127.0.0.1.
import { EventEmitter } from "node:events";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { CloseReason, ThreadType, ZaloApiError, type AttachmentSource, type GroupInfoResponse, type Message, type MessageContent, type SendMessageResponse, type Style, type TMention } from "zca-js";
import { pino } from "pino";
import { ZaloAdapter, type ZaloAdapterOptions } from "../../bot/zalo/adapter";
import type { ZaloApi, ZaloListener } from "../../bot/zalo/zalo-api";
import type { IncomingEvent } from "../../core/channel/port";
import type { DbTx } from "../../core/db/client";
import { Translations } from "../../core/i18n";

// === Sends

/** One recorded `sendMessage` call. */
export interface SentZaloMessage {
  threadId: string;
  type: ThreadType;
  text: string;
  styles: Style[];
  attachments: { filename: string; bytes: Buffer; width?: number; height?: number }[];
  /** The message ids the call answered with. */
  msgIds: string[];
}

/** One call that reached Zalo, with the requests zca-js makes for it, at the fake's clock. */
export interface ZaloRequestRecord {
  at: number;
  what: "send" | "group-info";
  /** Uploads and sends: one per text, an upload and a send per attachment (as zca-js does). */
  requests: number;
}

/** Events of the listener, as zca-js's Listener declares them (the ones the bot subscribes to). */
type ListenerEvents = {
  connected: [];
  disconnected: [code: CloseReason, reason: string];
  closed: [code: CloseReason, reason: string];
  error: [error: unknown];
  message: [message: Message];
  old_messages: [messages: Message[], type: ThreadType];
  cipher_key: [key: string];
};

/** The listener: counts starts and stops; tests emit its events. */
export class FakeListener extends EventEmitter<ListenerEvents> {
  starts = 0;
  stops = 0;
  /** When set, the next start throws it (as zca-js does with "Already started"). */
  failNextStart: Error | undefined;
  /** Each `requestOldMessages` call: the thread type and the id it pages back from. */
  readonly oldRequests: { type: ThreadType; lastMsgId: string | null }[] = [];
  /** Answers a request for old messages (set by FakeZalo from its history). */
  oldMessages: (type: ThreadType, lastMsgId: string | null) => Message[] = () => [];

  /** As zca-js: the answer comes later, as an `old_messages` event. */
  requestOldMessages(type: ThreadType, lastMsgId: string | null = null): void {
    this.oldRequests.push({ type, lastMsgId });
    const page = this.oldMessages(type, lastMsgId);
    setImmediate(() => this.emit("old_messages", page, type));
  }

  start(): void {
    if (this.failNextStart) {
      const error = this.failNextStart;
      this.failNextStart = undefined;
      throw error;
    }
    this.starts += 1;
  }

  stop(): void {
    this.stops += 1;
  }
}

/**
 * The fake account.
 *
 * ```ts
 * const zalo = new FakeZalo();
 * zalo.failNext(1, { code: 221, message: "Vượt quá số request cho phép" });
 * zalo.emit(userText("u1", "xin chào"));
 * ```
 */
export class FakeZalo implements ZaloApi {
  readonly sent: SentZaloMessage[] = [];
  readonly events = new FakeListener();
  readonly listener: ZaloListener = this.events;
  /** The account's own id. */
  readonly ownId = "bot-uid";
  /** Groups the account sees, by id: who created them, who are deputies, who are members. */
  readonly groups = new Map<string, { name: string; creatorId: string; adminIds?: string[]; memberIds?: string[]; memVerList?: string[] }>();
  /** Every message Zalo holds for the account's threads, delivered live or not. */
  readonly history: Message[] = [];
  /** Messages per `old_messages` page, newest first (Zalo's own page size is not known). */
  pageSize = 3;
  /** Every call that reached Zalo, failed or not, in order. */
  readonly requests: ZaloRequestRecord[] = [];
  /** The time calls are recorded at; a test with a fake clock passes its own. */
  clock: () => number = Date.now;
  private nextId = 1000;
  private failures: { code: number | undefined; message: string }[] = [];
  private emptyAnswers = 0;
  private scriptedAnswers: (SendMessageResponse | null)[] = [];

  /** The next `count` sends throw a ZaloApiError with this code and message. */
  failNext(count: number, error: { code?: number; message: string }): void {
    for (let i = 0; i < count; i += 1) this.failures.push({ code: error.code, message: error.message });
  }

  /** The next `count` sends answer with no message id at all (and deliver nothing). */
  answerEmptyNext(count: number): void {
    this.emptyAnswers += count;
  }

  /** The next send answers exactly this (a contract fixture), whatever it sent. */
  answerNext(response: SendMessageResponse | null): void {
    this.scriptedAnswers.push(response);
  }

  async sendMessage(message: MessageContent | string, threadId: string, type: ThreadType = ThreadType.User): Promise<SendMessageResponse> {
    this.requests.push({ at: this.clock(), what: "send", requests: zcaRequests(message) });
    const failure = this.failures.shift();
    if (failure) throw new ZaloApiError(failure.message, failure.code);
    if (this.scriptedAnswers.length > 0) return this.scriptedAnswers.shift() as SendMessageResponse;
    if (this.emptyAnswers > 0) {
      this.emptyAnswers -= 1;
      return { message: null, attachment: [] };
    }
    const content = typeof message === "string" ? { msg: message } : message;
    const sources: AttachmentSource[] = content.attachments === undefined ? [] : Array.isArray(content.attachments) ? content.attachments : [content.attachments];
    if (!content.msg && sources.length === 0) throw new ZaloApiError("Missing message content");
    const attachments = sources.map((source) => {
      if (typeof source === "string") throw new Error("the bot sends attachments as bytes, not paths");
      return { filename: source.filename, bytes: source.data, ...(source.metadata.width ? { width: source.metadata.width } : {}), ...(source.metadata.height ? { height: source.metadata.height } : {}) };
    });
    const response: SendMessageResponse = { message: null, attachment: [] };
    // As zca-js: a caption rides only with a single jpg/png/webp; otherwise it is its own message.
    const canBeCaption = attachments.length === 1 && /\.(jpe?g|png|webp)$/i.test(attachments[0]!.filename);
    if (content.msg && (attachments.length === 0 || !canBeCaption)) response.message = { msgId: this.nextId++ };
    for (let i = 0; i < attachments.length; i += 1) response.attachment.push({ msgId: this.nextId++ });
    this.sent.push({
      threadId,
      type,
      text: content.msg ?? "",
      styles: content.styles ?? [],
      attachments,
      msgIds: [...(response.message ? [response.message] : []), ...response.attachment].map((m) => String(m.msgId)),
    });
    return response;
  }

  getOwnId(): string {
    return this.ownId;
  }

  async getGroupInfo(groupId: string | string[]): Promise<GroupInfoResponse> {
    this.requests.push({ at: this.clock(), what: "group-info", requests: 1 });
    const ids = Array.isArray(groupId) ? groupId : [groupId];
    const gridInfoMap: GroupInfoResponse["gridInfoMap"] = {};
    for (const id of ids) {
      const group = this.groups.get(id);
      if (!group) continue;
      gridInfoMap[id] = {
        groupId: id,
        name: group.name,
        creatorId: group.creatorId,
        adminIds: group.adminIds ?? [],
        memberIds: group.memberIds ?? [],
        memVerList: group.memVerList ?? [],
        currentMems: [],
        pendingApprove: { time: 0, uids: null },
      } as unknown as GroupInfoResponse["gridInfoMap"][string];
    }
    return { removedsGroup: [], unchangedsGroup: ids.filter((id) => !this.groups.has(id)), gridInfoMap };
  }

  /** Sends to one thread, in order. */
  sentTo(threadId: string): SentZaloMessage[] {
    return this.sent.filter((m) => m.threadId === threadId);
  }

  constructor() {
    this.events.oldMessages = (type, lastMsgId) => {
      const ofType = this.history.filter((m) => m.type === type).sort((a, b) => Number(b.data.msgId) - Number(a.data.msgId));
      const older = lastMsgId === null ? ofType : ofType.filter((m) => Number(m.data.msgId) < Number(lastMsgId));
      return older.slice(0, this.pageSize);
    };
  }

  /** Plays an incoming message as the listener would. */
  emit(message: Message): void {
    this.history.push(message);
    this.events.emit("message", message);
  }

  /** A message that reaches Zalo while the listener is down: only a catch-up can see it. */
  arriveUnheard(message: Message): void {
    this.history.push(message);
  }

  /** Plays a (re)connection: the socket opens, then its key arrives. */
  connect(): void {
    this.events.emit("connected");
    this.events.emit("cipher_key", "fake-key");
  }

  /** Plays the socket closing: zca-js reports `disconnected`, then `closed` when it will not retry. */
  close(code: CloseReason, reason = ""): void {
    this.events.emit("disconnected", code, reason);
    this.events.emit("closed", code, reason);
  }
}

/**
 * The HTTP requests zca-js 2.2 makes for one sendMessage (its sendMessage.ts: attachments are
 * uploaded by uploadAttachment, then each sent; the text is its own message unless it is the
 * caption of a single jpg/png/webp). Written here from zca-js's code, apart from the bot's own
 * count, so a test compares the two.
 */
function zcaRequests(message: MessageContent | string): number {
  const content = typeof message === "string" ? { msg: message } : message;
  const sources = content.attachments === undefined ? [] : Array.isArray(content.attachments) ? content.attachments : [content.attachments];
  const names = sources.map((source) => (typeof source === "string" ? source : source.filename));
  const captioned = names.length === 1 && /\.(jpe?g|png|webp)$/i.test(names[0]!);
  return names.length * 2 + (content.msg && (names.length === 0 || !captioned) ? 1 : 0);
}

// === Incoming messages

let nextIncoming = 1;

interface MessageOptions {
  /** Display name of the sender. */
  name?: string;
  /** Sent in this group instead of a direct chat. */
  group?: string;
  isSelf?: boolean;
  /** The id of the message this one quotes ("Trả lời" in Zalo). */
  quote?: string;
  /** People @mentioned in a group message. */
  mentions?: TMention[];
  /** Zalo's time of the message (ms); default now. */
  ts?: number;
}

function incoming(uid: string, msgType: string, content: unknown, options: MessageOptions = {}): Message {
  const msgId = String(nextIncoming++);
  const data = {
    actionId: msgId,
    msgId,
    cliMsgId: msgId,
    msgType,
    uidFrom: uid,
    idTo: options.group ?? "bot",
    dName: options.name ?? `Người dùng ${uid}`,
    ts: String(options.ts ?? Date.now()),
    status: 1,
    content,
    notify: "1",
    ttl: 0,
    userId: "0",
    uin: "0",
    topOut: "0",
    topOutTimeOut: "0",
    topOutImprTimeOut: "0",
    propertyExt: undefined,
    paramsExt: { countUnread: 1, containType: 0, platformType: 1 },
    cmd: 501,
    st: 3,
    at: 5,
    realMsgId: msgId,
    quote: options.quote ? { ownerId: "bot", cliMsgId: Number(options.quote), globalMsgId: Number(options.quote), cliMsgType: 1, ts: Date.now(), msg: "", attach: "", fromD: "", ttl: 0 } : undefined,
  };
  const isSelf = options.isSelf ?? false;
  if (options.group) return { type: ThreadType.Group, threadId: options.group, isSelf, data: { ...data, mentions: options.mentions } } as Message;
  return { type: ThreadType.User, threadId: uid, isSelf, data } as Message;
}

/** A text message ("webchat"). */
export function textMessage(uid: string, text: string, options?: MessageOptions): Message {
  return incoming(uid, "webchat", text, options);
}

/** A photo ("chat.photo") whose bytes are at `href`. */
export function photoMessage(uid: string, href: string, options: MessageOptions & { width?: number; height?: number; caption?: string; albumId?: string } = {}): Message {
  const params = JSON.stringify({ width: options.width ?? 1, height: options.height ?? 1, hd: href, ...(options.albumId ? { group_layout_id: options.albumId } : {}) });
  return incoming(uid, "chat.photo", { title: options.caption ?? "", description: "", href, thumb: href, childnumber: 0, action: "", params, type: "" }, options);
}

/** A file ("share.file") named `name`. */
export function fileMessage(uid: string, href: string, name: string, options?: MessageOptions): Message {
  const ext = name.split(".").pop() ?? "";
  const params = JSON.stringify({ fileSize: "1234", checksum: "x", fileExt: ext, fdata: "{}", fType: 1 });
  return incoming(uid, "share.file", { title: name, description: "", href, thumb: "", childnumber: 0, action: "", params, type: "" }, options);
}

/** Any other kind of message: "chat.sticker", "chat.voice", "chat.video.msg", "chat.location.new"… */
export function otherMessage(uid: string, msgType: string, options?: MessageOptions): Message {
  return incoming(uid, msgType, { href: "", params: "{}" }, options);
}

// === A photo host

/** Bytes served over HTTP on 127.0.0.1, as Zalo's photo hosts serve incoming photos. */
export interface PhotoHost {
  /** Serves `bytes` and returns its address. */
  put(name: string, bytes: Buffer, contentType?: string): string;
  close(): Promise<void>;
}

/** Starts a photo host on a free port of 127.0.0.1. */
export async function startPhotoHost(): Promise<PhotoHost> {
  const files = new Map<string, { bytes: Buffer; contentType: string }>();
  const server: Server = createServer((req, res) => {
    const file = files.get(req.url ?? "");
    if (!file) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": file.contentType, "content-length": file.bytes.length }).end(file.bytes);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    put(name, bytes, contentType = "image/jpeg") {
      files.set(`/${name}`, { bytes, contentType });
      return `http://127.0.0.1:${port}/${name}`;
    },
    close: () => new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve()))),
  };
}

// === An adapter on the fake

/**
 * A started adapter on `zalo`, recording what it hands on in `events` (a test passes its own
 * `onEvent` to do more), with no waits between retries.
 */
export function startFakeAdapter(db: DbTx, zalo: FakeZalo, events: IncomingEvent[], overrides: Partial<ZaloAdapterOptions> = {}): ZaloAdapter {
  const adapter = new ZaloAdapter({
    api: zalo,
    db,
    log: pino({ level: "silent" }),
    i18n: new Translations("vi"),
    onEvent: async (event) => void events.push(event),
    delay: async () => {},
    ...overrides,
  });
  adapter.start();
  return adapter;
}
