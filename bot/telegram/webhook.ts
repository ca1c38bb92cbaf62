// Telegram's webhook mode. grammY's webhookCallback checks the X-Telegram-Bot-Api-Secret-Token
// header (401 on a wrong or missing one) and reads the update; a receiving Bot, whose only
// middleware writes the update to the persisted inbox, answers Telegram as soon as the row is
// written. The inbox then hands each update to the real Bot. The update_id is the inbox's key,
// so an update Telegram re-delivers (it retries until it gets a 2xx), or that a proxy delivers
// to two instances, is one row and is handled once.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Bot, webhookCallback } from "grammy";
import type { Update, UserFromGetMe } from "grammy/types";
import type { Logger } from "pino";
import type { PersistedInbox } from "../../core/channel/inbox";

/** The update kinds the bot asks Telegram for, polling or webhook. */
export const allowedUpdates = ["message", "callback_query", "my_chat_member"] as const;

/** Settings of the webhook's HTTP server. */
export interface TelegramWebhookOptions {
  token: string;
  botInfo: UserFromGetMe;
  /** Telegram's secret_token (WEBHOOK_SECRET), checked on every request. */
  secret: string;
  /** Where the requests arrive: the path of WEBHOOK_URL. */
  path: string;
  port: number;
  host?: string;
  inbox: PersistedInbox;
  log: Logger;
}

/** A listening webhook. */
export interface TelegramWebhook {
  /** The local origin, e.g. http://127.0.0.1:8443 (behind the HTTPS proxy in production). */
  origin: string;
  close(): Promise<void>;
}

/** The inbox's key and event name of an update. */
export function inboxKeyOf(update: Update): { dedupKey: string; eventName: string } {
  const eventName = Object.keys(update).find((key) => key !== "update_id") ?? "unknown";
  return { dedupKey: `update:${update.update_id}`, eventName };
}

/** The receiving bot: it stores each update and does nothing else. */
function receiver(options: TelegramWebhookOptions) {
  const bot = new Bot(options.token, { botInfo: options.botInfo });
  bot.use(async (ctx) => {
    const { dedupKey, eventName } = inboxKeyOf(ctx.update);
    const stored = await options.inbox.store(JSON.stringify(ctx.update), eventName, dedupKey);
    if (stored === "duplicate") options.log.info({ updateId: ctx.update.update_id }, "telegram webhook: update seen before, not handled again");
  });
  // A failed write must reach webhookCallback (so Telegram is answered 500 and retries), not be
  // logged and swallowed as grammY's default handler would.
  bot.catch((err) => {
    throw err.error;
  });
  return webhookCallback(bot, "http", { secretToken: options.secret, onTimeout: "throw", timeoutMilliseconds: 9_000 });
}

function respond(res: ServerResponse, status: number, body = ""): void {
  if (!res.headersSent) res.writeHead(status, { "content-type": "text/plain; charset=utf-8" });
  res.end(body);
}

/**
 * Starts the webhook's HTTP server: POST on `path` for Telegram, GET /healthz for a reverse
 * proxy's health checks, 404 elsewhere.
 *
 * ```ts
 * const webhook = await startTelegramWebhook({ token, botInfo: bot.botInfo, secret, path: "/telegram", port: 8443, inbox, log });
 * ```
 */
export async function startTelegramWebhook(options: TelegramWebhookOptions): Promise<TelegramWebhook> {
  const handle = receiver(options);
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const pathname = new URL(req.url ?? "/", "http://webhook").pathname;
    if (req.method === "GET" && pathname === "/healthz") return respond(res, 200, "ok");
    if (req.method !== "POST" || pathname !== options.path) return respond(res, 404);
    if (req.headers["x-telegram-bot-api-secret-token"] === undefined) options.log.warn({ remote: req.socket.remoteAddress }, "telegram webhook refused: no secret token");
    handle(req, res).catch((err: unknown) => {
      // A body that is no JSON, or the database out of reach: Telegram will deliver it again.
      options.log.error({ err }, "telegram webhook: update not stored");
      respond(res, 500);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host ?? "0.0.0.0", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
