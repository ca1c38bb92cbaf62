// The channel port on a Zalo Official Account: events arrive on a signed webhook, are kept in
// the inbox, then handled in order; replies go out through the OA Open API as plain text with
// numbered choices (and quick-reply buttons on mobile), photos one message each. Zalo cannot
// edit: an edit is a new message whose choices keep answering to the original id.
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Logger } from "pino";
import { zaloOaWindowDays } from "../../core/channel/zalo-oa-window";
import type { ChannelCapabilities } from "../../core/channel/capabilities";
import type { ChannelPort, ChoiceNotice, MemberStatus, DownloadedFile, EventHandler, FileRef, IncomingEvent, ChatMessage, PhotoSource } from "../../core/channel/port";
import type { Db } from "../../core/db/client";
import type { Translations, Locale } from "../../core/i18n";
import { fetchFile } from "../../core/media/fetch-file";
import { isAdmin, scopesOf } from "../../core/review/scope";
import { draftWaitsAt } from "../../core/workflow/drafts";
import { flattenChoices, resolveReply } from "../zalo/menu";
import { OaInbox } from "./inbox";
import { buttonPayloadPrefix, OaMessenger } from "./messenger";
import { normalizeOaEvent, readIds } from "./normalize";
import { oaMaxTextLength } from "./text";
import { startOaWebhook, type OaWebhook } from "./webhook";

/** What a {@link ZaloOaAdapter} needs. */
export interface ZaloOaAdapterOptions {
  db: Db;
  log: Logger;
  messenger: OaMessenger;
  onEvent: EventHandler;
  /** Zalo's `user_withdraw`: erase what the bot holds about that OA user (the same as /xoadulieu). */
  onUserWithdraw?: (userId: string) => Promise<void>;
  i18n: Translations;
  defaultLocale: Locale;
  mediaDir: string;
  appId: string;
  oaSecretKey: string;
  webhook: { port: number; path: string; host?: string };
  /** Handle stored events (default true); false keeps a receive-only process that stores and answers. */
  processInbox?: boolean;
  /** The inbox's lease on an event in hand (a crashed process's events wait this long). */
  inboxLeaseMs?: number;
  /**
   * The bot's admins administer the OA's own (GMF) groups, so /dangky subscribes one to the
   * digest (ZALO_OA_GROUP_DIGEST). Off by default: Zalo tells no one who administers a GMF
   * group, and GMF itself is unverified (a paid asset on higher packages).
   */
  groupsAdministeredByBotAdmins?: boolean;
}

/**
 * What the OA can do: as Zalo on zca-js, no edits (an edit is a new message), no toasts and
 * numbered choices (quick-reply buttons show on mobile only); a media template holds one
 * photo, so photos go one message each. Zalo lets the OA write to a person for 7 days after
 * their last message.
 */
export const zaloOaCapabilities: ChannelCapabilities = {
  editsInPlace: false,
  buttons: false,
  toasts: false,
  albums: false,
  maxAlbumSize: 1,
  maxTextLength: oaMaxTextLength,
  maxCaptionLength: oaMaxTextLength,
  replyWindowDays: zaloOaWindowDays,
};

/** Downloads kept until the handlers ask (Zalo's links expire): at most this many. */
const maxCachedDownloads = 50;

/**
 * The OA channel.
 *
 * ```ts
 * const oa = new ZaloOaAdapter({ db, log, messenger, onEvent: handler, i18n, defaultLocale: "vi", mediaDir, appId, oaSecretKey, webhook: { port: 8090, path: "/zalo-oa/webhook" } });
 * await oa.start();
 * ```
 */
export class ZaloOaAdapter implements ChannelPort {
  readonly channel = "ZALO_OA" as const;
  readonly capabilities = zaloOaCapabilities;
  readonly inbox: OaInbox;
  private webhook: OaWebhook | null = null;
  private readonly downloads = new Map<string, DownloadedFile>();

  /** Present only when the bot's admins administer the OA's groups (see the option). */
  readonly memberStatus?: (chatId: string, userId: string) => Promise<MemberStatus>;

