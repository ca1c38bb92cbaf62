// Zalo wants a 200 within 2 seconds and does not deliver again once it had one, so each event
// is written to the database first (ZaloOaInboxEvent) and answered, then handled from there:
// a crash after the answer loses nothing, the next start handles what was left. The dedup key
// makes an event Zalo delivers twice one row, handled once.
import type { Logger } from "pino";
import type { Db } from "../../core/db/client";

/** What makes two deliveries the same event: the message id, or event + time + sender. */
export function dedupKeyOf(event: { event_name?: unknown; timestamp?: unknown; message?: { msg_id?: unknown }; sender?: { id?: unknown }; follower?: { id?: unknown }; user_id?: unknown }): string {
  const msgId = event.message?.msg_id;
  if (typeof msgId === "string" && msgId) return `msg:${msgId}`;
  const who = event.sender?.id ?? event.follower?.id ?? event.user_id ?? "";
  return `ev:${String(event.event_name ?? "")}:${String(event.timestamp ?? "")}:${String(who)}`;
}

/** What an {@link OaInbox} needs. */
export interface OaInboxOptions {
  db: Db;
  log: Logger;
  /** Handles one stored event (its raw body); a throw counts as a failed attempt. */
  handle: (body: string) => Promise<void>;
  /** How long a process owns an event it is handling; default 5 minutes. */
  leaseMs?: number;
  /** How often stored events are looked for when nothing woke the loop; default 1 s. */
  pollMs?: number;
  /** Attempts before an event that keeps failing is set aside (processed, with its error); default 3. */
  maxAttempts?: number;
}

/**
 * The persisted inbox: `store` before answering Zalo, then a loop handles stored events in
 * arrival order, one at a time, each claimed with a lease (two processes never handle one).
 *
 * ```ts
 * const inbox = new OaInbox({ db, log, handle: (body) => adapter.process(body) });
 * inbox.start();
 * await inbox.store(rawBody, "user_send_text", dedupKeyOf(event)); // then answer 200
 * ```
 */
export class OaInbox {
  private readonly leaseMs: number;
  private readonly pollMs: number;
  private readonly maxAttempts: number;
  private running = false;
  private loop: Promise<void> | null = null;
  private wakeUp: (() => void) | null = null;

  constructor(private readonly options: OaInboxOptions) {
    this.leaseMs = options.leaseMs ?? 5 * 60_000;
    this.pollMs = options.pollMs ?? 1000;
    this.maxAttempts = options.maxAttempts ?? 3;
  }

  /** Writes an event down; "duplicate" when the same event is already stored. */
  async store(body: string, eventName: string, dedupKey: string): Promise<"stored" | "duplicate"> {
    const existing = await this.options.db.zaloOaInboxEvent.findUnique({ where: { dedupKey }, select: { id: true } });
    if (existing) return "duplicate";
    try {
      await this.options.db.zaloOaInboxEvent.create({ data: { dedupKey, eventName, body } });
    } catch (error) {
      // Two deliveries of one event at the same moment: the unique key let one in.
      if ((error as { code?: string }).code === "P2002") return "duplicate";
      throw error;
    }
    this.wake();
    return "stored";
  }

  /** Starts handling stored events (those left by an earlier process first). */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Stops after the event in hand. */
  async stop(): Promise<void> {
    this.running = false;
    this.wake();
    await this.loop;
  }

  /** Looks for stored events now. */
  wake(): void {
    this.wakeUp?.();
  }

  /** Resolves when no stored event waits to be handled (tests). */
  async drained(): Promise<void> {
    while ((await this.options.db.zaloOaInboxEvent.count({ where: { processedAt: null } })) > 0) await new Promise((r) => setTimeout(r, 20));
  }

  private async run(): Promise<void> {
    while (this.running) {
      let handled = false;
      try {
        handled = await this.handleNext();
      } catch (error) {
        this.options.log.error({ err: error }, "zalo oa inbox: reading stored events failed");
      }
      if (handled || !this.running) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, this.pollMs);
        timer.unref();
        this.wakeUp = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wakeUp = null;
    }
  }

  /** Claims and handles the oldest waiting event; false when there is none. */
  private async handleNext(): Promise<boolean> {
    const { db, log } = this.options;
    const now = new Date();
    const next = await db.zaloOaInboxEvent.findFirst({
      where: { processedAt: null, OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }] },
      orderBy: { id: "asc" },
      select: { id: true, body: true, attempts: true, lockedUntil: true },
    });
    if (!next) return false;
    const claimed = await db.zaloOaInboxEvent.updateMany({
      where: { id: next.id, processedAt: null, lockedUntil: next.lockedUntil },
      data: { lockedUntil: new Date(Date.now() + this.leaseMs), attempts: next.attempts + 1 },
    });
    if (claimed.count === 0) return true;
    try {
      await this.options.handle(next.body);
      await db.zaloOaInboxEvent.update({ where: { id: next.id }, data: { processedAt: new Date(), lockedUntil: null } });
    } catch (error) {
      const attempts = next.attempts + 1;
      const giveUp = attempts >= this.maxAttempts;
      log.error({ err: error, inboxId: next.id, attempts, giveUp }, "zalo oa event failed");
      await db.zaloOaInboxEvent.update({
        where: { id: next.id },
        data: { lockedUntil: giveUp ? null : new Date(Date.now() + 1000 * attempts), lastError: String((error as Error).message ?? error).slice(0, 500), ...(giveUp ? { processedAt: new Date() } : {}) },
      });
    }
    return true;
  }
}
