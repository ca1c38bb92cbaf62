// Wires the Telegram channel: the nomination workflow, the review link and the conversation
// handler over one database, the grammY bot, and the outbox worker that delivers what the
// bot sends outside a reply (notices to nominators). Used by main.ts and the end-to-end tests.
import type { Logger } from "pino";
import { startTelegramBot, type TelegramBot } from "../bot/telegram/bot";
import { TelegramOutboxSender } from "../bot/telegram/outbox-sender";
import type { Db } from "../core/db/client";
import type { Locale, Translations } from "../core/i18n";
import { OutboxWorker, type OutboxWorkerOptions } from "../core/outbox/worker";
import { deactivateOnPermanentFailure } from "../core/outbox/deactivate-subscription";
import { defaultReviewLevels, type ReviewLevels } from "../core/review/levels";
import { ensureAdmins } from "../core/review/officers";
import { NominationWorkflow } from "../core/workflow/engine";
import { chain } from "../handlers/chain";
import { nominateDeepLink } from "../handlers/commands";
import { createConversationHandler } from "../handlers/conversation";
import { UpdateRateLimiter, type RateLimitOptions } from "../handlers/rate-limit";
import { postCards, postMissingCards, refreshCards } from "../handlers/review/cards";
import type { ReviewDeps } from "../handlers/review/deps";
import { reviewMiddleware } from "../handlers/review/middleware";
import { calendarJobs } from "../core/calendar/jobs";
import { startTicker, type CalendarTicker, type TickJob } from "../core/calendar/ticker";
import type { QuietHours } from "../core/calendar/zoned-time";
import { syncDeadlines, type DeadlineConfig } from "../core/calendar/deadline-config";
import { calendarMiddleware } from "../handlers/calendar/middleware";
import type { BroadcastDeps } from "../handlers/broadcast/deps";
import { broadcastMiddleware } from "../handlers/broadcast/middleware";
import { ProgressFollower } from "../handlers/broadcast/progress";
import { broadcastJobs, startBroadcastSchedules } from "../handlers/broadcast/schedule";

/** Settings of the Telegram channel (from the configuration, or a test). */
export interface TelegramAppOptions {
  token: string;
  apiRoot: string;
  timeZone: string;
  defaultLocale: Locale;
  mediaDir: string;
  db: Db;
  i18n: Translations;
  log: Logger;
  /** Telegram user ids who are admins from the first start. */
  adminTelegramIds?: readonly string[];
  reviewLevels?: ReviewLevels;
  maxSubmissionsPerDay?: number;
  albumQuietMs?: number;
  rateLimit?: RateLimitOptions;
  /** Outbox worker settings (tests make it poll faster). */
  outbox?: Partial<Pick<OutboxWorkerOptions, "pollIntervalMs" | "limits" | "backoff">>;
  /** The emulation calendar: reminders, nudges, review summaries, /tick. */
  calendar?: {
    quietHours?: QuietHours | null;
    allowTimeTravel?: boolean;
    /** Cron of the ticks; null runs no ticker (tests drive /tick or the jobs). */
    cron?: string | null;
    /** The deadline calendar (from DEADLINES_FILE), synced at start. */
    deadlines?: DeadlineConfig;
  };
  /** The weekly digest to subscribed chats and its preview to the council. */
  broadcast?: {
    /** Cron of the weekly send and of the preview (in timeZone); null runs no schedule (tests call the jobs). */
    digestCron?: string | null;
    previewCron?: string;
    /** Least milliseconds between two edits of an officer's progress message; default 1000. */
    progressIntervalMs?: number;
    /** The clock of the digest handlers; default the real one. */
    now?: () => Date;
  };
  /** Called after each submission, once the officers' cards are posted. */
  onSubmitted?: (nominationId: number) => void | Promise<void>;
}

/** The running Telegram channel. */
export interface TelegramApp {
  bot: TelegramBot;
  worker: OutboxWorker;
  review: ReviewDeps;
  /** The periodic jobs, as the ticker and /tick run them. */
  jobs: TickJob[];
  /** The digest's preview, weekly send and settling jobs, as their schedule runs them. */
  broadcastJobs: ReturnType<typeof broadcastJobs>;
  /** Finishes the update in hand, stops polling, the outbox worker and pending acknowledgements. */
  stop(): Promise<void>;
}

