// The channel port on a Zalo Bot Platform bot: updates arrive by long polling (one poller) or
// on a webhook checked by its secret token, are kept in the inbox, then handled in order;
// replies go out as plain text with numbered choices (the Bot Platform has no buttons),
// photos one message each by a signed public address. Zalo cannot edit: an edit is a new
// message whose choices keep answering to the original id. While a slow answer is prepared,
// the chat shows "typing…".
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Logger } from "pino";
import type { ChannelCapabilities } from "../../core/channel/capabilities";
import { PersistedInbox } from "../../core/channel/inbox";
import type { ChannelPort, ChatMessage, ChoiceNotice, DownloadedFile, EventHandler, FileRef, IncomingEvent, PhotoSource } from "../../core/channel/port";
import type { Db } from "../../core/db/client";
import { toLocale, type Locale, type Translations } from "../../core/i18n";
import { fetchFile } from "../../core/media/fetch-file";
import type { MediaRequestHandler } from "../../core/media/serve";
import { flattenChoices, resolveReply } from "../zalo/menu";
import type { ZaloBotApi } from "./api";
import { botMaxTextLength, type BotMessenger, type BotPhoto } from "./messenger";
import { normalizeBotUpdate, readUpdate } from "./normalize";
import { BotPoller } from "./poller";
import type { QuotaCooldown } from "./quota";
import { keptPhotoPrefix } from "./receipt";
import { startBotWebhook, type BotWebhook } from "./webhook";

/** How the adapter receives: long polling (the default), or a webhook. */
export type BotReceiving = { mode: "polling"; timeoutSeconds?: number } | { mode: "webhook"; secret: string; port: number; path: string; host?: string; publicUrl?: string };

/** What a {@link ZaloBotAdapter} needs. */
export interface ZaloBotAdapterOptions {
  db: Db;
  log: Logger;
  api: ZaloBotApi;
  messenger: BotMessenger;
  quota: QuotaCooldown;
  onEvent: EventHandler;
  i18n: Translations;
  defaultLocale: Locale;
  receiving: BotReceiving;
  mediaDir: string;
  /** Handle stored updates (default true); false keeps a receive-only process that stores them. */
  processInbox?: boolean;
  /** Handlers the webhook server also answers (the signed media route). */
  mounts?: MediaRequestHandler[];
  /** Show "typing…" when an answer takes longer than this; default 800 ms. */
  typingAfterMs?: number;
  inboxLeaseMs?: number;
}

/** What the Bot Platform can do: no edits, no toasts, no buttons, no albums; 2,000 characters. */
export const zaloBotCapabilities: ChannelCapabilities = {
  editsInPlace: false,
  buttons: false,
  toasts: false,
  albums: false,
  maxAlbumSize: 1,
  maxTextLength: botMaxTextLength,
  maxCaptionLength: botMaxTextLength,
};

/** Downloads kept until the handlers ask (Zalo's photo links are temporary): at most this many. */
const maxCachedDownloads = 50;

/** Zalo's typing indicator fades; it is shown again this often while the answer is prepared. */
const typingRepeatMs = 4000;

/**
 * The Zalo Bot Platform channel.
 *
 * ```ts
 * const bot = new ZaloBotAdapter({ db, log, api, messenger, quota, onEvent: handler, i18n, defaultLocale: "vi", receiving: { mode: "polling" } });
 * await bot.start();
 * ```
 */
export class ZaloBotAdapter implements ChannelPort {
  readonly channel = "ZALO_BOT" as const;
  readonly capabilities = zaloBotCapabilities;
  readonly inbox: PersistedInbox;
  private webhook: BotWebhook | null = null;
  private poller: BotPoller | null = null;
  private readonly downloads = new Map<string, DownloadedFile>();
  /** The bot's names, as people @mention it in groups. */
  private names: string[] = [];

  constructor(private readonly options: ZaloBotAdapterOptions) {
    this.inbox = new PersistedInbox({ table: options.db.zaloBotInboxEvent, log: options.log, name: "zalo bot", handle: (body) => this.process(body), ...(options.inboxLeaseMs ? { leaseMs: options.inboxLeaseMs } : {}) });
  }

  /** The webhook's local URL, in webhook mode (tests and the start-up log). */
  get webhookUrl(): string | undefined {
    return this.webhook?.url;
  }

  /** The webhook server's local origin, where it also serves `/media/`. */
  get webhookOrigin(): string | undefined {
    return this.webhook?.origin;
  }

  /** Learns the bot's names, starts receiving, and handles stored updates (an earlier process's first). */
  async start(): Promise<void> {
    const { api, log, receiving } = this.options;
    try {
      const me = await api.getMe();
      this.names = [me.displayName, me.accountName].filter((n): n is string => Boolean(n));
    } catch (err) {
      log.warn({ err }, "zalo bot: getMe failed; group @mentions are read without the bot's name");
    }
    if (receiving.mode === "webhook") {
      this.webhook = await startBotWebhook({ secret: receiving.secret, inbox: this.inbox, log, mediaDir: this.options.mediaDir, port: receiving.port, path: receiving.path, ...(receiving.host ? { host: receiving.host } : {}), mounts: this.options.mounts ?? [] });
      if (receiving.publicUrl) await api.setWebhook(receiving.publicUrl, receiving.secret);
      log.info({ url: this.webhook.url, publicUrl: receiving.publicUrl }, "zalo bot webhook listening");
    } else {
      // getUpdates is refused while a webhook is set.
      await api.deleteWebhook().catch((err: unknown) => log.warn({ err }, "zalo bot: deleteWebhook failed"));
      this.poller = new BotPoller({ api, inbox: this.inbox, log, quota: this.options.quota, mediaDir: this.options.mediaDir, ...(receiving.timeoutSeconds ? { timeoutSeconds: receiving.timeoutSeconds } : {}) });
      this.poller.start();
      log.info("zalo bot polling for updates");
    }
    if (this.options.processInbox !== false) this.inbox.start();
  }

