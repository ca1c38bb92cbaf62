import { badRequest } from "./errors";
import { contentLimits } from "./limits";
import type { TgInlineKeyboardButton, TgInlineKeyboardMarkup } from "./types";

/** Fields of InlineKeyboardButton that describe how it looks rather than what it does. */
const appearanceFields = new Set(["text", "icon_custom_emoji_id", "style"]);

/** A reply_markup split the way a Message shows it: only an inline keyboard is part of the Message. */
export interface CheckedMarkup {
  inline?: TgInlineKeyboardMarkup;
  /** A reply keyboard, ReplyKeyboardRemove or ForceReply, kept for the driver to show. */
  other?: unknown;
}

/**
 * Validates a reply_markup the way Telegram does: every inline button has exactly one action
 * and callback_data is 1-64 bytes. An empty inline keyboard is dropped, as Telegram drops it.
 */
export function checkReplyMarkup(markup: unknown, enforceLimits: boolean): CheckedMarkup {
  if (markup === undefined || markup === null) return {};
  if (typeof markup !== "object") throw badRequest("can't parse reply keyboard markup JSON object");
  if (!("inline_keyboard" in markup)) return { other: markup };
  const rows = (markup as TgInlineKeyboardMarkup).inline_keyboard;
  if (!Array.isArray(rows) || rows.some((row) => !Array.isArray(row))) {
    throw badRequest("can't parse inline keyboard button: field \"inline_keyboard\" must be an Array of Arrays");
  }
  for (const button of rows.flat()) checkButton(button, enforceLimits);
  const kept = rows.filter((row) => row.length > 0);
  return kept.length > 0 ? { inline: { inline_keyboard: kept.map((row) => row.map((b) => ({ ...b }))) } } : {};
}

function checkButton(button: TgInlineKeyboardButton, enforceLimits: boolean): void {
  if (typeof button !== "object" || button === null || typeof button.text !== "string") {
    throw badRequest("can't parse inline keyboard button: field \"text\" must be of type String");
  }
  const actions = Object.keys(button).filter((key) => !appearanceFields.has(key) && button[key] !== undefined);
  if (actions.length === 0) throw badRequest("can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard");
  if (actions.length > 1) throw badRequest(`can't parse inline keyboard button: exactly one of the fields ${actions.join(", ")} must be used`);
  if (button.text.trim() === "") throw badRequest("BUTTON_TEXT_INVALID");
  if (button.callback_data !== undefined) {
    const bytes = Buffer.byteLength(String(button.callback_data), "utf8");
    if (bytes === 0 || (enforceLimits && bytes > contentLimits.callbackDataBytes)) throw badRequest("BUTTON_DATA_INVALID");
  }
  if (button.url !== undefined && !/^(https?|tg):\/\/\S+$/i.test(String(button.url))) throw badRequest("BUTTON_URL_INVALID");
}

/** Every button of an inline keyboard, row by row. */
export function inlineButtons(markup: TgInlineKeyboardMarkup | undefined): TgInlineKeyboardButton[] {
  return markup?.inline_keyboard.flat() ?? [];
}
