// Where a Telegram update becomes a channel-agnostic event. Everything Telegram-shaped stops
// here; handlers see only `IncomingEvent`.
import type { Chat, Update, User } from "grammy/types";
import type { ChatRef, IncomingEvent, Input, UnsupportedKind } from "../../core/channel/port";

const imageExtension = /\.(jpe?g|png|gif|webp|heic)$/i;

function sender(user: User): IncomingEvent["from"] {
  const displayName = [user.first_name, user.last_name].filter(Boolean).join(" ").trim() || user.username || String(user.id);
  return {
    channel: "TELEGRAM",
    externalId: String(user.id),
    displayName,
    ...(user.language_code ? { languageCode: user.language_code } : {}),
    ...(user.username ? { username: user.username } : {}),
  };
}

function messageInput(message: NonNullable<Update["message"]>): Input {
  if (message.text !== undefined) {
    const first = message.entities?.[0];
    if (first?.type === "bot_command" && first.offset === 0) {
      const name = message.text.slice(1, first.length).split("@")[0] ?? "";
      return { kind: "command", name: name.toLowerCase(), args: message.text.slice(first.length).trim() };
    }
    return { kind: "text", text: message.text };
  }
  const group = message.media_group_id ? { mediaGroupId: message.media_group_id } : {};
  const caption = message.caption !== undefined ? { caption: message.caption } : {};
  if (message.photo && message.photo.length > 0) {
    const largest = message.photo[message.photo.length - 1]!;
    return {
      kind: "photo",
      file: { fileId: largest.file_id, fileUniqueId: largest.file_unique_id },
      ...(largest.file_size !== undefined ? { size: largest.file_size } : {}),
      width: largest.width,
      height: largest.height,
      ...group,
      ...caption,
    };
  }
  const doc = message.document;
  if (doc && (doc.mime_type?.startsWith("image/") || imageExtension.test(doc.file_name ?? ""))) {
    return {
      kind: "photo",
      file: { fileId: doc.file_id, fileUniqueId: doc.file_unique_id },
      ...(doc.file_size !== undefined ? { size: doc.file_size } : {}),
      ...(doc.mime_type ? { mimeType: doc.mime_type } : {}),
      ...(doc.file_name ? { fileName: doc.file_name } : {}),
      ...group,
      ...caption,
    };
  }
  const what: UnsupportedKind = message.sticker
    ? "sticker"
    : message.voice || message.video_note
      ? "voice"
      : message.audio
        ? "audio"
        : message.video || message.animation
          ? "video"
          : message.document
            ? "document"
            : message.location || message.venue
              ? "location"
              : message.contact
                ? "contact"
                : "other";
  return { kind: "unsupported", what };
}

/** The chat of an update, with its precise type and title. */
function chatRef(chat: Chat): ChatRef {
  return {
    externalId: String(chat.id),
    kind: chat.type === "private" ? "private" : "group",
    type: chat.type,
    ...("title" in chat && chat.title !== undefined ? { title: chat.title } : {}),
    ...("username" in chat && chat.username !== undefined ? { username: chat.username } : {}),
  };
}

/** Turns a Telegram update into an event; null for updates the bot does not act on. */
export function toIncomingEvent(update: Update): IncomingEvent | null {
  if (update.message?.from) {
    const m = update.message;
    return {
      from: sender(m.from!),
      chat: chatRef(m.chat),
      input: messageInput(m),
    };
  }
  const member = update.my_chat_member;
  if (member) {
    const status = member.new_chat_member.status;
    const present = status === "member" || status === "administrator" || status === "creator" || (status === "restricted" && member.new_chat_member.is_member);
    return {
      from: sender(member.from),
      chat: chatRef(member.chat),
      input: { kind: "membership", status: present ? "added" : "removed", admin: status === "administrator" || status === "creator", kicked: status === "kicked" },
    };
  }
  const query = update.callback_query;
  if (query?.data !== undefined && query.message) {
    return {
      from: sender(query.from),
      chat: chatRef(query.message.chat),
      input: { kind: "choice", payload: query.data, messageId: String(query.message.message_id), answerId: query.id },
    };
  }
  return null;
}
