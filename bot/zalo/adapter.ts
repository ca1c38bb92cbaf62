// The channel port on Zalo (zca-js): styled plain text instead of HTML, numbered replies
// instead of buttons, albums as one message with several attachments, and a listener that
// reconnects by itself and says clearly when Zalo Web took the session elsewhere.
import type { Logger } from "pino";
import { CloseReason, ThreadType, type AttachmentSource, type GroupInfoResponse, type Message, type MessageContent } from "zca-js";
import type { ChannelCapabilities } from "../../core/channel/capabilities";
import type { ChannelPort, ChatInfo, ChoiceNotice, DownloadedFile, EventHandler, FileRef, MemberStatus, ChatMessage, OutgoingDocument, PhotoSource } from "../../core/channel/port";
import type { DbTx } from "../../core/db/client";
import { PermanentSendError } from "../../core/outbox/errors";
import { MediaRefusedError } from "../../core/workflow/media";
import { toLocale, Translations, type Locale } from "../../core/i18n";
import { fetchImage, fileAttachment, urlAttachment } from "./attachments";
import { missedMessages, ZaloSeenMessages, type CatchUpOptions } from "./catch-up";
import { decodeJxl, isJxl, type JxlDecoder } from "./jxl";
import { htmlToStyledText, splitStyledText, zaloMaxMessageLength, type StyledText } from "./format";
import { flattenChoices, numberedList, resolveReply, ZaloMenuStore, type ZaloMenu } from "./menu";
import { toIncomingEvent } from "./normalize";
import { classifyZaloError } from "./outbox-sender";
import { requestsOf, type ZaloPace } from "./pace";
import { sentMessageIds } from "./send-response";
import type { ZaloApi } from "./zalo-api";

// === Options

/** Why the Zalo session ended for good: Zalo Web was opened elsewhere, or the account was kicked. */
export interface ZaloSessionClosed {
  code: number;
  reason: string;
}

/** What a {@link ZaloAdapter} needs. */
export interface ZaloAdapterOptions {
  /** A logged-in account (see login.ts), or a fake of the same shape in tests. */
  api: ZaloApi;
  db: DbTx;
  log: Logger;
  /** Called with each normalized event, one at a time per chat. */
  onEvent: EventHandler;
  /** For the "reply 1–4" hint under menus; loaded from locales/ when absent. */
  i18n?: Translations;
  /** The hint's language in groups and for people without a preference; default vi. */
  defaultLocale?: Locale;
  /** Relative photo paths are read from here; default the working directory. */
  mediaDir?: string;
  /** Called once when the session is closed elsewhere; the app alerts the admins from here. */
  onSessionClosed?: (closure: ZaloSessionClosed) => void | Promise<void>;
  /** Waits between reconnection attempts: first delay and cap; default 1 s and 5 min. */
  reconnect?: { baseMs?: number; maxMs?: number };
  /** How to wait; tests pass one that returns at once. */
  delay?: (ms: number) => Promise<void>;
  /** The account's pace, shared with the outbox sender: a reply waits its turn like any send. */
  pace?: ZaloPace;
  /** Reads JPEG XL photos; default sharp or djxl (jxl.ts). Tests pass one that cannot. */
  decodeJxl?: JxlDecoder;
  /** How the messages missed while disconnected are asked for (catch-up.ts). */
  catchUp?: CatchUpOptions;
}

/** The largest caption that rides with a single photo; longer ones go as their own message. */
const maxCaptionLength = 1000;

/** Photos per album message: what the port promises (zca-js accepts more, Zalo shows a grid). */
const maxAlbumSize = 10;

/**
 * What Zalo can do: no edits (an edit is a new message), no buttons (numbered replies), no
 * toasts, albums as one message of several attachments, 2000-character texts.
 */
export const zaloCapabilities: ChannelCapabilities = {
  editsInPlace: false,
  buttons: false,
  toasts: false,
  albums: true,
  maxAlbumSize,
  maxTextLength: zaloMaxMessageLength,
  maxCaptionLength,
};

