// Leases in the database, for the work that must happen in one instance of the cluster at a
// time. A lease row names its holder and when it expires; the holder renews it well before
// then, and once a holder stops renewing (crashed, frozen, cut off from the database) another
// instance takes the row over when it has expired. Plain conditional updates, so the same code
// holds on SQLite (one machine) and on PostgreSQL (several).
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import type { Logger } from "pino";
import type { DbTx } from "../db/client";

// === The row

/** A name for this process in lease rows and logs: the host, the pid, and a random tail. */
export function instanceName(): string {
  return `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
}

/**
 * Takes or renews the lease `name` for `holder` until `now + ttlMs`: succeeds when the row is
 * free, expired, or already this holder's. Of two instances asking at once, one wins.
 */
export async function holdLease(db: DbTx, name: string, holder: string, ttlMs: number, now: Date): Promise<boolean> {
  const expiresAt = new Date(now.getTime() + ttlMs);
  const renewed = await db.clusterLease.updateMany({
    where: { name, OR: [{ holder }, { expiresAt: { lt: now } }] },
    data: { holder, expiresAt },
  });
  if (renewed.count === 1) return true;
  try {
    await db.clusterLease.create({ data: { name, holder, expiresAt, acquiredAt: now } });
    return true;
  } catch (error) {
    // The row exists and is someone else's (the unique name let only one create it).
    if ((error as { code?: string }).code === "P2002") return false;
    throw error;
  }
}

/** Gives the lease up at once (a clean stop), so another instance need not wait for it to expire. */
export async function releaseLease(db: DbTx, name: string, holder: string): Promise<void> {
  await db.clusterLease.updateMany({ where: { name, holder }, data: { expiresAt: new Date(0) } });
}

// === Leadership

/** Settings of a {@link Leadership}. */
export interface LeadershipOptions {
  db: DbTx;
  log: Logger;
  /** The lease's name; default "scheduler". */
  name?: string;
  /** This process in the lease row; default {@link instanceName}(). */
  holder?: string;
  /** How long a renewal holds; default 30 s. A dead leader's work waits at most this long. */
  ttlMs?: number;
  /** How often the lease is renewed (or tried for); default a third of the lease. */
  renewMs?: number;
  /** Called each time this instance becomes the holder (not on renewals). */
  onGained?: () => void | Promise<void>;
  clock?: () => Date;
}

/**
 * One lease held by whichever instance gets it first and renewed in the background, so that
 * scheduled jobs run in one instance and move to another when it dies.
 *
 * @example
 * const leadership = new Leadership({ db, log, onGained: () => catchUp() });
 * leadership.start();
 * if (await leadership.confirm()) await runJobs();
 */
export class Leadership {
  readonly name: string;
  readonly holder: string;
  private readonly ttlMs: number;
  private readonly renewMs: number;
  private readonly clock: () => Date;
  /** When the lease last renewed by this instance ends; 0 when it does not hold it. */
  private heldUntil = 0;
  private timer: NodeJS.Timeout | undefined;
  private renewing: Promise<boolean> | undefined;

  constructor(private readonly options: LeadershipOptions) {
    this.name = options.name ?? "scheduler";
    this.holder = options.holder ?? instanceName();
    this.ttlMs = options.ttlMs ?? 30_000;
    this.renewMs = options.renewMs ?? Math.max(50, Math.floor(this.ttlMs / 3));
    this.clock = options.clock ?? (() => new Date());
  }

  /** Tries for the lease now and then every `renewMs`. */
  start(): void {
    if (this.timer) return;
    void this.confirm();
    this.timer = setInterval(() => void this.confirm(), this.renewMs);
    this.timer.unref();
  }

  /** Whether this instance held the lease at its last renewal, and that renewal still runs. */
  isLeader(): boolean {
    return this.heldUntil > this.clock().getTime();
  }

  /**
   * Renews (or takes) the lease now and says whether this instance holds it: what a job asks
   * right before it runs, so that a leader cut off from the database a while ago does not run.
   */
  confirm(): Promise<boolean> {
    // One renewal at a time: the heartbeat and a tick asking together share it.
    this.renewing ??= this.renew().finally(() => (this.renewing = undefined));
    return this.renewing;
  }

  /** Stops renewing; `release` gives the lease up at once (a clean stop) instead of letting it expire. */
  async stop(release = true): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.renewing;
    if (release && this.heldUntil > 0) {
      this.heldUntil = 0;
      await releaseLease(this.options.db, this.name, this.holder).catch((err: unknown) => this.options.log.warn({ err, lease: this.name }, "lease not released; it expires on its own"));
    }
  }

  private async renew(): Promise<boolean> {
    const now = this.clock();
    const wasLeader = this.isLeader();
    let held = false;
    try {
      held = await holdLease(this.options.db, this.name, this.holder, this.ttlMs, now);
    } catch (err) {
      // The database is out of reach: this instance can no longer be sure it leads.
      this.options.log.warn({ err, lease: this.name }, "lease renewal failed");
    }
    if (!held) {
      if (wasLeader) this.options.log.warn({ lease: this.name, holder: this.holder }, "lease lost");
      this.heldUntil = 0;
      return false;
    }
    // Counted from before the query: the row may say a little later, never earlier.
    this.heldUntil = now.getTime() + this.ttlMs;
    if (!wasLeader) {
      this.options.log.info({ lease: this.name, holder: this.holder }, "lease taken: this instance does the lease's work now");
      // Not awaited: that work (a catch-up tick) asks confirm() itself, which waits for this renewal.
      void Promise.resolve()
        .then(() => this.options.onGained?.())
        .catch((err: unknown) => this.options.log.error({ err, lease: this.name }, "work on taking the lease failed"));
    }
    return true;
  }
}
