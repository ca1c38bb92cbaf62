// How anything the bot says becomes OA messages, for direct replies and the outbox alike:
// plain text cut at 2,000 characters; choices as a numbered list (Zalo PC and web show no
// buttons), plus quick-reply buttons on mobile when enabled and there are at most 5; photos
// uploaded (re-encoded to fit) and sent one message each, uploaded again when Zalo has
// dropped the upload (-100).
import { choicePrefixes } from "../../core/channel/choice-payloads";
import type { DbTx } from "../../core/db/client";
import { toLocale, type Locale, type Translations } from "../../core/i18n";
import { numberedList, ZaloMenuStore, type ZaloMenu } from "../zalo/menu";
import { OaApiError, type OaApi, type OaMessageBody } from "./api";
import { uploadableImage } from "./images";
import { htmlToPlainText, oaMaxTextLength, splitText } from "./text";
import { cutText } from "../../core/text/cut";

/** The prefix of a quick-reply button's payload: its press comes back as this text. */
export const buttonPayloadPrefix = choicePrefixes.oaQuickReply;

/** Zalo shows at most 5 buttons under a message. */
const maxButtons = 5;

/** What an {@link OaMessenger} needs. */
export interface OaMessengerOptions {
  api: OaApi;
  db: DbTx;
  i18n: Translations;
  defaultLocale: Locale;
  /** Quick-reply buttons under choices (ZALO_OA_BUTTONS). */
  buttons: boolean;
}

/** A message's choices as the OA shows them, and where the menu is remembered. */
export interface OaChoices {
  choices: ZaloMenu["choices"];
  /** The message id the choices answer to (an edit keeps the original); default the last part sent. */
  menuMessageId?: string;
}

/**
 * Renders and sends on the OA.
 *
 * ```ts
 * const messenger = new OaMessenger({ api, db, i18n, defaultLocale: "vi", buttons: true });
 * await messenger.sendText(userId, "<b>Bạn đề cử ai?</b>", { choices: [{ label: "Cá nhân", payload: "s:kind:INDIVIDUAL" }] });
 * ```
 */
export class OaMessenger {
  readonly menus: ZaloMenuStore;
  private readonly groups = new Map<string, boolean>();
  private readonly names = new Map<string, string | undefined>();
  /** Per group, the member whose event is being handled: the menus sent meanwhile are theirs. */
  readonly replyingTo = new Map<string, string>();

  constructor(private readonly options: OaMessengerOptions) {
    this.menus = new ZaloMenuStore(options.db, "ZALO_OA");
  }

  /** Whether a chat is an OA group (GMF) rather than a person. */
  async isGroup(chatId: string): Promise<boolean> {
    const known = this.groups.get(chatId);
    if (known !== undefined) return known;
    const chat = await this.options.db.chat.findUnique({ where: { channel_externalId: { channel: "ZALO_OA", externalId: chatId } }, select: { kind: true } });
    const group = Boolean(chat && chat.kind !== "PRIVATE");
    this.groups.set(chatId, group);
    return group;
  }

  /** A person's display name from Zalo, asked once per process; undefined when Zalo will not say. */
  async displayName(userId: string): Promise<string | undefined> {
    if (this.names.has(userId)) return this.names.get(userId);
    let name: string | undefined;
    try {
      name = (await this.options.api.userDetail(userId)).displayName;
    } catch {
      name = undefined;
    }
    this.names.set(userId, name);
    return name;
  }

  /** Drops what the process holds about a person (their name): their data was erased. */
  forget(userId: string): void {
    this.names.delete(userId);
    this.groups.delete(userId);
  }

  /** Records a chat's kind as an event showed it. */
  remember(chatId: string, group: boolean): void {
    this.groups.set(chatId, group);
  }

