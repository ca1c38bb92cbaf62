// Telegram's command menus: in private chats every resident command and its Vietnamese alias;
// in group chats the officers' and admins' commands. Both described in Vietnamese by default
// and in English for people whose Telegram is in English. The menus themselves come from the
// application (core/channel/commands.ts), which takes them from the handlers.
import type { Api } from "grammy";
import type { BotCommand } from "grammy/types";
import type { CommandMenus, MenuCommand } from "../../core/channel/commands";
import type { Translations } from "../../core/i18n";

/** A command list in a locale, as setMyCommands takes it. */
export function commandMenu(i18n: Translations, locale: "vi" | "en", menu: readonly MenuCommand[]): BotCommand[] {
  return menu.map((c) => ({ command: c.name, description: i18n.t(locale, c.descriptionId) }));
}

/**
 * Registers both menus: the private menu as the default (what private chats show), the group
 * menu for all group chats; Vietnamese as the default, English for language_code "en".
 */
export async function registerCommands(api: Api, i18n: Translations, menus: CommandMenus): Promise<void> {
  const groups = { scope: { type: "all_group_chats" as const } };
  await api.setMyCommands(commandMenu(i18n, "vi", menus.private));
  await api.setMyCommands(commandMenu(i18n, "en", menus.private), { language_code: "en" });
  await api.setMyCommands(commandMenu(i18n, "vi", menus.group), groups);
  await api.setMyCommands(commandMenu(i18n, "en", menus.group), { ...groups, language_code: "en" });
}