/** Close codes after which reconnecting would only take the session back from Zalo Web. */
const sessionTakenCodes: ReadonlySet<number> = new Set([CloseReason.DuplicateConnection, CloseReason.KickConnection]);

function unrefDelay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}


/**
 * The alert the app sends the admins (on Telegram) when the Zalo session was closed elsewhere.
 *
 * ```ts
 * onSessionClosed: (closure) => notifyAdmins(sessionClosedAlert(i18n, "vi", closure)),
 * ```
 */
export function sessionClosedAlert(i18n: Translations, locale: Locale, closure: ZaloSessionClosed): string {
  return i18n.t(locale, "zalo-session-closed-alert", { code: String(closure.code), reason: closure.reason || "-" });
}

// === Adapter

/**
 * Implements the channel port on a zca-js account, and feeds the account's incoming messages
 * to an event handler.
 *
 * Zalo cannot edit a message: {@link edit} sends the new content as a new message, and its
 * choices keep answering to the original message id, so the handlers need not know.
 *
 * ```ts
 * const zalo = new ZaloAdapter({ api, db, log, i18n, onEvent: handler, onSessionClosed: alertAdmins });
 * zalo.start();
 * shutdown.add("zalo", () => zalo.stop());
 * ```
 */
export class ZaloAdapter implements ChannelPort {
  readonly channel = "ZALO" as const;
  readonly capabilities = zaloCapabilities;

  private readonly api: ZaloApi;
  private readonly log: Logger;
  private readonly db: DbTx;
  private readonly onEvent: EventHandler;
  private readonly i18n: Translations;
  private readonly defaultLocale: Locale;
  private readonly mediaDir: string;
  private readonly onSessionClosed: ZaloAdapterOptions["onSessionClosed"];
  private readonly reconnectBaseMs: number;
  private readonly reconnectMaxMs: number;
  private readonly delay: (ms: number) => Promise<void>;
  private readonly menus: ZaloMenuStore;
  private readonly pace: ZaloPace | undefined;
  private readonly decodeJxl: JxlDecoder;
  private readonly seen: ZaloSeenMessages;
  private readonly catchUpOptions: CatchUpOptions;
  /** A catch-up running: the next connection's waits for it rather than running beside it. */
  private catchingUp: Promise<void> = Promise.resolve();
  /** Photos fetched on arrival (JPEG XL already converted), by address, while their event is handled. */
  private readonly arrived = new Map<string, { bytes: Buffer; mimeType?: string }>();

  /** Thread types seen or looked up: a send must say whether a thread is a user or a group. */
  private readonly threadTypes = new Map<string, ThreadType>();
  /** The sender of the group event being handled, by group: whom a menu sent there is for. */
  private readonly replyingTo = new Map<string, string>();
  /** The event being handled per chat, so one chat's events run in order. */
  private readonly queues = new Map<string, Promise<void>>();
  /** Subscribed to the listener (from start to stop). */
  private subscribed = false;
  /** Receiving, and reconnecting when the socket drops (false once the session was taken). */
  private running = false;
  private reconnecting = false;
  private reconnectAttempts = 0;

  constructor(options: ZaloAdapterOptions) {
    this.api = options.api;
    this.db = options.db;
    this.log = options.log;
    this.onEvent = options.onEvent;
    this.defaultLocale = options.defaultLocale ?? "vi";
    this.i18n = options.i18n ?? new Translations(this.defaultLocale);
    this.mediaDir = options.mediaDir ?? process.cwd();
    this.onSessionClosed = options.onSessionClosed;
    this.reconnectBaseMs = options.reconnect?.baseMs ?? 1_000;
    this.reconnectMaxMs = options.reconnect?.maxMs ?? 5 * 60_000;
    this.delay = options.delay ?? unrefDelay;
    this.menus = new ZaloMenuStore(options.db);
    this.pace = options.pace;
    this.decodeJxl = options.decodeJxl ?? decodeJxl;
    this.seen = new ZaloSeenMessages(options.db);
    this.catchUpOptions = options.catchUp ?? {};
  }

  // === Listening

