// Scheduled jobs run once across the cluster. Every instance keeps its cron ticks; at each tick
// an instance runs the jobs only if it holds the scheduler's lease (renewed right then) and it
// moved the job's last scheduled instant forward (a conditional update: one instance wins an
// instant even while the lease changes hands). When the lease passes to another instance (its
// holder died), the new holder runs each schedule's latest instant that nobody ran, so a digest
// due while no instance led is late by the lease's length, not a week; and the holder looks
// again at each renewal, so a tick the cron timer missed (an event loop held up on a loaded
// machine) still runs, a few seconds late.
import { createTask } from "node-cron";
import type { Logger } from "pino";
import type { DbTx } from "../db/client";
import { Leadership } from "./lease";

// === Instants

/**
 * The latest instant at or before `now` that a cron expression matches in `timeZone`, looking
 * back at most `withinMs`; null when there is none in that window. Second by second, so
 * six-field expressions (with seconds) are found too.
 */
export function previousCronInstant(expression: string, timeZone: string, now: Date, withinMs: number): Date | null {
  const task = createTask(expression, () => undefined, { timezone: timeZone });
  try {
    const start = Math.floor(now.getTime() / 1000) * 1000;
    for (let at = start; at >= now.getTime() - withinMs; at -= 1000) {
      if (task.match(new Date(at))) return new Date(at);
    }
    return null;
  } finally {
    void task.destroy();
  }
}

/**
 * Claims `instant` of `job` for `holder`: true only for the one instance that moves the job's
 * last instant forward to it (or writes the job's first row).
 */
export async function claimInstant(db: DbTx, job: string, instant: Date, holder: string): Promise<boolean> {
  const moved = await db.scheduledRun.updateMany({ where: { job, lastInstant: { lt: instant } }, data: { lastInstant: instant, runBy: holder } });
  if (moved.count === 1) return true;
  if (await db.scheduledRun.findUnique({ where: { job }, select: { job: true } })) return false;
  try {
    await db.scheduledRun.create({ data: { job, lastInstant: instant, runBy: holder } });
    return true;
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") return false;
    throw error;
  }
}

// === The gate

/** A periodic schedule as the gate knows it, for catching up. */
export interface GatedSchedule {
  /** The job's name in the cluster (one row of ScheduledRun). */
  name: string;
  expression: string;
  timeZone: string;
  /** Runs the schedule's jobs as of `instant` (the ticker's own run). */
  run(instant: Date): Promise<unknown>;
}

/** What a ticker asks before it runs its jobs for an instant. */
export interface TickGate {
  /** Whether this instance runs `schedule`'s jobs for `instant`. */
  admit(schedule: string, instant: Date): Promise<boolean>;
  /** Makes a schedule known, so that a new lease holder can run its missed instant. */
  register(schedule: GatedSchedule): void;
}

/** Settings of a {@link ClusterScheduleGate}. */
export interface ClusterScheduleGateOptions {
  db: DbTx;
  log: Logger;
  /** The scheduler's lease length; default 30 s. */
  leaseTtlMs?: number;
  /** How far back a new holder looks for an instant nobody ran; default ten minutes (at least three leases). */
  catchUpMs?: number;
  holder?: string;
  clock?: () => Date;
}

/**
 * The cluster's scheduler: a lease (see lease.ts) plus a claim per instant.
 *
 * @example
 * const gate = new ClusterScheduleGate({ db, log });
 * gate.start();
 * startTicker({ jobs, schedule: "0 8 * * 1", timeZone, log, gate });
 */
export class ClusterScheduleGate implements TickGate {
  readonly leadership: Leadership;
  private readonly schedules: GatedSchedule[] = [];
  private readonly catchUpMs: number;
  private readonly recheckMs: number;
  private readonly clock: () => Date;
  private recheck: NodeJS.Timeout | undefined;
  private catchingUp: Promise<void> | undefined;

  constructor(private readonly options: ClusterScheduleGateOptions) {
    const ttlMs = options.leaseTtlMs ?? 30_000;
    this.catchUpMs = options.catchUpMs ?? Math.max(10 * 60_000, 3 * ttlMs);
    this.clock = options.clock ?? (() => new Date());
    this.recheckMs = Math.max(1_000, Math.floor(ttlMs / 3));
    this.leadership = new Leadership({
      db: options.db,
      log: options.log,
      ttlMs,
      clock: this.clock,
      ...(options.holder ? { holder: options.holder } : {}),
      onGained: () => this.catchUp(this.catchUpMs),
    });
  }

  /** Starts trying for (and renewing) the scheduler's lease. */
  start(): void {
    this.leadership.start();
    if (this.recheck) return;
    // A missed tick is at most a few renewals old: a short look back is enough here.
    this.recheck = setInterval(() => {
      if (this.leadership.isLeader()) void this.catchUp(Math.max(60_000, 3 * this.recheckMs));
    }, this.recheckMs);
    this.recheck.unref();
  }

  /**
   * Stops renewing and gives the lease up, so another instance leads at once; `release: false`
   * leaves it to expire, as a process that dies does (tests of the takeover).
   */
  async stop(options: { release?: boolean } = {}): Promise<void> {
    clearInterval(this.recheck);
    this.recheck = undefined;
    await this.catchingUp;
    await this.leadership.stop(options.release ?? true);
  }

  async admit(schedule: string, instant: Date): Promise<boolean> {
    if (!(await this.leadership.confirm())) return false;
    return claimInstant(this.options.db, schedule, instant, this.leadership.holder);
  }

  register(schedule: GatedSchedule): void {
    this.schedules.push(schedule);
    if (this.leadership.isLeader()) void this.catchUpOne(schedule, this.clock(), this.catchUpMs).catch((err: unknown) => this.options.log.error({ err, job: schedule.name }, "catching up a schedule failed"));
  }

  /** Runs, for each schedule, its latest instant within `windowMs` if nobody ran it; one pass at a time. */
  private catchUp(windowMs: number): Promise<void> {
    this.catchingUp ??= (async () => {
      const now = this.clock();
      for (const schedule of this.schedules) {
        await this.catchUpOne(schedule, now, windowMs).catch((err: unknown) => this.options.log.error({ err, job: schedule.name }, "catching up a schedule failed"));
      }
    })().finally(() => (this.catchingUp = undefined));
    return this.catchingUp;
  }

  private async catchUpOne(schedule: GatedSchedule, now: Date, windowMs: number): Promise<void> {
    const { db, log } = this.options;
    const row = await db.scheduledRun.findUnique({ where: { job: schedule.name }, select: { lastInstant: true } });
    if (!row) {
      // A job new to the cluster has nothing to catch up: the mark says "nothing before now".
      await claimInstant(db, schedule.name, now, this.leadership.holder);
      return;
    }
    const instant = previousCronInstant(schedule.expression, schedule.timeZone, now, windowMs);
    if (!instant || row.lastInstant.getTime() >= instant.getTime()) return;
    if (!(await this.admit(schedule.name, instant))) return;
    log.warn({ job: schedule.name, instant: instant.toISOString() }, "scheduled run missed (no instance led, or the timer came late); running it now");
    await schedule.run(instant);
  }
}
