import { randomInt } from "node:crypto";
import { formatText } from "./entities";
import type { FaultSpec } from "./faults";
import { inlineButtons } from "./keyboard";
import type { LimitsConfig, RateLimitConfig } from "./limits";
import { telegramRateLimits } from "./limits";
import { chatJson, chatMemberJson, isPresent } from "./render";
import { commandsKey, stateEvents, unixTime, type BotRecord, type CallbackRecord, type CallRecord, type ChatRecord, type EmulatorState, type MemberStatus, type MessageRecord } from "./state";
import type { ChatType, TgBotCommand, TgChat, TgMessage, TgMessageEntity, TgUser } from "./types";

// === Views

/** One inline button as a test sees it. */
export interface ButtonView {
  text: string;
  callbackData?: string;
  url?: string;
}

/** A message as a test reads it: current content (edits applied), buttons, and whether it was deleted. */
export interface MessageView {
  messageId: number;
  chatId: number;
  /** True when the bot sent it; false for messages of test users. */
  fromBot: boolean;
  date: number;
  text?: string;
  caption?: string;
  /** `entities` of a text, or `caption_entities` of a media message. */
  entities: TgMessageEntity[];
  photo?: TgMessage["photo"];
  document?: TgMessage["document"];
  mediaGroupId?: string;
  replyToMessageId?: number;
  /** Inline keyboard rows. */
  buttons: ButtonView[][];
  /** A reply keyboard, ReplyKeyboardRemove or ForceReply sent with the message. */
  replyKeyboard?: unknown;
  editCount: number;
  deleted: boolean;
  /** The Bot API Message object as it is now. */
  message: TgMessage;
}

/** Options of the waiting helpers. */
export interface WaitOptions {
  /** Milliseconds before the wait fails; default 10000. */
  timeout?: number;
  /** Only messages for which this returns true. */
  predicate?: (message: MessageView) => boolean;
}

/** What a test passes to create a group, supergroup or channel. */
export interface CreateChatOptions {
  type: Exclude<ChatType, "private">;
  title: string;
  username?: string;
  description?: string;
  /** Owner of the chat (a user id). */
  creator?: number;
  admins?: number[];
  members?: number[];
  /** The driver's bot's status; default "member" ("administrator" in channels). */
  bot?: Extract<MemberStatus, "administrator" | "member" | "left" | "kicked">;
}

/** What a test passes to create a user. */
export interface CreateUserOptions {
  id?: number;
  firstName?: string;
  lastName?: string;
  username?: string;
  languageCode?: string;
}

/** Where a user action happens: a chat id (default: the user's private chat with the bot) and an optional reply. */
export interface SendOptions {
  chatId?: number;
  replyTo?: number;
}

/** One item of an album a test user sends. */
export interface AlbumItem {
  bytes: Uint8Array;
  type?: "photo" | "document";
  caption?: string;
  fileName?: string;
  mimeType?: string;
}

/** How a test picks an inline button to press. */
export interface PressOptions {
  chatId?: number;
  /** The message carrying the button; default the newest bot message that has a matching button. */
  messageId?: number;
  /** The button's text (exact match). */
  text?: string;
  /** The button's callback_data (exact match). */
  data?: string;
}

// Generous: on a loaded two-core CI machine a reply can take seconds; a passing wait returns at once.
const defaultTimeoutMs = 10_000;

function viewOf(record: MessageRecord): MessageView {
  const m = record.message;
  const view: MessageView = {
    messageId: m.message_id,
    chatId: m.chat.id,
    fromBot: record.sentByBot !== undefined,
    date: m.date,
    entities: m.entities ?? m.caption_entities ?? [],
    buttons: m.reply_markup?.inline_keyboard.map((row) => row.map(buttonView)) ?? [],
    editCount: record.editCount,
    deleted: record.deleted,
    message: structuredClone(m),
  };
  if (m.text !== undefined) view.text = m.text;
  if (m.caption !== undefined) view.caption = m.caption;
  if (m.photo) view.photo = m.photo;
  if (m.document) view.document = m.document;
  if (m.media_group_id) view.mediaGroupId = m.media_group_id;
  if (m.reply_to_message) view.replyToMessageId = m.reply_to_message.message_id;
  if (record.replyKeyboard !== undefined) view.replyKeyboard = record.replyKeyboard;
  return view;
}

