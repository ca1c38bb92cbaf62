// Long polling the Bot Platform: getUpdates hands out one update per call, has no offset and
// answers 408 when a wait ends idle (the normal case, not an error). With no offset, two
// pollers on one token would split the updates between them, so a process runs exactly one
// loop, sequentially: fetch, store in the inbox (its photo kept first), fetch again. A fetched
// update is written down before the next call, so the handlers may take their time (or crash)
// without losing it.
import type { Logger } from "pino";
import type { PersistedInbox } from "../../core/channel/inbox";
import { ZaloBotApiError, type ZaloBotApi } from "./api";
import { dedupKeyOf, readUpdate } from "./normalize";
import type { QuotaCooldown } from "./quota";
import { keepPhotoAtReceipt } from "./receipt";

/** What a {@link BotPoller} needs. */
export interface BotPollerOptions {
  api: ZaloBotApi;
  inbox: PersistedInbox;
  log: Logger;
  quota: QuotaCooldown;
  /** Where a photo is kept the moment its update arrives. */
  mediaDir: string;
  /** Seconds Zalo holds a getUpdates open; default 30 (Zalo's default). */
  timeoutSeconds?: number;
  /** Waits after a failed call, doubling up to `maxMs`. */
  backoff?: { baseMs: number; maxMs: number };
}

/**
 * The one poller of a token.
 *
 * ```ts
 * const poller = new BotPoller({ api, inbox, log, quota });
 * poller.start();
 * await poller.stop();
 * ```
 */
export class BotPoller {
  private abort: AbortController | null = null;
  private loop: Promise<void> | null = null;
  private failures = 0;

  constructor(private readonly options: BotPollerOptions) {}

  /** Starts the loop; a second call while it runs does nothing (one poller per token). */
  start(): void {
    if (this.loop) return;
    this.abort = new AbortController();
    this.loop = this.run(this.abort.signal);
  }

  /** Ends the wait in hand and the loop. */
  async stop(): Promise<void> {
    this.abort?.abort();
    await this.loop;
    this.loop = null;
  }

  private async run(signal: AbortSignal): Promise<void> {
    const { api, inbox, log } = this.options;
    while (!signal.aborted) {
      try {
        const raw = await api.getUpdates(this.options.timeoutSeconds ?? 30, signal);
        this.failures = 0;
        if (raw === null) continue;
        const update = readUpdate(raw);
        if (!update) {
          log.warn("zalo bot: getUpdates answered something that is no update");
          continue;
        }
        const kept = await keepPhotoAtReceipt(update, this.options.mediaDir, log);
        await inbox.store(JSON.stringify(kept), kept.event_name, dedupKeyOf(kept));
      } catch (error) {
        if (signal.aborted) return;
        await this.rest(error, signal);
      }
    }
  }

  /** Waits after a failure: the quota's cool-down after a 429, a growing pause otherwise. */
  private async rest(error: unknown, signal: AbortSignal): Promise<void> {
    const { log, quota } = this.options;
    const overQuota = error instanceof ZaloBotApiError && error.code === 429;
    if (overQuota) await quota.exceeded();
    this.failures += 1;
    const { baseMs, maxMs } = this.options.backoff ?? { baseMs: 1000, maxMs: 60_000 };
    const pause = Math.min(maxMs, baseMs * 2 ** Math.min(this.failures - 1, 16));
    const waitMs = overQuota ? Math.max(quota.remainingSeconds() * 1000, pause) : pause;
    log.warn({ err: error, waitMs, failures: this.failures }, "zalo bot: getUpdates failed; polling again after a pause");
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, waitMs);
      signal.addEventListener(
        "abort",
        () => {
          clearTimeout(timer);
          resolve();
        },
        { once: true },
      );
    });
  }
}
