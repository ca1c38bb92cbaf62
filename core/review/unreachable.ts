// Officers the Zalo OA cannot reach today: they review through the OA but have not written to
// it for 7 days, so Zalo refuses anything the OA sends them privately. Their cards still reach
// the review group (or a linked channel); the daily review summary names them so the council
// can ask them to write to the OA once.
import { outsideZaloOaWindow } from "../channel/zalo-oa-window";
import type { DbTx } from "../db/client";

/** An officer out of the OA's reach, and whether another channel of theirs still works. */
export interface UnreachableOfficer {
  personId: number;
  displayName: string;
  /** The person also has a Telegram, personal Zalo or Bot Platform account the bot can use. */
  reachableElsewhere: boolean;
}

/**
 * The officers of a review group's scope (the council's officers for the council group, the
 * officers of the unit and the units under it otherwise) whose OA window is closed at `now`.
 * The last interaction is the OA's own record, or failing that when the bot last heard them.
 */
export async function officersOutsideOaWindow(db: DbTx, scope: { unitId: number | null }, now: Date): Promise<UnreachableOfficer[]> {
  const unitPath = scope.unitId === null ? null : (await db.unit.findUnique({ where: { id: scope.unitId }, select: { path: true } }))?.path;
  if (unitPath === undefined) return [];
  const roles = await db.roleAssignment.findMany({
    where: unitPath === null ? { revokedAt: null, role: "COUNCIL_OFFICER" } : { revokedAt: null, role: "UNIT_OFFICER", unit: { path: { startsWith: unitPath } } },
    select: { person: { select: { id: true, displayName: true, erasedAt: true, identities: { select: { channel: true, externalId: true, lastSeenAt: true } } } } },
  });
  const people = new Map(roles.map((r) => [r.person.id, r.person]));
  const oaIds = [...people.values()].flatMap((p) => p.identities.filter((i) => i.channel === "ZALO_OA").map((i) => i.externalId));
  if (oaIds.length === 0) return [];
  const contacts = new Map((await db.zaloOaContact.findMany({ where: { userId: { in: oaIds } } })).map((c) => [c.userId, c.lastInteractionAt]));
  const unreachable: UnreachableOfficer[] = [];
  for (const person of people.values()) {
    const oa = person.identities.find((i) => i.channel === "ZALO_OA");
    if (!oa || person.erasedAt) continue;
    if (!outsideZaloOaWindow(contacts.get(oa.externalId) ?? oa.lastSeenAt, now)) continue;
    unreachable.push({ personId: person.id, displayName: person.displayName, reachableElsewhere: person.identities.some((i) => i.channel !== "ZALO_OA") });
  }
  return unreachable.sort((a, b) => a.displayName.localeCompare(b.displayName, "vi") || a.personId - b.personId);
}