  constructor(private readonly options: ZaloOaAdapterOptions) {
    this.inbox = new OaInbox({ db: options.db, log: options.log, handle: (body) => this.process(body), ...(options.inboxLeaseMs ? { leaseMs: options.inboxLeaseMs } : {}) });
    if (options.groupsAdministeredByBotAdmins) this.memberStatus = (_chatId, userId) => this.statusInOaGroup(userId);
  }

  /** An OA group belongs to the agency: its administrators are the bot's admins, everyone else a member. */
  private async statusInOaGroup(userId: string): Promise<MemberStatus> {
    const identity = await this.options.db.channelIdentity.findUnique({ where: { channel_externalId: { channel: "ZALO_OA", externalId: userId } }, select: { personId: true } });
    return identity && isAdmin(await scopesOf(this.options.db, identity.personId)) ? "administrator" : "member";
  }

  /** The webhook's local URL (for tests and the start-up log). */
  get webhookUrl(): string | undefined {
    return this.webhook?.url;
  }

  /** Opens the webhook and starts handling stored events (those an earlier process left first). */
  async start(): Promise<void> {
    const { appId, oaSecretKey, log, webhook } = this.options;
    this.webhook = await startOaWebhook({ appId, oaSecretKey, inbox: this.inbox, log, port: webhook.port, path: webhook.path, ...(webhook.host ? { host: webhook.host } : {}) });
    if (this.options.processInbox !== false) this.inbox.start();
    log.info({ url: this.webhook.url }, "zalo oa webhook listening");
  }

  /** Closes the webhook, then finishes the event in hand. */
  async stop(): Promise<void> {
    await this.webhook?.close();
    this.webhook = null;
    await this.inbox.stop();
  }

  // === Handling a stored event

  /** Handles one stored event: records the interaction, downloads its images, runs the handlers. */
  async process(body: string): Promise<void> {
    const normalized = normalizeOaEvent(readIds(body));
    const { db } = this.options;
    if (normalized.withdrawnUserId) {
      this.options.messenger.forget(normalized.withdrawnUserId);
      return this.options.onUserWithdraw?.(normalized.withdrawnUserId);
    }
    if (normalized.userId) {
      const now = new Date();
      const following = normalized.following === undefined ? {} : { following: normalized.following };
      await db.zaloOaContact.upsert({ where: { userId: normalized.userId }, create: { userId: normalized.userId, lastInteractionAt: now, ...following }, update: { lastInteractionAt: now, ...following } });
    }
    // Every image at once: Zalo's CDN links are temporary.
    for (const event of normalized.events) if (event.input.kind === "photo") await this.prefetch(event.input.file.fileId);
    for (const event of normalized.events) await this.handle(event, normalized.msgId, normalized.quotedId);
    if (normalized.userId && normalized.sharedPhone) await this.useSharedPhone(normalized.userId, normalized.sharedPhone);
  }

  /**
   * A phone number shared through Zalo's contact card answers the nomination's contact step
   * as if typed, when the person is at that step; anywhere else it is not an answer, and the
   * conversation carries on untouched.
   */
  private async useSharedPhone(userId: string, phone: string): Promise<void> {
    if (!(await draftWaitsAt(this.options.db, { channel: "ZALO_OA", externalId: userId }, "contact"))) {
      this.options.log.info("zalo oa: shared contact details not used (no draft at the contact step)");
      return;
    }
    const from = { channel: "ZALO_OA" as const, externalId: userId, displayName: `Zalo …${userId.slice(-4)}` };
    await this.handle({ from, chat: { externalId: userId, kind: "private", type: "private" }, input: { kind: "text", text: phone } }, undefined, undefined);
  }

