// Flood control on the sending side: the worker asks before each send and never goes faster
// than the channel allows. Token buckets per channel (overall), per chat and per group chat.
import type { Channel, ChatKind } from "../db/generated/sqlite/enums";

// === Configuration

/** Sending limits of one channel. A rate of `Infinity` switches that bucket off. */
export interface ChannelLimits {
  /** Messages per second over all chats. */
  perSecond: number;
  /** Messages that may leave at once before `perSecond` applies. */
  burst: number;
  /** Messages per second to one chat. */
  perChatPerSecond: number;
  perChatBurst: number;
  /** Messages per minute to one group, supergroup or channel chat. */
  perGroupPerMinute: number;
  perGroupBurst: number;
  /** How long the whole channel rests after a rate-limit error that names no time. */
  cooldownSeconds: number;
}

/** Telegram's published limits: about 30/s overall, about 1/s per chat, 20/min per group. */
export const telegramLimits: ChannelLimits = {
  perSecond: 30,
  burst: 30,
  perChatPerSecond: 1,
  perChatBurst: 1,
  perGroupPerMinute: 20,
  perGroupBurst: 20,
  cooldownSeconds: 30,
};

/**
 * Zalo publishes no limits and locks accounts that send fast (code 221 "Vượt quá số request
 * cho phép"), so: one message every 3 s overall, and four hours of rest after a 221.
 */
export const zaloLimits: ChannelLimits = {
  perSecond: 1 / 3,
  burst: 1,
  perChatPerSecond: 1 / 3,
  perChatBurst: 1,
  perGroupPerMinute: 20,
  perGroupBurst: 1,
  cooldownSeconds: 4 * 60 * 60,
};

/**
 * The Zalo OA Open API allows an app 4,000 requests a minute (error -32 beyond, the 2023 docs;
 * 2026 packages may allow fewer), shared with uploads and token calls: 10 sends a second
 * overall, one a second per person, and a minute's rest after a -32.
 */
export const zaloOaLimits: ChannelLimits = {
  perSecond: 10,
  burst: 10,
  perChatPerSecond: 1,
  perChatBurst: 2,
  perGroupPerMinute: 20,
  perGroupBurst: 2,
  cooldownSeconds: 60,
};

/**
 * The Zalo Bot Platform publishes no rate limits, only a monthly quota (3,000 messages on the
 * free tier) and 429 "quota exceeded": a gentle pace of 2 a second overall, one a second per
 * chat, and half an hour's rest after a 429.
 */
export const zaloBotLimits: ChannelLimits = {
  perSecond: 2,
  burst: 2,
  perChatPerSecond: 1,
  perChatBurst: 2,
  perGroupPerMinute: 20,
  perGroupBurst: 2,
  cooldownSeconds: 30 * 60,
};

/** Limits that never hold a message back, for benchmarks against an emulator without rate limits. */
export const unlimited: ChannelLimits = {
  perSecond: Infinity,
  burst: 1,
  perChatPerSecond: Infinity,
  perChatBurst: 1,
  perGroupPerMinute: Infinity,
  perGroupBurst: 1,
  cooldownSeconds: 0,
};

/** The default limits of each channel. */
export const defaultChannelLimits: Record<Channel, ChannelLimits> = { TELEGRAM: telegramLimits, ZALO: zaloLimits, ZALO_OA: zaloOaLimits, ZALO_BOT: zaloBotLimits };

// === Token bucket

/** A token bucket on a clock given by the caller (milliseconds). */
export class TokenBucket {
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
    if (!Number.isFinite(this.perMs)) return 0;
    this.refill(now);
    return this.tokens >= 1 ? 0 : Math.ceil((1 - this.tokens) / this.perMs);
  }

  /** Uses a token (the balance may go below zero: the next wait is then longer). */
  take(now: number): void {
    if (!Number.isFinite(this.perMs)) return;
    this.refill(now);
    this.tokens -= 1;
  }

  /**
   * Earns nothing for the time until `now`. Called when a send completes: the channel saw the
   * message somewhere between its start and its end, so counting from the end keeps the
   * spacing the channel sees at least the spacing planned here, whatever the latency.
   */
  holdUntil(now: number): void {
    if (now > this.updatedAt) this.updatedAt = now;
  }

  private refill(now: number): void {
    if (now <= this.updatedAt) return;
    this.tokens = Math.min(this.capacity, this.tokens + (now - this.updatedAt) * this.perMs);
    this.updatedAt = now;
  }
}

