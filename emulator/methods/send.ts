import { randomInt } from "node:crypto";
import { badRequest } from "../errors";
import { photoSize, type FileKind, type StoredFile, type UploadedFile } from "../files";
import { contentLimits } from "../limits";
import { Upload } from "../params";
import type { EmulatorState } from "../state";
import type { TgDocument, TgMessage, TgPhotoSize } from "../types";
import {
  assertBotInChat,
  chatParam,
  conversationOf,
  countOutgoing,
  formatCaption,
  formatMessageText,
  optionalString,
  postBotMessage,
  requiredInt,
  withText,
  type MethodContext,
  type MethodHandler,
} from "./context";

// === Files in requests

type FileSource = { upload: UploadedFile } | { stored: StoredFile };

const kindNames: Record<FileKind, string> = { photo: "Photo", document: "Document", sticker: "Sticker", voice: "Voice" };

/** Resolves an InputFile-or-String parameter to new bytes or a stored file, with Telegram's errors. */
function fileSource(state: EmulatorState, value: unknown, kind: FileKind, files: Map<string, UploadedFile>): FileSource {
  if (value instanceof Upload) return { upload: value.file };
  if (typeof value !== "string" || value.trim() === "") throw badRequest(`there is no ${kind} in the request`);
  if (value.startsWith("attach://")) {
    const part = files.get(value.slice("attach://".length));
    if (!part) throw badRequest(`can't find attached file "${value}"`);
    return { upload: part };
  }
  // The emulator has no internet access, so a URL can never be fetched.
  if (/^https?:\/\//i.test(value)) throw badRequest("wrong file identifier/HTTP URL specified");
  const stored = state.files.get(value);
  if (!stored) throw badRequest("wrong file identifier/HTTP URL specified");
  if (stored.kind !== kind && !(kind === "document" && stored.kind !== "photo")) {
    throw badRequest(`can't use file of type ${kindNames[stored.kind]} as ${kindNames[kind]}`);
  }
  return { stored };
}

function photoSizes(state: EmulatorState, source: FileSource): TgPhotoSize[] {
  if ("upload" in source) return state.files.putPhoto(source.upload);
  return source.stored.sizes ?? [photoSize(source.stored)];
}

function documentOf(state: EmulatorState, source: FileSource, fallbackName: string): TgDocument {
  const file = "stored" in source ? source.stored : state.files.put("document", { fileName: fallbackName, ...source.upload });
  return {
    file_id: file.fileId,
    file_unique_id: file.uniqueId,
    file_name: file.fileName ?? fallbackName,
    mime_type: file.mimeType ?? "application/octet-stream",
    file_size: file.bytes.length,
  };
}

function captionOf(ctx: MethodContext) {
  return formatCaption(ctx, optionalString(ctx.params, "caption"), optionalString(ctx.params, "parse_mode"), ctx.params.caption_entities);
}

// === Single messages

const sendMessage: MethodHandler = (ctx) => {
  const chat = chatParam(ctx);
  assertBotInChat(ctx, chat, true);
  const formatted = formatMessageText(ctx, optionalString(ctx.params, "text"), optionalString(ctx.params, "parse_mode"), ctx.params.entities);
  return postBotMessage(ctx, chat, withText({}, formatted, "text")).message;
};

const sendPhoto: MethodHandler = (ctx) => {
  const chat = chatParam(ctx);
  assertBotInChat(ctx, chat, true);
  const caption = captionOf(ctx);
  const source = fileSource(ctx.state, ctx.params.photo, "photo", ctx.files);
  return postBotMessage(ctx, chat, withText({ photo: photoSizes(ctx.state, source) }, caption, "caption")).message;
};

const sendDocument: MethodHandler = (ctx) => {
  const chat = chatParam(ctx);
  assertBotInChat(ctx, chat, true);
  const caption = captionOf(ctx);
  const source = fileSource(ctx.state, ctx.params.document, "document", ctx.files);
  return postBotMessage(ctx, chat, withText({ document: documentOf(ctx.state, source, "document") }, caption, "caption")).message;
};

const chatActions = new Set([
  "typing", "upload_photo", "record_video", "upload_video", "record_voice", "upload_voice",
  "upload_document", "choose_sticker", "find_location", "record_video_note", "upload_video_note",
]);

const sendChatAction: MethodHandler = (ctx) => {
  const chat = chatParam(ctx);
  assertBotInChat(ctx, chat, true);
  const action = String(ctx.params.action);
  if (!chatActions.has(action)) throw badRequest("wrong parameter action in request");
  ctx.state.chatActions.push({ token: ctx.bot.token, chatId: chat.chat.id, action, at: Date.now() });
  return true;
};

// === Albums

interface InputMediaItem {
  type: string;
  media: string;
  caption?: string;
  parse_mode?: string;
  caption_entities?: unknown;
}

const sendMediaGroup: MethodHandler = (ctx) => {
  const chat = chatParam(ctx);
  assertBotInChat(ctx, chat, true);
  const items = ctx.params.media as InputMediaItem[];
  if (items.length < contentLimits.albumMin || items.length > contentLimits.albumMax) {
    throw badRequest(`media group must contain ${contentLimits.albumMin}-${contentLimits.albumMax} items`);
  }
  const types = new Set(items.map((item) => item.type));
  for (const type of types) {
    if (type !== "photo" && type !== "document") throw badRequest(`media of type "${type}" in albums is not supported by the emulator`);
  }
  if (types.size > 1) throw badRequest("document can't be mixed with other media types");
  const contents = items.map((item, index) => {
    const caption = formatCaption(ctx, item.caption, item.parse_mode, item.caption_entities);
    const kind = item.type === "photo" ? "photo" : "document";
    const source = fileSource(ctx.state, item.media, kind, ctx.files);
    const media: Partial<TgMessage> =
      kind === "photo" ? { photo: photoSizes(ctx.state, source) } : { document: documentOf(ctx.state, source, `document_${index + 1}`) };
    return withText(media, caption, "caption");
  });
  countOutgoing(ctx, chat);
  const mediaGroupId = String(randomInt(1e12, 9e12));
  // An album carries no keyboard: Telegram has no reply_markup parameter for sendMediaGroup.
  return contents.map((content) => postBotMessage(ctx, chat, { ...content, media_group_id: mediaGroupId }, { withMarkup: false, counted: false }).message);
};

// === Copies

const copyMessage: MethodHandler = (ctx) => {
  const chat = chatParam(ctx);
  assertBotInChat(ctx, chat, true);
  const from = chatParam(ctx, "from_chat_id");
  assertBotInChat(ctx, from, false);
  const original = ctx.state.findMessage(conversationOf(ctx, from), requiredInt(ctx.params, "message_id"));
  if (!original || original.deleted) throw badRequest("message to copy not found");
  const { text, entities, photo, document, sticker, voice, caption, caption_entities } = original.message;
  if (text === undefined && !photo && !document && !sticker && !voice) throw badRequest("message can't be copied");
  const content: Partial<TgMessage> = {};
  if (text !== undefined) Object.assign(content, { text, ...(entities ? { entities } : {}) });
  Object.assign(content, photo ? { photo } : {}, document ? { document } : {}, sticker ? { sticker } : {}, voice ? { voice } : {});
  if (text === undefined && !sticker) {
    const replaced = ctx.params.caption !== undefined ? captionOf(ctx) : undefined;
    if (replaced) withText(content, replaced, "caption");
    else if (ctx.params.caption === undefined && caption !== undefined) Object.assign(content, { caption, ...(caption_entities ? { caption_entities } : {}) });
  }
  return { message_id: postBotMessage(ctx, chat, content).message.message_id };
};

/** Methods that send new messages: text, photos, documents, albums, copies and chat actions. */
export const sendMethods: Record<string, MethodHandler> = {
  sendMessage,
  sendPhoto,
  sendDocument,
  sendMediaGroup,
  copyMessage,
  sendChatAction,
};
