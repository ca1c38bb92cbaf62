import { EventEmitter } from "node:events";
import { randomBytes } from "node:crypto";
import { badRequest, type ResponseParameters } from "./errors";
import { FaultInjector } from "./faults";
import { FileStore } from "./files";
import { RateLimiter, defaultLimits, type LimitsConfig } from "./limits";
import type { BotApiSpec } from "./spec";
import { UpdateQueue } from "./updates";
import type { ChatType, TgBotCommand, TgChat, TgMessage, TgUser } from "./types";

// === Records

/** Membership statuses Telegram reports in ChatMember.status. */
export type MemberStatus = "creator" | "administrator" | "member" | "restricted" | "left" | "kicked";

/** A chat and who is in it (users and bots alike, by user id). */
export interface ChatRecord {
  chat: TgChat;
  members: Map<number, MemberStatus>;
  description?: string;
}

/** Where a bot's webhook points and how its last delivery went. */
export interface WebhookState {
  url: string;
  secretToken?: string;
  maxConnections: number;
  lastErrorDate?: number;
  lastErrorMessage?: string;
}

/** One bot of the emulator: its identity, update queue, webhook and per-scope commands. */
export interface BotRecord {
  token: string;
  user: TgUser;
  updates: UpdateQueue;
  webhook?: WebhookState;
  /** The running webhook delivery while a webhook is set. */
  delivery?: { kick(): void; stop(): void };
  /** Commands keyed by scope key and language code, see {@link commandsKey}. */
  commands: Map<string, TgBotCommand[]>;
  /** Users who blocked this bot. */
  blockedBy: Set<number>;
}

/** A message as the emulator keeps it: the live Bot API object plus bookkeeping. */
export interface MessageRecord {
  message: TgMessage;
  /** Token of the bot that sent it; undefined for messages from users. */
  sentByBot?: string;
  deleted: boolean;
  /** A reply keyboard (or its removal / force_reply) sent with the message; not part of Message. */
  replyKeyboard?: unknown;
  /** Which conversation the message belongs to, see {@link EmulatorState.conversationKey}. */
  conversation: string;
  /** How many times the message was edited. */
  editCount: number;
}

/** A callback query a test user created, and how the bot answered it. */
export interface CallbackRecord {
  id: string;
  token: string;
  userId: number;
  chatId: number;
  messageId: number;
  data?: string;
  answer?: { text?: string; show_alert?: boolean; url?: string; cache_time?: number };
}

/** One Bot API call as the emulator saw it, for tests that check what a bot did. */
export interface CallRecord {
  seq: number;
  at: number;
  token: string;
  method: string;
  params: Record<string, unknown>;
  ok: boolean;
  result?: unknown;
  error?: { error_code: number; description: string; parameters?: ResponseParameters };
}

/** A chat action (sendChatAction) a bot showed. */
export interface ChatActionRecord {
  token: string;
  chatId: number;
  action: string;
  at: number;
}

/** Options of one emulator's state that tests may tune. */
export interface StateOptions {
  spec: BotApiSpec;
  limits?: Partial<LimitsConfig>;
  /** Check every successful result against the spec and fail the call (500) when it does not match. */
  checkResponses?: boolean;
  /** Delay before a failed webhook delivery is retried, in ms. */
  webhookRetryMs?: number;
}

// === State

/** Seconds since the epoch, as every Bot API date is. */
export function unixTime(): number {
  return Math.floor(Date.now() / 1000);
}

/** Events the state emits: "message"/"edit" (MessageRecord), "callbackAnswer" (CallbackRecord), "call" (CallRecord), "webhook" (BotRecord, after a delivery attempt). */
export const stateEvents = ["message", "edit", "callbackAnswer", "call", "webhook"] as const;

/**
 * Everything one emulator knows: users, chats, bots, messages, files, callback queries,
 * the call log, limits and faults. Methods and the driver both work on it.
 */
export class EmulatorState {
  readonly spec: BotApiSpec;
  readonly files = new FileStore();
  readonly faults = new FaultInjector();
  readonly rateLimiter = new RateLimiter();
  readonly events = new EventEmitter();
  readonly users = new Map<number, TgUser>();
  readonly chats = new Map<number, ChatRecord>();
  readonly bots = new Map<string, BotRecord>();
  readonly callbacks = new Map<string, CallbackRecord>();
  readonly chatActions: ChatActionRecord[] = [];
  calls: CallRecord[] = [];
  limits: LimitsConfig;
  readonly checkResponses: boolean;
  readonly webhookRetryMs: number;
  private readonly messages = new Map<string, MessageRecord[]>();
  private nextUserId = 100_000_001;
  private nextGroupSeq = 1;
  private nextCallSeq = 1;
  private nextBotId = 7_000_000_001;

  constructor(options: StateOptions) {
    this.spec = options.spec;
    this.limits = { ...defaultLimits, ...options.limits };
    this.checkResponses = options.checkResponses ?? true;
    this.webhookRetryMs = options.webhookRetryMs ?? 1000;
    this.events.setMaxListeners(0);
  }

  // === Bots

  /** Registers a bot; the token's numeric prefix becomes the bot's user id, as in Telegram. */
  createBot(options: { token?: string; username?: string; firstName?: string } = {}): BotRecord {
    const token = options.token ?? `${this.nextBotId++}:AA${randomBytes(24).toString("base64url").slice(0, 33)}`;
    const id = Number(token.split(":")[0]);
    if (!/^\d+:[\w-]+$/.test(token) || !Number.isSafeInteger(id)) throw new Error(`Malformed bot token: ${token}`);
    if (this.bots.has(token)) throw new Error(`A bot with token ${token} exists already`);
    const user: TgUser = {
      id,
      is_bot: true,
      first_name: options.firstName ?? "Test Bot",
      username: options.username ?? `test_${id}_bot`,
      can_join_groups: true,
      can_read_all_group_messages: false,
      supports_inline_queries: false,
    };
    const bot: BotRecord = { token, user, updates: new UpdateQueue(), commands: new Map(), blockedBy: new Set() };
    this.bots.set(token, bot);
    return bot;
  }

