import { formatText, type FormattedText } from "../entities";
import { badRequest, forbidden } from "../errors";
import type { UploadedFile } from "../files";
import { checkReplyMarkup } from "../keyboard";
import { contentLimits } from "../limits";
import type { MethodParams } from "../params";
import { chatJson, isPresent, publicUser } from "../render";
import { unixTime, type BotRecord, type ChatRecord, type EmulatorState, type MessageRecord } from "../state";
import type { TgMessage, TgMessageEntity } from "../types";

/** What a method implementation gets: the state, the calling bot and its checked parameters. */
export interface MethodContext {
  state: EmulatorState;
  bot: BotRecord;
  params: MethodParams;
  /** Every file part of the request by part name (for attach:// inside JSON, e.g. sendMediaGroup). */
  files: Map<string, UploadedFile>;
  /** Aborted when the client goes away (long polling stops waiting then). */
  signal: AbortSignal;
}

/** A Bot API method implementation; its return value is the `result` of the answer. */
export type MethodHandler = (ctx: MethodContext) => unknown;

// === Parameter access

/** An optional Integer parameter. */
export function optionalInt(params: MethodParams, name: string): number | undefined {
  const value = params[name];
  return typeof value === "number" ? value : undefined;
}

/** An optional String parameter. */
export function optionalString(params: MethodParams, name: string): string | undefined {
  const value = params[name];
  return typeof value === "string" ? value : undefined;
}

/** A required Integer parameter (the spec check made sure it is present when the spec requires it). */
export function requiredInt(params: MethodParams, name: string): number {
  const value = optionalInt(params, name);
  if (value === undefined) throw badRequest(`${name} is empty`);
  return value;
}

// === Chats and access

/** The chat in `chat_id` (or another parameter), with Telegram's "chat not found". */
export function chatParam(ctx: MethodContext, name = "chat_id"): ChatRecord {
  const value = ctx.params[name];
  if (value === undefined) throw badRequest(`${name} is empty`);
  return ctx.state.resolveChat(value);
}

/** The bot's membership status in a chat. */
export function botStatus(ctx: MethodContext, record: ChatRecord) {
  return record.members.get(ctx.bot.user.id);
}

/** Throws Telegram's 403 when the bot may not see or post in this chat. */
export function assertBotInChat(ctx: MethodContext, record: ChatRecord, toPost: boolean): void {
  const { chat } = record;
  if (chat.type === "private") {
    if (toPost && ctx.bot.blockedBy.has(chat.id)) throw forbidden("bot was blocked by the user");
    return;
  }
  const status = botStatus(ctx, record);
  const kind = chat.type === "group" ? "group chat" : chat.type === "supergroup" ? "supergroup chat" : "channel chat";
  if (status === "kicked") throw forbidden(`bot was kicked from the ${kind}`);
  if (!isPresent(status)) throw forbidden(`bot is not a member of the ${kind}`);
  if (toPost && chat.type === "channel" && status !== "administrator" && status !== "creator") {
    throw badRequest("need administrator rights in the channel chat");
  }
}

/** The conversation key of a chat for the calling bot. */
export function conversationOf(ctx: MethodContext, record: ChatRecord): string {
  return ctx.state.conversationKey(ctx.bot.token, record.chat);
}

// === Content

/** Message text after parse_mode/entities, with Telegram's emptiness and length errors. */
export function formatMessageText(ctx: MethodContext, text: string | undefined, parseMode?: string, entities?: unknown): FormattedText {
  const formatted = formatText(text ?? "", parseMode, entities as TgMessageEntity[] | undefined);
  if (formatted.text.length === 0) throw badRequest("message text is empty");
  if (ctx.state.limits.content && formatted.text.length > contentLimits.textLength) throw badRequest("message is too long");
  return formatted;
}

