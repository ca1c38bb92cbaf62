// One pace per Zalo account. Zalo publishes no limits and locks accounts that send fast, and it
// counts requests, not messages: a photo is an upload and then a send, an album of ten is twenty
// requests. The outbox and the direct replies share the account, so both draw every request from
// this one budget, and a code 221 heard on either path rests both.
import type { MessageContent } from "zca-js";
import { RateLimitedError } from "../../core/outbox/errors";
import type { ChannelLimits } from "../../core/outbox/rate-limiter";
import { TokenBucket } from "../../core/outbox/rate-limiter";

/** What a {@link ZaloPace} needs. */
export interface ZaloPaceOptions {
  /** Milliseconds between two requests on average; 0 never waits. */
  intervalMs: number;
  /** How long every request waits after Zalo's code 221 ("Vượt quá số request cho phép"). */
  cooldownMs: number;
  /** Milliseconds since the epoch; default Date.now. */
  clock?: () => number;
  /** How to wait; default a timer that the signal cuts short. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/**
 * Requests one zca-js `sendMessage` call makes (zca-js 2.2, src/apis/sendMessage.ts and
 * uploadAttachment.ts): one per text; per attachment one upload (files over Zalo's chunk size,
 * a login setting, take one per chunk: counted as one here) and one send; the text goes as its
 * own message unless it rides as the caption of a single jpg/png/webp.
 */
export function requestsOf(content: MessageContent | string): number {
  const message = typeof content === "string" ? { msg: content } : content;
  const attachments = message.attachments === undefined ? [] : Array.isArray(message.attachments) ? message.attachments : [message.attachments];
  if (attachments.length === 0) return 1;
  const first = attachments[0]!;
  const name = typeof first === "string" ? first : first.filename;
  const caption = attachments.length === 1 && /\.(jpe?g|png|webp)$/i.test(name);
  return attachments.length * 2 + (message.msg && !caption ? 1 : 0);
}

function timerSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason as Error);
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason as Error);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/**
 * The account's request budget: a token bucket of one request per interval. A call worth n
 * requests goes as soon as the budget is not in debt and takes all n, so the call after it
 * waits n intervals: over time, never more than one request per interval. Callers are served
 * in the order they asked.
 *
 * @example
 * const pace = ZaloPace.fromLimits(zaloOutboxLimits(settings));
 * await pace.take(requestsOf(content));
 * await api.sendMessage(content, threadId, type);
 */
export class ZaloPace {
  private readonly bucket: TokenBucket;
  private readonly intervalMs: number;
  private readonly cooldownMs: number;
  private readonly clock: () => number;
  private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  private pausedUntil = 0;
  private turn: Promise<void> = Promise.resolve();

  constructor(options: ZaloPaceOptions) {
    this.intervalMs = options.intervalMs;
    this.cooldownMs = options.cooldownMs;
    this.clock = options.clock ?? Date.now;
    this.sleep = options.sleep ?? timerSleep;
    this.bucket = new TokenBucket(1, this.intervalMs > 0 ? 1 / this.intervalMs : Infinity, this.clock());
  }

  /** The pace the channel's limits describe: their overall rate, and their cool-down after 221. */
  static fromLimits(limits: Pick<ChannelLimits, "perSecond" | "cooldownSeconds">, options: Pick<ZaloPaceOptions, "clock" | "sleep"> = {}): ZaloPace {
    const intervalMs = Number.isFinite(limits.perSecond) && limits.perSecond > 0 ? 1000 / limits.perSecond : 0;
    return new ZaloPace({ intervalMs, cooldownMs: limits.cooldownSeconds * 1000, ...options });
  }

  /**
   * Waits for this account's turn and takes `requests` from the budget. Throws a
   * {@link RateLimitedError} at once while Zalo's cool-down lasts, and when the wait would be
   * longer than `maxWaitMs` (the outbox then retries the message later, nothing sent).
   */
  take(requests: number, options: { signal?: AbortSignal; maxWaitMs?: number } = {}): Promise<void> {
    const mine = this.turn.then(() => this.takeInTurn(requests, options));
    this.turn = mine.catch(() => undefined);
    return mine;
  }

  /** Rests every request until `until` (epoch ms): after a code 221 on any path. */
  pause(until: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, until);
  }

  /** Rests for the configured cool-down when `error` is Zalo's code 221; true when it was. */
  observe(error: unknown): boolean {
    if (!isRateLimit(error)) return false;
    this.pause(this.clock() + this.cooldownMs);
    return true;
  }

  private async takeInTurn(requests: number, options: { signal?: AbortSignal; maxWaitMs?: number }): Promise<void> {
    for (;;) {
      options.signal?.throwIfAborted();
      const now = this.clock();
      if (this.pausedUntil > now) {
        throw new RateLimitedError("channel", Math.ceil((this.pausedUntil - now) / 1000), `Zalo asked this account to rest (code 221) until ${new Date(this.pausedUntil).toISOString()}`);
      }
      const wait = this.bucket.waitMs(now);
      if (wait === 0) {
        for (let i = 0; i < requests; i += 1) this.bucket.take(now);
        return;
      }
      if (options.maxWaitMs !== undefined && wait > options.maxWaitMs) {
        throw new RateLimitedError("channel", Math.ceil(wait / 1000), `the Zalo account's requests are paced: next one in ${wait} ms`);
      }
      await this.sleep(wait, options.signal);
    }
  }
}

/** Zalo's code 221, or its words, on an error from zca-js (not the pace's own refusals). */
function isRateLimit(error: unknown): boolean {
  if (error instanceof RateLimitedError) return false;
  const code = typeof error === "object" && error !== null ? (error as { code?: unknown }).code : undefined;
  const message = error instanceof Error ? error.message : String(error);
  return code === 221 || /vượt quá số request/i.test(message);
}
