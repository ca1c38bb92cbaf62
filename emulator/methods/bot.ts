import { badRequest, conflict } from "../errors";
import { commandsKey } from "../state";
import type { TgBotCommand } from "../types";
import { WebhookDelivery } from "../webhook";
import { optionalInt, optionalString, type MethodContext, type MethodHandler } from "./context";

// === Identity and updates

const getMe: MethodHandler = ({ bot }) => ({ ...bot.user });

const getUpdates: MethodHandler = async ({ bot, params, signal }) => {
  if (bot.webhook) throw conflict("can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
  const offset = optionalInt(params, "offset");
  const limit = optionalInt(params, "limit");
  const timeout = optionalInt(params, "timeout");
  const allowedUpdates = params.allowed_updates as string[] | undefined;
  return bot.updates.poll(
    {
      ...(offset !== undefined ? { offset } : {}),
      ...(limit !== undefined ? { limit } : {}),
      ...(timeout !== undefined ? { timeout } : {}),
      ...(allowedUpdates !== undefined ? { allowedUpdates } : {}),
    },
    signal,
  );
};

// === Webhooks

function removeWebhook(ctx: MethodContext): true {
  ctx.bot.delivery?.stop();
  delete ctx.bot.delivery;
  delete ctx.bot.webhook;
  if (ctx.params.drop_pending_updates === true) ctx.bot.updates.dropAll();
  return true;
}

const setWebhook: MethodHandler = (ctx) => {
  const url = optionalString(ctx.params, "url") ?? "";
  if (url === "") return removeWebhook(ctx);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw badRequest("bad webhook: invalid webhook URL specified");
  }
  // Telegram insists on HTTPS; the emulator also takes plain HTTP so local bots can receive updates.
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") throw badRequest("bad webhook: An HTTPS URL must be provided for webhook");
  const secretToken = optionalString(ctx.params, "secret_token");
  if (secretToken !== undefined && !/^[A-Za-z0-9_-]{1,256}$/.test(secretToken)) throw badRequest("secret token contains unallowed characters");
  const allowed = ctx.params.allowed_updates as string[] | undefined;
  if (allowed !== undefined) ctx.bot.updates.setAllowed(allowed);
  if (ctx.params.drop_pending_updates === true) ctx.bot.updates.dropAll();
  ctx.bot.webhook = {
    url,
    maxConnections: optionalInt(ctx.params, "max_connections") ?? 40,
    ...(secretToken ? { secretToken } : {}),
  };
  ctx.bot.updates.wakeWaiter();
  if (!ctx.bot.delivery) {
    const delivery = new WebhookDelivery(ctx.state, ctx.bot);
    ctx.bot.delivery = delivery;
  }
  ctx.bot.delivery.kick();
  return true;
};

const deleteWebhook: MethodHandler = (ctx) => removeWebhook(ctx);

const getWebhookInfo: MethodHandler = ({ bot }) => {
  const webhook = bot.webhook;
  return {
    url: webhook?.url ?? "",
    has_custom_certificate: false,
    pending_update_count: bot.updates.pendingCount,
    ...(webhook ? { max_connections: webhook.maxConnections, ip_address: "127.0.0.1" } : {}),
    ...(webhook?.lastErrorDate !== undefined ? { last_error_date: webhook.lastErrorDate, last_error_message: webhook.lastErrorMessage ?? "" } : {}),
  };
};

// === Commands

function scopeKey(ctx: MethodContext): string {
  const scope = ctx.params.scope as Record<string, unknown> | undefined;
  if (scope?.chat_id !== undefined) ctx.state.resolveChat(scope.chat_id);
  const language = optionalString(ctx.params, "language_code");
  if (language !== undefined && !/^([a-z]{2})?$/.test(language)) throw badRequest("invalid language code specified");
  return commandsKey(scope, language || undefined);
}

const setMyCommands: MethodHandler = (ctx) => {
  const commands = ctx.params.commands as TgBotCommand[];
  if (commands.length > 100) throw badRequest("BOT_COMMANDS_TOO_MUCH");
  for (const { command, description } of commands) {
    if (!/^[a-z0-9_]{1,32}$/.test(String(command))) throw badRequest("BOT_COMMAND_INVALID");
    const length = String(description).trim().length;
    if (length < 1 || length > 256) throw badRequest("command description must be 1-256 characters long");
  }
  const key = scopeKey(ctx);
  if (commands.length === 0) ctx.bot.commands.delete(key);
  else ctx.bot.commands.set(key, commands.map((c) => ({ command: String(c.command), description: String(c.description) })));
  return true;
};

const getMyCommands: MethodHandler = (ctx) => (ctx.bot.commands.get(scopeKey(ctx)) ?? []).map((c) => ({ ...c }));

const deleteMyCommands: MethodHandler = (ctx) => {
  ctx.bot.commands.delete(scopeKey(ctx));
  return true;
};

/** Methods about the bot itself: identity, receiving updates, webhooks and command lists. */
export const botMethods: Record<string, MethodHandler> = {
  getMe,
  getUpdates,
  setWebhook,
  deleteWebhook,
  getWebhookInfo,
  setMyCommands,
  getMyCommands,
  deleteMyCommands,
};
