// The bot's settings from the configuration, shared by a real start and the playground (which
// overrides the database, the clock and the schedules).
import type { Logger } from "pino";
import type { DeadlineConfig } from "../core/calendar/deadline-config";
import type { Db } from "../core/db/client";
import type { Translations } from "../core/i18n";
import type { BotAppOptions } from "./channels";
import type { Config } from "./config";

/** Everything of {@link BotAppOptions} but the channels. */
export type CommonBotOptions = Omit<BotAppOptions, "telegram" | "zalo" | "zaloOa" | "zaloBot">;

/** The channel-independent options of the bot, read from `config`. */
export function commonBotOptions(config: Config, parts: { db: Db; i18n: Translations; log: Logger; deadlines: DeadlineConfig }): CommonBotOptions {
  return {
    timeZone: config.TZ,
    defaultLocale: config.DEFAULT_LOCALE,
    mediaDir: config.MEDIA_DIR,
    reviewLevels: config.REVIEW_LEVELS,
    calendar: {
      quietHours: config.QUIET_HOURS,
      allowTimeTravel: config.ALLOW_TIME_TRAVEL,
      cron: config.CALENDAR_CRON,
      councilWeeklyStats: config.COUNCIL_WEEKLY_STATS,
      deadlines: parts.deadlines,
    },
    privacy: { retentionMonths: config.RETENTION_MONTHS },
    broadcast: { digestCron: config.BROADCAST_CRON, previewCron: config.BROADCAST_PREVIEW_CRON },
    publicBaseUrl: config.PUBLIC_BASE_URL ?? null,
    db: parts.db,
    i18n: parts.i18n,
    log: parts.log,
  };
}