function buttonView(button: { text: string; callback_data?: string; url?: string }): ButtonView {
  return {
    text: button.text,
    ...(button.callback_data !== undefined ? { callbackData: button.callback_data } : {}),
    ...(button.url !== undefined ? { url: button.url } : {}),
  };
}

function summary(view: MessageView): string {
  const body = view.text ?? view.caption ?? (view.photo ? "[photo]" : view.document ? "[document]" : "[message]");
  const flags = [view.deleted ? "deleted" : "", view.editCount > 0 ? "edited" : ""].filter(Boolean).join(", ");
  return `#${view.messageId} ${JSON.stringify(body)}${flags ? ` (${flags})` : ""}`;
}

// === Driver

/**
 * Lets a test act as Telegram's users around one bot: create users and chats, send text,
 * commands, photos, albums and files, press buttons, and read or wait for what the bot sent.
 *
 * @example
 * const user = emulator.driver.createUser({ firstName: "Lan" });
 * await emulator.driver.sendCommand(user.id, "start");
 * const reply = await emulator.driver.waitForBotMessage(user.id);
 */
export class Driver {
  // Messages a wait already handed out, so each bot message is returned once.
  private readonly consumed = new Set<MessageRecord>();

  constructor(
    private readonly state: EmulatorState,
    /** Token of the bot this driver talks to. */
    readonly token: string,
  ) {}

  /** The bot's own User object. */
  get botUser(): TgUser {
    return { ...this.botRecord.user };
  }

  private get botRecord(): BotRecord {
    return this.state.bot(this.token);
  }

  // === Users and chats

  /** Creates a test user with a private chat (its id is the user's id). */
  createUser(options: CreateUserOptions = {}): TgUser {
    return { ...this.state.createUser(options) };
  }

  /** Creates a group, supergroup or channel with its creator, admins, members and the bot. */
  createChat(options: CreateChatOptions): TgChat {
    const record = this.state.createChat(options);
    if (options.creator !== undefined) record.members.set(this.requireUser(options.creator).id, "creator");
    for (const id of options.admins ?? []) record.members.set(this.requireUser(id).id, "administrator");
    for (const id of options.members ?? []) if (!record.members.has(id)) record.members.set(this.requireUser(id).id, "member");
    record.members.set(this.botRecord.user.id, options.bot ?? (options.type === "channel" ? "administrator" : "member"));
    return chatJson(record);
  }

  /** Sets a user's status in a group (join, leave, promote, ban...). */
  setMemberStatus(chatId: number, userId: number, status: MemberStatus): void {
    this.requireUser(userId);
    this.chatRecord(chatId).members.set(userId, status);
  }

  /** A member's status in a chat ("left" when never there). */
  memberStatus(chatId: number, userId: number): MemberStatus {
    return this.chatRecord(chatId).members.get(userId) ?? "left";
  }

  /** Adds the bot to a group or channel (or promotes it), sending it a my_chat_member update. */
  addBotToChat(chatId: number, options: { status?: "member" | "administrator"; by?: number } = {}): void {
    this.changeBotStatus(chatId, options.status ?? "member", options.by);
  }

  /** Removes the bot from a group or channel (kicked: banned), sending it a my_chat_member update. */
  removeBotFromChat(chatId: number, options: { kicked?: boolean; by?: number } = {}): void {
    this.changeBotStatus(chatId, options.kicked ? "kicked" : "left", options.by);
  }

  /** The user blocks the bot: sends then fail with 403 "bot was blocked by the user". */
  blockBot(userId: number): void {
    this.requireUser(userId);
    if (this.botRecord.blockedBy.has(userId)) return;
    this.botRecord.blockedBy.add(userId);
    this.pushMemberUpdate(this.chatRecord(userId), userId, "member", "kicked");
  }

  /** The user unblocks the bot. */
  unblockBot(userId: number): void {
    if (!this.botRecord.blockedBy.delete(userId)) return;
    this.pushMemberUpdate(this.chatRecord(userId), userId, "kicked", "member");
  }

