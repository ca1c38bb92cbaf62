// The outbox's Zalo side: renders an outbox payload as zca-js sends and sorts Zalo's errors
// into the outbox's classes. Retries and cool-downs are the worker's job, so none here.
import { untilAborted } from "../../core/async/until-aborted";
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { ThreadType, ZaloApiError, type AttachmentSource } from "zca-js";
import type { DbTx } from "../../core/db/client";
import { Translations, type Locale } from "../../core/i18n";
import { PermanentSendError, RateLimitedError, TransientSendError, type SendError } from "../../core/outbox/errors";
import type { Choice, OutboxPayload } from "../../core/outbox/payload";
import type { ChannelLimits } from "../../core/outbox/rate-limiter";
import type { OutboxDelivery, Sender, SendResult } from "../../core/outbox/sender";
import { fileAttachment, urlAttachment } from "./attachments";
import { htmlToStyledText, splitStyledText, type StyledText } from "./format";
import { numberedList, ZaloMenuStore, type ZaloMenu } from "./menu";
import { sentMessageIds } from "./send-response";
import type { ZaloApi } from "./zalo-api";

// === Limits

/**
 * The outbox limits for Zalo from the configuration: one message per interval overall and to
 * one chat, one per group interval to a group, and a long rest after Zalo's code 221.
 *
 * ```ts
 * new OutboxWorker({ db, log, senders, limits: { ZALO: zaloOutboxLimits({ sendIntervalSeconds: 3, groupIntervalSeconds: 3, cooldownMinutes: 240 }) } });
 * ```
 */
export function zaloOutboxLimits(settings: { sendIntervalSeconds: number; groupIntervalSeconds: number; cooldownMinutes: number }): ChannelLimits {
  return {
    perSecond: 1 / settings.sendIntervalSeconds,
    burst: 1,
    perChatPerSecond: 1 / settings.sendIntervalSeconds,
    perChatBurst: 1,
    perGroupPerMinute: 60 / settings.groupIntervalSeconds,
    perGroupBurst: 1,
    cooldownSeconds: settings.cooldownMinutes * 60,
  };
}

// === Sender

/** What a {@link ZaloOutboxSender} needs. */
export interface ZaloOutboxSenderOptions {
  api: ZaloApi;
  /** Where the menu of a message with choices is remembered, so a typed "2" resolves. */
  db: DbTx;
  /** For the "reply 1–4" hint under choices; loaded from locales/ when absent. */
  i18n?: Translations;
  /** The hint's language: outbox messages go to groups and to many people at once. */
  locale?: Locale;
  /** Relative file paths in payloads are read from here; default the working directory. */
  mediaDir?: string;
}

/** Photos per album message. */
const maxAlbumSize = 10;
/** The largest caption that rides with a single photo. */
const maxCaptionLength = 1000;

/**
 * Sends outbox messages on a zca-js account: styled text with choices as a numbered list, a
 * photo or an album (the caption as its own message when it cannot ride along), a document.
 *
 * @example
 * const sender = new ZaloOutboxSender({ api, db, mediaDir: config.MEDIA_DIR });
 * const worker = new OutboxWorker({ db, log, senders: [telegramSender, sender], limits: { ZALO: zaloOutboxLimits(...) } });
 */
export class ZaloOutboxSender implements Sender {
  readonly channel = "ZALO" as const;
  private readonly api: ZaloApi;
  private readonly menus: ZaloMenuStore;
  private readonly i18n: Translations;
  private readonly locale: Locale;
  private readonly mediaDir: string;

  constructor(options: ZaloOutboxSenderOptions) {
    this.api = options.api;
    this.menus = new ZaloMenuStore(options.db);
    this.locale = options.locale ?? "vi";
    this.i18n = options.i18n ?? new Translations(this.locale);
    this.mediaDir = options.mediaDir ?? process.cwd();
  }

  /** Delivers one message; throws a classified error (see core/outbox/errors.ts). */
  async send(message: OutboxDelivery, signal: AbortSignal): Promise<SendResult> {
    try {
      return await untilAborted(this.render(message, signal), signal);
    } catch (error) {
      throw classifyZaloError(error);
    }
  }

