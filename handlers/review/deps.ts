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
  /** Where the public site is reached (PUBLIC_BASE_URL): the "published" notice links to the story's page. */
  publicBaseUrl: string | null;
  /** The port of a channel, to reach chats other than the one an event came from. */
  port(channel: ChannelName): ChannelPort | undefined;
}
