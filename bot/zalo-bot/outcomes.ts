// The Bot Platform's refusals as outcomes the outbox understands: 429 (quota) rests the whole
// channel for the shared cool-down; 401 (the token was reset) rests it and calls an admin;
// 400 and 404 are this message's fault and final; 403 ("internal server error"), 408, 5xx
// and network failures pass and are retried.
import { PermanentSendError, RateLimitedError, TransientSendError, type SendError } from "../../core/outbox/errors";
import { ZaloBotApiError } from "./api";
import { quotaCooldownSeconds } from "./quota";

/** How long sending rests after Zalo refused the token, before it tries again. */
export const tokenPauseSeconds = 30 * 60;

/**
 * Sorts a failed send into the outbox's classes.
 *
 * ```ts
 * classifyBotError(new ZaloBotApiError(429, "Quota exceeded", "sendMessage"), 1200) // RateLimitedError("channel", 1200)
 * ```
 */
export function classifyBotError(error: unknown, cooldownLeftSeconds: number): SendError {
  if (error instanceof RateLimitedError || error instanceof PermanentSendError || error instanceof TransientSendError) return error;
  const text = error instanceof Error ? error.message : String(error);
  if (!(error instanceof ZaloBotApiError)) return new TransientSendError(text, { cause: error });
  switch (error.code) {
    case 429:
      return new RateLimitedError("channel", cooldownLeftSeconds || quotaCooldownSeconds, text);
    case 401:
      return new RateLimitedError("channel", tokenPauseSeconds, text);
    case 400:
    case 404:
      return new PermanentSendError("message", text, { cause: error, reason: "refused" });
    default:
      return new TransientSendError(text, { cause: error });
  }
}