  private changeBotStatus(chatId: number, status: MemberStatus, by: number | undefined): void {
    const record = this.chatRecord(chatId);
    if (record.chat.type === "private") throw new Error("Use blockBot/unblockBot for private chats");
    const botId = this.botRecord.user.id;
    const old = record.members.get(botId) ?? "left";
    record.members.set(botId, status);
    const actor = by ?? [...record.members].find(([, s]) => s === "creator")?.[0] ?? [...this.state.users.keys()][0];
    if (actor === undefined) throw new Error("Create a user first: a chat member update needs someone who made the change");
    this.pushMemberUpdate(record, actor, old, status);
  }

  private pushMemberUpdate(record: ChatRecord, actorId: number, old: MemberStatus, next: MemberStatus): void {
    const bot = this.botRecord;
    bot.updates.push({
      my_chat_member: {
        chat: chatJson(record),
        from: { ...this.requireUser(actorId) },
        date: unixTime(),
        old_chat_member: chatMemberJson(bot.user, old, record.chat),
        new_chat_member: chatMemberJson(bot.user, next, record.chat),
      },
    });
  }

  // === Acting as a user

  /** The user sends text (automatic entities such as /commands, links and @mentions are added). */
  sendText(userId: number, text: string, options: SendOptions & { entities?: TgMessageEntity[] } = {}): TgMessage {
    const formatted = formatText(text, undefined, options.entities);
    if (formatted.text === "") throw new Error("Telegram does not send empty messages");
    return this.postUserMessage(userId, options, {
      text: formatted.text,
      ...(formatted.entities.length > 0 ? { entities: formatted.entities } : {}),
    });
  }

  /** The user sends a command, e.g. `sendCommand(id, "start", { payload: "ref42" })` for a deep link. */
  sendCommand(userId: number, command: string, options: SendOptions & { payload?: string; mention?: boolean } = {}): TgMessage {
    const name = `/${command.replace(/^\//, "")}${options.mention ? `@${this.botRecord.user.username}` : ""}`;
    const text = options.payload ? `${name} ${options.payload}` : name;
    const entities: TgMessageEntity[] = [{ type: "bot_command", offset: 0, length: name.length }];
    return this.postUserMessage(userId, options, { text, entities });
  }

  /** The user sends a photo (bytes of a PNG/JPEG; other bytes get a default size). */
  sendPhoto(userId: number, bytes: Uint8Array, options: SendOptions & { caption?: string; fileName?: string } = {}): TgMessage {
    const photo = this.state.files.putPhoto({ bytes: Buffer.from(bytes), ...(options.fileName ? { fileName: options.fileName } : {}) });
    return this.postUserMessage(userId, options, { photo, ...this.userCaption(options.caption) });
  }

  /** The user sends an album: one message (and one update) per item, sharing a media_group_id. */
  sendAlbum(userId: number, items: AlbumItem[], options: SendOptions = {}): TgMessage[] {
    if (items.length < 2 || items.length > 10) throw new Error("An album holds 2-10 items");
    const mediaGroupId = String(randomInt(1e12, 9e12));
    return items.map((item) => {
      const upload = { bytes: Buffer.from(item.bytes), ...(item.fileName ? { fileName: item.fileName } : {}), ...(item.mimeType ? { mimeType: item.mimeType } : {}) };
      const media = item.type === "document" ? { document: this.documentOf(upload) } : { photo: this.state.files.putPhoto(upload) };
      return this.postUserMessage(userId, options, { ...media, media_group_id: mediaGroupId, ...this.userCaption(item.caption) });
    });
  }

  /** The user sends a file as a document. */
  sendDocument(userId: number, bytes: Uint8Array, options: SendOptions & { fileName?: string; mimeType?: string; caption?: string } = {}): TgMessage {
    const upload = { bytes: Buffer.from(bytes), fileName: options.fileName ?? "file.bin", mimeType: options.mimeType ?? "application/octet-stream" };
    return this.postUserMessage(userId, options, { document: this.documentOf(upload), ...this.userCaption(options.caption) });
  }

