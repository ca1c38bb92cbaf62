// The command menus a channel shows (Telegram's "/" menu). The conversation layer owns the
// commands; the application hands their menus to each adapter, so no adapter reaches into
// the handlers to learn them.

/** One command in a menu: its name without "/", and the locale message that describes it. */
export interface MenuCommand {
  name: string;
  descriptionId: string;
}

/** Whose private menu a person sees: residents the default, officers and admins their own. */
export type MenuAudience = "resident" | "officer" | "admin";

/**
 * The menu of private chats (residents), of group chats (officers and admins), and the private
 * menus of officers and admins (the residents' commands and their own).
 */
export interface CommandMenus {
  private: readonly MenuCommand[];
  group: readonly MenuCommand[];
  officer: readonly MenuCommand[];
  admin: readonly MenuCommand[];
}