  /** Subscribes to the account's messages and opens the listener. */
  start(): void {
    if (this.subscribed) return;
    this.subscribed = true;
    this.running = true;
    const { listener } = this.api;
    listener.on("message", this.onMessage);
    listener.on("connected", this.onConnected);
    listener.on("cipher_key", this.onReady);
    listener.on("disconnected", this.onDisconnected);
    listener.on("closed", this.onClosed);
    listener.on("error", this.onError);
    listener.start();
  }

  /** Closes the listener and waits for the events in hand to be handled. */
  async stop(): Promise<void> {
    this.running = false;
    if (this.subscribed) {
      this.subscribed = false;
      const { listener } = this.api;
      listener.off("message", this.onMessage);
      listener.off("connected", this.onConnected);
      listener.off("cipher_key", this.onReady);
      listener.off("disconnected", this.onDisconnected);
      listener.off("closed", this.onClosed);
      listener.off("error", this.onError);
      listener.stop();
    }
    await this.idle();
  }

  /** Resolves when every event received so far has been handled (a catch-up's too). */
  async idle(): Promise<void> {
    await this.catchingUp;
    while (this.queues.size > 0) await Promise.all(this.queues.values());
  }

  /**
   * Handles one incoming message as the listener would: normalizes it, resolves a typed menu
   * reply, and queues it behind the chat's earlier events.
   */
  receive(message: Message): Promise<void> {
    const threadId = String(message.threadId);
    const previous = this.queues.get(threadId) ?? Promise.resolve();
    const next = previous
      .then(() => this.handle(message))
      .catch((err: unknown) => this.log.error({ err, threadId }, "zalo message failed"))
      .finally(() => {
        if (this.queues.get(threadId) === next) this.queues.delete(threadId);
      });
    this.queues.set(threadId, next);
    return next;
  }

  private readonly onMessage = (message: Message): void => {
    void this.receive(message);
  };

  private readonly onConnected = (): void => {
    this.reconnectAttempts = 0;
    this.log.info("zalo listener connected");
  };

  /** The socket can be read: ask for what arrived while it was down (or the bot was off). */
  private readonly onReady = (): void => {
    this.catchingUp = this.catchingUp.then(() => this.catchUp());
  };

  private async catchUp(): Promise<void> {
    if (!this.running) return;
    try {
      const missed = await missedMessages(this.api.listener, this.seen, this.log, this.catchUpOptions);
      // Handed on like live ones: one at a time per chat, and an id seen before is skipped.
      await Promise.all(missed.map((message) => this.receive(message)));
      if (missed.length > 0) this.log.info({ fetched: missed.length }, "zalo: messages from while the listener was down fetched");
    } catch (err) {
      this.log.warn({ err }, "zalo: catching up after a reconnection failed");
    }
  }

  private readonly onDisconnected = (code: number, reason: string): void => {
    if (!this.running || sessionTakenCodes.has(code)) return;
    this.log.warn({ code, reason }, "zalo listener disconnected");
    void this.reconnect();
  };

  private readonly onClosed = (code: number, reason: string): void => {
    if (!this.running) return;
    if (!sessionTakenCodes.has(code)) {
      void this.reconnect();
      return;
    }
    this.running = false;
    this.log.error(
      { code, reason },
      "zalo session closed: Zalo Web was opened elsewhere with this account, or Zalo ended the session; the bot no longer receives Zalo messages until it is restarted (log in again with npm run zalo:login if the session expired)",
    );
    void Promise.resolve()
      .then(() => this.onSessionClosed?.({ code, reason }))
      .catch((err: unknown) => this.log.error({ err }, "zalo session-closed alert failed"));
  };

  private readonly onError = (error: unknown): void => {
    this.log.warn({ err: error }, "zalo listener error");
  };

