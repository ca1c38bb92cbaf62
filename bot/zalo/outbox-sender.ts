// The outbox's Zalo side: renders an outbox payload as zca-js sends and sorts Zalo's errors
// into the outbox's classes. Retries and cool-downs are the worker's job, so none here.
import { untilAborted } from "../../core/async/until-aborted";
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { ThreadType, ZaloApiError, type AttachmentSource, type MessageContent, type SendMessageResponse } from "zca-js";
import type { DbTx } from "../../core/db/client";
import { Translations, type Locale } from "../../core/i18n";
import { PermanentSendError, RateLimitedError, TransientSendError, type SendError } from "../../core/outbox/errors";
import type { Choice, OutboxPayload } from "../../core/outbox/payload";
import type { ChannelLimits } from "../../core/outbox/rate-limiter";
import type { OutboxDelivery, Sender, SendResult } from "../../core/outbox/sender";
import { fileAttachment, urlAttachment } from "./attachments";
import { htmlToStyledText, splitStyledText, type StyledText } from "./format";
import { numberedList, ZaloMenuStore, type ZaloMenu } from "./menu";
import { requestsOf, type ZaloPace } from "./pace";
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
  /** The account's pace, shared with the direct replies; none sends at the outbox's pace alone. */
  pace?: ZaloPace;
  /**
   * Longest wait for the pace inside one send; past it the message goes back to the outbox
   * (rate limited, nothing sent) instead of running into the send timeout. Default 20 s.
   */
  maxPaceWaitMs?: number;
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
  private readonly pace: ZaloPace | undefined;
  private readonly maxPaceWaitMs: number;

  constructor(options: ZaloOutboxSenderOptions) {
    this.api = options.api;
    this.menus = new ZaloMenuStore(options.db);
    this.locale = options.locale ?? "vi";
    this.i18n = options.i18n ?? new Translations(this.locale);
    this.mediaDir = options.mediaDir ?? process.cwd();
    this.pace = options.pace;
    this.maxPaceWaitMs = options.maxPaceWaitMs ?? 20_000;
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
    const { calls, menu, menuIds } = await this.plan(message.payload, signal);
    // The whole message's requests are taken before the first leaves: a message is never cut
    // in the middle by the pace (the outbox would send its first part twice).
    await this.pace?.take(
      calls.reduce((sum, call) => sum + requestsOf(call), 0),
      { signal, maxWaitMs: this.maxPaceWaitMs },
    );
    const ids: string[] = [];
    for (const call of calls) {
      signal.throwIfAborted();
      ids.push(...sentMessageIds(await this.sendOne(call, threadId, type)));
    }
    if (menuIds !== "none") {
      const entry = menu ? { messageId: ids[ids.length - 1]!, choices: menu, ...(menuIds === "all" ? { sentIds: [...ids] } : {}) } : null;
      await this.menus.set(threadId, kind, entry);
    }
    return { messageIds: ids };
  }

  private async sendOne(call: MessageContent, threadId: string, type: ThreadType): Promise<SendMessageResponse> {
    try {
      return await this.api.sendMessage(call, threadId, type);
    } catch (error) {
      this.pace?.observe(error);
      throw error;
    }
  }

  /**
   * The zca-js calls one payload becomes, in order, and the menu to remember after them
   * ("all": the menu answers to every part sent; "last": to the last; "none": leave the
   * chat's menu alone).
   */
  private async plan(payload: OutboxPayload, signal: AbortSignal): Promise<{ calls: MessageContent[]; menu: ZaloMenu["choices"] | null; menuIds: "all" | "last" | "none" }> {
    const texts = (styled: StyledText): MessageContent[] =>
      splitStyledText(styled).map((part) => ({ msg: part.text, ...(part.styles.length > 0 ? { styles: part.styles } : {}) }));
    switch (payload.type) {
      case "text": {
        const menu = payload.choices ? this.menuOf(payload.choices) : null;
        return { calls: texts(htmlToStyledText(menu ? `${payload.html}\n\n${this.list(menu)}` : payload.html)), menu, menuIds: "all" };
      }
      case "photos": {
        const attachments: AttachmentSource[] = [];
        for (const item of payload.items) attachments.push(await this.attachment(item, signal));
        const captions = payload.items.map((item) => item.caption).filter((c): c is string => Boolean(c?.trim()));
        const caption = captions.length > 0 ? htmlToStyledText(captions.join("\n\n")) : undefined;
        const menu = payload.choices ? this.menuOf(payload.choices) : null;
        if (attachments.length === 1 && caption && caption.text.length <= maxCaptionLength && !menu) {
          return { calls: [{ msg: caption.text, attachments }], menu: null, menuIds: "none" };
        }
        const calls: MessageContent[] = [];
        for (let i = 0; i < attachments.length; i += maxAlbumSize) calls.push({ msg: "", attachments: attachments.slice(i, i + maxAlbumSize) });
        const html = [captions.join("\n\n"), menu ? this.list(menu) : ""].filter(Boolean).join("\n\n");
        if (html) calls.push(...texts(htmlToStyledText(html)));
        return { calls, menu, menuIds: menu ? "last" : "none" };
      }
      case "document": {
        const source = payload.file;
        const bytes = "path" in source ? await readFile(this.localFile(source.path)) : Buffer.from(await (await fetchOk(source.fileId, signal)).arrayBuffer());
        const name = payload.fileName ?? ("path" in source ? path.basename(source.path) : "file.bin");
        const filename = (name.includes(".") ? name : `${name}.bin`) as `${string}.${string}`;
        const calls: MessageContent[] = [{ msg: "", attachments: [{ data: bytes, filename, metadata: { totalSize: bytes.length } }] }];
        if (payload.caption?.trim()) calls.push(...texts(htmlToStyledText(payload.caption)));
        return { calls, menu: null, menuIds: "none" };
      }
    }
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

// zca-js passes Zalo's own `error_code` and `error_message` through unchanged as a ZaloApiError
// (zca-js 2.2, src/utils.ts handleZaloResponse / resolveResponse); it documents no codes of its
// own, so what each means comes from Zalo's words and zca-js's issue tracker.

/**
 * Codes after which the recipient cannot receive from this account: final for that chat (its
 * queued messages are cancelled, a group's subscription stops with Zalo's words as the reason,
 * shown in /subscriptions; a person's is logged).
 */
export const zaloCannotReceiveCodes: ReadonlyMap<number, string> = new Map([
  // "Bạn chưa thể gửi tin nhắn đến người này vì người này chặn không nhận tin nhắn từ người lạ":
  // the person refuses messages from strangers. Code and words seen together in zca-js issue
  // #307 (2026-03) and in a Zalo code list quoted in #189 (BLOCKED_STRANGER_USER = 122). Sure.
  [122, "the person does not accept messages from strangers"],
]);

/**
 * Zalo's words for a chat the account can no longer write to (blocked; not or no longer a
 * member; the group dissolved or gone). Zalo's codes for these are not documented anywhere
 * we could check, so the words decide; fairly sure of the words, not of any code.
 */
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

// Not final: "Không thể nhận tin nhắn từ bạn." In zca-js issue #94 the maintainers traced it to
// the same text sent twice within a short time, and #328 (open) sees it in a group that works
// otherwise: retried like any transient failure. Fairly sure it is not a lasting refusal.

/** zca-js's own refusals before anything is sent: the message itself is unsendable. */
const unsendable = [/^Missing /, /^Exceed maximum/, /^Invalid mentions/, /size exceed maximum/i, /^File .* size/];

/**
 * Sorts a failed zca-js call: code 221 ("Vượt quá số request cho phép", zca-js issues #114 and
 * #223) → rate limited for the whole channel with no time (the configured long cool-down
 * applies); a cannot-receive code ({@link zaloCannotReceiveCodes}) and blocked / not a member /
 * thread not found → permanent for the chat; zca-js's own refusals and invalid parameters
 * (code 114, "Tham số không hợp lệ") → permanent for the message; network failures, HTTP
 * errors, timeouts and anything else → transient.
 */
export function classifyZaloError(error: unknown): SendError {
  if (error instanceof RateLimitedError || error instanceof PermanentSendError || error instanceof TransientSendError) return error;
  const message = error instanceof Error ? error.message : String(error);
  const code = error instanceof ZaloApiError || hasNumericCode(error) ? (error as { code: number | null }).code : null;
  const text = code !== null ? `${code}: ${message}` : message;
  if (code === 221 || /vượt quá số request/i.test(message)) return new RateLimitedError("channel", undefined, text);
  if ((code !== null && zaloCannotReceiveCodes.has(code)) || chatGone.some((re) => re.test(message))) {
    return new PermanentSendError("chat", text, { cause: error, reason: cannotReceiveReason });
  }
  if (code === 114 || (error instanceof ZaloApiError && code === null && unsendable.some((re) => re.test(message)))) {
    return new PermanentSendError("message", text, { cause: error });
  }
  if (error instanceof Error && (error.name === "AbortError" || error.name === "TimeoutError")) return new TransientSendError(`timeout: ${message}`, { cause: error });
  return new TransientSendError(text, { cause: error });
}

/** The outbox row's `failureReason` when the recipient cannot receive from the account. */
export const cannotReceiveReason = "zalo-cannot-receive";

function hasNumericCode(error: unknown): error is { code: number } {
  return typeof error === "object" && error !== null && typeof (error as { code?: unknown }).code === "number";
}

// === Helpers


async function fetchOk(url: string, signal: AbortSignal): Promise<Response> {
  const response = await fetch(url, { signal });
  if (!response.ok) throw new TransientSendError(`download of ${url} failed: HTTP ${response.status}`);
  return response;
}

