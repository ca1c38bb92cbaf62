// Acting as Zalo's users: each action becomes a webhook event in Zalo's shape, signed as Zalo
// signs it (X-ZEvent-Signature: "mac=" + sha256_hex(appId + rawBody + timestamp + OA secret
// key)) and POSTed to the bot. Waiting helpers read what the OA sent back.
import { createHash } from "node:crypto";
import { type OaState, type SentOaMessage } from "./state";

/** What the bot's webhook answered. */
export interface DeliveryResult {
  status: number;
  /** The event's `message.msg_id`, when it has one. */
  msgId?: string;
  /** The exact body posted (to deliver it again, or forge it). */
  body: string;
}

/** Zalo's webhook signature over the exact body. */
export function signWebhook(appId: string, rawBody: string, timestamp: string, oaSecretKey: string): string {
  return `mac=${createHash("sha256").update(appId + rawBody + timestamp + oaSecretKey, "utf8").digest("hex")}`;
}

/** An image or file a person sends: bytes the emulator serves from its CDN. */
export interface OaUpload {
  bytes: Buffer;
  mimeType?: string;
}

/**
 * Drives the emulator as its users: text, images (several in one event), stickers, files,
 * locations, links, follows, shared contact details and GMF group messages.
 *
 * ```ts
 * const lan = oa.driver.createUser("Lan");
 * await oa.driver.sendText(lan.userId, "/start");
 * const reply = await oa.driver.waitForMessage(lan.userId);
 * ```
 */
export class OaDriver {
  /** Where events go (the bot's webhook URL). */
  webhookUrl: string | undefined;
  /** Set by the server: the base of the CDN links in events. */
  cdnRoot = "";
  private files = 0;
  private readonly read = new Map<string, number>();

  constructor(readonly state: OaState) {}

  createUser(name: string, options: { follower?: boolean } = {}) {
    return this.state.createUser(name, options);
  }

  createGroup(name: string, memberIds: string[]) {
    return this.state.createGroup(name, memberIds);
  }

  // === Delivering

  /**
   * POSTs a raw body to the webhook with Zalo's headers; `signature` replaces the computed one
   * (a forgery), null sends none. Connection failures throw; any HTTP answer is returned.
   */
  async deliverRaw(body: string, options: { signature?: string | null; timestamp?: string } = {}): Promise<DeliveryResult> {
    if (!this.webhookUrl) throw new Error("No webhook URL set on the OA emulator");
    const parsed = JSON.parse(body) as { timestamp?: string; event_name?: string; message?: { msg_id?: string } };
    const timestamp = options.timestamp ?? parsed.timestamp ?? "";
    const { appId, oaSecretKey } = this.state.options;
    const signature = options.signature === undefined ? signWebhook(appId, body, timestamp, oaSecretKey) : options.signature;
    const response = await fetch(this.webhookUrl, {
      method: "POST",
      headers: { "content-type": "application/json", ...(signature === null ? {} : { "x-zevent-signature": signature }) },
      body,
      signal: AbortSignal.timeout(10_000),
    });
    await response.arrayBuffer();
    this.state.deliveries.push({ eventName: parsed.event_name ?? "", body, status: response.status });
    return { status: response.status, body, ...(parsed.message?.msg_id ? { msgId: parsed.message.msg_id } : {}) };
  }

  /** Builds, signs and delivers one event; a person's event also opens their window. */
  async deliver(event: Record<string, unknown>, userId?: string): Promise<DeliveryResult> {
    if (userId) this.state.touch(userId);
    const body = JSON.stringify({ app_id: this.state.options.appId, ...event, timestamp: String(this.state.now()) });
    return this.deliverRaw(body);
  }

  private userEvent(eventName: string, userId: string, message: Record<string, unknown>): Record<string, unknown> {
    return {
      event_name: eventName,
      user_id_by_app: `55${userId.slice(2)}`,
      sender: { id: userId },
      recipient: { id: this.state.options.oaId },
      message: { msg_id: this.state.nextMessageId(), ...message },
    };
  }

  /** A file on the emulator's CDN, as Zalo's temporary *.zdn.vn links. */
  host(bytes: Buffer, mimeType: string, ext: string): string {
    const name = `f${++this.files}.${ext}`;
    this.state.files.set(name, { bytes, mimeType });
    return `${this.cdnRoot}/cdn/${name}`;
  }

  // === What people do

  /** A text, or a quick-reply button press (its payload arrives as the text). */
  sendText(userId: string, text: string, options: { quoteMsgId?: string } = {}): Promise<DeliveryResult> {
    return this.deliver(this.userEvent("user_send_text", userId, { text, ...(options.quoteMsgId ? { quote_msg_id: options.quoteMsgId } : {}) }), userId);
  }

  /** Presses a quick-reply button of a message the OA sent: its payload comes back as text. */
  pressButton(userId: string, message: SentOaMessage, title: string): Promise<DeliveryResult> {
    const button = message.buttons.find((b) => b.title === title);
    if (!button || typeof button.payload !== "string") throw new Error(`No button "${title}" on the message`);
    return this.sendText(userId, button.payload);
  }