  /** The user sends a (static) sticker. */
  sendSticker(userId: number, options: SendOptions & { emoji?: string; bytes?: Uint8Array } = {}): TgMessage {
    const file = this.state.files.put("sticker", { bytes: Buffer.from(options.bytes ?? new Uint8Array(16)), mimeType: "image/webp" }, { width: 512, height: 512 });
    return this.postUserMessage(userId, options, {
      sticker: {
        file_id: file.fileId,
        file_unique_id: file.uniqueId,
        type: "regular",
        width: 512,
        height: 512,
        is_animated: false,
        is_video: false,
        file_size: file.bytes.length,
        ...(options.emoji ? { emoji: options.emoji } : {}),
      },
    });
  }

  /** The user sends a voice note. */
  sendVoice(userId: number, bytes: Uint8Array, options: SendOptions & { duration?: number; caption?: string } = {}): TgMessage {
    const file = this.state.files.put("voice", { bytes: Buffer.from(bytes), mimeType: "audio/ogg" });
    return this.postUserMessage(userId, options, {
      voice: { file_id: file.fileId, file_unique_id: file.uniqueId, duration: options.duration ?? 1, mime_type: "audio/ogg", file_size: file.bytes.length },
      ...this.userCaption(options.caption),
    });
  }

  /**
   * The user presses an inline button, found by its text or callback_data. Creates a
   * callback_query update and returns the query's id (see {@link waitForCallbackAnswer}).
   */
  pressButton(userId: number, options: PressOptions): string {
    const chatId = options.chatId ?? userId;
    const conversation = this.state.conversationKey(this.token, this.chatRecord(chatId).chat);
    const matches = (b: { text: string; callback_data?: string }) =>
      (options.text === undefined || b.text === options.text) && (options.data === undefined || b.callback_data === options.data);
    const candidates = this.state
      .conversationMessages(conversation)
      .filter((r) => !r.deleted && r.sentByBot === this.token && (options.messageId === undefined || r.message.message_id === options.messageId));
    const record = [...candidates].reverse().find((r) => inlineButtons(r.message.reply_markup).some(matches));
    const button = record ? inlineButtons(record.message.reply_markup).find(matches) : undefined;
    if (!record || !button) {
      const seen = candidates.flatMap((r) => inlineButtons(r.message.reply_markup).map((b) => `#${r.message.message_id} ${JSON.stringify(b.text)}${b.callback_data ? ` (${b.callback_data})` : ""}`));
      throw new Error(`No button ${JSON.stringify(options.text ?? options.data)} in chat ${chatId}. Buttons present: ${seen.join(", ") || "none"}`);
    }
    if (button.callback_data === undefined) throw new Error(`Button ${JSON.stringify(button.text)} sends nothing to the bot (it has no callback_data)`);
    return this.sendCallbackQuery(userId, { chatId, messageId: record.message.message_id, data: button.callback_data });
  }

  /** Sends a callback query with any data, as a modified client could (no button needs to exist). */
  sendCallbackQuery(userId: number, options: { chatId?: number; messageId: number; data: string }): string {
    const user = this.requireUser(userId);
    const chatId = options.chatId ?? userId;
    const record = this.chatRecord(chatId);
    const message = this.state.findMessage(this.state.conversationKey(this.token, record.chat), options.messageId);
    if (!message || message.deleted) throw new Error(`No message ${options.messageId} in chat ${chatId}`);
    const id = String(randomInt(1e12, 2e14));
    const query: CallbackRecord = { id, token: this.token, userId, chatId, messageId: options.messageId, data: options.data };
    this.state.callbacks.set(id, query);
    this.botRecord.updates.push({
      callback_query: {
        id,
        from: { ...user },
        message: structuredClone(message.message),
        chat_instance: String(Math.abs(chatId) * 7919 + 104729),
        data: options.data,
      },
    });
    return id;
  }

  /** Waits until the bot answers a callback query; returns the answer (text, show_alert, url). */
  async waitForCallbackAnswer(queryId: string, options: { timeout?: number } = {}): Promise<NonNullable<CallbackRecord["answer"]>> {
    return this.waitUntil(
      () => this.state.callbacks.get(queryId)?.answer,
      options.timeout,
      () => `The bot did not answer callback query ${queryId}`,
    );
  }

