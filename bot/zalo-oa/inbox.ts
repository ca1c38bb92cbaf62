// Zalo wants a 200 within 2 seconds and does not deliver again once it had one, so each event
// is written to the database first (ZaloOaInboxEvent, a PersistedInbox) and answered, then
// handled from there. The dedup key makes an event Zalo delivers twice one row, handled once.
import type { Logger } from "pino";
import { PersistedInbox, type PersistedInboxOptions } from "../../core/channel/inbox";
import type { Db } from "../../core/db/client";

/** What makes two deliveries the same event: the message id, or event + time + sender. */
export function dedupKeyOf(event: { event_name?: unknown; timestamp?: unknown; message?: { msg_id?: unknown }; sender?: { id?: unknown }; follower?: { id?: unknown }; user_id?: unknown }): string {
  const msgId = event.message?.msg_id;
  if (typeof msgId === "string" && msgId) return `msg:${msgId}`;
  const who = event.sender?.id ?? event.follower?.id ?? event.user_id ?? "";
  return `ev:${String(event.event_name ?? "")}:${String(event.timestamp ?? "")}:${String(who)}`;
}

/** What an {@link OaInbox} needs. */
export type OaInboxOptions = Omit<PersistedInboxOptions, "table" | "name"> & { db: Db; log: Logger };

/**
 * The OA's persisted inbox.
 *
 * ```ts
 * const inbox = new OaInbox({ db, log, handle: (body) => adapter.process(body) });
 * inbox.start();
 * await inbox.store(rawBody, "user_send_text", dedupKeyOf(event)); // then answer 200
 * ```
 */
export class OaInbox extends PersistedInbox {
  constructor({ db, ...options }: OaInboxOptions) {
    super({ ...options, table: db.zaloOaInboxEvent, name: "zalo oa" });
  }
}