  /**
   * Sends a text (HTML subset) with its choices; returns the ids of the messages, in order.
   * `quote` is the id of the person's message it answers: Zalo shows it quoted above the first part.
   */
  async sendText(chatId: string, html: string, menu?: OaChoices | null, signal?: AbortSignal, quote?: string): Promise<string[]> {
    const group = await this.isGroup(chatId);
    let text = htmlToPlainText(html);
    if (menu && menu.choices.length > 0) text = `${text}\n\n${htmlToPlainText(numberedList(menu.choices, await this.hint(chatId, group, menu.choices.length)))}`;
    const parts = splitText(text, oaMaxTextLength);
    if (parts.length === 0) throw new Error("Nothing to send: the message has no text");
    const ids: string[] = [];
    for (const [i, part] of parts.entries()) {
      signal?.throwIfAborted();
      const last = i === parts.length - 1;
      const body: OaMessageBody = { text: part, ...(last && menu && !group ? this.buttons(menu.choices) : {}) };
      ids.push((await this.postQuoting(chatId, group, body, i === 0 ? quote : undefined, signal)).messageId);
    }
    if (menu !== undefined) {
      const messageId = menu?.menuMessageId ?? ids[ids.length - 1]!;
      const forUser = group ? this.replyingTo.get(chatId) : undefined;
      const stored = menu && menu.choices.length > 0 ? { messageId, choices: menu.choices, sentIds: ids, ...(forUser ? { forUser } : {}) } : null;
      await this.menus.set(chatId, group ? "GROUP" : "PRIVATE", stored, forUser);
    }
    return ids;
  }

  /** Sends one photo (with a short caption riding along); returns the message id. */
  async sendPhoto(chatId: string, bytes: Buffer, caption?: string, signal?: AbortSignal): Promise<string> {
    const group = await this.isGroup(chatId);
    const image = await uploadableImage(bytes);
    const text = caption ? htmlToPlainText(caption) : "";
    for (let attempt = 0; ; attempt++) {
      const attachmentId = await this.options.api.uploadImage(image.bytes, image.mimeType, signal);
      const body: OaMessageBody = {
        ...(text && text.length <= oaMaxTextLength ? { text } : {}),
        attachment: { type: "template", payload: { template_type: "media", elements: [{ media_type: "image", attachment_id: attachmentId }] } },
      };
      try {
        const sent = await this.post(chatId, group, body, signal);
        if (text.length > oaMaxTextLength) await this.sendText(chatId, caption!, undefined, signal);
        return sent.messageId;
      } catch (error) {
        // Zalo keeps uploads 7 days: an expired one is uploaded again, once.
        if (attempt === 0 && error instanceof OaApiError && error.code === -100) continue;
        throw error;
      }
    }
  }

  /** Posts with `quote_message_id`; a quote Zalo refuses (-201, the message is gone) is dropped, the text still goes. */
  private async postQuoting(chatId: string, group: boolean, body: OaMessageBody, quote: string | undefined, signal?: AbortSignal) {
    if (!quote) return this.post(chatId, group, body, signal);
    try {
      return await this.post(chatId, group, { ...body, quote_message_id: quote }, signal);
    } catch (error) {
      if (error instanceof OaApiError && error.code === -201) return this.post(chatId, group, body, signal);
      throw error;
    }
  }

  private post(chatId: string, group: boolean, body: OaMessageBody, signal?: AbortSignal) {
    return group ? this.options.api.sendToGroup(chatId, body, signal) : this.options.api.sendToUser(chatId, body, signal);
  }

  /** Quick-reply buttons for at most 5 choices, when enabled; nothing otherwise. */
  private buttons(choices: ZaloMenu["choices"]): Pick<OaMessageBody, "attachment"> {
    if (!this.options.buttons || choices.length > maxButtons) return {};
    return {
      attachment: {
        type: "template",
        payload: { buttons: choices.map((c) => ({ title: cutText(c.label, 100), type: "oa.query.hide", payload: `${buttonPayloadPrefix}${c.payload}` })) },
      },
    };
  }

  /** "Trả lời 1–4" in the reader's language: their saved preference in a direct chat. */
  private async hint(chatId: string, group: boolean, count: number): Promise<string> {
    let locale = this.options.defaultLocale;
    if (!group) {
      const identity = await this.options.db.channelIdentity.findUnique({
        where: { channel_externalId: { channel: "ZALO_OA", externalId: chatId } },
        select: { person: { select: { language: true } } },
      });
      locale = toLocale(identity?.person.language, this.options.defaultLocale);
    }
    return this.options.i18n.t(locale, "zalo-menu-hint", { count });
  }
}
