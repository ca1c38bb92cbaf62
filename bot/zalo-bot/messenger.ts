// How anything the bot says becomes Bot Platform messages, for direct replies and the outbox
// alike: plain text cut at 2,000 characters, choices as a numbered list (the Bot Platform has
// no buttons), photos by a signed, expiring public address of the stored file (it takes no
// uploads), and the shared quota cool-down in front of every call.
import path from "node:path";
import type { Logger } from "pino";
import type { DbTx } from "../../core/db/client";
import { toLocale, type Locale, type Translations } from "../../core/i18n";
import type { MediaUrlSigner } from "../../core/media/signed-urls";
import { numberedList, ZaloMenuStore, type ZaloMenu } from "../zalo/menu";
import { htmlToPlainText, splitText } from "../zalo-oa/text";
import { ZaloBotApiError, type ZaloBotApi } from "./api";
import type { QuotaCooldown } from "./quota";

/** The most characters one message or caption takes. */
export const botMaxTextLength = 2000;

/** A photo to send: a stored file (under MEDIA_DIR) or an address Zalo can already fetch. */
export type BotPhoto = { path: string } | { url: string };

/** What a {@link BotMessenger} needs. */
export interface BotMessengerOptions {
  api: ZaloBotApi;
  db: DbTx;
  log: Logger;
  i18n: Translations;
  defaultLocale: Locale;
  quota: QuotaCooldown;
  mediaDir: string;
  /** Where stored photos are served (PUBLIC_BASE_URL); without it photos cannot go out. */
  publicBaseUrl?: string;
  signer: MediaUrlSigner;
}

/** A message's choices, and the message id they answer to (an edit keeps the original). */
export interface BotChoices {
  choices: ZaloMenu["choices"];
  menuMessageId?: string;
}

/**
 * Renders and sends on the Bot Platform.
 *
 * ```ts
 * const messenger = new BotMessenger({ api, db, log, i18n, defaultLocale: "vi", quota, mediaDir, publicBaseUrl, signer });
 * await messenger.sendText(chatId, "<b>Bạn đề cử ai?</b>", { choices: [{ label: "Cá nhân", payload: "s:kind:INDIVIDUAL" }] });
 * ```
 */
export class BotMessenger {
  readonly menus: ZaloMenuStore;
  private readonly groups = new Map<string, boolean>();
  /** Per group, the member whose update is being handled: the menus sent meanwhile are theirs. */
  readonly replyingTo = new Map<string, string>();
  private warnedNoPublicUrl = false;

  constructor(private readonly options: BotMessengerOptions) {
    this.menus = new ZaloMenuStore(options.db, "ZALO_BOT");
  }

  /** Records a chat's kind as an update showed it. */
  remember(chatId: string, group: boolean): void {
    this.groups.set(chatId, group);
  }

  /** Whether a chat is a group, from what was seen or stored. */
  async isGroup(chatId: string): Promise<boolean> {
    const known = this.groups.get(chatId);
    if (known !== undefined) return known;
    const chat = await this.options.db.chat.findUnique({ where: { channel_externalId: { channel: "ZALO_BOT", externalId: chatId } }, select: { kind: true } });
    const group = Boolean(chat && chat.kind !== "PRIVATE");
    this.groups.set(chatId, group);
    return group;
  }

  /** Sends a text (HTML subset) with its choices numbered; returns the ids of the messages, in order. */
  async sendText(chatId: string, html: string, menu?: BotChoices | null, signal?: AbortSignal): Promise<string[]> {
    const group = await this.isGroup(chatId);
    let text = htmlToPlainText(html);
    if (menu && menu.choices.length > 0) text = `${text}\n\n${htmlToPlainText(numberedList(menu.choices, await this.hint(chatId, group, menu.choices.length)))}`;
    const parts = splitText(text, botMaxTextLength);
    if (parts.length === 0) throw new Error("Nothing to send: the message has no text");
    const ids: string[] = [];
    for (const part of parts) {
      signal?.throwIfAborted();
      ids.push((await this.guarded("sendMessage", () => this.options.api.sendMessage(chatId, part, signal))).messageId);
    }
    if (menu !== undefined) {
      const messageId = menu?.menuMessageId ?? ids[ids.length - 1]!;
      const forUser = group ? this.replyingTo.get(chatId) : undefined;
      const stored = menu && menu.choices.length > 0 ? { messageId, choices: menu.choices, sentIds: ids, ...(forUser ? { forUser } : {}) } : null;
      await this.menus.set(chatId, group ? "GROUP" : "PRIVATE", stored, forUser);
    }
    return ids;
  }

  /**
   * Sends one photo by a public address, its caption riding along when it fits (else sent
   * after it as a text); returns the message ids. Without PUBLIC_BASE_URL a stored photo
   * cannot be offered to Zalo: only its caption goes.
   */
  async sendPhoto(chatId: string, photo: BotPhoto, caption?: string, signal?: AbortSignal): Promise<string[]> {
    const url = "url" in photo ? photo.url : this.publicUrl(photo.path);
    const text = caption ? htmlToPlainText(caption).trim() : "";
    if (!url) return text ? this.sendText(chatId, caption!, undefined, signal) : [];
    const fits = text.length > 0 && text.length <= botMaxTextLength;
    const sent = await this.guarded("sendPhoto", () => this.options.api.sendPhoto(chatId, url, fits ? text : undefined, signal));
    if (text && !fits) return [sent.messageId, ...(await this.sendText(chatId, caption!, undefined, signal))];
    return [sent.messageId];
  }

  /** Shows "typing…" in a chat; a failure only costs the indicator. */
  async typing(chatId: string): Promise<void> {
    try {
      await this.guarded("sendChatAction", () => this.options.api.sendChatAction(chatId, "typing"));
    } catch (err) {
      this.options.log.debug({ err }, "zalo bot: typing indicator not shown");
    }
  }

  /** A signed, expiring address of a stored file; undefined without PUBLIC_BASE_URL. */
  private publicUrl(file: string): string | undefined {
    const { publicBaseUrl, mediaDir, signer, log } = this.options;
    if (!publicBaseUrl) {
      if (!this.warnedNoPublicUrl) log.warn("zalo bot: photos are sent by public address only; set PUBLIC_BASE_URL to send them");
      this.warnedNoPublicUrl = true;
      return undefined;
    }
    const relative = path.relative(mediaDir, path.resolve(mediaDir, file));
    return signer.url(publicBaseUrl, relative);
  }

  /** One call behind the quota cool-down: none goes out while it lasts, and a 429 starts one. */
  private async guarded<T>(method: string, call: () => Promise<T>): Promise<T> {
    this.options.quota.assertOpen(method);
    try {
      return await call();
    } catch (error) {
      if (error instanceof ZaloBotApiError && error.code === 429) await this.options.quota.exceeded();
      throw error;
    }
  }

  /** "Trả lời 1–4" in the reader's language: their saved preference in a direct chat. */
  private async hint(chatId: string, group: boolean, count: number): Promise<string> {
    let locale = this.options.defaultLocale;
    if (!group) {
      const identity = await this.options.db.channelIdentity.findUnique({
        where: { channel_externalId: { channel: "ZALO_BOT", externalId: chatId } },
        select: { person: { select: { language: true } } },
      });
      locale = toLocale(identity?.person.language, this.options.defaultLocale);
    }
    return this.options.i18n.t(locale, "zalo-menu-hint", { count });
  }
}
