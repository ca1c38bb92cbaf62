// The outbox's Bot Platform side: renders an outbox payload as Bot Platform messages (text
// with numbered choices, photos by signed public address, a document named in a text since
// the Bot Platform cannot send files) and sorts Zalo's refusals into the outbox's classes.
import type { Logger } from "pino";
import { untilAborted } from "../../core/async/until-aborted";
import { afterPhotos, documentAsText, numberedMenu, photoCaptions, storedFile } from "../../core/outbox/numbered-parts";
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
        ids.push(...(await messenger.sendText(chatId, payload.html, numberedMenu(payload.choices), signal)));
        break;
      }
      case "photos": {
        const { captions, single } = photoCaptions(payload);
        for (const [i, item] of payload.items.entries()) {
          const source = "path" in item ? { path: storedFile(this.options.mediaDir, item.path) } : sourceOfFileId(item.fileId);
          ids.push(...(await messenger.sendPhoto(chatId, source, single && i === 0 ? captions[0] : undefined, signal)));
        }
        const after = afterPhotos(payload);
        if (after) ids.push(...(await messenger.sendText(chatId, after.html, after.menu, signal)));
        break;
      }
      case "document": {
        // The Bot Platform sends no files: the document is named in a text.
        ids.push(...(await messenger.sendText(chatId, documentAsText(payload), undefined, signal)));
        break;
      }
    }
    return { messageIds: ids };
  }
}
