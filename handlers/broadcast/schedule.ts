// The digest's calendar: the preview to the council (BROADCAST_PREVIEW_CRON), the weekly send
// (BROADCAST_CRON), and a frequent pass that marks stories published once their parts are out.
// The jobs take the scheduled instant, so tests run them "as if it were" any moment.
import { createTask } from "node-cron";
import type { Logger } from "pino";
import { startTicker, type CalendarTicker, type TickJob } from "../../core/calendar/ticker";
import type { TickGate } from "../../core/cluster/scheduled-runs";
import { sendWeeklyDigest } from "../../core/digest/weekly";
import type { BroadcastDeps } from "./deps";
import { sendPreview } from "./preview";
import { settleAndNotify } from "./progress";

/** The first minute after `after` that a cron expression matches in `timeZone` (within 400 days), or null. */
export function nextCronRun(expression: string, timeZone: string, after: Date): Date | null {
  const task = createTask(expression, () => undefined, { timezone: timeZone });
  const minute = 60_000;
  let at = new Date(Math.floor(after.getTime() / minute) * minute + minute);
  const limit = at.getTime() + 400 * 24 * 60 * minute;
  try {
    while (at.getTime() < limit) {
      if (task.match(at)) return at;
      at = new Date(at.getTime() + minute);
    }
    return null;
  } finally {
    void task.destroy();
  }
}

/** The jobs of the digest, for the schedule and for tests. */
export function broadcastJobs(deps: BroadcastDeps, schedule: { digestCron: string }) {
  const plan = { i18n: deps.i18n, locale: deps.digestLocale, nominateLink: deps.nominateLink, publicBaseUrl: deps.publicBaseUrl };
  return {
    preview: {
      name: "digest-preview",
      run: (now: Date) => sendPreview(deps, now, nextCronRun(schedule.digestCron, deps.timeZone, now) ?? now),
    },
    digest: {
      name: "weekly-digest",
      run: async (now: Date) => {
        const outcome = await sendWeeklyDigest(deps.db, now, plan);
        deps.log.info(outcome, outcome.outcome === "held" ? "weekly digest held by the council" : "weekly digest queued");
        if (outcome.outcome === "planned") deps.wakeOutbox();
        return outcome;
      },
    },
    settle: { name: "digest-settle", run: (now: Date) => settleAndNotify(deps, now) },
  } satisfies Record<string, TickJob>;
}

/** Starts the preview, digest and settling ticks; `stop()` ends them. */
export function startBroadcastSchedules(
  deps: BroadcastDeps,
  opts: { digestCron: string; previewCron: string; timeZone: string; log: Logger; gate?: TickGate },
): CalendarTicker {
  const jobs = broadcastJobs(deps, opts);
  const common = { timeZone: opts.timeZone, log: opts.log, ...(opts.gate ? { gate: opts.gate } : {}) };
  const tickers = [
    startTicker({ jobs: [jobs.preview], schedule: opts.previewCron, ...common }),
    startTicker({ jobs: [jobs.digest], schedule: opts.digestCron, ...common }),
    startTicker({ jobs: [jobs.settle], schedule: "* * * * *", ...common }),
  ];
  return { stop: async () => void (await Promise.all(tickers.map((t) => t.stop()))) };
}
