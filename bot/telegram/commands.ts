// Telegram's command menus: in private chats every resident command and its Vietnamese alias;
// in group chats the officers' and admins' commands. Both described in Vietnamese by default
// and in English for people whose Telegram is in English.
import type { Api } from "grammy";
import type { BotCommand } from "grammy/types";
import type { Translations } from "../../core/i18n";
import { commands, groupCommands } from "../../handlers/commands";

/** The private-chat command list for a locale, as setMyCommands takes it. */
export function commandMenu(i18n: Translations, locale: "vi" | "en"): BotCommand[] {
  return commands.map((c) => ({ command: c.name, description: i18n.t(locale, `cmd-${c.action}`) }));
}

/** The group-chat command list for a locale. */
export function groupCommandMenu(i18n: Translations, locale: "vi" | "en"): BotCommand[] {
  return groupCommands.map((name) => ({ command: name, description: i18n.t(locale, `cmd-group-${name}`) }));
}

/**
 * Registers both menus: the resident menu as the default (what private chats show), the
 * officers' menu for all group chats; Vietnamese as the default, English for language_code "en".
 */
export async function registerCommands(api: Api, i18n: Translations): Promise<void> {
  const groups = { scope: { type: "all_group_chats" as const } };
  await api.setMyCommands(commandMenu(i18n, "vi"));
  await api.setMyCommands(commandMenu(i18n, "en"), { language_code: "en" });
  await api.setMyCommands(groupCommandMenu(i18n, "vi"), groups);
  await api.setMyCommands(groupCommandMenu(i18n, "en"), { ...groups, language_code: "en" });
}