  private async render(message: OutboxDelivery, signal: AbortSignal): Promise<SendResult> {
    const threadId = message.chat.externalId;
    const type = message.chat.kind === "PRIVATE" ? ThreadType.User : ThreadType.Group;
    const kind = message.chat.kind === "PRIVATE" ? "PRIVATE" : "GROUP";
    const payload: OutboxPayload = message.payload;
    const ids: string[] = [];
    const sendText = async (styled: StyledText) => {
      for (const part of splitStyledText(styled)) {
        signal.throwIfAborted();
        ids.push(...sentMessageIds(await this.api.sendMessage({ msg: part.text, ...(part.styles.length > 0 ? { styles: part.styles } : {}) }, threadId, type)));
      }
    };
    const sendFiles = async (attachments: AttachmentSource[], caption?: string) => {
      signal.throwIfAborted();
      ids.push(...sentMessageIds(await this.api.sendMessage({ msg: caption ?? "", attachments }, threadId, type)));
    };

    switch (payload.type) {
      case "text": {
        const menu = payload.choices ? this.menuOf(payload.choices) : null;
        await sendText(htmlToStyledText(menu ? `${payload.html}\n\n${this.list(menu)}` : payload.html));
        await this.menus.set(threadId, kind, menu ? { messageId: ids[ids.length - 1]!, choices: menu, sentIds: [...ids] } : null);
        break;
      }
      case "photos": {
        const attachments: AttachmentSource[] = [];
        for (const item of payload.items) attachments.push(await this.attachment(item, signal));
        const captions = payload.items.map((item) => item.caption).filter((c): c is string => Boolean(c?.trim()));
        const caption = captions.length > 0 ? htmlToStyledText(captions.join("\n\n")) : undefined;
        const menu = payload.choices ? this.menuOf(payload.choices) : null;
        if (attachments.length === 1 && caption && caption.text.length <= maxCaptionLength && !menu) {
          await sendFiles(attachments, caption.text);
        } else {
          for (let i = 0; i < attachments.length; i += maxAlbumSize) await sendFiles(attachments.slice(i, i + maxAlbumSize));
          const html = [captions.join("\n\n"), menu ? this.list(menu) : ""].filter(Boolean).join("\n\n");
          if (html) await sendText(htmlToStyledText(html));
        }
        if (menu) await this.menus.set(threadId, kind, { messageId: ids[ids.length - 1]!, choices: menu });
        break;
      }
      case "document": {
        const source = payload.file;
        const bytes = "path" in source ? await readFile(this.localFile(source.path)) : Buffer.from(await (await fetchOk(source.fileId, signal)).arrayBuffer());
        const name = payload.fileName ?? ("path" in source ? path.basename(source.path) : "file.bin");
        const filename = (name.includes(".") ? name : `${name}.bin`) as `${string}.${string}`;
        await sendFiles([{ data: bytes, filename, metadata: { totalSize: bytes.length } }]);
        if (payload.caption?.trim()) await sendText(htmlToStyledText(payload.caption));
        break;
      }
    }
    return { messageIds: ids };
  }

  private menuOf(choices: Choice[][]): ZaloMenu["choices"] {
    return choices.flat().map((c) => ({ label: c.label, payload: c.data }));
  }

  private list(menu: ZaloMenu["choices"]): string {
    return numberedList(menu, this.i18n.t(this.locale, "zalo-menu-hint", { count: menu.length }));
  }

  private async attachment(item: { path: string } | { fileId: string }, signal: AbortSignal): Promise<AttachmentSource> {
    if ("path" in item) return fileAttachment(this.localFile(item.path), this.mediaDir);
    return urlAttachment(item.fileId, signal);
  }

  /** A file from disk; a missing file will never appear, so the message fails for good. */
  private localFile(file: string): string {
    const full = path.resolve(this.mediaDir, file);
    if (!existsSync(full)) throw new PermanentSendError("message", `file not found: ${file}`);
    return full;
  }
}

// === Errors

/** Zalo's words for a chat the account can no longer write to. */
const chatGone = [
  /chặn/i,
  /block/i,
  /không (phải là|còn là|là) thành viên/i,
  /not a member/i,
  /không tồn tại/i,
  /does not exist|not exist/i,
  /giải tán/i,
  /bị (xóa|xoá|mời ra) khỏi nhóm/i,
];

/** zca-js's own refusals before anything is sent: the message itself is unsendable. */
const unsendable = [/^Missing /, /^Exceed maximum/, /^Invalid mentions/, /size exceed maximum/i, /^File .* size/];

/**
 * Sorts a failed zca-js call: code 221 ("Vượt quá số request cho phép") → rate limited for
 * the whole channel with no time (the configured long cool-down applies); code 122 and
 * blocked / not a member / thread not found → permanent for the chat; zca-js's own refusals
 * and invalid parameters (code 114) → permanent for the message; network failures, HTTP
 * errors, timeouts and anything else → transient.
 */
export function classifyZaloError(error: unknown): SendError {
  if (error instanceof RateLimitedError || error instanceof PermanentSendError || error instanceof TransientSendError) return error;
  const message = error instanceof Error ? error.message : String(error);
  const code = error instanceof ZaloApiError || hasNumericCode(error) ? (error as { code: number | null }).code : null;
  const text = code !== null ? `${code}: ${message}` : message;
  if (code === 221 || /vượt quá số request/i.test(message)) return new RateLimitedError("channel", undefined, text);
  if (code === 122 || chatGone.some((re) => re.test(message))) return new PermanentSendError("chat", text, { cause: error });
  if (code === 114 || (error instanceof ZaloApiError && code === null && unsendable.some((re) => re.test(message)))) {
    return new PermanentSendError("message", text, { cause: error });
  }
  if (error instanceof Error && (error.name === "AbortError" || error.name === "TimeoutError")) return new TransientSendError(`timeout: ${message}`, { cause: error });
  return new TransientSendError(text, { cause: error });
}

function hasNumericCode(error: unknown): error is { code: number } {
  return typeof error === "object" && error !== null && typeof (error as { code?: unknown }).code === "number";
}

// === Helpers


async function fetchOk(url: string, signal: AbortSignal): Promise<Response> {
  const response = await fetch(url, { signal });
  if (!response.ok) throw new TransientSendError(`download of ${url} failed: HTTP ${response.status}`);
  return response;
}

