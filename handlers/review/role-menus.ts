// Officers and admins see their own commands in Telegram's "/" menu of their private chat (a
// per-chat command scope), residents the default menu. Set for every role holder at start and
// again whenever an admin appoints or removes someone.
import type { MenuAudience } from "../../core/channel/commands";
import type { ChannelName } from "../../core/channel/port";
import type { ReviewDeps } from "./deps";

/** The menu a person's current roles call for. */
export async function menuAudienceOf(deps: Pick<ReviewDeps, "db">, personId: number): Promise<MenuAudience> {
  const roles = await deps.db.roleAssignment.findMany({ where: { personId, revokedAt: null }, select: { role: true } });
  if (roles.some((r) => r.role === "ADMIN")) return "admin";
  return roles.length > 0 ? "officer" : "resident";
}

/** Sets the person's menu on every channel they use that has command menus. */
export async function refreshRoleMenu(deps: ReviewDeps, personId: number): Promise<void> {
  const audience = await menuAudienceOf(deps, personId);
  const identities = await deps.db.channelIdentity.findMany({ where: { personId } });
  for (const identity of identities) {
    const port = deps.port(identity.channel as ChannelName);
    if (!port?.setCommandMenu) continue;
    try {
      await port.setCommandMenu(identity.externalId, audience);
    } catch (err) {
      // A menu is a convenience: a person who blocked the bot must not stop an appointment.
      deps.log.warn({ err, personId, channel: identity.channel }, "could not set a role's command menu");
    }
  }
}

/** Sets the menus of everyone who holds a role now (at start); returns how many people. */
export async function syncRoleMenus(deps: ReviewDeps): Promise<number> {
  const holders = await deps.db.roleAssignment.findMany({ where: { revokedAt: null }, select: { personId: true }, distinct: ["personId"] });
  for (const { personId } of holders) await refreshRoleMenu(deps, personId);
  return holders.length;
}
