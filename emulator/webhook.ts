import type { BotRecord, EmulatorState } from "./state";
import { unixTime } from "./state";

/** How long the emulator waits for a webhook to answer before it counts a failure, in ms. */
export const webhookTimeoutMs = 10_000;

/**
 * Pushes a bot's updates to its webhook, one at a time and in order, the way Telegram does:
 * an update leaves the queue only when the webhook answers 2xx; otherwise the error is kept
 * for getWebhookInfo and the same update is retried after `state.webhookRetryMs`.
 */
export class WebhookDelivery {
  private running = false;
  private stopped = false;
  private retryTimer: NodeJS.Timeout | undefined;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly state: EmulatorState,
    private readonly bot: BotRecord,
  ) {
    this.unsubscribe = bot.updates.onPush(() => this.kick());
  }

  /** Starts delivering if there is anything to deliver and no delivery is under way. */
  kick(): void {
    if (this.running || this.stopped) return;
    this.running = true;
    void this.run().finally(() => (this.running = false));
  }

  /** Stops delivering (webhook deleted or emulator closed). */
  stop(): void {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    this.unsubscribe();
  }

  private async run(): Promise<void> {
    for (;;) {
      const webhook = this.bot.webhook;
      const update = this.bot.updates.peek();
      if (this.stopped || !webhook || !update) return;
      const failure = await this.post(webhook.url, webhook.secretToken, update);
      if (this.stopped) return;
      if (failure === undefined) {
        this.bot.updates.confirm(update.update_id + 1);
        this.state.events.emit("webhook", this.bot);
        continue;
      }
      webhook.lastErrorDate = unixTime();
      webhook.lastErrorMessage = failure;
      this.state.events.emit("webhook", this.bot);
      await new Promise<void>((resolve) => {
        this.retryTimer = setTimeout(resolve, this.state.webhookRetryMs);
        this.retryTimer.unref();
      });
    }
  }

  /** Sends one update; returns Telegram's wording of the failure, or undefined on success. */
  private async post(url: string, secretToken: string | undefined, update: unknown): Promise<string | undefined> {
    try {
      const response = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", ...(secretToken ? { "x-telegram-bot-api-secret-token": secretToken } : {}) },
        body: JSON.stringify(update),
        signal: AbortSignal.timeout(webhookTimeoutMs),
      });
      await response.arrayBuffer();
      return response.ok ? undefined : `Wrong response from the webhook: ${response.status} ${response.statusText}`.trim();
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause?.code;
      if (cause === "ECONNREFUSED") return "Connection refused";
      if ((error as Error).name === "TimeoutError") return "Read timeout expired";
      return `Connection failed: ${(error as Error).message}`;
    }
  }
}
