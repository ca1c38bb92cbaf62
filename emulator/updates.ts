import { conflict } from "./errors";
import type { TgUpdate } from "./types";

/** Update kinds a bot receives when it never said which ones it wants (Telegram's default). */
export const defaultAllowedUpdates = ["message", "edited_message", "channel_post", "edited_channel_post", "callback_query", "my_chat_member"];

/** Parameters of one getUpdates call, already type-checked. */
export interface PollRequest {
  offset?: number;
  limit?: number;
  timeout?: number;
  allowedUpdates?: string[];
}

/** Longest wait the emulator grants a long poll, in seconds (Telegram caps it too). */
export const maxPollTimeoutSeconds = 50;

interface Waiter {
  wake: () => void;
  fail: (error: Error) => void;
}

/**
 * One bot's queue of updates, with Telegram's getUpdates semantics: updates stay until a
 * later call confirms them with `offset`; a call with `timeout` sleeps until an update
 * arrives or the time is up; a newer call terminates the one still waiting (409).
 */
export class UpdateQueue {
  private pending: TgUpdate[] = [];
  private nextUpdateId = 1;
  private allowed = new Set(defaultAllowedUpdates);
  private waiter: Waiter | undefined;
  private readonly listeners = new Set<() => void>();

  /** Appends an update (its update_id is assigned here) and wakes whoever waits for one. */
  push(update: Omit<TgUpdate, "update_id">): TgUpdate {
    const full = { update_id: this.nextUpdateId++, ...update } as TgUpdate;
    if (!this.isAllowed(full)) return full;
    this.pending.push(full);
    this.waiter?.wake();
    for (const listener of this.listeners) listener();
    return full;
  }

  /** Updates not confirmed yet (what getWebhookInfo counts as pending). */
  get pendingCount(): number {
    return this.pending.length;
  }

  /** The oldest unconfirmed update. */
  peek(): TgUpdate | undefined {
    return this.pending[0];
  }

  /** Forgets every update with an id below `offset`; a negative offset keeps only the last -offset updates. */
  confirm(offset: number): void {
    if (offset < 0) this.pending = this.pending.slice(offset);
    else this.pending = this.pending.filter((u) => u.update_id >= offset);
  }

  /** Drops all pending updates (drop_pending_updates). */
  dropAll(): void {
    this.pending = [];
  }

  /** Replaces the set of update kinds delivered; an empty list restores the default. */
  setAllowed(kinds: string[]): void {
    this.allowed = new Set(kinds.length > 0 ? kinds : defaultAllowedUpdates);
    this.pending = this.pending.filter((u) => this.isAllowed(u));
  }

  /** Calls `listener` whenever an update is queued; returns a function that unsubscribes. */
  onPush(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Serves one getUpdates call. Resolves at once when updates are pending, otherwise waits
   * (without polling) for the first new update, the timeout, or `cancelled` (client gone).
   */
  async poll(request: PollRequest, cancelled: AbortSignal): Promise<TgUpdate[]> {
    if (request.offset !== undefined) this.confirm(request.offset);
    if (request.allowedUpdates !== undefined) this.setAllowed(request.allowedUpdates);
    this.waiter?.fail(conflict("terminated by other getUpdates request; make sure that only one bot instance is running"));
    const limit = Math.min(100, Math.max(1, request.limit ?? 100));
    const timeout = Math.min(maxPollTimeoutSeconds, Math.max(0, request.timeout ?? 0));
    if (this.pending.length > 0 || timeout === 0 || cancelled.aborted) return this.pending.slice(0, limit);
    await new Promise<void>((resolve, reject) => {
      const done = (): void => {
        clearTimeout(timer);
        cancelled.removeEventListener("abort", done);
        if (this.waiter === waiter) this.waiter = undefined;
      };
      const waiter: Waiter = {
        wake: () => (done(), resolve()),
        fail: (error) => (done(), reject(error)),
      };
      const timer = setTimeout(waiter.wake, timeout * 1000);
      cancelled.addEventListener("abort", waiter.wake);
      this.waiter = waiter;
    });
    return this.pending.slice(0, limit);
  }

  /** Ends a waiting long poll (used when the emulator shuts down or a webhook is set). */
  wakeWaiter(): void {
    this.waiter?.wake();
  }

  private isAllowed(update: TgUpdate): boolean {
    return Object.keys(update).some((key) => key !== "update_id" && this.allowed.has(key));
  }
}
