// The Telegram side of the bot: a grammY Bot on long polling that turns each update into a
// channel-agnostic event for the conversation handler.
import { Bot } from "grammy";
import type { Logger } from "pino";
import type { CommandMenus } from "../../core/channel/commands";
import type { Translations } from "../../core/i18n";
import type { EventHandler } from "../../core/channel/port";
import { registerCommands } from "./commands";
import { toIncomingEvent } from "./normalize";
import { TelegramPort } from "./port";

/** What the Telegram bot needs. */
export interface TelegramBotOptions {
  token: string;
  apiRoot: string;
  handler: EventHandler;
  /** The command menus to register (the application takes them from the handlers). */
  commands: CommandMenus;
  i18n: Translations;
  log: Logger;
}

/** A running Telegram bot. */
export interface TelegramBot {
  /** The port, for code that sends outside an update (notifications). */
  port: TelegramPort;
  /** The bot's @username (without "@"), for deep links. */
  username: string;
  /** Stops polling after the update in hand is finished. */
  stop(): Promise<void>;
}

/**
 * Registers the command menu, then starts long polling; resolves once polling runs.
 *
 * ```ts
 * const telegram = await startTelegramBot({ token, apiRoot, handler, commands, i18n, log });
 * shutdown.add("telegram", () => telegram.stop());
 * ```
 */
export async function startTelegramBot(options: TelegramBotOptions): Promise<TelegramBot> {
  const bot = new Bot(options.token, { client: { apiRoot: options.apiRoot } });
  const port = new TelegramPort(bot.api, { apiRoot: options.apiRoot, token: options.token }, { i18n: options.i18n, commands: options.commands });
  bot.use(async (ctx) => {
    const event = toIncomingEvent(ctx.update);
    if (event) await options.handler(event, port);
  });
  bot.catch((err) => options.log.error({ err: err.error, updateId: err.ctx.update.update_id }, "update failed"));
  await registerCommands(bot.api, options.i18n, options.commands);
  await new Promise<void>((resolve, reject) => {
    bot
      .start({ allowed_updates: ["message", "callback_query", "my_chat_member"], onStart: () => resolve() })
      .catch((err: unknown) => {
        options.log.error({ err }, "telegram polling stopped");
        reject(err instanceof Error ? err : new Error(String(err)));
      });
  });
  options.log.info({ username: bot.botInfo.username }, "telegram bot started");
  return {
    port,
    username: bot.botInfo.username,
    stop: async () => {
      if (bot.isRunning()) await bot.stop();
    },
  };
}
