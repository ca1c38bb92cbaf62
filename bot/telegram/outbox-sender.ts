// The outbox's Telegram side: renders an outbox payload as Bot API calls and sorts Telegram's
// errors into the outbox's classes. Retries are the outbox worker's job, so no auto-retry here.
import { existsSync } from "node:fs";
import path from "node:path";
import { Api, GrammyError, HttpError, InputFile } from "grammy";
import type { InlineKeyboardMarkup, InputMediaPhoto } from "grammy/types";
import { PermanentSendError, RateLimitedError, TransientSendError, type SendError } from "../../core/outbox/errors";
import type { Choice, FileSource, OutboxPayload, PhotoItem } from "../../core/outbox/payload";
import type { UploadedFileIds } from "../../core/outbox/file-ids";
import type { OutboxDelivery, Sender, SendResult } from "../../core/outbox/sender";

/** Where a {@link TelegramOutboxSender} sends and finds files. */
export interface TelegramOutboxSenderOptions {
  token: string;
  /** Bot API server, e.g. the emulator's; default api.telegram.org. */
  apiRoot?: string;
  /** Relative file paths in payloads are read from here; default the working directory. */
  mediaDir?: string;
  /** Remembers the file ids of uploaded photos, so later chats get a reference, not an upload. */
  fileIds?: UploadedFileIds;
}

/**
 * Sends outbox messages with the Telegram Bot API: text with HTML and inline buttons, a
 * photo, an album, a document.
 *
 * @example
 * const sender = new TelegramOutboxSender({ token, apiRoot, mediaDir: config.MEDIA_DIR });
 * const worker = new OutboxWorker({ db, log, senders: [sender] });
 */
export class TelegramOutboxSender implements Sender {
  readonly channel = "TELEGRAM" as const;
  private readonly api: Api;
  private readonly mediaDir: string;
  private readonly fileIds: UploadedFileIds | undefined;

  constructor(options: TelegramOutboxSenderOptions) {
    this.api = new Api(options.token, options.apiRoot ? { apiRoot: options.apiRoot } : {});
    this.mediaDir = options.mediaDir ?? process.cwd();
    this.fileIds = options.fileIds;
  }

  /** Delivers one message; throws a classified error (see core/outbox/errors.ts). */
  async send(message: OutboxDelivery, signal: AbortSignal): Promise<SendResult> {
    try {
      return await this.render(message.chat.externalId, message.payload, signal);
    } catch (error) {
      throw classifyTelegramError(error);
    }
  }

  private async render(chatId: string, payload: OutboxPayload, nativeSignal: AbortSignal): Promise<SendResult> {
    // grammY types its signal parameter with the abort-controller package's class; Node's own
    // AbortSignal is what it receives at run time either way.
    const signal = nativeSignal as unknown as GrammySignal;
    switch (payload.type) {
      case "text": {
        const sent = await this.api.sendMessage(
          chatId,
          payload.html,
          { parse_mode: "HTML", link_preview_options: { is_disabled: true }, ...keyboard(payload.choices) },
          signal,
        );
        return ids([sent]);
      }
      case "photos": {
        const items = await Promise.all(payload.items.map((item) => this.known(item)));
        const [first, ...rest] = items;
        const sent =
          first && rest.length === 0
            ? [await this.api.sendPhoto(chatId, this.file(first), { ...caption(first.caption), ...keyboard(payload.choices) }, signal)]
            : await this.api.sendMediaGroup(chatId, items.map((item): InputMediaPhoto => ({ type: "photo", media: this.file(item), ...caption(item.caption) })), {}, signal);
        // Only an optimisation: a failure here must not turn a delivered message into a retry.
        await this.rememberUploads(items, sent).catch(() => {});
        return ids(sent);
      }
      case "document": {
        const sent = await this.api.sendDocument(chatId, this.file(payload.file, payload.fileName), caption(payload.caption), signal);
        return ids([sent]);
      }
    }
  }

