// One send pace per bot account across instances. Each instance's OutboxRateLimiter keeps its
// own buckets; with several instances on PostgreSQL they also draw from counters in the shared
// database (rate-limiter-flexible's PostgreSQL store), so N instances together stay within the
// channel's limits, and a rate-limit error's pause (Telegram's retry_after) holds every instance.
import pg from "pg";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import type { Logger } from "pino";
import type { ChannelLimits, LimitedChat } from "./rate-limiter";

// === Windows

/** A fixed window: `points` sends per `durationSec`. */
export interface PaceWindow {
  points: number;
  durationSec: number;
}

/**
 * The fixed window that keeps a token bucket's promise (at most `capacity` at once, `perSecond`
 * over time): two windows meet at a boundary, so each holds half the capacity. Null when the
 * rate is unlimited.
 */
export function windowFor(capacity: number, perSecond: number): PaceWindow | null {
  if (!Number.isFinite(perSecond) || perSecond <= 0) return null;
  const points = Math.max(1, Math.floor(capacity / 2));
  return { points, durationSec: points / perSecond };
}

// === The shared pace

/** What the outbox worker asks besides its own limiter. */
export interface SharedPace {
  /** Takes one send to `chat` from the shared budget; 0 when taken, else milliseconds to wait. */
  acquire(chat: LimitedChat, limits: ChannelLimits): Promise<number>;
  /** Holds back the chat, or the whole channel, in every instance until `until` (epoch ms). */
  pause(chat: LimitedChat, scope: "chat" | "channel", until: number, limits: ChannelLimits): Promise<void>;
  close(): Promise<void>;
}

type Bucket = "channel" | "chat" | "group";

/**
 * The shared pace on PostgreSQL: one counter row per channel, chat and group in the `SendPace`
 * table, which the library creates and updates atomically.
 *
 * @example
 * const pace = await PostgresSendPace.open(databaseUrl, log);
 * new OutboxWorker({ db, log, senders, sharedPace: pace });
 */
export class PostgresSendPace implements SharedPace {
  private readonly limiters = new Map<string, RateLimiterPostgres>();

  private constructor(
    private readonly pool: pg.Pool,
    private readonly log: Logger,
  ) {}

  /** Connects to `url` and makes sure the counters' table exists. */
  static async open(url: string, log: Logger): Promise<PostgresSendPace> {
    const pool = new pg.Pool({ connectionString: url, max: 4 });
    // An idle connection the server closes (a restart, an administrator) is reported here; with
    // no listener the pool's error event would end the whole process. The pool opens a new one.
    pool.on("error", (err) => log.warn({ err }, "shared send pace: an idle database connection was closed"));
    await pool.query(`CREATE TABLE IF NOT EXISTS "SendPace" (key varchar(255) PRIMARY KEY, points integer NOT NULL DEFAULT 0, expire bigint)`);
    return new PostgresSendPace(pool, log);
  }

  async acquire(chat: LimitedChat, limits: ChannelLimits): Promise<number> {
    // The narrowest bucket first: a refusal there spends nothing of the channel's budget.
    const order: Bucket[] = chat.kind === "PRIVATE" ? ["chat", "channel"] : ["chat", "group", "channel"];
    for (const bucket of order) {
      const limiter = this.limiter(chat, bucket, limits);
      if (!limiter) continue;
      try {
        await limiter.consume(keyOf(chat, bucket));
      } catch (refusal) {
        if (refusal instanceof RateLimiterRes) return Math.max(1, refusal.msBeforeNext);
        // The counters are out of reach: wait rather than send past the other instances.
        this.log.warn({ err: refusal }, "shared send pace unavailable; waiting");
        return 1_000;
      }
    }
    return 0;
  }

  async pause(chat: LimitedChat, scope: "chat" | "channel", until: number, limits: ChannelLimits): Promise<void> {
    const seconds = (until - Date.now()) / 1000;
    const limiter = this.limiter(chat, scope, limits, true);
    if (!limiter || seconds <= 0) return;
    await limiter.block(keyOf(chat, scope), seconds).catch((err: unknown) => this.log.warn({ err, scope }, "shared pause not written"));
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  /** The counter of a bucket; null when its rate is unlimited, unless it is wanted for a pause. */
  private limiter(chat: LimitedChat, bucket: Bucket, limits: ChannelLimits, forPause = false): RateLimiterPostgres | null {
    const window =
      bucket === "channel" ? windowFor(limits.burst, limits.perSecond) : bucket === "chat" ? windowFor(limits.perChatBurst, limits.perChatPerSecond) : windowFor(limits.perGroupBurst, limits.perGroupPerMinute / 60);
    if (!window && !forPause) return null;
    // A pause must hold even where the rate is unlimited: a counter that only the pause fills.
    const { points, durationSec } = window ?? { points: 1_000_000, durationSec: 1 };
    const name = `${chat.channel}:${bucket}:${points}:${durationSec}`;
    let limiter = this.limiters.get(name);
    if (!limiter) {
      limiter = new RateLimiterPostgres({ storeClient: this.pool, storeType: "pool", tableName: "SendPace", tableCreated: true, keyPrefix: name, points, duration: durationSec });
      this.limiters.set(name, limiter);
    }
    return limiter;
  }
}

function keyOf(chat: LimitedChat, bucket: Bucket): string {
  return bucket === "channel" ? chat.channel : `${chat.channel}:${chat.id}`;
}
