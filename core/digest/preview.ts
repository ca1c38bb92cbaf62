// The digest before it goes out: the run waiting to be sent (PLANNED, or HELD by the council),
// the stories it would carry, and the council's say over it: drop a story, hold the whole
// digest, release it. Nothing here sends anything.
import type { Db, DbTx } from "../db/client";
import type { Channel, ChatKind } from "../db/generated/sqlite/enums";
import { storiesForChat } from "./stories";

/** Statuses of a run that has not started sending. */
const openStatuses = ["PLANNED", "HELD"] as const;

/** The run waiting to be sent, if any: the newest PLANNED or HELD broadcast. */
export function openBroadcast(db: DbTx) {
  return db.broadcast.findFirst({ where: { status: { in: [...openStatuses] } }, orderBy: { id: "desc" } });
}

/**
 * The open run, or a new one for `scheduledFor`, with a BroadcastItem for every story an
 * active subscription would receive now. Items already there keep their `dropped` mark, so
 * preparing again (a second preview, a restart) never undoes an officer's choice.
 */
export async function prepareBroadcast(db: Db, opts: { kind: "WEEKLY_DIGEST" | "MANUAL"; scheduledFor: Date; createdById?: number | null }) {
  const broadcast =
    (await openBroadcast(db)) ??
    (await db.broadcast.create({ data: { kind: opts.kind, scheduledFor: opts.scheduledFor, createdById: opts.createdById ?? null } }));
  const subscriptions = await db.subscription.findMany({
    where: { active: true },
    include: { unitScope: { select: { path: true } }, fields: { select: { fieldId: true } } },
  });
  const nominationIds = new Set<number>();
  for (const sub of subscriptions) {
    const stories = await storiesForChat(db, { chatId: sub.chatId, unitScopePath: sub.unitScope?.path ?? null, fieldIds: sub.fields.map((f) => f.fieldId) });
    for (const s of stories) nominationIds.add(s.nominationId);
  }
  const known = new Set((await db.broadcastItem.findMany({ where: { broadcastId: broadcast.id }, select: { nominationId: true } })).map((i) => i.nominationId));
  const fresh = [...nominationIds].filter((id) => !known.has(id));
  if (fresh.length > 0) await db.broadcastItem.createMany({ data: fresh.map((nominationId) => ({ broadcastId: broadcast.id, nominationId })) });
  return broadcast;
}

/** One story of a run as the council's preview lists it (public fields only). */
export interface PreviewItem {
  nominationId: number;
  code: string | null;
  nomineeName: string;
  unitName: string;
  fieldNumber: number | null;
  dropped: boolean;
}

/** The stories of a run, oldest decision first, still APPROVED (a story published meanwhile drops out). */
export async function previewItems(db: DbTx, broadcastId: number): Promise<PreviewItem[]> {
  const items = await db.broadcastItem.findMany({
    where: { broadcastId, nomination: { status: "APPROVED" } },
    include: { nomination: { select: { code: true, nomineeName: true, decidedAt: true, unit: { select: { name: true } }, field: { select: { number: true } } } } },
  });
  return items
    .sort((a, b) => (a.nomination.decidedAt?.getTime() ?? 0) - (b.nomination.decidedAt?.getTime() ?? 0) || a.nominationId - b.nominationId)
    .map((i) => ({
      nominationId: i.nominationId,
      code: i.nomination.code,
      nomineeName: i.nomination.nomineeName ?? "",
      unitName: i.nomination.unit?.name ?? "",
      fieldNumber: i.nomination.field?.number ?? null,
      dropped: i.dropped,
    }));
}

/** Drops a story from an open run, or takes it back; false when the run has started or the story is not in it. */
export async function setDropped(db: DbTx, broadcastId: number, nominationId: number, dropped: boolean): Promise<boolean> {
  const open = await db.broadcast.count({ where: { id: broadcastId, status: { in: [...openStatuses] } } });
  if (open === 0) return false;
  const { count } = await db.broadcastItem.updateMany({ where: { broadcastId, nominationId }, data: { dropped } });
  return count > 0;
}

/** Holds an open run: the schedule will not send it. False when it was not PLANNED. */
export async function holdBroadcast(db: DbTx, broadcastId: number): Promise<boolean> {
  const { count } = await db.broadcast.updateMany({ where: { id: broadcastId, status: "PLANNED" }, data: { status: "HELD" } });
  return count > 0;
}

/** Where the preview goes: a chat to write to. */
export interface PreviewRecipient {
  channel: Channel;
  externalId: string;
  kind: ChatKind;
}

/**
 * Who receives the preview: the council's review group; without one, council officers in
 * private; without any, the admins.
 */
export async function previewRecipients(db: DbTx): Promise<PreviewRecipient[]> {
  const group = await db.reviewGroup.findFirst({ where: { unitId: null }, include: { chat: true }, orderBy: { id: "asc" } });
  if (group) return [{ channel: group.chat.channel, externalId: group.chat.externalId, kind: group.chat.kind }];
  for (const role of ["COUNCIL_OFFICER", "ADMIN"] as const) {
    const holders = await db.roleAssignment.findMany({
      where: { role, revokedAt: null, ...(role === "COUNCIL_OFFICER" ? { unitId: null } : {}) },
      include: { person: { include: { identities: { where: { channel: "TELEGRAM" } } } } },
      orderBy: { id: "asc" },
    });
    const chats = holders.flatMap((h) => h.person.identities.map((i) => ({ channel: i.channel, externalId: i.externalId, kind: "PRIVATE" as const })));
    const unique = [...new Map(chats.map((c) => [c.externalId, c])).values()];
    if (unique.length > 0) return unique;
  }
  return [];
}
