// How a channel sender reports a failed delivery. The worker decides what happens next
// (wait, retry, give up) from the class alone, so senders never retry on their own.

/**
 * The channel refused for flood control. Not a failed attempt: the row waits and goes again.
 * `retryAfterSeconds` is what the channel asked for (Telegram's `retry_after`); when absent
 * the channel's configured cool-down applies (Zalo's code 221 names no time).
 */
export class RateLimitedError extends Error {
  constructor(
    readonly scope: "chat" | "channel",
    readonly retryAfterSeconds: number | undefined,
    message: string,
  ) {
    super(message);
    this.name = "RateLimitedError";
  }
}

/**
 * The `failureReason` of a message the channel refused because the person has not written
 * lately (the Zalo OA's 7-day window): final for that message, counted in /broadcasts and the
 * reminder logs, and never planned again for the same person and story.
 */
export const outsideWindowReason = "outside-window";

/** A failure that may pass (5xx, network, timeout): retried with backoff up to a limit. */
export class TransientSendError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "TransientSendError";
  }
}

/**
 * A failure that will not pass. `scope: "chat"` means the chat itself is gone for the bot
 * (blocked, kicked, chat not found): its other queued rows are cancelled and the
 * permanent-failure hook runs. `scope: "message"` means only this message is bad.
 */
export class PermanentSendError extends Error {
  /** Why, in one word reports count by (the row's `failureReason`), e.g. "outside-window". */
  readonly reason: string | undefined;

  constructor(
    readonly scope: "chat" | "message",
    message: string,
    options?: { cause?: unknown; reason?: string },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = "PermanentSendError";
    this.reason = options?.reason;
  }
}

/** Any classified send failure. */
export type SendError = RateLimitedError | TransientSendError | PermanentSendError;

/** Treats anything a sender threw without classifying as transient, keeping its text. */
export function classifyUnknown(error: unknown): SendError {
  if (error instanceof RateLimitedError || error instanceof TransientSendError || error instanceof PermanentSendError) return error;
  const text = error instanceof Error ? error.message : String(error);
  return new TransientSendError(text, { cause: error });
}
