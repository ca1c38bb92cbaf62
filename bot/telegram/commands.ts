// Telegram's command menu: every command and its Vietnamese alias, described in Vietnamese by
// default and in English for people whose Telegram is in English.
import type { Api } from "grammy";
import type { Translations } from "../../core/i18n";
import { commands } from "../../handlers/commands";

/** The command list for a locale, as setMyCommands takes it. */
export function commandMenu(i18n: Translations, locale: "vi" | "en") {
  return commands.map((c) => ({ command: c.name, description: i18n.t(locale, `cmd-${c.action}`) }));
}

/** Registers the command menu: Vietnamese as the default, English for language_code "en". */
export async function registerCommands(api: Api, i18n: Translations): Promise<void> {
  await api.setMyCommands(commandMenu(i18n, "vi"));
  await api.setMyCommands(commandMenu(i18n, "en"), { language_code: "en" });
}
