// The Zalo Bot Platform emulator's world: the bot and its token, the people and groups that
// write to it, the updates waiting for getUpdates (or the webhook they go to), what the bot
// sent, its monthly quota and the faults a test asks for. The HTTP side (server.ts) and the
// driver (driver.ts) act on this.
import { createHash, randomBytes } from "node:crypto";

// === Records

/** A person who writes to the bot. Ids are opaque hex strings, not the OA's or zca-js's. */
export interface BotUser {
  id: string;
  displayName: string;
  /** A protected account (a minor): Zalo sends message.unsupported.received instead of the content. */
  protected: boolean;
}

/** A group the bot was added to (beta): it hears only @mentions and replies to its messages. */
export interface BotGroup {
  id: string;
  title: string;
  memberIds: string[];
}

/** One update as getUpdates returns it and the webhook posts it (flat). */
export interface BotUpdate {
  event_name: string;
  message: Record<string, unknown> & { message_id: string; date: number; from: { id: string; display_name: string; is_bot: boolean }; chat: { id: string; chat_type: "PRIVATE" | "GROUP" } };
}

/** Something the bot sent. */
export interface SentBotMessage {
  messageId: string;
  chatId: string;
  kind: "text" | "photo" | "sticker" | "voice";
  /** The text, or the photo's caption ("" when none). */
  text: string;
  parseMode?: string;
  /** What Zalo fetched from the photo URL when the bot sent it. */
  photo?: { url: string; bytes: Buffer; mimeType: string };
  date: number;
}

/** A fault a test asked for: the next `times` calls of `method` (or any sending method) fail. */
export interface BotFault {
  code: number;
  description: string;
  method?: string;
  times: number;
}

/** One webhook delivery as the bot answered it. */
export interface BotDelivery {
  eventName: string;
  status: number;
}

/** The descriptions Zalo gives its error codes (its error-code page). */
export const botErrorDescriptions: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Internal server error",
  404: "Not Found",
  408: "Request timeout",
  429: "Quota exceeded",
};

// === State

/** Settings of the emulated bot. */
export interface BotStateOptions {
  /** `numeric_id:secret`, as Bot Creator hands it out. */
  token: string;
  /** The bot's name as people see it (must start with "Bot"). */
  displayName: string;
  /** Messages the bot may send in a month (the free tier's 3,000); beyond it, 429. */
  monthlyQuota: number;
  /** Post webhook bodies wrapped in `{ok, result}` as the docs show, instead of flat as observed live. */
  wrapWebhookBody: boolean;
  /** A photo link people send works for one download only (Zalo's links are temporary). */
  singleUseLinks: boolean;
}

/** The emulator's whole state; plain data plus the rules. */
export class BotState {
  readonly options: BotStateOptions;
  readonly users = new Map<string, BotUser>();
  readonly groups = new Map<string, BotGroup>();
  /** Updates waiting for getUpdates, oldest first. */
  readonly queue: BotUpdate[] = [];
  readonly sent: SentBotMessage[] = [];
  readonly chatActions: { chatId: string; action: string; at: number }[] = [];
  readonly faults: BotFault[] = [];
  readonly deliveries: BotDelivery[] = [];
  /** Files people sent, served as Zalo's temporary CDN links. */
  readonly files = new Map<string, { bytes: Buffer; mimeType: string }>();
  webhook: { url: string; secret: string; updatedAt: number } | null = null;
  /** Messages sent this month (counts toward `monthlyQuota`). */
  used = 0;
  /** getUpdates calls in flight now, and the most ever at once (a token allows one poller). */
  polling = 0;
  maxConcurrentPolls = 0;
  /** Every method called, in order (the token never recorded). */
  readonly calls: string[] = [];
  private counter = 0;
  private readonly waiters = new Set<() => void>();

  constructor(options: BotStateOptions) {
    this.options = options;
  }

  /** The bot's own numeric id (the part of the token before ":"). */
  get botId(): string {
    return this.options.token.split(":")[0]!;
  }

  /** A fresh 20-hex-character id, the shape of Zalo's ids in the docs. */
  nextId(prefix = ""): string {
    return prefix + createHash("sha1").update(`zbot-${++this.counter}-${randomBytes(4).toString("hex")}`).digest("hex").slice(0, 20);
  }

  createUser(displayName: string, options: { protected?: boolean } = {}): BotUser {
    const user: BotUser = { id: this.nextId(), displayName, protected: options.protected ?? false };
    this.users.set(user.id, user);
    return user;
  }

  createGroup(title: string, memberIds: string[]): BotGroup {
    const group: BotGroup = { id: this.nextId("zgr-"), title, memberIds: [...memberIds] };
    this.groups.set(group.id, group);
    return group;
  }

  /** Whether the bot can write to `chatId`: a person who wrote to it, or a group it is in. */
  knowsChat(chatId: string): boolean {
    return this.users.has(chatId) || this.groups.has(chatId);
  }

  // === Updates

  /** Queues an update for getUpdates and wakes a waiting poller. */
  enqueue(update: BotUpdate): void {
    this.queue.push(update);
    for (const wake of this.waiters) wake();
  }

  /** The next update, waiting up to `timeoutMs` for one; null when none came (Zalo's 408). */
  async nextUpdate(timeoutMs: number, signal: AbortSignal): Promise<BotUpdate | null> {
    const deadline = Date.now() + timeoutMs;
    while (!signal.aborted) {
      const update = this.queue.shift();
      if (update) return update;
      const left = deadline - Date.now();
      if (left <= 0) return null;
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          this.waiters.delete(done);
          signal.removeEventListener("abort", done);
          resolve();
        };
        const timer = setTimeout(done, left);
        this.waiters.add(done);
        signal.addEventListener("abort", done);
      });
    }
    return null;
  }

  // === Sending

  /** Takes the fault that applies to a call of `method`, if any. */
  takeFault(method: string): BotFault | undefined {
    const at = this.faults.findIndex((f) => f.method === undefined || f.method === method);
    if (at < 0) return undefined;
    const fault = this.faults[at]!;
    fault.times -= 1;
    if (fault.times <= 0) this.faults.splice(at, 1);
    return fault;
  }

  /** Counts a message against the month's quota; false when the quota is used up (429). */
  spendQuota(): boolean {
    if (this.used >= this.options.monthlyQuota) return false;
    this.used += 1;
    return true;
  }

  record(message: Omit<SentBotMessage, "messageId" | "date">): SentBotMessage {
    const full: SentBotMessage = { ...message, messageId: this.nextId(), date: Date.now() };
    this.sent.push(full);
    return full;
  }

  /** What the bot sent to a chat, in order. */
  sentTo(chatId: string): SentBotMessage[] {
    return this.sent.filter((m) => m.chatId === chatId);
  }
}
