// Keeps one noisy person from slowing the bot for everyone: past a number of updates a minute
// they get one notice, then their updates are ignored until the pause is over. In memory:
// losing the counts on restart costs nothing.

/** What to do with an update. */
export type RateDecision = "allow" | "notify" | "drop";

/** Settings of {@link UpdateRateLimiter}. */
export interface RateLimitOptions {
  /** Updates allowed per window; default 30. */
  limit?: number;
  /** Window length in ms; default one minute. */
  windowMs?: number;
  /** How long a person is ignored after the notice, in ms; default two minutes. */
  pauseMs?: number;
  now?: () => number;
}

/**
 * Sliding-window counter per person.
 *
 * ```ts
 * const limiter = new UpdateRateLimiter();
 * if (limiter.check("TELEGRAM:42") === "notify") await sendSlowDown();
 * ```
 */
export class UpdateRateLimiter {
  private readonly seen = new Map<string, { times: number[]; pausedUntil: number; lastAlbum?: string }>();
  private readonly limit: number;
  private readonly windowMs: number;
  private readonly pauseMs: number;
  private readonly now: () => number;

  constructor(options: RateLimitOptions = {}) {
    this.limit = options.limit ?? 30;
    this.windowMs = options.windowMs ?? 60_000;
    this.pauseMs = options.pauseMs ?? 120_000;
    this.now = options.now ?? Date.now;
  }

  /**
   * Counts an update of `key` and says whether to handle it. The items of one album arrive as
   * separate updates but are one act of the person: pass its `album` id and it counts once.
   */
  check(key: string, album?: string): RateDecision {
    const now = this.now();
    const entry = this.seen.get(key) ?? { times: [], pausedUntil: 0 };
    this.seen.set(key, entry);
    if (now < entry.pausedUntil) return "drop";
    if (album !== undefined && album === entry.lastAlbum) return "allow";
    entry.lastAlbum = album;
    entry.times = entry.times.filter((t) => now - t < this.windowMs);
    entry.times.push(now);
    if (entry.times.length <= this.limit) return "allow";
    entry.pausedUntil = now + this.pauseMs;
    entry.times = [];
    return "notify";
  }
}