  /** The bot with this token; throws for an unknown token. */
  bot(token: string): BotRecord {
    const bot = this.bots.get(token);
    if (!bot) throw new Error(`No bot with token ${token}`);
    return bot;
  }

  // === Users and chats

  /** Creates a test user and its private chat. */
  createUser(options: { id?: number; firstName?: string; lastName?: string; username?: string; languageCode?: string } = {}): TgUser {
    const id = options.id ?? this.nextUserId++;
    if (this.users.has(id)) throw new Error(`User ${id} exists already`);
    const user: TgUser = { id, is_bot: false, first_name: options.firstName ?? `User ${id}` };
    if (options.lastName) user.last_name = options.lastName;
    if (options.username) user.username = options.username;
    if (options.languageCode) user.language_code = options.languageCode;
    this.users.set(id, user);
    const chat: TgChat = { id, type: "private", first_name: user.first_name };
    if (user.last_name) chat.last_name = user.last_name;
    if (user.username) chat.username = user.username;
    this.chats.set(id, { chat, members: new Map([[id, "member"]]) });
    return user;
  }

  /** Creates a group, supergroup or channel with the given title and members. */
  createChat(options: { type: Exclude<ChatType, "private">; title: string; username?: string; description?: string }): ChatRecord {
    const seq = this.nextGroupSeq++;
    const id = options.type === "group" ? -(4_100_000_000 + seq) : -(1_002_100_000_000 + seq);
    const chat: TgChat = { id, type: options.type, title: options.title };
    if (options.username) chat.username = options.username;
    const record: ChatRecord = { chat, members: new Map() };
    if (options.description) record.description = options.description;
    this.chats.set(id, record);
    return record;
  }

  /** A user or bot by id. */
  userById(id: number): TgUser | undefined {
    return this.users.get(id) ?? [...this.bots.values()].find((b) => b.user.id === id)?.user;
  }

  /** Finds a chat by id or "@username"; throws Telegram's "chat not found". */
  resolveChat(chatId: unknown): ChatRecord {
    let record: ChatRecord | undefined;
    if (typeof chatId === "number") record = this.chats.get(chatId);
    else if (typeof chatId === "string" && chatId.startsWith("@")) {
      const username = chatId.slice(1).toLowerCase();
      record = [...this.chats.values()].find((c) => c.chat.username?.toLowerCase() === username);
    } else if (typeof chatId === "string" && /^-?\d+$/.test(chatId)) record = this.chats.get(Number(chatId));
    if (!record) throw badRequest("chat not found");
    return record;
  }

  // === Messages

  /**
   * Private chats are separate per bot (each bot has its own dialogue with a user, with its
   * own message ids); groups and channels are one conversation that every member sees.
   */
  conversationKey(token: string, chat: TgChat): string {
    return chat.type === "private" ? `${this.bot(token).user.id}:${chat.id}` : String(chat.id);
  }

  /** Adds a message to a conversation, giving it the next message id of that conversation. */
  addMessage(conversation: string, build: (messageId: number) => TgMessage, extra: Partial<MessageRecord> = {}): MessageRecord {
    const list = this.messages.get(conversation) ?? [];
    this.messages.set(conversation, list);
    const messageId = (list[list.length - 1]?.message.message_id ?? 0) + 1;
    const record: MessageRecord = { message: build(messageId), deleted: false, conversation, editCount: 0, ...extra };
    list.push(record);
    this.events.emit("message", record);
    return record;
  }

  /** A message by conversation and id (deleted ones included). */
  findMessage(conversation: string, messageId: number): MessageRecord | undefined {
    return this.messages.get(conversation)?.find((m) => m.message.message_id === messageId);
  }

  /** Every message of a conversation, oldest first. */
  conversationMessages(conversation: string): MessageRecord[] {
    return this.messages.get(conversation) ?? [];
  }

  // === Call log

  /** Appends a call to the log. */
  logCall(call: Omit<CallRecord, "seq" | "at">): CallRecord {
    const record: CallRecord = { seq: this.nextCallSeq++, at: Date.now(), ...call };
    this.calls.push(record);
    this.events.emit("call", record);
    return record;
  }

  // === Reset

  /** Forgets users, chats, messages, files, callbacks, calls, faults and queued updates; bots stay. */
  reset(): void {
    this.users.clear();
    this.chats.clear();
    this.messages.clear();
    this.callbacks.clear();
    this.chatActions.length = 0;
    this.calls = [];
    this.files.clear();
    this.faults.clear();
    this.rateLimiter.reset();
    for (const bot of this.bots.values()) {
      bot.updates.dropAll();
      bot.commands.clear();
      bot.blockedBy.clear();
    }
  }
}

/** The key commands are stored under: the scope (normalised) and the language code. */
export function commandsKey(scope: Record<string, unknown> | undefined, languageCode: string | undefined): string {
  const type = typeof scope?.type === "string" ? scope.type : "default";
  const parts = [type];
  if (scope?.chat_id !== undefined) parts.push(`chat=${String(scope.chat_id)}`);
  if (scope?.user_id !== undefined) parts.push(`user=${String(scope.user_id)}`);
  return `${parts.join(";")}|${languageCode ?? ""}`;
}
