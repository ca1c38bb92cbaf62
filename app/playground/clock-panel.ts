// The clock panel: moves the playground's time forward and runs what would have run on the
// way (deadline reminders, draft nudges, review summaries, the digest's preview and its Monday
// send), then says in plain words what happened.
import type { Logger } from "pino";
import { runTick, type TickJob } from "../../core/calendar/ticker";
import { describeTick } from "../../core/calendar/tick-report";
import { formatLocalDateTime } from "../../core/calendar/zoned-time";
import type { Locale, Translations } from "../../core/i18n";
import { nextCronRun } from "../../handlers/broadcast/schedule";
import type { BotApp } from "../channels";
import type { PlaygroundClock } from "./clock";

/** How far one press of the panel moves time. */
export const clockSteps = ["hour", "day", "week", "digest"] as const;
export type ClockStep = (typeof clockSteps)[number];

/** What the panel needs of the running bot and its settings. */
export interface ClockPanelDeps {
  app: Pick<BotApp, "jobs" | "broadcastJobs" | "worker">;
  clock: PlaygroundClock;
  timeZone: string;
  digestCron: string;
  previewCron: string;
  i18n: Translations;
  log: Logger;
}

/** The panel's answer: the new moment, as a date and in words, and one line per thing that happened. */
export interface ClockMove {
  at: string;
  atText: string;
  lines: string[];
}

const stepMs: Record<Exclude<ClockStep, "digest">, number> = { hour: 3_600_000, day: 86_400_000, week: 7 * 86_400_000 };

/** Where a step lands: a fixed span, or the next weekly digest. */
function target(deps: ClockPanelDeps, step: ClockStep, from: Date): Date {
  if (step !== "digest") return new Date(from.getTime() + stepMs[step]);
  return nextCronRun(deps.digestCron, deps.timeZone, from) ?? new Date(from.getTime() + stepMs.week);
}

/** The digest's jobs whose schedule fell between `from` and `to`, and the settling pass. */
function digestJobsDue(deps: ClockPanelDeps, from: Date, to: Date): TickJob[] {
  const due = (cron: string) => {
    const next = nextCronRun(cron, deps.timeZone, from);
    return next !== null && next.getTime() <= to.getTime();
  };
  const jobs = deps.app.broadcastJobs;
  return [...(due(deps.previewCron) ? [jobs.preview] : []), ...(due(deps.digestCron) ? [jobs.digest] : []), jobs.settle];
}

/** Runs the periodic jobs as of the clock's present moment, without moving it (the page's quiet tick). */
export async function tickNow(deps: ClockPanelDeps): Promise<void> {
  await runTick([...deps.app.jobs, deps.app.broadcastJobs.settle], deps.clock.now(), deps.log);
  deps.app.worker.wake();
}

/** Moves time by `step`, runs what fell due, and describes it in `locale`. */
export async function moveClock(deps: ClockPanelDeps, step: ClockStep, locale: Locale): Promise<ClockMove> {
  const from = deps.clock.now();
  const to = deps.clock.advanceTo(target(deps, step, from));
  const outcomes = await runTick([...deps.app.jobs, ...digestJobsDue(deps, from, to)], to, deps.log);
  deps.app.worker.wake();
  const lines = describeTick(deps.i18n, locale, outcomes);
  return { at: to.toISOString(), atText: formatLocalDateTime(to, deps.timeZone), lines };
}