  /** A photo from disk replaced by its Telegram file id when an earlier send uploaded it. */
  private async known(item: PhotoItem): Promise<PhotoItem & { uploadedFrom?: string }> {
    if ("fileId" in item || !this.fileIds) return item;
    const full = path.resolve(this.mediaDir, item.path);
    const fileId = await this.fileIds.lookup("TELEGRAM", full);
    return fileId ? { fileId, ...(item.caption === undefined ? {} : { caption: item.caption }) } : { ...item, uploadedFrom: full };
  }

  /** Records the file ids Telegram gave the photos this send uploaded. */
  private async rememberUploads(items: (PhotoItem & { uploadedFrom?: string })[], sent: object[]): Promise<void> {
    if (!this.fileIds) return;
    for (const [i, item] of items.entries()) {
      const message = sent[i];
      const sizes = message && "photo" in message ? (message.photo as { file_id: string }[] | undefined) : undefined;
      const largest = sizes?.[sizes.length - 1];
      if (item.uploadedFrom && largest) await this.fileIds.remember("TELEGRAM", item.uploadedFrom, largest.file_id);
    }
  }

  /** A Telegram file id as is, or a file from disk (a missing file will never appear: permanent). */
  private file(source: FileSource | PhotoItem, fileName?: string): InputFile | string {
    if ("fileId" in source) return source.fileId;
    const full = path.resolve(this.mediaDir, source.path);
    if (!existsSync(full)) throw new PermanentSendError("message", `file not found: ${source.path}`);
    return new InputFile(full, fileName);
  }
}

type GrammySignal = Parameters<Api["sendMessage"]>[3];

// === Errors

/** 400 descriptions that mean the chat is gone for the bot, not that the message is bad. */
// A group that forbids only photos or documents ("not enough rights to send photos to the
// chat") still takes text: that is the message's problem, not the chat's.
const chatGone = [
  /chat not found/i,
  /peer_id_invalid/i,
  /group chat was upgraded/i,
  /not enough rights to send text messages/i,
  /have no rights to send a message/i,
  /user is deactivated/i,
];

/**
 * Sorts a failed Bot API call: 429 → rate limited for the chat with Telegram's retry_after;
 * 403 and the chat-gone 400s → permanent for the chat; other 4xx → permanent for the message;
 * 5xx, network errors and timeouts → transient.
 */
export function classifyTelegramError(error: unknown): SendError {
  if (error instanceof RateLimitedError || error instanceof PermanentSendError || error instanceof TransientSendError) return error;
  if (error instanceof GrammyError) {
    const text = `${error.error_code}: ${error.description}`;
    if (error.error_code === 429) return new RateLimitedError("chat", error.parameters.retry_after, text);
    if (error.error_code === 403) return new PermanentSendError("chat", text, { cause: error });
    if (error.error_code === 400 && chatGone.some((re) => re.test(error.description))) return new PermanentSendError("chat", text, { cause: error });
    // 401 and 404 mean a wrong token or server: the message is fine, the setup is not.
    if (error.error_code >= 400 && error.error_code < 500 && error.error_code !== 401 && error.error_code !== 404) {
      return new PermanentSendError("message", text, { cause: error });
    }
    return new TransientSendError(text, { cause: error });
  }
  if (error instanceof HttpError) return new TransientSendError(`network: ${error.message}`, { cause: error });
  return new TransientSendError(error instanceof Error ? error.message : String(error), { cause: error });
}

// === Rendering helpers

function keyboard(choices: Choice[][] | undefined): { reply_markup?: InlineKeyboardMarkup } {
  if (!choices) return {};
  return { reply_markup: { inline_keyboard: choices.map((row) => row.map((c) => ({ text: c.label, callback_data: c.data }))) } };
}

function caption(text: string | undefined): { caption?: string; parse_mode?: "HTML" } {
  return text === undefined ? {} : { caption: text, parse_mode: "HTML" };
}

function ids(messages: { message_id: number }[]): SendResult {
  return { messageIds: messages.map((m) => String(m.message_id)) };
}
