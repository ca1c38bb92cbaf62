// When a chat is gone for the bot (blocked, kicked, deleted), its subscription stops, and the
// reason stays on the row so admins can see why it went quiet.
import type { Logger } from "pino";
import type { DbTx } from "../db/client";
import type { PermanentSendError } from "./errors";
import type { OutboxChat } from "./sender";

/**
 * Marks the chat's subscription inactive with the reason and the time. Returns true when an
 * active subscription was stopped, false when there was none or it was already inactive
 * (the first reason is kept).
 */
export async function deactivateSubscription(db: DbTx, chatId: number, reason: string, now = new Date()): Promise<boolean> {
  const { count } = await db.subscription.updateMany({
    where: { chatId, active: true },
    data: { active: false, deactivatedAt: now, deactivationReason: reason },
  });
  return count > 0;
}

/**
 * The permanent-failure hook the app gives the outbox worker: stops the chat's subscription
 * with the channel's own words as the reason.
 *
 * @example
 * new OutboxWorker({ db, log, senders, onPermanentFailure: deactivateOnPermanentFailure(db, log) });
 */
export function deactivateOnPermanentFailure(db: DbTx, log: Logger) {
  return async (chat: OutboxChat, error: PermanentSendError): Promise<void> => {
    const stopped = await deactivateSubscription(db, chat.id, `${chat.channel}: ${error.message}`);
    if (stopped) log.warn({ chatId: chat.id, channel: chat.channel, reason: error.message }, "subscription deactivated");
  };
}