/** Starts the Telegram channel on long polling. */
export async function startTelegramApp(options: TelegramAppOptions): Promise<TelegramApp> {
  const { db, i18n, log } = options;
  await ensureAdmins(db, options.adminTelegramIds ?? []);
  let bot: TelegramBot | undefined;
  const review: ReviewDeps = {
    db,
    i18n,
    log,
    levels: options.reviewLevels ?? defaultReviewLevels,
    timeZone: options.timeZone,
    defaultLocale: options.defaultLocale,
    mediaDir: options.mediaDir,
    port: (channel) => (channel === "TELEGRAM" ? bot?.port : undefined),
  };
  const workflow = new NominationWorkflow({
    db,
    i18n,
    log,
    timeZone: options.timeZone,
    ...(options.maxSubmissionsPerDay !== undefined ? { maxSubmissionsPerDay: options.maxSubmissionsPerDay } : {}),
    ...(options.albumQuietMs !== undefined ? { albumQuietMs: options.albumQuietMs } : {}),
    onSubmitted: async (nominationId) => {
      await postCards(review, nominationId);
      await options.onSubmitted?.(nominationId);
    },
  });
  const conversation = createConversationHandler({
    db,
    i18n,
    log,
    workflow,
    defaultLocale: options.defaultLocale,
    mediaDir: options.mediaDir,
    rateLimiter: new UpdateRateLimiter(options.rateLimit),
    onWithdrawn: (nominationId) => refreshCards(review, nominationId),
  });
  const calendar = options.calendar ?? {};
  if (calendar.deadlines) {
    const summary = await syncDeadlines(db, calendar.deadlines, log);
    log.info(summary, "deadline calendar synced");
  }
  let worker: OutboxWorker | undefined;
  const jobs: TickJob[] = calendarJobs({
    db,
    i18n,
    log,
    timeZone: options.timeZone,
    defaultLocale: options.defaultLocale,
    quietHours: calendar.quietHours === undefined ? { start: "21:00", end: "07:00" } : calendar.quietHours,
    continuePayload: "d:continue",
  });
  const calendarCommands = calendarMiddleware({
    db,
    i18n,
    log,
    timeZone: options.timeZone,
    defaultLocale: options.defaultLocale,
    allowTimeTravel: calendar.allowTimeTravel ?? false,
    jobs: () => jobs,
    afterTick: () => worker?.wake(),
  });
  const digest = options.broadcast ?? {};
  const broadcast: BroadcastDeps = {
    db,
    i18n,
    log,
    timeZone: options.timeZone,
    defaultLocale: options.defaultLocale,
    digestLocale: options.defaultLocale,
    nominateLink: null,
    review,
    progressIntervalMs: digest.progressIntervalMs ?? 1000,
    now: digest.now ?? (() => new Date()),
    wakeOutbox: () => worker?.wake(),
  };
  const progress = new ProgressFollower(broadcast);
  bot = await startTelegramBot({
    token: options.token,
    apiRoot: options.apiRoot,
    handler: chain([broadcastMiddleware(broadcast, progress), reviewMiddleware(review), calendarCommands], conversation),
    i18n,
    log,
  });
  worker = new OutboxWorker({
    db,
    log,
    senders: [new TelegramOutboxSender({ token: options.token, apiRoot: options.apiRoot, mediaDir: options.mediaDir })],
    onPermanentFailure: deactivateOnPermanentFailure(db, log),
    ...options.outbox,
  });
  worker.start();
  broadcast.nominateLink = `https://t.me/${bot.username}?start=${nominateDeepLink}`;
  const digestCron = digest.digestCron === undefined ? "0 8 * * 1" : digest.digestCron;
  const digestSchedule =
    digestCron === null ? null : startBroadcastSchedules(broadcast, { digestCron, previewCron: digest.previewCron ?? "0 17 * * 0", timeZone: options.timeZone, log });
  const ticker: CalendarTicker | null =
    calendar.cron === null ? null : startTicker({ jobs, timeZone: options.timeZone, log, ...(calendar.cron ? { schedule: calendar.cron } : {}) });
  // Cards for nominations submitted while the process was down, or whose posting failed.
  await postMissingCards(review).catch((err: unknown) => log.error({ err }, "posting missing review cards failed"));
  return {
    bot,
    worker,
    review,
    jobs,
    broadcastJobs: broadcastJobs(broadcast, { digestCron: digestCron ?? "0 8 * * 1" }),
    stop: async () => {
      await digestSchedule?.stop();
      await progress.stop();
      await ticker?.stop();
      await bot?.stop();
      await worker?.stop();
      workflow.stop();
    },
  };
}
