// The outbox's Bot Platform side: renders an outbox payload as Bot Platform messages (text
// with numbered choices, photos by signed public address, a document named in a text since
// the Bot Platform cannot send files) and sorts Zalo's refusals into the outbox's classes.
import { existsSync } from "node:fs";
import path from "node:path";
import type { Logger } from "pino";
import { untilAborted } from "../../core/async/until-aborted";
import { PermanentSendError } from "../../core/outbox/errors";
import type { OutboxPayload } from "../../core/outbox/payload";
import type { OutboxDelivery, Sender, SendResult } from "../../core/outbox/sender";
import { sourceOfFileId } from "./adapter";
import { ZaloBotApiError } from "./api";
import type { BotMessenger } from "./messenger";
import { classifyBotError } from "./outcomes";
import type { QuotaCooldown } from "./quota";

/** What a {@link ZaloBotOutboxSender} needs. */
export interface ZaloBotOutboxSenderOptions {
  log: Logger;
  messenger: BotMessenger;
  quota: QuotaCooldown;
  mediaDir: string;
  /** Called once when Zalo refuses the token (401): the app alerts the admins elsewhere. */
  onTokenRefused?: () => void | Promise<void>;
}

/**
 * Sends outbox messages on the Bot Platform.
 *
 * @example
 * const worker = new OutboxWorker({ db, log, senders: [new ZaloBotOutboxSender({ log, messenger, quota, mediaDir })] });
 */
export class ZaloBotOutboxSender implements Sender {
  readonly channel = "ZALO_BOT" as const;
  private tokenAlerted = false;

  constructor(private readonly options: ZaloBotOutboxSenderOptions) {}

  async send(message: OutboxDelivery, signal: AbortSignal): Promise<SendResult> {
    try {
      return await untilAborted(this.render(message, signal), signal);
    } catch (error) {
      if (error instanceof ZaloBotApiError && error.code === 401 && !this.tokenAlerted) {
        this.tokenAlerted = true;
        await Promise.resolve(this.options.onTokenRefused?.()).catch((err: unknown) => this.options.log.error({ err }, "zalo bot: alerting the admins failed"));
      }
      throw classifyBotError(error, this.options.quota.remainingSeconds());
    }
  }

  private async render(message: OutboxDelivery, signal: AbortSignal): Promise<SendResult> {
    const chatId = message.chat.externalId;
    const { messenger } = this.options;
    messenger.remember(chatId, message.chat.kind !== "PRIVATE");
    const payload: OutboxPayload = message.payload;
    const ids: string[] = [];
    switch (payload.type) {
      case "text": {
        const menu = payload.choices ? { choices: payload.choices.flat().map((c) => ({ label: c.label, payload: c.data })) } : null;
        ids.push(...(await messenger.sendText(chatId, payload.html, menu, signal)));
        break;
      }
      case "photos": {
        const captions = payload.items.map((item) => item.caption).filter((c): c is string => Boolean(c?.trim()));
        const single = payload.items.length === 1 && !payload.choices;
        for (const [i, item] of payload.items.entries()) {
          const source = "path" in item ? { path: this.localFile(item.path) } : sourceOfFileId(item.fileId);
          ids.push(...(await messenger.sendPhoto(chatId, source, single && i === 0 ? captions[0] : undefined, signal)));
        }
        const menu = payload.choices ? { choices: payload.choices.flat().map((c) => ({ label: c.label, payload: c.data })) } : null;
        const html = single ? "" : captions.join("\n\n");
        if (html || menu) ids.push(...(await messenger.sendText(chatId, html || "⬆️", menu, signal)));
        break;
      }
      case "document": {
        // The Bot Platform sends no files: the document is named in a text.
        const name = payload.fileName ?? ("path" in payload.file ? path.basename(payload.file.path) : "tệp");
        ids.push(...(await messenger.sendText(chatId, [payload.caption, `📎 ${name}`].filter(Boolean).join("\n\n"), undefined, signal)));
        break;
      }
    }
    return { messageIds: ids };
  }

  /** A stored file; a missing one will never appear, so the message fails for good. */
  private localFile(file: string): string {
    const full = path.resolve(this.options.mediaDir, file);
    if (!existsSync(full)) throw new PermanentSendError("message", `file not found: ${file}`);
    return full;
  }
}
