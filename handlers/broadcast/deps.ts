// What the subscription and broadcast handlers share.
import type { Logger } from "pino";
import type { Db } from "../../core/db/client";
import type { Locale, Translations } from "../../core/i18n";
import type { ReviewDeps } from "../review/deps";

/** Dependencies of every module of this folder. */
export interface BroadcastDeps {
  db: Db;
  i18n: Translations;
  log: Logger;
  timeZone: string;
  defaultLocale: Locale;
  /** Language of the digest itself (groups have no language of their own). */
  digestLocale: Locale;
  /** The deep link that opens a nomination (https://t.me/<bot>?start=decu), if known. */
  nominateLink: string | null;
  /** The public site's address (PUBLIC_BASE_URL), for each story's link in the digest; null: none. */
  publicBaseUrl: string | null;
  /** The review side: nominators hear of publication through its notices. */
  review: ReviewDeps;
  /** Least time between two edits of a progress message; default 1 s (Telegram edits are rate-limited too). */
  progressIntervalMs: number;
  /** The clock; tests move it. */
  now(): Date;
  /** Tells the outbox worker that parts were queued, so sending starts without waiting for its poll. */
  wakeOutbox(): void;
}
