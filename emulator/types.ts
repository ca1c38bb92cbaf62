// Wire shapes of the Bot API objects the emulator produces, limited to the fields it fills.
// The spec check (spec.ts) is the authority on their exact shape at runtime.

/** A Telegram user or bot (Bot API `User`). */
export interface TgUser {
  id: number;
  is_bot: boolean;
  first_name: string;
  last_name?: string;
  username?: string;
  language_code?: string;
  can_join_groups?: boolean;
  can_read_all_group_messages?: boolean;
  supports_inline_queries?: boolean;
}

/** The kinds of chat Telegram has. */
export type ChatType = "private" | "group" | "supergroup" | "channel";

/** Bot API `Chat`. */
export interface TgChat {
  id: number;
  type: ChatType;
  title?: string;
  username?: string;
  first_name?: string;
  last_name?: string;
}

/** Bot API `MessageEntity`. */
export interface TgMessageEntity {
  type: string;
  offset: number;
  length: number;
  url?: string;
  user?: TgUser;
  language?: string;
  custom_emoji_id?: string;
}

/** Bot API `PhotoSize`. */
export interface TgPhotoSize {
  file_id: string;
  file_unique_id: string;
  width: number;
  height: number;
  file_size?: number;
}

/** Bot API `Document`. */
export interface TgDocument {
  file_id: string;
  file_unique_id: string;
  file_name?: string;
  mime_type?: string;
  file_size?: number;
}

/** Bot API `Sticker` (regular, static). */
export interface TgSticker {
  file_id: string;
  file_unique_id: string;
  type: "regular";
  width: number;
  height: number;
  is_animated: boolean;
  is_video: boolean;
  emoji?: string;
  file_size?: number;
}

/** Bot API `Voice`. */
export interface TgVoice {
  file_id: string;
  file_unique_id: string;
  duration: number;
  mime_type?: string;
  file_size?: number;
}

/** Bot API `InlineKeyboardButton`, with the action fields the emulator acts on. */
export interface TgInlineKeyboardButton {
  text: string;
  callback_data?: string;
  url?: string;
  [action: string]: unknown;
}

/** Bot API `InlineKeyboardMarkup`. */
export interface TgInlineKeyboardMarkup {
  inline_keyboard: TgInlineKeyboardButton[][];
}

/** Bot API `Message`, limited to the content kinds the emulator produces. */
export interface TgMessage {
  message_id: number;
  from?: TgUser;
  sender_chat?: TgChat;
  date: number;
  chat: TgChat;
  reply_to_message?: TgMessage;
  edit_date?: number;
  media_group_id?: string;
  text?: string;
  entities?: TgMessageEntity[];
  photo?: TgPhotoSize[];
  document?: TgDocument;
  sticker?: TgSticker;
  voice?: TgVoice;
  caption?: string;
  caption_entities?: TgMessageEntity[];
  reply_markup?: TgInlineKeyboardMarkup;
  new_chat_members?: TgUser[];
  left_chat_member?: TgUser;
}

/** Bot API `CallbackQuery`. */
export interface TgCallbackQuery {
  id: string;
  from: TgUser;
  message?: TgMessage;
  chat_instance: string;
  data?: string;
}

/** Bot API `ChatMember` (any of its six shapes). */
export type TgChatMember = { status: string; user: TgUser } & Record<string, unknown>;

/** Bot API `ChatMemberUpdated`. */
export interface TgChatMemberUpdated {
  chat: TgChat;
  from: TgUser;
  date: number;
  old_chat_member: TgChatMember;
  new_chat_member: TgChatMember;
}

/** Bot API `Update`, with the update kinds the emulator creates. */
export interface TgUpdate {
  update_id: number;
  message?: TgMessage;
  edited_message?: TgMessage;
  channel_post?: TgMessage;
  callback_query?: TgCallbackQuery;
  my_chat_member?: TgChatMemberUpdated;
  chat_member?: TgChatMemberUpdated;
}

/** Bot API `BotCommand`. */
export interface TgBotCommand {
  command: string;
  description: string;
}