  /** The answer a callback query got, if any. */
  callbackAnswer(queryId: string): CallbackRecord["answer"] {
    return this.state.callbacks.get(queryId)?.answer;
  }

  private userCaption(caption: string | undefined): Partial<TgMessage> {
    if (caption === undefined) return {};
    const formatted = formatText(caption);
    return { caption: formatted.text, ...(formatted.entities.length > 0 ? { caption_entities: formatted.entities } : {}) };
  }

  private documentOf(upload: { bytes: Buffer; fileName?: string; mimeType?: string }): NonNullable<TgMessage["document"]> {
    const file = this.state.files.put("document", upload);
    return {
      file_id: file.fileId,
      file_unique_id: file.uniqueId,
      ...(file.fileName ? { file_name: file.fileName } : {}),
      ...(file.mimeType ? { mime_type: file.mimeType } : {}),
      file_size: file.bytes.length,
    };
  }

  private postUserMessage(userId: number, options: SendOptions, content: Partial<TgMessage>): TgMessage {
    const user = this.requireUser(userId);
    const record = this.chatRecord(options.chatId ?? userId);
    const chat = chatJson(record);
    if (chat.type === "private") {
      if (chat.id !== userId) throw new Error(`User ${userId} can't write in the private chat of user ${chat.id}`);
      this.unblockBot(userId);
    } else if (!isPresent(record.members.get(userId))) {
      throw new Error(`User ${userId} is not a member of chat ${chat.id}`);
    }
    const conversation = this.state.conversationKey(this.token, chat);
    const replyTo = options.replyTo !== undefined ? this.state.findMessage(conversation, options.replyTo) : undefined;
    if (options.replyTo !== undefined && !replyTo) throw new Error(`No message ${options.replyTo} to reply to in chat ${chat.id}`);
    const sender = chat.type === "channel" ? { sender_chat: chat } : { from: { ...user } };
    const stored = this.state.addMessage(conversation, (messageId) => ({
      message_id: messageId,
      ...sender,
      chat,
      date: unixTime(),
      ...(replyTo ? { reply_to_message: stripReply(replyTo.message) } : {}),
      ...content,
    }));
    const kind = chat.type === "channel" ? "channel_post" : "message";
    for (const bot of this.recipients(record)) bot.updates.push({ [kind]: structuredClone(stored.message) });
    return structuredClone(stored.message);
  }

  /** Bots that receive what is said in a chat: the driver's bot in private, every present bot elsewhere. */
  private recipients(record: ChatRecord): BotRecord[] {
    if (record.chat.type === "private") return [this.botRecord];
    return [...this.state.bots.values()].filter((bot) => isPresent(record.members.get(bot.user.id)));
  }

  // === Reading what the bot did

  /** Messages the bot sent to a chat, oldest first (deleted ones too, marked). */
  botMessages(chatId: number): MessageView[] {
    return this.records(chatId).filter((r) => r.sentByBot === this.token).map(viewOf);
  }

  /** Every message of the chat as this bot's conversation holds it: users' and bots'. */
  chatMessages(chatId: number): MessageView[] {
    return this.records(chatId).map(viewOf);
  }

  /**
   * Waits for the next bot message in a chat that no earlier wait returned (and that matches
   * `predicate`). Fails after `timeout` ms listing what the bot did send.
   */
  async waitForBotMessage(chatId: number, options: WaitOptions = {}): Promise<MessageView> {
    const record = await this.waitUntil(
      () => this.records(chatId).find((r) => r.sentByBot === this.token && !this.consumed.has(r) && (!options.predicate || options.predicate(viewOf(r)))),
      options.timeout,
      () => {
        const sent = this.botMessages(chatId).map(summary);
        return `No new bot message in chat ${chatId}${options.predicate ? " matching the predicate" : ""}. The bot sent: ${sent.length > 0 ? sent.join("; ") : "nothing"}`;
      },
    );
    this.consumed.add(record);
    return viewOf(record);
  }

