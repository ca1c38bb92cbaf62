// The Telegram channel alone: a thin shape over the composition root (channels.ts), kept for
// the end-to-end tests and for deployments that run Telegram only.
import type { TelegramBot } from "../bot/telegram/bot";
import { startBotApp, type BotApp, type BotAppOptions, type TelegramChannelOptions } from "./channels";

/** Settings of the Telegram channel (from the configuration, or a test). */
export interface TelegramAppOptions extends Omit<BotAppOptions, "telegram" | "zalo"> {
  token: string;
  apiRoot: string;
  /** Telegram user ids who are admins from the first start. */
  adminTelegramIds?: readonly string[];
  /** Webhook mode instead of long polling. */
  webhook?: TelegramChannelOptions["webhook"];
}

/** The running Telegram channel. */
export interface TelegramApp extends Omit<BotApp, "telegram" | "zalo"> {
  bot: TelegramBot;
}

/** Starts the bot with Telegram as its only channel, on long polling or its webhook. */
export async function startTelegramApp(options: TelegramAppOptions): Promise<TelegramApp> {
  const { token, apiRoot, adminTelegramIds, webhook, ...rest } = options;
  const app = await startBotApp({ ...rest, telegram: { token, apiRoot, adminIds: adminTelegramIds ?? [], ...(webhook ? { webhook } : {}) } });
  return { ...app, bot: app.telegram! };
}
