// The Telegram side of the bot: a grammY Bot that turns each update into a channel-agnostic
// event for the conversation handler. Updates come by long polling (one instance), or by
// webhook into the persisted inbox (webhook.ts), which several instances can share.
import { Bot } from "grammy";
import type { Update } from "grammy/types";
import type { Logger } from "pino";
import { PersistedInbox } from "../../core/channel/inbox";
import { Leadership } from "../../core/cluster/lease";
import type { CommandMenus } from "../../core/channel/commands";
import type { Db } from "../../core/db/client";
import type { Translations } from "../../core/i18n";
import type { EventHandler } from "../../core/channel/port";
import { registerCommands } from "./commands";
import { toIncomingEvent } from "./normalize";
import { TelegramPort } from "./port";
import { allowedUpdates, startTelegramWebhook, type TelegramWebhook } from "./webhook";

/** Webhook mode (WEBHOOK_URL, WEBHOOK_SECRET, WEBHOOK_PORT). */
export interface TelegramWebhookSettings {
  /** The public HTTPS address Telegram posts to (the reverse proxy's); its path is served here. */
  url: string;
  secret: string;
  port: number;
  host?: string;
  /** The database whose inbox keeps the updates. */
  db: Db;
  /** How long an instance owns an update it handles; default a minute. */
  inboxLeaseMs?: number;
  /** The inbox handler's lease length; default 30 s (how long a dead handler's updates wait). */
  handlerLeaseMs?: number;
}

/** What the Telegram bot needs. */
export interface TelegramBotOptions {
  token: string;
  apiRoot: string;
  handler: EventHandler;
  /** The command menus to register (the application takes them from the handlers). */
  commands: CommandMenus;
  i18n: Translations;
  log: Logger;
  /** Receive by webhook instead of long polling. */
  webhook?: TelegramWebhookSettings;
}

/** A running Telegram bot. */
export interface TelegramBot {
  /** The port, for code that sends outside an update (notifications). */
  port: TelegramPort;
  /** The bot's @username (without "@"), for deep links. */
  username: string;
  /** Webhook mode: the local server and the inbox (tests wait on it). */
  webhook?: { server: TelegramWebhook; inbox: PersistedInbox };
  /** Stops receiving after the update in hand is finished. */
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
  if (options.webhook) return startOnWebhook(bot, port, options, options.webhook);
  await new Promise<void>((resolve, reject) => {
    bot
      .start({ allowed_updates: [...allowedUpdates], onStart: () => resolve() })
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

/**
 * Webhook mode: the inbox handles stored updates through `bot`, the HTTP server stores what
 * Telegram posts, and Telegram is told where to post (every instance says the same address).
 */
async function startOnWebhook(bot: Bot, port: TelegramPort, options: TelegramBotOptions, settings: TelegramWebhookSettings): Promise<TelegramBot> {
  const { log } = options;
  await bot.init();
  // Every instance receives; the one holding this lease handles, so a chat's updates (an
  // album's photos, two quick answers) are handled in order in one process, as with polling.
  const handler = new Leadership({ db: settings.db, log, name: "telegram-inbox", ...(settings.handlerLeaseMs ? { ttlMs: settings.handlerLeaseMs } : {}) });
  const inbox = new PersistedInbox({
    table: settings.db.telegramInboxEvent,
    log,
    name: "telegram",
    // Errors of the handlers are logged by bot.catch; a throw here is the inbox's retry.
    handle: (body) => bot.handleUpdate(JSON.parse(body) as Update),
    leaseMs: settings.inboxLeaseMs ?? 60_000,
    handleWhile: () => handler.isLeader(),
  });
  const server = await startTelegramWebhook({
    token: options.token,
    botInfo: bot.botInfo,
    secret: settings.secret,
    path: new URL(settings.url).pathname,
    port: settings.port,
    ...(settings.host ? { host: settings.host } : {}),
    inbox,
    log,
  });
  handler.start();
  inbox.start();
  await bot.api.setWebhook(settings.url, { secret_token: settings.secret, allowed_updates: [...allowedUpdates] });
  log.info({ username: bot.botInfo.username, port: settings.port }, "telegram bot started on its webhook");
  return {
    port,
    username: bot.botInfo.username,
    webhook: { server, inbox },
    stop: async () => {
      // The webhook stays registered with Telegram: the other instances go on receiving.
      await server.close();
      await inbox.stop();
      await handler.stop(true);
    },
  };
}
