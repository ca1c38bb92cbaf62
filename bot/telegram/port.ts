// The channel port on Telegram: inline keyboards for choices, HTML parse mode, albums with
// sendMediaGroup, files through getFile and the file download URL.
import { GrammyError, InputFile, InputMediaBuilder, type Api } from "grammy";
import type { CommandMenus, MenuAudience } from "../../core/channel/commands";
import type { Translations } from "../../core/i18n";
import { commandMenu } from "./commands";
import type { InlineKeyboardMarkup } from "grammy/types";
import type { ChannelCapabilities } from "../../core/channel/capabilities";
import type { ChannelPort, ChatInfo, Choices, DownloadedFile, FileRef, MemberStatus, ChatMessage, OutgoingDocument, PhotoSource } from "../../core/channel/port";
import { cutText } from "../../core/text/cut";

/** What Telegram can do: edits in place, inline buttons, toasts, albums of 10, 4096-character texts. */
export const telegramCapabilities: ChannelCapabilities = {
  editsInPlace: true,
  buttons: true,
  toasts: true,
  albums: true,
  maxAlbumSize: 10,
  maxTextLength: 4096,
  maxCaptionLength: 1024,
};

/** Telegram's limit on callback_data. */
const maxCallbackBytes = 64;

function chatIdOf(chatId: string): number | string {
  return /^-?\d+$/.test(chatId) ? Number(chatId) : chatId;
}

/** Inline keyboard of choices; refuses a payload Telegram would reject. */
export function inlineKeyboard(choices: Choices | undefined): InlineKeyboardMarkup | undefined {
  if (!choices || choices.length === 0) return undefined;
  return {
    inline_keyboard: choices.map((row) =>
      row.map((choice) => {
        if (Buffer.byteLength(choice.payload) > maxCallbackBytes) throw new Error(`Choice payload over ${maxCallbackBytes} bytes: ${choice.payload}`);
        return { text: choice.label, callback_data: choice.payload };
      }),
    ),
  };
}

function inputOf(photo: PhotoSource): InputFile | string {
  return photo.kind === "file" ? new InputFile(photo.path) : photo.fileId;
}

/**
 * Implements the channel port with a grammY `Api`.
 *
 * ```ts
 * const port = new TelegramPort(bot.api, { apiRoot, token });
 * await port.send("12345", { text: "<b>Xin chào</b>", choices: [[{ label: "OK", payload: "m:help" }]] });
 * ```
 */
export class TelegramPort implements ChannelPort {
  readonly channel = "TELEGRAM" as const;
  readonly capabilities = telegramCapabilities;
  private botId: number | undefined;

  constructor(
    private readonly api: Api,
    private readonly files: { apiRoot: string; token: string },
    private readonly menus?: { i18n: Translations; commands: CommandMenus },
  ) {}

  async setCommandMenu(chatId: string, audience: MenuAudience): Promise<void> {
    if (!this.menus) return;
    const scope = { type: "chat" as const, chat_id: chatIdOf(chatId) };
    if (audience === "resident") {
      // Back to the default (residents') menu: the chat's own lists are removed.
      await this.api.deleteMyCommands({ scope });
      await this.api.deleteMyCommands({ scope, language_code: "en" });
      return;
    }
    const { i18n, commands } = this.menus;
    await this.api.setMyCommands(commandMenu(i18n, "vi", commands[audience]), { scope });
    await this.api.setMyCommands(commandMenu(i18n, "en", commands[audience]), { scope, language_code: "en" });
  }

  async send(chatId: string, message: ChatMessage): Promise<string> {
    const markup = inlineKeyboard(message.choices);
    const sent = await this.api.sendMessage(chatIdOf(chatId), message.text, {
      parse_mode: "HTML",
      link_preview_options: { is_disabled: true },
      ...(markup ? { reply_markup: markup } : {}),
    });
    return String(sent.message_id);
  }

  async sendPhotos(chatId: string, photos: PhotoSource[], caption?: string): Promise<string[]> {
    const captionOptions = caption ? { caption, parse_mode: "HTML" as const } : {};
    if (photos.length === 1) {
      const sent = await this.api.sendPhoto(chatIdOf(chatId), inputOf(photos[0]!), captionOptions);
      return [String(sent.message_id)];
    }
    const ids: string[] = [];
    for (let i = 0; i < photos.length; i += 10) {
      const media = photos.slice(i, i + 10).map((p, j) => InputMediaBuilder.photo(inputOf(p), i + j === 0 ? captionOptions : {}));
      if (media.length === 1) {
        const sent = await this.api.sendPhoto(chatIdOf(chatId), inputOf(photos[i]!));
        ids.push(String(sent.message_id));
        continue;
      }
      const sent = await this.api.sendMediaGroup(chatIdOf(chatId), media);
      ids.push(...sent.map((m) => String(m.message_id)));
    }
    return ids;
  }

  async sendDocument(chatId: string, document: OutgoingDocument): Promise<string> {
    const sent = await this.api.sendDocument(chatIdOf(chatId), new InputFile(document.bytes, document.fileName), {
      ...(document.caption ? { caption: document.caption, parse_mode: "HTML" as const } : {}),
    });
    return String(sent.message_id);
  }

  async edit(chatId: string, messageId: string, message: ChatMessage): Promise<void> {
    const markup = inlineKeyboard(message.choices);
    try {
      await this.api.editMessageText(chatIdOf(chatId), Number(messageId), message.text, {
        parse_mode: "HTML",
        link_preview_options: { is_disabled: true },
        ...(markup ? { reply_markup: markup } : {}),
      });
    } catch (err) {
      // Pressing the same toggle twice quickly redraws identical content; that is no failure.
      if (err instanceof GrammyError && err.description.includes("message is not modified")) return;
      throw err;
    }
  }

  async answerChoice(answerId: string, notice?: { text: string; alert?: boolean }): Promise<void> {
    await this.api.answerCallbackQuery(answerId, notice ? { text: cutText(notice.text, 200), show_alert: notice.alert ?? false } : {});
  }

  async memberStatus(chatId: string, userId: string): Promise<MemberStatus> {
    const member = await this.api.getChatMember(chatIdOf(chatId), Number(userId));
    return member.status;
  }

  async botStatus(chatId: string): Promise<MemberStatus> {
    this.botId ??= (await this.api.getMe()).id;
    return this.memberStatus(chatId, String(this.botId));
  }

  async chatInfo(chatRef: string): Promise<ChatInfo | null> {
    try {
      const chat = await this.api.getChat(chatIdOf(chatRef));
      return {
        externalId: String(chat.id),
        type: chat.type,
        ...(chat.title !== undefined ? { title: chat.title } : {}),
        ...(chat.username !== undefined ? { username: chat.username } : {}),
      };
    } catch (err) {
      // "chat not found" (400) and "bot is not a member" (403) both mean: the bot cannot see it.
      if (err instanceof GrammyError && (err.error_code === 400 || err.error_code === 403)) return null;
      throw err;
    }
  }

  async download(file: FileRef): Promise<DownloadedFile> {
    const info = await this.api.getFile(file.fileId);
    if (!info.file_path) throw new Error(`Telegram gave no path for file ${file.fileId}`);
    const response = await fetch(`${this.files.apiRoot}/file/bot${this.files.token}/${info.file_path}`);
    if (!response.ok) throw new Error(`Download of ${file.fileId} failed: HTTP ${response.status}`);
    const bytes = Buffer.from(await response.arrayBuffer());
    const mimeType = response.headers.get("content-type") ?? undefined;
    return { bytes, size: bytes.length, ...(mimeType ? { mimeType } : {}) };
  }
}
