// The Bot Platform answers 429 when the bot's quota is spent (3,000 messages a month on the
// free tier; short-term limits are not published). Every 429, whoever made the call (a direct
// reply, the outbox, the poller), starts one shared cool-down: no call goes out until it ends,
// and the admins are alerted once for it rather than once per refused message.
import { ZaloBotApiError } from "./api";

/** How long the channel rests after a 429. */
export const quotaCooldownSeconds = 30 * 60;

/**
 * The cool-down shared by everything that calls the Bot Platform.
 *
 * ```ts
 * const quota = new QuotaCooldown({ onExceeded: () => alertAdmins(…) });
 * quota.assertOpen("sendMessage"); // throws a 429 without calling Zalo while cooling down
 * ```
 */
export class QuotaCooldown {
  private until = 0;
  private readonly now: () => number;

  constructor(private readonly options: { onExceeded?: () => void | Promise<void>; cooldownSeconds?: number; now?: () => number } = {}) {
    this.now = options.now ?? Date.now;
  }

  /** Seconds left of the cool-down (0 when none). */
  remainingSeconds(): number {
    return Math.max(0, Math.ceil((this.until - this.now()) / 1000));
  }

  /** Throws Zalo's 429 while the cool-down lasts, so nothing more is spent on a refusal. */
  assertOpen(method: string): void {
    if (this.remainingSeconds() > 0) throw new ZaloBotApiError(429, "quota exceeded (cooling down)", method);
  }

  /** Records a 429: starts a cool-down and alerts, unless one is already under way. */
  async exceeded(): Promise<void> {
    if (this.remainingSeconds() > 0) return;
    this.until = this.now() + (this.options.cooldownSeconds ?? quotaCooldownSeconds) * 1000;
    await this.options.onExceeded?.();
  }
}
