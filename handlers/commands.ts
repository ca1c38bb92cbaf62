// The commands people can type, with their Vietnamese aliases. The application hands their
// menus to the channel adapters (Telegram's command menu); the conversation handler routes by
// `action`.
import type { CommandMenus } from "../core/channel/commands";

/** What a command does. */
export type CommandAction = "start" | "nominate" | "mine" | "cancel" | "help" | "language";

/** Every command name, English first, then its Vietnamese alias; descriptions are `cmd-<action>`. */
export const commands: readonly { name: string; action: CommandAction }[] = [
  { name: "start", action: "start" },
  { name: "nominate", action: "nominate" },
  { name: "decu", action: "nominate" },
  { name: "mine", action: "mine" },
  { name: "cuatoi", action: "mine" },
  { name: "cancel", action: "cancel" },
  { name: "huy", action: "cancel" },
  { name: "help", action: "help" },
  { name: "trogiup", action: "help" },
  { name: "language", action: "language" },
  { name: "ngonngu", action: "language" },
];

/**
 * The commands officers and admins use in group chats (review groups, subscribed groups),
 * listed in the groups' command menu so the residents' private menu stays short. Each is
 * handled by its own module (review, digest subscriptions, calendar); descriptions are
 * `cmd-group-<name>`.
 */
export const groupCommands: readonly string[] = ["choduyet", "lichsu", "dangky", "huydangky", "deadlines"];

/** The menus the channel adapters register: descriptions are `cmd-<action>` and `cmd-group-<name>`. */
export const commandMenus: CommandMenus = {
  private: commands.map((c) => ({ name: c.name, descriptionId: `cmd-${c.action}` })),
  group: groupCommands.map((name) => ({ name, descriptionId: `cmd-group-${name}` })),
};

/** The action of a typed command name, if it is one of ours. */
export function commandAction(name: string): CommandAction | undefined {
  const lower = name.toLowerCase();
  return commands.find((c) => c.name === lower)?.action;
}

/** The `/start` payload of the poster deep link (https://t.me/<bot>?start=decu). */
export const nominateDeepLink = "decu";
