// The officer's live view of a run: one message, edited as deliveries finish ("Đã gửi 120/500
// nhóm…"), ending with the totals. Each pass also settles finished deliveries, so stories are
// marked published and nominators told as soon as their parts are out.
import { InterruptibleSleeps } from "../../core/async/interruptible-sleep";
import type { ChannelPort } from "../../core/channel/port";
import { broadcastProgress, settleDeliveries } from "../../core/digest/plan";
import type { Locale } from "../../core/i18n";
import { noticeLatestEvent } from "../review/notices";
import type { BroadcastDeps } from "./deps";

/** Marks finished stories published and runs done; tells each nominator. */
export async function settleAndNotify(deps: BroadcastDeps, now: Date): Promise<number> {
  const { published } = await settleDeliveries(deps.db, now);
  for (const id of published) await noticeLatestEvent(deps.review, id);
  return published.length;
}

/** The text of a run's progress (or totals once nothing is pending). */
export async function progressText(deps: BroadcastDeps, locale: Locale, broadcastId: number): Promise<{ text: string; done: boolean }> {
  const p = await broadcastProgress(deps.db, broadcastId);
  const done = p.pending === 0;
  const text = deps.i18n.t(locale, done ? "broadcast-progress-done" : "broadcast-progress", {
    id: broadcastId,
    chatsDone: p.chatsDone,
    chats: p.chats,
    sent: p.sent,
    failed: p.failed,
    pending: p.pending,
  });
  if (done && p.outsideWindow > 0) return { text: `${text}\n${deps.i18n.t(locale, "broadcast-outside-window", { count: p.outsideWindow })}`, done };
  return { text, done };
}

/**
 * Follows runs until they finish, each in its own loop, editing the officer's message at most
 * once per interval. Loops stop with the process; a run still goes on in the outbox.
 */
export class ProgressFollower {
  private readonly loops = new Set<Promise<void>>();
  private stopped = false;
  private readonly sleeps = new InterruptibleSleeps();

  constructor(private readonly deps: BroadcastDeps) {}

  /** Starts following `broadcastId` in the message `messageId` of `chatId`. */
  follow(port: ChannelPort, chatId: string, messageId: string, broadcastId: number, locale: Locale): void {
    const loop = this.run(port, chatId, messageId, broadcastId, locale).catch((err: unknown) =>
      this.deps.log.error({ err, broadcastId }, "progress message failed"),
    );
    this.loops.add(loop);
    void loop.finally(() => this.loops.delete(loop));
  }

  /** Ends every loop (the message keeps its last count) and waits for them. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.sleeps.wakeAll();
    await Promise.all([...this.loops]);
  }

  private async run(port: ChannelPort, chatId: string, messageId: string, broadcastId: number, locale: Locale): Promise<void> {
    let last = "";
    while (!this.stopped) {
      await this.sleeps.sleep(this.deps.progressIntervalMs);
      if (this.stopped) return;
      await settleAndNotify(this.deps, this.deps.now());
      const { text, done } = await progressText(this.deps, locale, broadcastId);
      if (text !== last) {
        await port.edit(chatId, messageId, { text });
        last = text;
      }
      if (done) return;
    }
  }

}
