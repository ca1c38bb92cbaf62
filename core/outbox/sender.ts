// The one seam between the outbox and a channel: the worker hands a message to a Sender and
// reads back either the channel's message ids or a classified error (see errors.ts).
import type { Channel, ChatKind } from "../db/generated/sqlite/enums";
import type { OutboxPayload } from "./payload";

/** The chat a message goes to, as the outbox stores it. */
export interface OutboxChat {
  /** Chat row id. */
  id: number;
  channel: Channel;
  /** The channel's own id of the chat (Telegram chat id, Zalo thread id). */
  externalId: string;
  kind: ChatKind;
}

/** One queued message as the outbox hands it to a sender (a chat message of the port is a `ChatMessage`). */
export interface OutboxDelivery {
  /** Outbox row id. */
  id: number;
  idempotencyKey: string;
  chat: OutboxChat;
  /** What the message is for (e.g. "digest", "reminder"), for logs. */
  kind: string;
  payload: OutboxPayload;
  /** Failed attempts so far. */
  attempts: number;
}

/** What a channel returns for a delivered message. */
export interface SendResult {
  /** The channel's message ids, one per message it created (an album creates several). */
  messageIds: string[];
}

/**
 * Delivers outbox messages on one channel. Implementations throw RateLimitedError,
 * TransientSendError or PermanentSendError; anything else counts as transient. They must
 * stop when `signal` aborts, so a send never outlives the worker's lease on its row.
 *
 * @example
 * const worker = new OutboxWorker({ db, log, senders: [new TelegramOutboxSender(api)] });
 */
export interface Sender {
  readonly channel: Channel;
  send(message: OutboxDelivery, signal: AbortSignal): Promise<SendResult>;
}
