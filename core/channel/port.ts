// The port between the conversation logic (handlers/, core/workflow/) and a chat channel.
// It belongs to the domain: adapters (bot/telegram, bot/zalo) implement it, handlers speak
// only this. A Telegram adapter implements it with inline keyboards, a Zalo adapter with
// numbered replies; what a channel can and cannot do is said by its `capabilities`, so no
// handler checks a channel's name.
import type { MenuAudience } from "./commands";
import type { ChannelCapabilities } from "./capabilities";

// === Outgoing

/** The channels the bot speaks on (same spelling as the database enum). */
export type ChannelName = "TELEGRAM" | "ZALO" | "ZALO_OA" | "ZALO_BOT";

/** One button: what the person sees, and the short opaque payload the bot gets back (≤ 64 bytes). */
export interface Choice {
  label: string;
  payload: string;
}

/** Rows of choices. On channels without buttons they become a numbered list. */
export type Choices = Choice[][];

/**
 * A message to a chat, in the HTML subset every channel can render (<b>, <i>, <code>), with
 * its choices. (What the outbox hands a sender is an `OutboxDelivery`, core/outbox/sender.ts.)
 */
export interface ChatMessage {
  text: string;
  choices?: Choices;
}

/** A photo to send: a stored file on disk, or an id the channel already knows. */
export type PhotoSource = { kind: "file"; path: string } | { kind: "channel-file"; fileId: string };

/** A file to send as a document: a report workbook, a dossier draft, a CSV export. */
export interface OutgoingDocument {
  /** The name the recipient sees, with its extension ("bao-cao-2026-Q4.xlsx"). */
  fileName: string;
  bytes: Buffer;
  mimeType: string;
  /** A short caption in the HTML subset; channels that cannot attach one send it as a message. */
  caption?: string;
}

/** What a channel needs to fetch an incoming file later. */
export interface FileRef {
  fileId: string;
  fileUniqueId?: string;
}

/** Bytes of a downloaded file. */
export interface DownloadedFile {
  bytes: Buffer;
  mimeType?: string;
  size: number;
}

/**
 * Everything the conversation logic can make a channel do. Chat and message ids are strings
 * because Zalo's are opaque.
 */
export interface ChannelPort {
  readonly channel: ChannelName;
  /** What this channel can do; handlers ask this instead of the channel's name. */
  readonly capabilities: ChannelCapabilities;
  /** Sends a message; returns the id it got. */
  send(chatId: string, message: ChatMessage): Promise<string>;
  /** Sends one photo or an album of up to 10; returns the ids of the messages. */
  sendPhotos(chatId: string, photos: PhotoSource[], caption?: string): Promise<string[]>;
  /**
   * Sends a file as a document; returns the id of the message carrying it. Absent on a
   * channel that cannot send files (the handlers then say so instead).
   */
  sendDocument?(chatId: string, document: OutgoingDocument): Promise<string>;
  /** Replaces a message's text and choices. */
  edit(chatId: string, messageId: string, message: ChatMessage): Promise<void>;
  /** Acknowledges a pressed choice, optionally with a short toast or an alert. */
  answerChoice(answerId: string, notice?: ChoiceNotice): Promise<void>;
  /**
   * Shows a person, in their private chat, the command menu of their role (Telegram's per-chat
   * command scope). Absent where a channel has no command menu.
   */
  setCommandMenu?(chatId: string, audience: MenuAudience): Promise<void>;
  /** Downloads an incoming file. */
  download(file: FileRef): Promise<DownloadedFile>;
  /**
   * A person's standing in a group or channel, asked of the channel each time (admin rights
   * change; a cached answer would let a demoted admin act). Absent where the channel cannot tell.
   */
  memberStatus?(chatId: string, userId: string): Promise<MemberStatus>;
  /** The bot's own standing in a group or channel. */
  botStatus?(chatId: string): Promise<MemberStatus>;
  /** A group or channel by id or "@username"; null when it does not exist or the bot cannot see it. */
  chatInfo?(chatRef: string): Promise<ChatInfo | null>;
}

/**
 * What a choice's acknowledgement says: a toast, or an alert the person must dismiss.
 * `messageWithoutToasts` marks a toast worth a message on channels that have no toasts
 * (Zalo), such as the confirmation of a review decision; other toasts are dropped there.
 */
export interface ChoiceNotice {
  text: string;
  alert?: boolean;
  messageWithoutToasts?: boolean;
}

/** Where someone stands in a group or channel. */
export type MemberStatus = "creator" | "administrator" | "member" | "restricted" | "left" | "kicked";

/** What a channel tells about a group or channel. */
export interface ChatInfo {
  externalId: string;
  type: ChatType;
  title?: string;
  username?: string;
}

// === Incoming

/** Who wrote. `languageCode` is what the channel reports (may be absent). */
export interface Sender {
  channel: ChannelName;
  externalId: string;
  displayName: string;
  languageCode?: string;
  /** Public handle without "@", where the channel has one (lets admins name people). */
  username?: string;
}

/** The kinds of chats, as precise as the channel tells (Zalo knows private and group only). */
export type ChatType = "private" | "group" | "supergroup" | "channel";

/** Where it was written. */
export interface ChatRef {
  externalId: string;
  kind: "private" | "group";
  /** The precise kind, where the channel tells (a supergroup or a channel is a "group" above). */
  type?: ChatType;
  title?: string;
  username?: string;
}

/** An incoming photo (or an image sent as a file). */
export interface IncomingPhoto {
  kind: "photo";
  file: FileRef;
  /** Size in bytes, when the channel says. */
  size?: number;
  mimeType?: string;
  fileName?: string;
  width?: number;
  height?: number;
  /** Shared by the items of an album, which arrive as separate events. */
  mediaGroupId?: string;
  caption?: string;
}

/** Kinds of messages the bot does not take as answers. */
export type UnsupportedKind = "sticker" | "voice" | "audio" | "video" | "document" | "location" | "contact" | "other";

/** What a person did, normalized across channels. */
export type Input =
  | { kind: "text"; text: string }
  | { kind: "command"; name: string; args: string }
  | { kind: "choice"; payload: string; messageId: string; answerId: string }
  | IncomingPhoto
  | { kind: "unsupported"; what: UnsupportedKind }
  /** The bot itself was added to or removed from the chat (kicked, or blocked in private). */
  | { kind: "membership"; status: "added" | "removed"; admin: boolean; kicked: boolean };

/** One normalized event from a channel. */
export interface IncomingEvent {
  from: Sender;
  chat: ChatRef;
  input: Input;
}

/** What the channel adapter calls with each event. */
export type EventHandler = (event: IncomingEvent, port: ChannelPort) => Promise<void>;
