// Wires the Telegram channel: the nomination workflow, the conversation handler and the
// grammY bot, over one database. Used by main.ts and by the end-to-end tests.
import type { Logger } from "pino";
import { startTelegramBot, type TelegramBot } from "../bot/telegram/bot";
import type { Db } from "../core/db/client";
import type { Locale, Translations } from "../core/i18n";
import { NominationWorkflow } from "../core/workflow/engine";
import { createConversationHandler } from "../handlers/conversation";
import { UpdateRateLimiter, type RateLimitOptions } from "../handlers/rate-limit";

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
  maxSubmissionsPerDay?: number;
  albumQuietMs?: number;
  rateLimit?: RateLimitOptions;
  /** Called after each submission; officers' notification connects here. */
  onSubmitted?: (nominationId: number) => void | Promise<void>;
}

/** The running Telegram channel. */
export interface TelegramApp {
  bot: TelegramBot;
  /** Finishes the update in hand, stops polling and pending acknowledgements. */
  stop(): Promise<void>;
}

/** Starts the Telegram channel on long polling. */
export async function startTelegramApp(options: TelegramAppOptions): Promise<TelegramApp> {
  const { db, i18n, log } = options;
  const workflow = new NominationWorkflow({
    db,
    i18n,
    log,
    timeZone: options.timeZone,
    ...(options.maxSubmissionsPerDay !== undefined ? { maxSubmissionsPerDay: options.maxSubmissionsPerDay } : {}),
    ...(options.albumQuietMs !== undefined ? { albumQuietMs: options.albumQuietMs } : {}),
    ...(options.onSubmitted ? { onSubmitted: options.onSubmitted } : {}),
  });
  const handler = createConversationHandler({
    db,
    i18n,
    log,
    workflow,
    defaultLocale: options.defaultLocale,
    mediaDir: options.mediaDir,
    rateLimiter: new UpdateRateLimiter(options.rateLimit),
  });
  const bot = await startTelegramBot({ token: options.token, apiRoot: options.apiRoot, handler, i18n, log });
  return {
    bot,
    stop: async () => {
      await bot.stop();
      workflow.stop();
    },
  };
}