  /** Opens the listener again after an exponential wait; one attempt at a time. */
  private async reconnect(): Promise<void> {
    if (this.reconnecting) return;
    this.reconnecting = true;
    try {
      while (this.running) {
        this.reconnectAttempts += 1;
        const waitMs = Math.min(this.reconnectMaxMs, this.reconnectBaseMs * 2 ** (this.reconnectAttempts - 1));
        this.log.info({ attempt: this.reconnectAttempts, waitMs }, "zalo listener reconnecting");
        await this.delay(waitMs);
        if (!this.running) return;
        try {
          this.api.listener.start();
          return;
        } catch (err) {
          this.log.warn({ err, attempt: this.reconnectAttempts }, "zalo listener did not restart");
        }
      }
    } finally {
      this.reconnecting = false;
    }
  }

  private async handle(message: Message): Promise<void> {
    const event = toIncomingEvent(message);
    if (!event || !(await this.seen.claim(message))) return;
    await this.rememberThread(event.chat.externalId, message.type);
    const threadId = event.chat.externalId;
    if (event.input.kind === "text") {
      const quote = message.data.quote;
      const menu = await this.menus.find(threadId, { senderId: event.from.externalId, ...(quote ? { quotedId: String(quote.globalMsgId) } : {}) });
      const chosen = menu ? resolveReply(menu, event.input.text) : null;
      if (menu && chosen) {
        const answerId = `${threadId}:${message.data.msgId}`;
        event.input = { kind: "choice", payload: chosen.payload, messageId: menu.messageId, answerId };
      }
    }
    const photo = event.input.kind === "photo" ? event.input.file.fileId : undefined;
    if (photo && !(await this.receivePhoto(threadId, message.type, photo))) return;
    // While a group's event is handled, what goes to that group answers its sender.
    if (event.chat.kind === "group") this.replyingTo.set(threadId, event.from.externalId);
    try {
      await this.onEvent(event, this);
    } finally {
      this.replyingTo.delete(threadId);
      if (photo) this.arrived.delete(photo);
    }
  }

  /**
   * Fetches a photo on arrival (Zalo's addresses do not last) and converts a JPEG XL one to
   * JPEG. False, after telling the sender plainly, when it is JPEG XL and this server cannot
   * read it. A failed fetch is left to {@link download}, which says why.
   */
  private async receivePhoto(threadId: string, type: ThreadType, href: string): Promise<boolean> {
    let fetched: { bytes: Buffer; mimeType?: string };
    try {
      fetched = await fetchImage(href);
    } catch {
      return true;
    }
    if (!isJxl(fetched.bytes)) {
      this.arrived.set(href, fetched);
      return true;
    }
    const jpeg = await this.decodeJxl(fetched.bytes).catch((err: unknown) => {
      this.log.warn({ err, threadId }, "zalo: a JPEG XL photo could not be converted");
      return null;
    });
    if (jpeg) {
      this.arrived.set(href, { bytes: jpeg, mimeType: "image/jpeg" });
      return true;
    }
    this.log.warn({ threadId }, "zalo: a JPEG XL photo arrived and this server cannot read JPEG XL (sharp without libjxl, no djxl: install libjxl-tools)");
    const locale = await this.localeOf(threadId, type);
    await this.sendStyled(threadId, type, htmlToStyledText(this.i18n.t(locale, "zalo-photo-jxl-unreadable")));
    return false;
  }

  /** Records the thread's type the first time it writes (a Chat row, for sends after a restart). */
  private async rememberThread(threadId: string, type: ThreadType): Promise<void> {
    if (this.threadTypes.get(threadId) === type) return;
    this.threadTypes.set(threadId, type);
    const kind = type === ThreadType.Group ? "GROUP" : "PRIVATE";
    await this.db.chat.upsert({
      where: { channel_externalId: { channel: "ZALO", externalId: threadId } },
      create: { channel: "ZALO", externalId: threadId, kind },
      update: { kind },
    });
  }

  private async threadType(threadId: string): Promise<ThreadType> {
    const known = this.threadTypes.get(threadId);
    if (known !== undefined) return known;
    const chat = await this.db.chat.findUnique({
      where: { channel_externalId: { channel: "ZALO", externalId: threadId } },
      select: { kind: true },
    });
    const type = chat && chat.kind !== "PRIVATE" ? ThreadType.Group : ThreadType.User;
    this.threadTypes.set(threadId, type);
    return type;
  }

  // === Sending (the channel port)

