// A channel's persisted inbox: what arrives (a webhook's event, a polled update) is written to
// the database before anything else, then handled from there in arrival order, one at a time,
// each claimed with a lease. A crash after the event was answered or fetched loses nothing (the
// next start handles what was left), and the dedup key makes an event delivered twice one row,
// handled once. The Zalo OA and the Zalo Bot Platform each keep theirs in their own table.
import type { Logger } from "pino";

// === The table

/** A stored event as the loop reads it. */
interface InboxRow {
  id: number;
  body: string;
  attempts: number;
  lockedUntil: Date | null;
}

/**
 * The few calls the inbox makes on its table: any Prisma model with the inbox columns (`dedupKey`
 * unique, `eventName`, `body`, `lockedUntil`, `attempts`, `processedAt`, `lastError`) fits.
 */
export interface InboxTable {
  findUnique(args: { where: { dedupKey: string }; select: { id: true } }): PromiseLike<{ id: number } | null>;
  create(args: { data: { dedupKey: string; eventName: string; body: string } }): PromiseLike<unknown>;
  count(args: { where: { processedAt: null } }): PromiseLike<number>;
  findFirst(args: {
    where: { processedAt: null; OR: { lockedUntil: null | { lt: Date } }[] };
    orderBy: { id: "asc" };
    select: { id: true; body: true; attempts: true; lockedUntil: true };
  }): PromiseLike<InboxRow | null>;
  updateMany(args: { where: { id: number; processedAt?: null; lockedUntil?: Date | null }; data: { lockedUntil: Date | null; attempts?: number; processedAt?: Date } }): PromiseLike<{ count: number }>;
  update(args: { where: { id: number }; data: { processedAt?: Date; lockedUntil: Date | null; lastError?: string } }): PromiseLike<unknown>;
}

// === The inbox

/** What a {@link PersistedInbox} needs. */
export interface PersistedInboxOptions {
  table: InboxTable;
  log: Logger;
  /** Names the inbox in log lines ("zalo oa", "zalo bot"). */
  name: string;
  /** Handles one stored event (its raw body); a throw counts as a failed attempt. */
  handle: (body: string) => Promise<void>;
  /** How long a process owns an event it is handling; default 5 minutes. */
  leaseMs?: number;
  /** How often stored events are looked for when nothing woke the loop; default 1 s. */
  pollMs?: number;
  /** Attempts before an event that keeps failing is set aside (processed, with its error); default 3. */
  maxAttempts?: number;
  /**
   * Handles events only while this says yes (e.g. while the instance holds the inbox's lease,
   * so that of several instances one handles a chat's events, in order); default always.
   */
  handleWhile?: () => boolean;
}

/**
 * The persisted inbox: `store` first, then a loop handles stored events.
 *
 * ```ts
 * const inbox = new PersistedInbox({ table: db.zaloBotInboxEvent, log, name: "zalo bot", handle: (body) => adapter.process(body) });
 * inbox.start();
 * await inbox.store(rawBody, "message.text.received", "message.text.received:2d758cb5"); // then answer 200
 * ```
 */
export class PersistedInbox {
  private readonly leaseMs: number;
  private readonly pollMs: number;
  private readonly maxAttempts: number;
  private running = false;
  private loop: Promise<void> | null = null;
  private wakeUp: (() => void) | null = null;

  constructor(private readonly options: PersistedInboxOptions) {
    this.leaseMs = options.leaseMs ?? 5 * 60_000;
    this.pollMs = options.pollMs ?? 1000;
    this.maxAttempts = options.maxAttempts ?? 3;
  }

  /** Writes an event down; "duplicate" when the same event is already stored. */
  async store(body: string, eventName: string, dedupKey: string): Promise<"stored" | "duplicate"> {
    const { table } = this.options;
    const existing = await table.findUnique({ where: { dedupKey }, select: { id: true } });
    if (existing) return "duplicate";
    try {
      await table.create({ data: { dedupKey, eventName, body } });
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
    while ((await this.options.table.count({ where: { processedAt: null } })) > 0) await new Promise((r) => setTimeout(r, 20));
  }

  private async run(): Promise<void> {
    while (this.running) {
      let handled = false;
      try {
        handled = (this.options.handleWhile?.() ?? true) && (await this.handleNext());
      } catch (error) {
        this.options.log.error({ err: error }, `${this.options.name} inbox: reading stored events failed`);
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
    const { table, log } = this.options;
    const now = new Date();
    const next = await table.findFirst({
      where: { processedAt: null, OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }] },
      orderBy: { id: "asc" },
      select: { id: true, body: true, attempts: true, lockedUntil: true },
    });
    if (!next) return false;
    const claimed = await table.updateMany({
      where: { id: next.id, processedAt: null, lockedUntil: next.lockedUntil },
      data: { lockedUntil: new Date(Date.now() + this.leaseMs), attempts: next.attempts + 1 },
    });
    if (claimed.count === 0) return true;
    try {
      await this.options.handle(next.body);
      // Not update(): handling may have deleted the row (an erasure removes the events naming the person).
      await table.updateMany({ where: { id: next.id }, data: { processedAt: new Date(), lockedUntil: null } });
    } catch (error) {
      const attempts = next.attempts + 1;
      const giveUp = attempts >= this.maxAttempts;
      log.error({ err: error, inboxId: next.id, attempts, giveUp }, `${this.options.name} event failed`);
      await table.update({
        where: { id: next.id },
        data: { lockedUntil: giveUp ? null : new Date(Date.now() + 1000 * attempts), lastError: String((error as Error).message ?? error).slice(0, 500), ...(giveUp ? { processedAt: new Date() } : {}) },
      });
    }
    return true;
  }
}