  /** Several images in one event (Zalo may bundle them; the bot must read them all). */
  sendImages(userId: string, images: Buffer[], text?: string): Promise<DeliveryResult> {
    const attachments = images.map((bytes) => {
      const png = bytes[0] === 0x89;
      const url = this.host(bytes, png ? "image/png" : "image/jpeg", png ? "png" : "jpg");
      return { type: "image", payload: { url, thumbnail: url } };
    });
    return this.deliver(this.userEvent("user_send_image", userId, { ...(text ? { text } : {}), attachments }), userId);
  }

  sendSticker(userId: string): Promise<DeliveryResult> {
    return this.deliver(this.userEvent("user_send_sticker", userId, { attachments: [{ type: "sticker", payload: { id: "9c6e1f", url: `${this.cdnRoot}/cdn/sticker` } }] }), userId);
  }

  sendAudio(userId: string): Promise<DeliveryResult> {
    const url = this.host(Buffer.from("#!AMR\n"), "audio/amr", "amr");
    return this.deliver(this.userEvent("user_send_audio", userId, { attachments: [{ type: "audio", payload: { url } }] }), userId);
  }

  sendFile(userId: string, name: string, bytes: Buffer): Promise<DeliveryResult> {
    const url = this.host(bytes, "application/octet-stream", name.split(".").pop() ?? "bin");
    return this.deliver(
      this.userEvent("user_send_file", userId, { attachments: [{ type: "file", payload: { url, name, size: String(bytes.length), checksum: createHash("md5").update(bytes).digest("hex"), type: name.split(".").pop() } }] }),
      userId,
    );
  }

  sendLocation(userId: string): Promise<DeliveryResult> {
    return this.deliver(this.userEvent("user_send_location", userId, { attachments: [{ type: "location", payload: { coordinates: { latitude: "10.77", longitude: "106.70" } } }] }), userId);
  }

  sendLink(userId: string, url: string): Promise<DeliveryResult> {
    return this.deliver(this.userEvent("user_send_link", userId, { attachments: [{ type: "link", payload: { url, thumbnail: "", description: url } }] }), userId);
  }

  follow(userId: string): Promise<DeliveryResult> {
    const user = this.state.users.get(userId);
    if (user) user.follower = true;
    return this.deliver({ event_name: "follow", oa_id: this.state.options.oaId, follower: { id: userId }, source: "oa_profile", user_id_by_app: `55${userId.slice(2)}` }, userId);
  }

  unfollow(userId: string): Promise<DeliveryResult> {
    const user = this.state.users.get(userId);
    if (user) user.follower = false;
    return this.deliver({ event_name: "unfollow", oa_id: this.state.options.oaId, follower: { id: userId }, source: "oa_profile" });
  }

  /** The answer to a request_user_info card (`phone` is a number starting with 84, as Zalo sends it). */
  submitInfo(userId: string, info: { name: string; phone: number }): Promise<DeliveryResult> {
    return this.deliver(
      { event_name: "user_submit_info", sender: { id: userId }, recipient: { id: this.state.options.oaId }, info: { ...info, address: "", ward: "", district: "", city: "" } },
      userId,
    );
  }

  /** A member's text in an OA-owned group: every message arrives, no mention needed. */
  sendGroupText(groupId: string, userId: string, text: string): Promise<DeliveryResult> {
    return this.deliver(
      { event_name: "user_send_group_text", oa_id: this.state.options.oaId, sender: { id: userId }, recipient: { id: groupId }, message: { msg_id: this.state.nextMessageId(), text } },
      userId,
    );
  }

  /** The OA's echo of its own message (the bot must ignore it). */
  echo(userId: string, text: string): Promise<DeliveryResult> {
    return this.deliver({ event_name: "oa_send_text", sender: { id: this.state.options.oaId }, recipient: { id: userId }, message: { msg_id: this.state.nextMessageId(), text } });
  }

  // === Reading what the OA sent

  /** The next message to a person or group not read yet through this method, waiting for it. */
  async waitForMessage(to: string, options: { timeoutMs?: number; match?: (m: SentOaMessage) => boolean } = {}): Promise<SentOaMessage> {
    const deadline = Date.now() + (options.timeoutMs ?? 10_000);
    for (;;) {
      const all = this.state.sentTo(to);
      let seen = this.read.get(to) ?? 0;
      while (seen < all.length) {
        const message = all[seen]!;
        seen += 1;
        this.read.set(to, seen);
        if (!options.match || options.match(message)) return message;
      }
      if (Date.now() > deadline) {
        const last = all.slice(-3).map((m) => JSON.stringify(m.text.slice(0, 120)));
        throw new Error(`No new OA message to ${to} within the wait; last ones: ${last.join(", ") || "none"}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  /** Marks everything sent to `to` so far as read. */
  skip(to: string): void {
    this.read.set(to, this.state.sentTo(to).length);
  }
}