  /** Waits for the next `count` bot messages of a chat (see {@link waitForBotMessage}). */
  async waitForBotMessages(chatId: number, count: number, options: WaitOptions = {}): Promise<MessageView[]> {
    const timeout = options.timeout ?? defaultTimeoutMs;
    const deadline = Date.now() + timeout;
    const views: MessageView[] = [];
    for (let i = 0; i < count; i += 1) {
      try {
        views.push(await this.waitForBotMessage(chatId, { ...options, timeout: Math.max(1, deadline - Date.now()) }));
      } catch (error) {
        throw new Error(`Expected ${count} bot messages in chat ${chatId} within ${timeout} ms, got ${views.length}. ${(error as Error).message}`);
      }
    }
    return views;
  }

  /** Waits until `check` returns something other than undefined, re-checking on every emulator event. */
  async waitUntil<T>(check: () => T | undefined, timeout = defaultTimeoutMs, failure: () => string = () => "Condition not met"): Promise<T> {
    const first = check();
    if (first !== undefined) return first;
    const events = stateEvents;
    return new Promise<T>((resolve, reject) => {
      const stop = (): void => {
        clearTimeout(timer);
        for (const event of events) this.state.events.off(event, onEvent);
      };
      const onEvent = (): void => {
        const value = check();
        if (value !== undefined) {
          stop();
          resolve(value);
        }
      };
      const timer = setTimeout(() => {
        stop();
        reject(new Error(`Timed out after ${timeout} ms. ${failure()}`));
      }, timeout);
      for (const event of events) this.state.events.on(event, onEvent);
    });
  }

  /** Commands the bot set for a scope and language (exact match, as getMyCommands). */
  commands(options: { scope?: Record<string, unknown>; languageCode?: string } = {}): TgBotCommand[] {
    return [...(this.botRecord.commands.get(commandsKey(options.scope, options.languageCode)) ?? [])];
  }

  /** Chat actions (sendChatAction) the bot showed, optionally in one chat. */
  chatActions(chatId?: number): string[] {
    return this.state.chatActions.filter((a) => a.token === this.token && (chatId === undefined || a.chatId === chatId)).map((a) => a.action);
  }

  /** Every Bot API call this bot made (method, params, result or error), oldest first. */
  calls(filter: { method?: string } = {}): CallRecord[] {
    return this.state.calls.filter((c) => c.token === this.token && (filter.method === undefined || c.method === filter.method));
  }

  /** Empties the call log. */
  clearCalls(): void {
    this.state.calls = this.state.calls.filter((c) => c.token !== this.token);
  }

  // === Faults and limits

  /** Makes upcoming calls of this bot fail; see {@link FaultSpec}. Returns the fault's id. */
  injectFault(fault: FaultSpec): number {
    return this.state.faults.inject({ token: this.token, ...fault });
  }

  /** Removes all injected faults and lets hung requests go on. */
  clearFaults(): void {
    this.state.faults.clear();
  }

  /** Turns content limits and rate limits on or off (`rate: true` means Telegram's limits). */
  setLimits(limits: { content?: boolean; rate?: boolean | Partial<RateLimitConfig> }): LimitsConfig {
    if (limits.content !== undefined) this.state.limits.content = limits.content;
    if (limits.rate !== undefined) {
      this.state.limits.rate = limits.rate === false ? false : { ...telegramRateLimits, ...(limits.rate === true ? {} : limits.rate) };
      this.state.rateLimiter.reset();
    }
    return { ...this.state.limits };
  }

  // === Lookups

  private records(chatId: number): MessageRecord[] {
    return this.state.conversationMessages(this.state.conversationKey(this.token, this.chatRecord(chatId).chat));
  }

  private chatRecord(chatId: number): ChatRecord {
    const record = this.state.chats.get(chatId);
    if (!record) throw new Error(`No chat ${chatId}: create it with createUser or createChat first`);
    return record;
  }

  private requireUser(userId: number): TgUser {
    const user = this.state.users.get(userId);
    if (!user) throw new Error(`No user ${userId}: create it with createUser first`);
    return user;
  }
}

function stripReply(message: TgMessage): TgMessage {
  const { reply_to_message: _nested, ...rest } = message;
  return structuredClone(rest);
}
