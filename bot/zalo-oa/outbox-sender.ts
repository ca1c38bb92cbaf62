// The outbox's OA side: renders an outbox payload as OA messages and sorts Zalo's refusals into
// the outbox's classes (outcomes.ts). Before a consultation message it checks the 7-day window
// it knows of; a message Zalo refuses for the window is final, counted (failureReason), and
// the same message is queued to the person's linked Telegram or Zalo account, if any.
import { readFile } from "node:fs/promises";
import type { Logger } from "pino";
import { untilAborted } from "../../core/async/until-aborted";
import { outsideZaloOaWindow } from "../../core/channel/zalo-oa-window";
import type { Db } from "../../core/db/client";
import type { Channel } from "../../core/db/generated/sqlite/enums";
import { fetchFile } from "../../core/media/fetch-file";
import { detourKey, enqueue } from "../../core/outbox/enqueue";
import { outsideWindowReason, PermanentSendError } from "../../core/outbox/errors";
import { afterPhotos, documentAsText, numberedMenu, photoCaptions, storedFile } from "../../core/outbox/numbered-parts";
import type { OutboxPayload } from "../../core/outbox/payload";
import type { OutboxDelivery, Sender, SendResult } from "../../core/outbox/sender";
import { OaApiError } from "./api";
import type { OaMessenger } from "./messenger";
import { classifyOaError, needsAdmin } from "./outcomes";

/** What a {@link ZaloOaOutboxSender} needs. */
export interface ZaloOaOutboxSenderOptions {
  db: Db;
  log: Logger;
  messenger: OaMessenger;
  mediaDir: string;
  /** Channels a person may be reached on instead, in order of preference (those running). */
  fallbackChannels: Channel[];
  /** Called once per broken set-up (the code): the app alerts the admins on other channels. */
  onConfigurationError?: (code: number) => void | Promise<void>;
  now?: () => Date;
}

/** The kinds of a digest's messages (core/digest/compose.ts). */
const digestParts: ReadonlySet<string> = new Set(["digest-header", "digest-story", "digest-footer"]);

/**
 * Sends outbox messages on the OA.
 *
 * @example
 * const worker = new OutboxWorker({ db, log, senders: [new ZaloOaOutboxSender({ db, log, messenger, mediaDir, fallbackChannels: ["TELEGRAM"] })] });
 */
export class ZaloOaOutboxSender implements Sender {
  readonly channel = "ZALO_OA" as const;
  private readonly now: () => Date;
  private readonly alerted = new Set<number>();

  constructor(private readonly options: ZaloOaOutboxSenderOptions) {
    this.now = options.now ?? (() => new Date());
  }

  async send(message: OutboxDelivery, signal: AbortSignal): Promise<SendResult> {
    try {
      if (message.chat.kind === "PRIVATE") await this.checkWindow(message.chat.externalId);
      return await untilAborted(this.render(message, signal), signal);
    } catch (error) {
      const classified = classifyOaError(error, this.now());
      // A digest part is for the chat that subscribed, not for the person wherever they are.
      const forThePerson = !digestParts.has(message.kind);
      if (classified instanceof PermanentSendError && classified.reason === outsideWindowReason && forThePerson) await this.reachElsewhere(message);
      const code = needsAdmin(error);
      if (code !== undefined && !this.alerted.has(code)) {
        this.alerted.add(code);
        await Promise.resolve(this.options.onConfigurationError?.(code)).catch((err: unknown) => this.options.log.error({ err }, "zalo oa: alerting the admins failed"));
      }
      throw classified;
    }
  }

  /** A person last seen more than 7 days ago is outside the window: Zalo is not asked. */
  private async checkWindow(userId: string): Promise<void> {
    const contact = await this.options.db.zaloOaContact.findUnique({ where: { userId }, select: { lastInteractionAt: true } });
    if (contact && outsideZaloOaWindow(contact.lastInteractionAt, this.now())) {
      throw new OaApiError(-230, "no interaction in the last 7 days (known before sending)", "/v3.0/oa/message/cs");
    }
  }

  /** Queues the same message to the person's account on another channel, once. */
  private async reachElsewhere(message: OutboxDelivery): Promise<void> {
    const { db, log } = this.options;
    const identity = await db.channelIdentity.findUnique({
      where: { channel_externalId: { channel: "ZALO_OA", externalId: message.chat.externalId } },
      select: { person: { select: { identities: { select: { channel: true, externalId: true } } } } },
    });
    const others = identity?.person.identities ?? [];
    for (const channel of this.options.fallbackChannels) {
      const other = others.find((i) => i.channel === channel);
      if (!other) continue;
      await enqueue(db, {
        idempotencyKey: detourKey(message.idempotencyKey, channel),
        chat: { channel, externalId: other.externalId, kind: "PRIVATE" },
        kind: message.kind,
        payload: message.payload,
      });
      log.info({ outboxId: message.id, channel }, "zalo oa: outside the window, the person is reached on a linked channel");
      return;
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
          const bytes = "path" in item ? await readFile(storedFile(this.options.mediaDir, item.path)) : (await fetchFile(item.fileId, signal)).bytes;
          ids.push(await messenger.sendPhoto(chatId, bytes, single && i === 0 ? captions[0] : undefined, signal));
        }
        const after = afterPhotos(payload);
        if (after) ids.push(...(await messenger.sendText(chatId, after.html, after.menu, signal)));
        break;
      }
      case "document": {
        // The OA's file upload takes PDF/DOC/DOCX only: the document is named in a text.
        ids.push(...(await messenger.sendText(chatId, documentAsText(payload), undefined, signal)));
        break;
      }
    }
    return { messageIds: ids };
  }
}