  private async handle(event: IncomingEvent, msgId: string | undefined, quotedId: string | undefined): Promise<void> {
    const chatId = event.chat.externalId;
    const name = await this.options.messenger.displayName(event.from.externalId);
    if (name) event.from.displayName = name;
    const group = event.chat.kind === "group";
    this.options.messenger.remember(chatId, group);
    await this.options.db.chat.upsert({
      where: { channel_externalId: { channel: "ZALO_OA", externalId: chatId } },
      create: { channel: "ZALO_OA", externalId: chatId, kind: group ? "GROUP" : "PRIVATE" },
      update: {},
    });
    if (event.input.kind === "text") {
      const typed = event.input.text.trim();
      const menu = await this.options.messenger.menus.find(chatId, { senderId: event.from.externalId, ...(quotedId ? { quotedId } : {}) });
      // The person's message id ends the answer id: an answer to their choice quotes it.
      const answerId = `${chatId}:${msgId ?? ""}`;
      if (typed.startsWith(buttonPayloadPrefix)) {
        // A quick-reply button: its payload came back as the text.
        const payload = typed.slice(buttonPayloadPrefix.length);
        const current = menu?.choices.some((c) => c.payload === payload);
        event.input = { kind: "choice", payload, messageId: current ? menu!.messageId : "", answerId };
      } else {
        const chosen = menu ? resolveReply(menu, event.input.text) : null;
        if (menu && chosen) event.input = { kind: "choice", payload: chosen.payload, messageId: menu.messageId, answerId };
      }
    }
    // While a group's event is handled, what goes to that group answers its sender.
    if (group) this.options.messenger.replyingTo.set(chatId, event.from.externalId);
    try {
      await this.options.onEvent(event, this);
    } finally {
      if (group) this.options.messenger.replyingTo.delete(chatId);
    }
  }

  private async prefetch(url: string): Promise<void> {
    if (this.downloads.has(url)) return;
    try {
      this.downloads.set(url, await fetchFile(url));
      while (this.downloads.size > maxCachedDownloads) this.downloads.delete(this.downloads.keys().next().value!);
    } catch (err) {
      this.options.log.warn({ err }, "zalo oa: an image could not be downloaded at once");
    }
  }

  // === Sending (the channel port)

  async send(chatId: string, message: ChatMessage): Promise<string> {
    const ids = await this.options.messenger.sendText(chatId, message.text, message.choices ? { choices: flattenChoices(message.choices) } : null);
    return ids[ids.length - 1]!;
  }

  /** Zalo cannot edit: sends the new content as a new message; its choices answer to `messageId`. */
  async edit(chatId: string, messageId: string, message: ChatMessage): Promise<void> {
    await this.options.messenger.sendText(chatId, message.text, message.choices ? { choices: flattenChoices(message.choices), menuMessageId: messageId } : null);
  }

  /** No toasts on Zalo: an alert, or a toast worth a message (a decision's confirmation), is sent as a message. */
  async answerChoice(answerId: string, notice?: ChoiceNotice): Promise<void> {
    if (!notice?.alert && !notice?.messageWithoutToasts) return;
    const cut = answerId.lastIndexOf(":");
    const chatId = answerId.slice(0, cut);
    if (!chatId) throw new Error(`Not a Zalo OA answer id: ${answerId}`);
    // Ties the answer to the message it answers (a decision typed as a number, a stale choice).
    const quote = answerId.slice(cut + 1) || undefined;
    await this.options.messenger.sendText(chatId, notice.text, undefined, undefined, quote);
  }

  /** One message per photo (a media template holds one); the caption rides with the first. */
  async sendPhotos(chatId: string, photos: PhotoSource[], caption?: string): Promise<string[]> {
    const ids: string[] = [];
    for (const [i, photo] of photos.entries()) {
      const bytes = photo.kind === "file" ? await readFile(path.resolve(this.options.mediaDir, photo.path)) : (await this.download({ fileId: photo.fileId })).bytes;
      ids.push(await this.options.messenger.sendPhoto(chatId, bytes, i === 0 ? caption : undefined));
    }
    return ids;
  }

  async download(file: FileRef): Promise<DownloadedFile> {
    return this.downloads.get(file.fileId) ?? fetchFile(file.fileId);
  }
}
