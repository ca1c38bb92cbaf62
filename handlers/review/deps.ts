import type { Logger } from "pino";
import type { ChannelName, ChannelPort } from "../../core/channel/port";
import type { Db } from "../../core/db/client";
import type { Locale, Translations } from "../../core/i18n";
import type { ReviewLevels } from "../../core/review/levels";

/** What the review handlers need, shared by every module of this folder. */
export interface ReviewDeps {
  db: Db;
  i18n: Translations;
  log: Logger;
  levels: ReviewLevels;
  /** Whether an officer may decide on a nomination they made themselves (the playground only). */
  allowSelfReview: boolean;
  timeZone: string;
  defaultLocale: Locale;
  mediaDir: string;
  /** The port of a channel, to reach chats other than the one an event came from. */
  port(channel: ChannelName): ChannelPort | undefined;
}

/** "14:05 23/11/2026" in the configured time zone. */
export function formatTime(date: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone,
    hour: "2-digit",
    minute: "2-digit",
    day: "2-digit",
    month: "2-digit",
    year: "numeric",
    hourCycle: "h23",
  }).formatToParts(date);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("hour")}:${get("minute")} ${get("day")}/${get("month")}/${get("year")}`;
}

/** "23/11/2026" in the configured time zone. */
export function formatDate(date: Date, timeZone: string): string {
  return formatTime(date, timeZone).split(" ")[1]!;
}