// === Limiter

/** The chat facts the limiter needs. */
export interface LimitedChat {
  id: number;
  channel: Channel;
  kind: ChatKind;
}

/**
 * Decides when the next message to a chat may leave. The worker calls `waitMs` to ask,
 * `take` when it sends, `completed` when the channel answered, and `pause` after a
 * rate-limit error. Buckets live in memory: one worker per bot account keeps the limits exact
 * (a second instance is safe against double sends, not against going twice as fast).
 *
 * @example
 * const wait = limiter.waitMs(chat, Date.now());
 * if (wait === 0) limiter.take(chat, Date.now());
 */
export class OutboxRateLimiter {
  private readonly buckets = new Map<string, TokenBucket>();
  private readonly pausedUntil = new Map<string, number>();
  private readonly limits: Record<Channel, ChannelLimits>;

  constructor(limits: Partial<Record<Channel, Partial<ChannelLimits>>> = {}) {
    this.limits = {
      TELEGRAM: { ...telegramLimits, ...limits.TELEGRAM },
      ZALO: { ...zaloLimits, ...limits.ZALO },
      ZALO_OA: { ...zaloOaLimits, ...limits.ZALO_OA },
      ZALO_BOT: { ...zaloBotLimits, ...limits.ZALO_BOT },
    };
  }

  /** The limits in force for a channel. */
  limitsFor(channel: Channel): ChannelLimits {
    return this.limits[channel];
  }

  /** Milliseconds until a message to `chat` may leave; 0 means now. */
  waitMs(chat: LimitedChat, now: number): number {
    const paused = Math.max(this.pausedUntil.get(channelKey(chat.channel)) ?? 0, this.pausedUntil.get(chatKey(chat)) ?? 0);
    const buckets = this.bucketsFor(chat, now);
    return Math.max(0, paused - now, ...buckets.map((b) => b.waitMs(now)));
  }

  /** Counts a message to `chat` as leaving now. */
  take(chat: LimitedChat, now: number): void {
    for (const bucket of this.bucketsFor(chat, now)) bucket.take(now);
  }

  /**
   * Marks the send to `chat` as answered. The chat's own buckets (one send in flight per
   * chat) start earning again only from now.
   */
  completed(chat: LimitedChat, now: number): void {
    const [, ...own] = this.bucketsFor(chat, now);
    for (const bucket of own) bucket.holdUntil(now);
  }

  /** Holds back a chat, or the whole channel, until `until`. */
  pause(chat: LimitedChat, scope: "chat" | "channel", until: number): void {
    const key = scope === "chat" ? chatKey(chat) : channelKey(chat.channel);
    this.pausedUntil.set(key, Math.max(until, this.pausedUntil.get(key) ?? 0));
  }

  /** The overall bucket first, then the chat's, then the group's when it is one. */
  private bucketsFor(chat: LimitedChat, now: number): TokenBucket[] {
    const l = this.limits[chat.channel];
    const buckets = [
      this.bucket(channelKey(chat.channel), l.burst, l.perSecond / 1000, now),
      this.bucket(chatKey(chat), l.perChatBurst, l.perChatPerSecond / 1000, now),
    ];
    if (chat.kind !== "PRIVATE") buckets.push(this.bucket(`${chatKey(chat)}:group`, l.perGroupBurst, l.perGroupPerMinute / 60_000, now));
    return buckets;
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

function channelKey(channel: Channel): string {
  return `channel:${channel}`;
}

function chatKey(chat: LimitedChat): string {
  return `chat:${chat.id}`;
}
