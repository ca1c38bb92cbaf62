import { isDeepStrictEqual } from "node:util";
import { badRequest } from "../errors";
import { contentLimits } from "../limits";
import { unixTime, type MessageRecord } from "../state";
import type { TgMessage } from "../types";
import {
  botStatus,
  countOutgoing,
  formatCaption,
  formatMessageText,
  markupParam,
  messageParam,
  optionalString,
  withText,
  type MethodContext,
  type MethodHandler,
} from "./context";

// === Edits

const notModified = "message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message";

function editableMessage(ctx: MethodContext) {
  const target = messageParam(ctx, "message to edit not found");
  if (target.message.sentByBot !== ctx.bot.token) throw badRequest("message can't be edited");
  return target;
}

/** Replaces the given fields (undefined removes one), or fails when nothing would change. */
function applyEdit(ctx: MethodContext, record: MessageRecord, changes: Partial<Record<keyof TgMessage, unknown>>): TgMessage {
  const message = record.message as unknown as Record<string, unknown>;
  const changed = Object.entries(changes).some(([key, value]) => !isDeepStrictEqual(message[key], value));
  if (!changed) throw badRequest(notModified);
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) delete message[key];
    else message[key] = value;
  }
  record.message.edit_date = unixTime();
  record.editCount += 1;
  ctx.state.events.emit("edit", record);
  return record.message;
}

const editMessageText: MethodHandler = (ctx) => {
  const { chat, message } = editableMessage(ctx);
  if (message.message.text === undefined) throw badRequest("there is no text in the message to edit");
  const formatted = formatMessageText(ctx, optionalString(ctx.params, "text"), optionalString(ctx.params, "parse_mode"), ctx.params.entities);
  const markup = markupParam(ctx).inline;
  countOutgoing(ctx, chat);
  return applyEdit(ctx, message, {
    text: formatted.text,
    entities: formatted.entities.length > 0 ? formatted.entities : undefined,
    reply_markup: markup,
  });
};

const editMessageCaption: MethodHandler = (ctx) => {
  const { chat, message } = editableMessage(ctx);
  const { photo, document, voice } = message.message;
  if (!photo && !document && !voice) throw badRequest("there is no caption in the message to edit");
  const caption = formatCaption(ctx, optionalString(ctx.params, "caption"), optionalString(ctx.params, "parse_mode"), ctx.params.caption_entities);
  const fields = withText({}, caption, "caption");
  const markup = markupParam(ctx).inline;
  countOutgoing(ctx, chat);
  return applyEdit(ctx, message, {
    caption: fields.caption,
    caption_entities: fields.caption_entities,
    reply_markup: markup,
  });
};

const editMessageReplyMarkup: MethodHandler = (ctx) => {
  const { chat, message } = editableMessage(ctx);
  const markup = markupParam(ctx).inline;
  countOutgoing(ctx, chat);
  return applyEdit(ctx, message, { reply_markup: markup });
};

// === Deletion

const deleteMessage: MethodHandler = (ctx) => {
  const { chat, message } = messageParam(ctx, "message to delete not found");
  const status = botStatus(ctx, chat);
  const mayDeleteOthers = chat.chat.type === "private" || status === "administrator" || status === "creator";
  if (message.sentByBot !== ctx.bot.token && !mayDeleteOthers) throw badRequest("message can't be deleted");
  message.deleted = true;
  ctx.state.events.emit("edit", message);
  return true;
};

// === Callback queries

const answerCallbackQuery: MethodHandler = (ctx) => {
  const id = String(ctx.params.callback_query_id);
  const query = ctx.state.callbacks.get(id);
  if (!query || query.token !== ctx.bot.token || query.answer) {
    throw badRequest("query is too old and response timeout expired or query ID is invalid");
  }
  const text = optionalString(ctx.params, "text");
  if (text !== undefined && ctx.state.limits.content && text.length > contentLimits.callbackAnswerLength) throw badRequest("MESSAGE_TOO_LONG");
  query.answer = {
    ...(text !== undefined ? { text } : {}),
    ...(ctx.params.show_alert !== undefined ? { show_alert: ctx.params.show_alert === true } : {}),
    ...(ctx.params.url !== undefined ? { url: String(ctx.params.url) } : {}),
    ...(ctx.params.cache_time !== undefined ? { cache_time: Number(ctx.params.cache_time) } : {}),
  };
  ctx.state.events.emit("callbackAnswer", query);
  return true;
};

/** Methods that change or remove sent messages, and the answer to a button press. */
export const editMethods: Record<string, MethodHandler> = {
  editMessageText,
  editMessageCaption,
  editMessageReplyMarkup,
  deleteMessage,
  answerCallbackQuery,
};
