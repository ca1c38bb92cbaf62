// Acting as the people who write to a Zalo bot: each action becomes an update in the Bot
// Platform's shape, queued for getUpdates or POSTed to the bot's webhook with the
// X-Bot-Api-Secret-Token header. In a group only an @mention of the bot or a reply to one of
// its messages reaches it, as on Zalo. Waiting helpers read what the bot sent back.
import type { BotState, BotUpdate, SentBotMessage } from "./state";

/** What became of an action. */
export interface BotDeliveryResult {
  /** False when Zalo would not pass it to the bot (a group message without mention or reply). */
  delivered: boolean;
  /** The webhook's HTTP answer, in webhook mode. */
  status?: number;
  /** The exact update (to deliver it again). */
  update: BotUpdate;
}

/**
 * Drives the emulator as its users.
 *
 * ```ts
 * const lan = bot.driver.createUser("Lan");
 * await bot.driver.sendText(lan.id, "/start");
 * const reply = await bot.driver.waitForMessage(lan.id);
 * ```
 */
export class BotDriver {
  /** Set by the server: the base of the CDN links in updates. */
  cdnRoot = "";
  private files = 0;
  private readonly read = new Map<string, number>();

  constructor(readonly state: BotState) {}

  createUser(name: string, options: { protected?: boolean } = {}) {
    return this.state.createUser(name, options);
  }

  createGroup(title: string, memberIds: string[]) {
    return this.state.createGroup(title, memberIds);
  }

  // === Delivering

  /**
   * Hands an update to the bot: queued for getUpdates, or POSTed to the webhook with the secret
   * (`secret` replaces it, null sends none; `body` replaces the serialised update).
   */
  async deliver(update: BotUpdate, options: { secret?: string | null; body?: string } = {}): Promise<BotDeliveryResult> {
    const webhook = this.state.webhook;
    if (!webhook) {
      this.state.enqueue(update);
      return { delivered: true, update };
    }
    const secret = options.secret === undefined ? webhook.secret : options.secret;
    const body = options.body ?? JSON.stringify(this.state.options.wrapWebhookBody ? { ok: true, result: update } : update);
    const response = await fetch(webhook.url, {
      method: "POST",
      headers: { "content-type": "application/json", ...(secret === null ? {} : { "x-bot-api-secret-token": secret }) },
      body,
      signal: AbortSignal.timeout(10_000),
    });
    await response.arrayBuffer();
    this.state.deliveries.push({ eventName: update.event_name, status: response.status });
    return { delivered: response.ok, status: response.status, update };
  }

  private update(eventName: string, userId: string, chat: { id: string; chat_type: "PRIVATE" | "GROUP" }, content: Record<string, unknown>): BotUpdate {
    const user = this.state.users.get(userId);
    if (!user) throw new Error(`No Zalo bot user ${userId}`);
    const protectedUser = user.protected && eventName !== "message.unsupported.received";
    return {
      event_name: protectedUser ? "message.unsupported.received" : eventName,
      message: {
        message_id: this.state.nextId(),
        date: Date.now(),
        from: { id: user.id, display_name: user.displayName, is_bot: false },
        chat,
        // A protected account's content never reaches the bot.
        ...(protectedUser ? {} : content),
      },
    };
  }

  private direct(eventName: string, userId: string, content: Record<string, unknown>): Promise<BotDeliveryResult> {
    return this.deliver(this.update(eventName, userId, { id: userId, chat_type: "PRIVATE" }, content));
  }

  /** A file on the emulator's CDN, as Zalo's temporary links. */
  host(bytes: Buffer, mimeType: string, ext: string): string {
    const name = `p${++this.files}.${ext}`;
    this.state.files.set(name, { bytes, mimeType });
    return `${this.cdnRoot}/cdn/${name}`;
  }

  // === What people do

  sendText(userId: string, text: string): Promise<BotDeliveryResult> {
    return this.direct("message.text.received", userId, { text });
  }

  /** A photo (its URL in `photo`), with an optional caption. */
  sendPhoto(userId: string, bytes: Buffer, caption?: string): Promise<BotDeliveryResult> {
    const png = bytes[0] === 0x89;
    const url = this.host(bytes, png ? "image/png" : "image/jpeg", png ? "png" : "jpg");
    return this.direct("message.image.received", userId, { photo: url, ...(caption ? { caption } : {}) });
  }

  sendSticker(userId: string): Promise<BotDeliveryResult> {
    return this.direct("message.sticker.received", userId, { sticker: "9c6e1f2a", url: `${this.cdnRoot}/cdn/sticker` });
  }

  sendVoice(userId: string): Promise<BotDeliveryResult> {
    return this.direct("message.voice.received", userId, { voice_url: this.host(Buffer.from([0xff, 0xf1, 0x50]), "audio/aac", "aac") });
  }

  /**
   * A member's text in a group. Zalo passes it on only with an @mention of the bot (written at
   * the start, as Zalo's composer puts it) or as a reply to one of the bot's messages; anything
   * else never reaches the bot.
   */
  async sendGroupText(groupId: string, userId: string, text: string, how: { mention?: boolean; reply?: boolean } = {}): Promise<BotDeliveryResult> {
    const group = this.state.groups.get(groupId);
    if (!group) throw new Error(`No Zalo bot group ${groupId}`);
    const written = how.mention ? `@${this.state.options.displayName} ${text}` : text;
    const update = this.update("message.text.received", userId, { id: groupId, chat_type: "GROUP" }, { text: written });
    if (!how.mention && !how.reply) return { delivered: false, update };
    return this.deliver(update);
  }

  // === Reading what the bot sent

  /** The next message to a chat not read yet through this method, waiting for it. */
  async waitForMessage(chatId: string, options: { timeoutMs?: number; match?: (m: SentBotMessage) => boolean } = {}): Promise<SentBotMessage> {
    const deadline = Date.now() + (options.timeoutMs ?? 10_000);
    for (;;) {
      const all = this.state.sentTo(chatId);
      let seen = this.read.get(chatId) ?? 0;
      while (seen < all.length) {
        const message = all[seen]!;
        seen += 1;
        this.read.set(chatId, seen);
        if (!options.match || options.match(message)) return message;
      }
      if (Date.now() > deadline) {
        const last = all.slice(-3).map((m) => JSON.stringify(m.text.slice(0, 120)));
        throw new Error(`No new Zalo bot message to ${chatId} within the wait; last ones: ${last.join(", ") || "none"}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  /** Marks everything sent to `chatId` so far as read. */
  skip(chatId: string): void {
    this.read.set(chatId, this.state.sentTo(chatId).length);
  }
}
