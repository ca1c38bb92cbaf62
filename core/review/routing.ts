// Where a review card goes: the review group of the nearest unit (walking up the tree) bound
// for the level; with no group anywhere, each officer in scope privately; with no officer
// either, the admins. Nothing submitted is ever left without a reader.
import type { DbTx } from "../db/client";
import type { Channel } from "../db/generated/sqlite/enums";
import { roleForLevel, type ReviewLevel } from "./levels";

/** A chat a card is sent to. */
export type CardDestination =
  | { kind: "group"; chatId: number; channel: Channel; externalId: string; unitId: number | null }
  | { kind: "officer" | "admin"; personId: number; channel: Channel; externalId: string };

/** Ids of a unit and its ancestors, nearest first, from its materialized path. */
export function ancestorsNearestFirst(unitPath: string): number[] {
  return unitPath.split("/").filter(Boolean).map(Number).reverse();
}

/** Private chats of people: on both channels a person's private chat id is their user id. */
async function privateChats(db: DbTx, personIds: number[], kind: "officer" | "admin"): Promise<CardDestination[]> {
  const identities = await db.channelIdentity.findMany({
    where: { personId: { in: personIds } },
    orderBy: [{ personId: "asc" }, { channel: "asc" }],
  });
  // One chat per person: the first channel they have (Telegram before Zalo).
  const seen = new Set<number>();
  return identities
    .filter((i) => !seen.has(i.personId) && seen.add(i.personId))
    .map((i) => ({ kind, personId: i.personId, channel: i.channel, externalId: i.externalId }));
}

/**
 * The destinations of a card for a nomination of `unitPath` waiting at `level`. People in
 * `exclude` (the nominator, who may not judge their own nomination) get no private copy.
 */
export async function cardDestinations(db: DbTx, unitPath: string, level: ReviewLevel, exclude: readonly number[] = []): Promise<CardDestination[]> {
  const chain = ancestorsNearestFirst(unitPath);
  const groups = await db.reviewGroup.findMany({
    where: level === "COUNCIL" ? { unitId: null } : { unitId: { in: chain } },
    include: { chat: true },
  });
  if (groups.length > 0) {
    const nearest = level === "COUNCIL" ? groups[0]! : groups.sort((a, b) => chain.indexOf(a.unitId!) - chain.indexOf(b.unitId!))[0]!;
    return [{ kind: "group", chatId: nearest.chatId, channel: nearest.chat.channel, externalId: nearest.chat.externalId, unitId: nearest.unitId }];
  }
  const officers = await db.roleAssignment.findMany({
    where: {
      revokedAt: null,
      role: roleForLevel(level),
      OR: [{ unitId: null }, { unitId: { in: chain } }],
      personId: { notIn: [...exclude] },
    },
    select: { personId: true },
  });
  if (officers.length > 0) return privateChats(db, [...new Set(officers.map((o) => o.personId))], "officer");
  const admins = await db.roleAssignment.findMany({ where: { revokedAt: null, role: "ADMIN", personId: { notIn: [...exclude] } }, select: { personId: true } });
  return privateChats(db, [...new Set(admins.map((a) => a.personId))], "admin");
}
