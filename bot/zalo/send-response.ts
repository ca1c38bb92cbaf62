// What a zca-js send answered. An answer that names no message means Zalo took nothing: it
// is a failure (retried by the outbox, reported by a direct reply), never a delivery.
import type { SendMessageResponse } from "zca-js";
import { TransientSendError } from "../../core/outbox/errors";

/** Zalo answered a send without any message id. */
export class EmptySendResponseError extends TransientSendError {
  constructor() {
    super("Zalo answered the send without a message id (nothing was delivered)");
    this.name = "EmptySendResponseError";
  }
}

/**
 * The ids of the messages a send created: the text's, then one per attachment. Throws
 * {@link EmptySendResponseError} when there are none.
 */
export function sentMessageIds(response: SendMessageResponse | null | undefined): string[] {
  const ids = [...(response?.message ? [response.message] : []), ...(response?.attachment ?? [])].map((m) => String(m.msgId));
  if (ids.length === 0) throw new EmptySendResponseError();
  return ids;
}