  /** Stops receiving, then finishes the update in hand. */
  async stop(): Promise<void> {
    await this.poller?.stop();
    this.poller = null;
    await this.webhook?.close();
    this.webhook = null;
    await this.inbox.stop();
  }

  // === Handling a stored update

  /** Handles one stored update: downloads its photo at once, explains a protected account, runs the handlers. */
  async process(body: string): Promise<void> {
    const update = readUpdate(JSON.parse(body));
    if (!update) return;
    const normalized = normalizeBotUpdate(update, this.names);
    if (normalized.kind === "ignored") return;
    const { event } = normalized;
    if (normalized.kind === "protected") return this.explainProtected(event);
    // A photo not kept at receipt is fetched now: Zalo's photo links are temporary.
    if (event.input.kind === "photo" && !event.input.file.fileId.startsWith(keptPhotoPrefix)) await this.prefetch(event.input.file.fileId);
    await this.handle(event, update.message.message_id);
  }

  private async explainProtected(event: IncomingEvent): Promise<void> {
    const { db, i18n, defaultLocale, messenger, log } = this.options;
    const identity = await db.channelIdentity.findUnique({ where: { channel_externalId: { channel: "ZALO_BOT", externalId: event.from.externalId } }, select: { person: { select: { language: true } } } });
    log.info({ chat: event.chat.kind }, "zalo bot: a protected account wrote; content withheld by Zalo");
    await messenger.sendText(event.chat.externalId, i18n.t(toLocale(identity?.person.language, defaultLocale), "zalo-bot-protected"));
  }

  private async handle(event: IncomingEvent, messageId: string): Promise<void> {
    const { db, messenger } = this.options;
    const chatId = event.chat.externalId;
    const group = event.chat.kind === "group";
    messenger.remember(chatId, group);
    await db.chat.upsert({
      where: { channel_externalId: { channel: "ZALO_BOT", externalId: chatId } },
      create: { channel: "ZALO_BOT", externalId: chatId, kind: group ? "GROUP" : "PRIVATE" },
      update: {},
    });
    if (event.input.kind === "text") {
      // No buttons: a typed number or label answers the sender's own latest menu (or one meant for anyone).
      const menu = await messenger.menus.find(chatId, { senderId: event.from.externalId });
      const chosen = menu ? resolveReply(menu, event.input.text) : null;
      if (menu && chosen) event.input = { kind: "choice", payload: chosen.payload, messageId: menu.messageId, answerId: `${chatId}:${messageId}` };
    }
    // While a group's update is handled, what goes to that group answers its sender.
    if (group) messenger.replyingTo.set(chatId, event.from.externalId);
    const typing = this.typingWhileSlow(chatId);
    try {
      await this.options.onEvent(event, this);
    } finally {
      typing.stop();
      if (group) messenger.replyingTo.delete(chatId);
    }
  }

  /** Shows "typing…" once the answer takes longer than a moment, again every few seconds until it is done. */
  private typingWhileSlow(chatId: string): { stop(): void } {
    let timer: NodeJS.Timeout | undefined;
    const show = (delay: number) => {
      timer = setTimeout(() => {
        void this.options.messenger.typing(chatId);
        show(typingRepeatMs);
      }, delay);
      timer.unref();
    };
    show(this.options.typingAfterMs ?? 800);
    return { stop: () => clearTimeout(timer) };
  }

  private async prefetch(url: string): Promise<void> {
    if (this.downloads.has(url)) return;
    try {
      this.downloads.set(url, await fetchFile(url));
      while (this.downloads.size > maxCachedDownloads) this.downloads.delete(this.downloads.keys().next().value!);
    } catch (err) {
      this.options.log.warn({ err }, "zalo bot: a photo could not be downloaded at once");
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

  /** No toasts: an alert, or a toast worth a message (a decision's confirmation), is sent as a message. */
  async answerChoice(answerId: string, notice?: ChoiceNotice): Promise<void> {
    if (!notice?.alert && !notice?.messageWithoutToasts) return;
    const chatId = answerId.slice(0, answerId.lastIndexOf(":"));
    if (!chatId) throw new Error(`Not a Zalo bot answer id: ${answerId}`);
    await this.options.messenger.sendText(chatId, notice.text);
  }

  /** One message per photo; the caption rides with the first. */
  async sendPhotos(chatId: string, photos: PhotoSource[], caption?: string): Promise<string[]> {
    const ids: string[] = [];
    for (const [i, photo] of photos.entries()) {
      const source = photo.kind === "file" ? { path: photo.path } : sourceOfFileId(photo.fileId);
      ids.push(...(await this.options.messenger.sendPhoto(chatId, source, i === 0 ? caption : undefined)));
    }
    return ids;
  }

  async download(file: FileRef): Promise<DownloadedFile> {
    if (file.fileId.startsWith(keptPhotoPrefix)) {
      const bytes = await readFile(path.resolve(this.options.mediaDir, file.fileId.slice(keptPhotoPrefix.length)));
      return { bytes, size: bytes.length };
    }
    return this.downloads.get(file.fileId) ?? fetchFile(file.fileId);
  }
}

/** A Bot Platform file id as a photo to send: a photo kept on disk, or a link Zalo can fetch. */
export function sourceOfFileId(fileId: string): BotPhoto {
  return fileId.startsWith(keptPhotoPrefix) ? { path: fileId.slice(keptPhotoPrefix.length) } : { url: fileId };
}
