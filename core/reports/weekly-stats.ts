// The council's weekly picture: on Monday morning the council's review group receives the
// quarter's chart (the one /thongke draws), so the figures come to the officers who sum up
// instead of waiting to be asked. Sent through the outbox like every scheduled message; the
// picture is written under the media folder first, because the outbox row outlives this tick.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Db } from "../db/client";
import { enqueue } from "../outbox/enqueue";
import type { CalendarJobDeps } from "../calendar/jobs";
import { claimReminder } from "../calendar/record";
import type { TickJob } from "../calendar/ticker";
import { formatIsoDate, isQuietTime, localDateOf, localParts } from "../calendar/zoned-time";
import { statsPng } from "./chart";
import { reportFigures } from "./figures";
import { defaultReportPeriod } from "./period";
import { everything } from "./scope";

/** What the weekly statistics job needs: the calendar jobs' own, and where the picture goes. */
export interface WeeklyStatsDeps extends Omit<CalendarJobDeps, "continuePayload"> {
  /** Where the picture is written; the outbox reads photo paths relative to it. */
  mediaDir: string;
  /** Local weekday it goes out on, 1 = Monday … 7 = Sunday; default Monday, as the digest. */
  weekday?: number;
  /** Local hour from which it goes out that day; default 8. */
  hour?: number;
}

/** Folder under the media folder holding the pictures sent by this job. */
export const weeklyStatsFolder = "reports";

/** ISO weekday of a local date: 1 = Monday … 7 = Sunday. */
function isoWeekday(date: { year: number; month: number; day: number }): number {
  const day = new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
  return day === 0 ? 7 : day;
}

/** The council's review groups: those bound to no unit (they review at the top level). */
async function councilGroups(db: Db) {
  return db.reviewGroup.findMany({
    where: { unitId: null },
    select: { chat: { select: { id: true, channel: true, externalId: true } } },
    orderBy: { id: "asc" },
  });
}

/**
 * Once a week, from `hour` on `weekday` (local time, outside quiet hours), each council review
 * group receives the current quarter's chart for every unit. Claimed per group and week, so a
 * second tick, a restart or a second instance sends nothing more.
 */
export function weeklyStatsJob(deps: WeeklyStatsDeps): TickJob {
  const weekday = deps.weekday ?? 1;
  const hour = deps.hour ?? 8;
  return {
    name: "weekly-stats",
    async run(now) {
      const today = localDateOf(now, deps.timeZone);
      if (isoWeekday(today) !== weekday || localParts(now, deps.timeZone).hour < hour) return 0;
      if (isQuietTime(now, deps.timeZone, deps.quietHours)) return 0;
      const groups = await councilGroups(deps.db);
      if (groups.length === 0) return 0;
      const day = formatIsoDate(today);
      const period = defaultReportPeriod(now, deps.timeZone);
      let queued = 0;
      let picture: { file: string; received: number; approved: number } | null = null;
      for (const { chat } of groups) {
        const key = `weekly-stats:${chat.id}:${day}`;
        if (await deps.db.reminderLog.findUnique({ where: { key }, select: { id: true } })) continue;
        // Drawn once per tick for all council groups, and only when one of them still needs it.
        picture ??= await drawPicture(deps, period, day, now);
        const caption = deps.i18n.t(deps.defaultLocale, "weekly-stats-caption", {
          period: deps.defaultLocale === "en" ? period.labelEn : period.label,
          received: picture.received,
          approved: picture.approved,
        });
        const file = picture.file;
        const ran = await deps.db.$transaction(async (tx) => {
          if (!(await claimReminder(tx, key, { kind: "weekly-stats", recipient: `chat:${chat.id}`, outboxKey: key, now }))) return false;
          await enqueue(tx, {
            idempotencyKey: key,
            chat: { channel: chat.channel, externalId: chat.externalId, kind: "GROUP" },
            kind: "weekly-stats",
            payload: { type: "photos", items: [{ path: file, caption }] },
          });
          return true;
        });
        if (ran) queued++;
      }
      return queued;
    },
  };
}

/** Computes the quarter's figures and writes their chart under the media folder. */
async function drawPicture(deps: WeeklyStatsDeps, period: ReturnType<typeof defaultReportPeriod>, day: string, now: Date) {
  const figures = await reportFigures(deps.db, everything, period, { timeZone: deps.timeZone, now });
  const png = await statsPng(figures, deps.i18n.t("vi", "reports-scope-all"));
  const file = path.posix.join(weeklyStatsFolder, `thong-ke-tuan-${day}.png`);
  await mkdir(path.join(deps.mediaDir, weeklyStatsFolder), { recursive: true });
  await writeFile(path.join(deps.mediaDir, file), png);
  deps.log.info({ period: period.id, received: figures.totals.received, approved: figures.exemplars.length }, "weekly statistics drawn for the council");
  return { file, received: figures.totals.received, approved: figures.exemplars.length };
}