  async send(chatId: string, message: ChatMessage): Promise<string> {
    return this.deliver(chatId, message, undefined);
  }

  /** Zalo cannot edit: sends the new content as a new message; its choices answer to `messageId`. */
  async edit(chatId: string, messageId: string, message: ChatMessage): Promise<void> {
    await this.deliver(chatId, message, messageId);
  }

  /**
   * Zalo has no toasts: an alert, or a toast marked worth a message (a review decision's
   * confirmation), goes out as a message; any other acknowledgement does nothing.
   */
  async answerChoice(answerId: string, notice?: ChoiceNotice): Promise<void> {
    if (!notice?.alert && !notice?.messageWithoutToasts) return;
    const threadId = answerId.slice(0, answerId.lastIndexOf(":"));
    if (!threadId) throw new Error(`Not a Zalo answer id: ${answerId}`);
    await this.sendStyled(threadId, await this.threadType(threadId), htmlToStyledText(notice.text));
  }

  async sendPhotos(chatId: string, photos: PhotoSource[], caption?: string): Promise<string[]> {
    const type = await this.threadType(chatId);
    const attachments: AttachmentSource[] = [];
    for (const photo of photos) {
      attachments.push(photo.kind === "file" ? await fileAttachment(photo.path, this.mediaDir) : await urlAttachment(photo.fileId));
    }
    const styled = caption ? htmlToStyledText(caption) : undefined;
    const ids: string[] = [];
    // A caption rides along only with a single photo, and loses its styles on the way.
    if (styled && attachments.length === 1 && styled.text.length <= maxCaptionLength) {
      ids.push(...(await this.sendContent({ msg: styled.text, attachments }, chatId, type)));
      return ids;
    }
    for (let i = 0; i < attachments.length; i += maxAlbumSize) {
      const album = attachments.slice(i, i + maxAlbumSize);
      ids.push(...(await this.sendContent({ msg: "", attachments: album }, chatId, type)));
    }
    if (styled && styled.text.trim()) ids.push(...(await this.sendStyled(chatId, type, styled)));
    return ids;
  }

  /** A file goes as an attachment of its own; its caption follows as a styled message. */
  async sendDocument(chatId: string, document: OutgoingDocument): Promise<string> {
    const type = await this.threadType(chatId);
    const attachment: AttachmentSource = { data: document.bytes, filename: document.fileName as `${string}.${string}`, metadata: { totalSize: document.bytes.length } };
    const [id] = await this.sendContent({ msg: "", attachments: [attachment] }, chatId, type);
    if (document.caption) await this.sendStyled(chatId, type, htmlToStyledText(document.caption));
    return id!;
  }

  async download(file: FileRef): Promise<DownloadedFile> {
    let { bytes, mimeType } = this.arrived.get(file.fileId) ?? (await fetchImage(file.fileId));
    if (isJxl(bytes)) {
      // Fetched later than its arrival (e.g. again after a restart): converted now, or refused.
      const jpeg = await this.decodeJxl(bytes);
      if (!jpeg) throw new MediaRefusedError("not-image");
      [bytes, mimeType] = [jpeg, "image/jpeg"];
    }
    return { bytes, size: bytes.length, ...(mimeType ? { mimeType } : {}) };
  }

  // === Groups (the channel port's optional questions)

  /**
   * Where a person stands in a Zalo group, asked of Zalo each time: its creator, a deputy
   * (administrator), a member, or "left" when the group does not list them (or is gone).
   */
  async memberStatus(chatId: string, userId: string): Promise<MemberStatus> {
    const info = (await this.groupInfo(chatId)).gridInfoMap[chatId];
    if (!info) return "left";
    if (info.creatorId === userId) return "creator";
    if (info.adminIds?.includes(userId)) return "administrator";
    // Large groups list members only as "uid_version" entries.
    const listed =
      info.memberIds?.includes(userId) ||
      info.currentMems?.some((m) => m.id === userId) ||
      info.memVerList?.some((entry) => entry.split("_")[0] === userId);
    return listed ? "member" : "left";
  }

