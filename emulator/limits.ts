import { tooManyRequests } from "./errors";

// === Configuration

/** Flood-control settings, modelled on Telegram's published limits. */
export interface RateLimitConfig {
  /** Messages per second to one chat over time (Telegram: about 1). */
  perChatPerSecond: number;
  /** Messages that may go to one chat at once before the per-chat rate applies. */
  perChatBurst: number;
  /** Messages per minute to one group, supergroup or channel (Telegram: 20). */
  perGroupPerMinute: number;
  /** Messages per second over all chats (Telegram: about 30). */
  globalPerSecond: number;
}

/** Telegram's limits as the emulator applies them when rate limiting is switched on. */
export const telegramRateLimits: RateLimitConfig = {
  perChatPerSecond: 1,
  perChatBurst: 3,
  perGroupPerMinute: 20,
  globalPerSecond: 30,
};

/**
 * Which of Telegram's limits an emulator enforces. Content limits (message and caption
 * length, album size, callback_data size, keyboard shape) are on by default because a real
 * server always enforces them; rate limits are off by default so ordinary tests are not
 * slowed down, and a test that studies flood control switches them on.
 */
export interface LimitsConfig {
  content: boolean;
  rate: RateLimitConfig | false;
}

/** The defaults: content limits on, rate limits off. */
export const defaultLimits: LimitsConfig = { content: true, rate: false };

/** Telegram's content limits. */
export const contentLimits = {
  textLength: 4096,
  captionLength: 1024,
  albumMin: 2,
  albumMax: 10,
  callbackDataBytes: 64,
  callbackAnswerLength: 200,
  downloadBytes: 20 * 1024 * 1024,
} as const;

// === Rate limiting

class TokenBucket {
  private tokens: number;
  private updatedAt: number;

  constructor(
    private readonly capacity: number,
    private readonly perMs: number,
    now: number,
  ) {
    this.tokens = capacity;
    this.updatedAt = now;
  }

  /** Milliseconds until a token is available; 0 when one is available now. */
  waitMs(now: number): number {
    this.refill(now);
    return this.tokens >= 1 ? 0 : (1 - this.tokens) / this.perMs;
  }

  take(now: number): void {
    this.refill(now);
    this.tokens -= 1;
  }

  private refill(now: number): void {
    this.tokens = Math.min(this.capacity, this.tokens + (now - this.updatedAt) * this.perMs);
    this.updatedAt = now;
  }
}

/**
 * Token buckets per bot: one per chat, one per group chat, one overall. A message that would
 * overflow any of them is refused with 429 and `retry_after`, and uses no token.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, TokenBucket>();

  // Read through Date.now at each call, so a test can hold the clock still.
  constructor(private readonly now: () => number = () => Date.now()) {}

  /** Counts one outgoing message to `chatId`, or throws 429 when a limit is reached. */
  hit(config: RateLimitConfig, botId: number, chatId: number, isGroup: boolean): void {
    const now = this.now();
    const buckets = [
      this.bucket(`${botId}:global`, config.globalPerSecond, config.globalPerSecond / 1000, now),
      this.bucket(`${botId}:chat:${chatId}`, config.perChatBurst, config.perChatPerSecond / 1000, now),
      ...(isGroup ? [this.bucket(`${botId}:group:${chatId}`, config.perGroupPerMinute, config.perGroupPerMinute / 60_000, now)] : []),
    ];
    const waitMs = Math.max(...buckets.map((b) => b.waitMs(now)));
    if (waitMs > 0) throw tooManyRequests(waitMs / 1000);
    for (const bucket of buckets) bucket.take(now);
  }

  /** Forgets all counts. */
  reset(): void {
    this.buckets.clear();
  }

  private bucket(key: string, capacity: number, perMs: number, now: number): TokenBucket {
    let bucket = this.buckets.get(key);
    if (!bucket) {
      bucket = new TokenBucket(capacity, perMs, now);
      this.buckets.set(key, bucket);
    }
    return bucket;
  }
}
