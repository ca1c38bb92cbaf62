// The command menus a channel shows (Telegram's "/" menu). The conversation layer owns the
// commands; the application hands their menus to each adapter, so no adapter reaches into
// the handlers to learn them.

/** One command in a menu: its name without "/", and the locale message that describes it. */
export interface MenuCommand {
  name: string;
  descriptionId: string;
}

/** The menu of private chats (residents) and the menu of group chats (officers and admins). */
export interface CommandMenus {
  private: readonly MenuCommand[];
  group: readonly MenuCommand[];
}