  /** The account's own standing in a Zalo group. */
  async botStatus(chatId: string): Promise<MemberStatus> {
    return this.memberStatus(chatId, this.api.getOwnId());
  }

  /** A Zalo group by id; null when Zalo does not show it to the account. */
  async chatInfo(chatRef: string): Promise<ChatInfo | null> {
    try {
      const info = (await this.groupInfo(chatRef)).gridInfoMap[chatRef];
      return info ? { externalId: String(info.groupId), type: "group", ...(info.name ? { title: info.name } : {}) } : null;
    } catch (err) {
      this.log.warn({ err, chatRef }, "zalo group lookup failed");
      return null;
    }
  }

  // === Sending helpers

  /** Sends text and its numbered choices; remembers the menu (or that there is none). */
  private async deliver(chatId: string, message: ChatMessage, menuMessageId: string | undefined): Promise<string> {
    const type = await this.threadType(chatId);
    const choices = message.choices && message.choices.length > 0 ? flattenChoices(message.choices) : [];
    const html = choices.length > 0 ? `${message.text}\n\n${numberedList(choices, await this.menuHint(chatId, type, choices.length))}` : message.text;
    const ids = await this.sendStyled(chatId, type, htmlToStyledText(html));
    const sentId = ids[ids.length - 1]!;
    const forUser = type === ThreadType.Group ? this.replyingTo.get(chatId) : undefined;
    const menu: ZaloMenu | null = choices.length > 0 ? { messageId: menuMessageId ?? sentId, choices, sentIds: ids, ...(forUser ? { forUser } : {}) } : null;
    await this.menus.set(chatId, type === ThreadType.Group ? "GROUP" : "PRIVATE", menu, forUser);
    return sentId;
  }

  /**
   * One zca-js send, paced with the outbox's (each request of it counts), and a code 221 rests
   * both; returns the ids of what it created.
   */
  private async sendContent(content: MessageContent, chatId: string, type: ThreadType): Promise<string[]> {
    await this.pace?.take(requestsOf(content));
    try {
      return sentMessageIds(await this.api.sendMessage(content, chatId, type));
    } catch (error) {
      this.pace?.observe(error);
      const sorted = classifyZaloError(error);
      if (sorted instanceof PermanentSendError && sorted.scope === "chat") {
        // Final for this recipient: said once in the logs, with Zalo's code and words.
        this.log.warn({ chatId, kind: type === ThreadType.Group ? "group" : "person", reason: sorted.message }, "zalo recipient cannot receive messages from this account");
        throw sorted;
      }
      throw error;
    }
  }

  /** A group's members and admins: a request like any other. */
  private async groupInfo(groupId: string): Promise<GroupInfoResponse> {
    await this.pace?.take(1);
    return this.api.getGroupInfo(groupId);
  }

  /** Sends styled text, cut into several messages when longer than Zalo takes; returns their ids. */
  private async sendStyled(chatId: string, type: ThreadType, styled: StyledText): Promise<string[]> {
    const parts = splitStyledText(styled, zaloMaxMessageLength);
    if (parts.length === 0) throw new Error("Nothing to send: the message has no text");
    const ids: string[] = [];
    for (const part of parts) {
      ids.push(...(await this.sendContent({ msg: part.text, ...(part.styles.length > 0 ? { styles: part.styles } : {}) }, chatId, type)));
    }
    return ids;
  }

  /** "Trả lời 1–4" in the reader's language. */
  private async menuHint(chatId: string, type: ThreadType, count: number): Promise<string> {
    return this.i18n.t(await this.localeOf(chatId, type), "zalo-menu-hint", { count });
  }

  /** The reader's language: their saved preference in a direct chat, the default in groups. */
  private async localeOf(chatId: string, type: ThreadType): Promise<Locale> {
    if (type !== ThreadType.User) return this.defaultLocale;
    const identity = await this.db.channelIdentity.findUnique({
      where: { channel_externalId: { channel: "ZALO", externalId: chatId } },
      select: { person: { select: { language: true } } },
    });
    return toLocale(identity?.person.language, this.defaultLocale);
  }
}