/** A caption after parse_mode/entities, or undefined for no caption; errors when too long. */
export function formatCaption(ctx: MethodContext, caption: string | undefined, parseMode?: string, entities?: unknown): FormattedText | undefined {
  if (caption === undefined) return undefined;
  const formatted = formatText(caption, parseMode, entities as TgMessageEntity[] | undefined);
  if (ctx.state.limits.content && formatted.text.length > contentLimits.captionLength) throw badRequest("message caption is too long");
  return formatted.text.length > 0 ? formatted : undefined;
}

/** Adds `text`/`entities` or `caption`/`caption_entities` fields, leaving empty entity lists out. */
export function withText(message: Partial<TgMessage>, formatted: FormattedText | undefined, as: "text" | "caption"): Partial<TgMessage> {
  if (!formatted) return message;
  if (as === "text") {
    message.text = formatted.text;
    if (formatted.entities.length > 0) message.entities = formatted.entities;
  } else {
    message.caption = formatted.text;
    if (formatted.entities.length > 0) message.caption_entities = formatted.entities;
  }
  return message;
}

// === Sending

/** Counts an outgoing message against the rate limits when they are on. */
export function countOutgoing(ctx: MethodContext, record: ChatRecord): void {
  const rate = ctx.state.limits.rate;
  if (rate) ctx.state.rateLimiter.hit(rate, ctx.bot.user.id, record.chat.id, record.chat.type !== "private");
}

/** The message a reply_parameters points at, with Telegram's error when it is missing. */
function replyTarget(ctx: MethodContext, record: ChatRecord): TgMessage | undefined {
  const reply = ctx.params.reply_parameters as { message_id?: number; allow_sending_without_reply?: boolean } | undefined;
  if (!reply?.message_id) return undefined;
  const target = ctx.state.findMessage(conversationOf(ctx, record), Number(reply.message_id));
  if (!target || target.deleted) {
    if (reply.allow_sending_without_reply) return undefined;
    throw badRequest("message to be replied not found");
  }
  const { reply_to_message: _nested, ...shallow } = target.message;
  return shallow;
}

/** Reads reply_markup from the parameters: the inline part and any other keyboard. */
export function markupParam(ctx: MethodContext) {
  return checkReplyMarkup(ctx.params.reply_markup, ctx.state.limits.content);
}

/**
 * Stores a message the calling bot sends to a chat and returns its record. Access, markup
 * and rate limits are checked before anything is stored.
 */
export function postBotMessage(
  ctx: MethodContext,
  record: ChatRecord,
  content: Partial<TgMessage>,
  options: { withMarkup?: boolean; counted?: boolean } = {},
): MessageRecord {
  const markup = options.withMarkup === false ? {} : markupParam(ctx);
  const replyTo = replyTarget(ctx, record);
  if (options.counted !== false) countOutgoing(ctx, record);
  const chat = chatJson(record);
  const sender = chat.type === "channel" ? { sender_chat: chat } : { from: publicUser(ctx.bot.user) };
  return ctx.state.addMessage(
    conversationOf(ctx, record),
    (messageId) => ({
      message_id: messageId,
      ...sender,
      chat,
      date: unixTime(),
      ...(replyTo ? { reply_to_message: replyTo } : {}),
      ...content,
      ...(markup.inline ? { reply_markup: markup.inline } : {}),
    }),
    { sentByBot: ctx.bot.token, ...(markup.other !== undefined ? { replyKeyboard: markup.other } : {}) },
  );
}

/** The message a bot addresses by chat_id + message_id, for edits and deletes. */
export function messageParam(ctx: MethodContext, notFound: string): { chat: ChatRecord; message: MessageRecord } {
  if (ctx.params.inline_message_id !== undefined) throw badRequest("inline messages are not supported by the emulator");
  const messageId = optionalInt(ctx.params, "message_id");
  if (ctx.params.chat_id === undefined) throw badRequest("chat_id is empty");
  if (messageId === undefined) throw badRequest("message identifier is not specified");
  const chat = chatParam(ctx);
  assertBotInChat(ctx, chat, false);
  const message = ctx.state.findMessage(conversationOf(ctx, chat), messageId);
  if (!message || message.deleted) throw badRequest(notFound);
  return { chat, message };
}
