// The only place the calendar meets the real clock. node-cron fires a tick; the tick hands
// the scheduled instant to each job, and the jobs never read the clock themselves, so /tick
// and the tests run the very same jobs "as if it were" any moment.
import { schedule, validate, type ScheduledTask } from "node-cron";
import type { Logger } from "pino";
import type { TickGate } from "../cluster/scheduled-runs";

/** One periodic job of the calendar (reminders, nudges, review summaries, digest). */
export interface TickJob {
  name: string;
  /** Does the job's work as of `now`; its result is logged when it is a number (messages queued). */
  run(now: Date): Promise<unknown>;
}

/** What one job did in a tick. */
export interface TickOutcome {
  name: string;
  ok: boolean;
  result?: unknown;
  error?: string;
}

/**
 * Runs every job as of `now`, one after another; a failing job is logged and does not stop
 * the others. What /tick calls with the moment the admin typed.
 */
export async function runTick(jobs: readonly TickJob[], now: Date, log: Logger): Promise<TickOutcome[]> {
  const outcomes: TickOutcome[] = [];
  for (const job of jobs) {
    try {
      const result = await job.run(now);
      outcomes.push({ name: job.name, ok: true, result });
      log.debug({ job: job.name, at: now.toISOString(), result }, "calendar job done");
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      outcomes.push({ name: job.name, ok: false, error: message });
      log.error({ job: job.name, at: now.toISOString(), err: error }, "calendar job failed");
    }
  }
  return outcomes;
}

/** The name a schedule of `jobs` goes by in the cluster's scheduled runs: the jobs' names joined with "+". */
export function scheduleName(jobs: readonly TickJob[]): string {
  return jobs.map((job) => job.name).join("+");
}

/** Options of the periodic ticker. */
export interface TickerOptions {
  jobs: readonly TickJob[];
  /** Cron expression; default every five minutes. */
  schedule?: string;
  timeZone: string;
  log: Logger;
  /**
   * Asked before each tick runs, when several instances share the database: only the instance
   * it admits runs the jobs for that instant. Without it every tick runs here.
   */
  gate?: TickGate;
  /** The schedule's name for the gate; default the jobs' names joined with "+". */
  name?: string;
}

/** A running ticker. */
export interface CalendarTicker {
  /** Stops future ticks (a tick in progress finishes). */
  stop(): Promise<void>;
}

/**
 * Starts node-cron ticks that run the jobs at each scheduled instant. A tick never overlaps
 * the previous one; missed ticks are not replayed, because each job catches up on its own
 * from the state in the database.
 */
export function startTicker(opts: TickerOptions): CalendarTicker {
  const expression = opts.schedule ?? "*/5 * * * *";
  if (!validate(expression)) throw new RangeError(`Not a cron expression: ${expression}`);
  const name = opts.name ?? scheduleName(opts.jobs);
  const { gate } = opts;
  const task: ScheduledTask = schedule(
    expression,
    async (context) => {
      if (gate && !(await admitted(gate, name, context.date, opts.log))) return;
      await runTick(opts.jobs, context.date, opts.log);
    },
    { timezone: opts.timeZone, name: "calendar", noOverlap: true },
  );
  gate?.register({ name, expression, timeZone: opts.timeZone, run: (instant) => runTick(opts.jobs, instant, opts.log) });
  opts.log.info({ schedule: expression, timeZone: opts.timeZone, clustered: Boolean(gate) }, "calendar ticks started");
  return {
    async stop() {
      await task.destroy();
    },
  };
}

/** Whether the gate lets this instance run the tick; a gate that cannot tell (database away) says no. */
async function admitted(gate: TickGate, name: string, instant: Date, log: Logger): Promise<boolean> {
  try {
    const yes = await gate.admit(name, instant);
    if (!yes) log.debug({ schedule: name, at: instant.toISOString() }, "tick left to the instance that leads");
    return yes;
  } catch (err) {
    log.error({ err, schedule: name, at: instant.toISOString() }, "could not tell whether this instance runs the tick");
    return false;
  }
}
