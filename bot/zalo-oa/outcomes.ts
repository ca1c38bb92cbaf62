// Zalo's sending rules as outcomes the outbox understands, never retried blindly: outside the
// 7-day window (-230, -232) a message is final and counted; at night (-234) it waits for 06:00;
// over the rate limit (-32) the channel rests; a configuration problem stops OA sending and
// the admins are told once, in their language, what to do.
import { outsideWindowReason, PermanentSendError, RateLimitedError, TransientSendError, type SendError } from "../../core/outbox/errors";
import { OaApiError } from "./api";
import { OaNotConnectedError, OaTokenError } from "./tokens";

/** Codes that mean the person cannot be reached by a consultation message now. */
export const windowCodes: ReadonlySet<number> = new Set([-230, -232]);

/** Codes that mean the app or the OA is not set up for what was asked: an admin must act. */
export const configurationCodes: ReadonlySet<number> = new Set([-209, -212, -219, -221, -223, -224, -235, -216, -220]);

/** Codes that mean the group is not the OA's to write to (not owned, or expired). */
const groupGoneCodes: ReadonlySet<number> = new Set([-403, -237]);

/** Codes that mean this message itself is wrong (a parameter, a type, the content). */
const badMessageCodes: ReadonlySet<number> = new Set([-201, -210, -233, -248]);

/** Codes that mean the person cannot receive from the OA at all (locked, restricted). */
const unreachableCodes: ReadonlySet<number> = new Set([-213, -227, -244]);

/** How long OA sending rests after a configuration error before it tries again. */
export const configurationPauseSeconds = 30 * 60;

/** Seconds from `now` to the next 06:00 in Vietnam (UTC+7, no daylight saving). */
export function secondsUntilMorning(now: Date): number {
  const local = new Date(now.getTime() + 7 * 3600_000);
  const morning = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate(), 6, 0, 0));
  if (morning.getTime() <= local.getTime()) morning.setUTCDate(morning.getUTCDate() + 1);
  return Math.ceil((morning.getTime() - local.getTime()) / 1000);
}

/** The code an error carries when it is Zalo's, else undefined. */
export function oaCodeOf(error: unknown): number | undefined {
  if (error instanceof OaApiError) return error.code;
  if (error instanceof OaTokenError) return -220;
  if (error instanceof OaNotConnectedError) return -216;
  return undefined;
}

/**
 * Sorts a failed OA send into the outbox's classes.
 *
 * ```ts
 * classifyOaError(new OaApiError(-230, "…", "/v3.0/oa/message/cs"), new Date()) // PermanentSendError("message", …, { reason: "outside-window" })
 * ```
 */
export function classifyOaError(error: unknown, now: Date): SendError {
  if (error instanceof RateLimitedError || error instanceof PermanentSendError || error instanceof TransientSendError) return error;
  const code = oaCodeOf(error);
  const text = error instanceof Error ? error.message : String(error);
  if (code === undefined) {
    if (error instanceof Error && (error.name === "AbortError" || error.name === "TimeoutError")) return new TransientSendError(`timeout: ${text}`, { cause: error });
    return new TransientSendError(text, { cause: error });
  }
  if (windowCodes.has(code)) return new PermanentSendError("message", text, { cause: error, reason: outsideWindowReason });
  if (code === -234) return new RateLimitedError("chat", secondsUntilMorning(now), text);
  if (code === -32) return new RateLimitedError("channel", 60, text);
  if (code === -211) return new RateLimitedError("channel", 3600, text);
  if (code === -218) return new RateLimitedError("chat", 24 * 3600, text);
  if (configurationCodes.has(code)) return new RateLimitedError("channel", configurationPauseSeconds, text);
  if (groupGoneCodes.has(code)) return new PermanentSendError("chat", text, { cause: error, reason: "group-not-owned" });
  if (unreachableCodes.has(code)) return new PermanentSendError("message", text, { cause: error, reason: "unreachable" });
  if (badMessageCodes.has(code)) return new PermanentSendError("message", text, { cause: error });
  return new TransientSendError(text, { cause: error });
}

/** Whether an error calls for the admins: the OA's set-up (or its token chain) is broken. */
export function needsAdmin(error: unknown): number | undefined {
  const code = oaCodeOf(error);
  return code !== undefined && (configurationCodes.has(code) || groupGoneCodes.has(code)) ? code : undefined;
}
