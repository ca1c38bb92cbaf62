// Every command people can type, in one registry: its name, its Vietnamese alias, which link of
// the handler chain runs it, and which menu shows it. The links look their commands up here;
// the application hands the menus to the channel adapters (Telegram's command menu).
import type { CommandMenus } from "../core/channel/commands";

// === Registry

/**
 * The commands by the link that runs them: each action with its names, English first, then
 * the Vietnamese alias. A name belongs to one action only (a test checks it).
 */
export const commandRegistry = {
  /** The resident's conversation (handlers/conversation.ts); also the private menu. */
  conversation: {
    start: ["start"],
    nominate: ["nominate", "decu"],
    mine: ["mine", "cuatoi"],
    cancel: ["cancel", "huy"],
    help: ["help", "trogiup"],
    language: ["language", "ngonngu"],
  },
  /** Admins and officers (handlers/review/officer-commands.ts). */
  review: {
    officer_add: ["officer_add"],
    officer_remove: ["officer_remove"],
    officers: ["officers"],
    reviewgroup: ["reviewgroup", "nhomduyet"],
    pending: ["pending", "choduyet"],
    history: ["history", "lichsu"],
  },
  /** Digest subscriptions and sends (handlers/broadcast/). */
  broadcast: {
    subscribe: ["subscribe", "dangky"],
    unsubscribe: ["unsubscribe", "huydangky"],
    subscriptions: ["subscriptions", "nhomdangky"],
    broadcast_now: ["broadcast_now", "guibantin"],
    broadcasts: ["broadcasts", "bantin"],
    /** A resident's own subscription to the weekly stories, in their private chat. */
    getdigest: ["getdigest", "nhanbantin"],
    stopdigest: ["stopdigest", "ngungnhan"],
  },
  /** The deadline calendar (handlers/calendar/). */
  calendar: {
    deadlines: ["deadlines", "hanchot"],
    deadline_add: ["deadline_add", "themhan"],
    deadline_remove: ["deadline_remove", "xoahan"],
    tick: ["tick"],
  },
  /** Officers' reports: the workbook, the chart, the dossier draft (handlers/reports/). */
  reports: {
    xlsx: ["report", "baocao"],
    stats: ["stats", "thongke"],
    dossier: ["dossier", "hoso"],
    commend: ["commend", "khenthuong"],
  },
  /** Personal data: a person's export and erasure, consent records, the audit log (handlers/privacy.ts). */
  privacy: {
    mydata: ["mydata", "dulieu"],
    deletemydata: ["deletemydata", "xoadulieu"],
    consent: ["consent", "dongy"],
    withdrawconsent: ["withdrawconsent", "rutdongy"],
    auditlog: ["auditlog", "nhatky"],
  },
  /** The public collection of stories: the latest in chat, and the council taking one down (handlers/publication.ts). */
  publication: {
    stories: ["stories", "guongsang"],
    unpublish: ["unpublish", "gobai"],
  },
  /** Linking a Telegram and a Zalo account (handlers/link.ts). */
  link: {
    link: ["link", "lienket"],
  },
} as const satisfies Record<string, Record<string, readonly string[]>>;

type Registry = typeof commandRegistry;

/** A link of the handler chain that runs commands. */
export type CommandOwner = keyof Registry;

/** The actions of one link. */
export type CommandOf<Owner extends CommandOwner> = keyof Registry[Owner] & string;

/** What a resident's command does. */
export type CommandAction = CommandOf<"conversation">;

/**
 * The action of `owner` a typed command name stands for, if any.
 *
 * ```ts
 * const action = commandOf("review", input.name); // "pending" for "/choduyet"
 * ```
 */
export function commandOf<Owner extends CommandOwner>(owner: Owner, name: string): CommandOf<Owner> | undefined {
  const actions = commandRegistry[owner] as Record<string, readonly string[]>;
  return Object.keys(actions).find((action) => actions[action]!.includes(name)) as CommandOf<Owner> | undefined;
}

/** The action of a resident's typed command (any case), if it is one of ours. */
export function commandAction(name: string): CommandAction | undefined {
  return commandOf("conversation", name.toLowerCase());
}

// === Menus

/**
 * The commands officers and admins use in group chats (review groups, subscribed groups),
 * listed in the groups' command menu so the residents' private menu stays short.
 */
const groupMenu: readonly string[] = ["choduyet", "lichsu", "dangky", "huydangky", "deadlines"];

/** The commands every resident sees in private chats: the conversation's, the latest stories, their own data, their own digest. */
const privateMenu: Record<string, readonly string[]> = {
  ...commandRegistry.conversation,
  stories: commandRegistry.publication.stories,
  mydata: commandRegistry.privacy.mydata,
  deletemydata: commandRegistry.privacy.deletemydata,
  getdigest: commandRegistry.broadcast.getdigest,
  stopdigest: commandRegistry.broadcast.stopdigest,
};

/** What officers add to the residents' commands in their own private chat (Vietnamese names). */
const officerMenu: readonly string[] = ["choduyet", "lichsu", "baocao", "thongke", "hoso", "khenthuong", "hanchot", "dongy", "rutdongy"];

/** What admins add to the officers' commands. */
const adminMenu: readonly string[] = ["officers", "officer_add", "officer_remove", "nhomduyet", "guibantin", "bantin", "gobai", "themhan", "xoahan", "nhatky"];

const residentMenu = Object.entries(privateMenu).flatMap(([action, names]) => names.map((name) => ({ name, descriptionId: `cmd-${action}` })));
const roleCommands = (names: readonly string[]) => names.map((name) => ({ name, descriptionId: `cmd-role-${name}` }));

/**
 * The menus the channel adapters register: in private chats every resident command and its
 * alias (`cmd-<action>`), in groups the officers' few (`cmd-group-<name>`), and in an officer's
 * or an admin's own chat the residents' commands followed by theirs (`cmd-role-<name>`).
 */
export const commandMenus: CommandMenus = {
  private: residentMenu,
  group: groupMenu.map((name) => ({ name, descriptionId: `cmd-group-${name}` })),
  officer: [...residentMenu, ...roleCommands(officerMenu)],
  admin: [...residentMenu, ...roleCommands(officerMenu), ...roleCommands(adminMenu)],
};

/** The `/start` payload of the poster deep link (https://t.me/<bot>?start=decu). */
export const nominateDeepLink = "decu";
