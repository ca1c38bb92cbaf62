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
import { createConversationHandler } from "../handlers/conversation";
import { UpdateRateLimiter, type RateLimitOptions } from "../handlers/rate-limit";
import { postCards, postMissingCards, refreshCards } from "../handlers/review/cards";
import type { ReviewDeps } from "../handlers/review/deps";
import { reviewMiddleware } from "../handlers/review/middleware";

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
  /** Called after each submission, once the officers' cards are posted. */
  onSubmitted?: (nominationId: number) => void | Promise<void>;
}

/** The running Telegram channel. */
export interface TelegramApp {
  bot: TelegramBot;
  worker: OutboxWorker;
  review: ReviewDeps;
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
  bot = await startTelegramBot({ token: options.token, apiRoot: options.apiRoot, handler: chain([reviewMiddleware(review)], conversation), i18n, log });
  const worker = new OutboxWorker({
    db,
    log,
    senders: [new TelegramOutboxSender({ token: options.token, apiRoot: options.apiRoot, mediaDir: options.mediaDir })],
    onPermanentFailure: deactivateOnPermanentFailure(db, log),
    ...options.outbox,
  });
  worker.start();
  // Cards for nominations submitted while the process was down, or whose posting failed.
  await postMissingCards(review).catch((err: unknown) => log.error({ err }, "posting missing review cards failed"));
  return {
    bot,
    worker,
    review,
    stop: async () => {
      await bot?.stop();
      await worker.stop();
      workflow.stop();
    },
  };
}
