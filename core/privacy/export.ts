// Everything the bot holds about one person, gathered for /dulieu (/mydata): their profile,
// channel accounts, roles, the nominations they made with their statuses and photos, consent
// they recorded, subscriptions they set up, and what they are in the middle of. Other people
// appear in it only as the nominees the person named themselves: officers' names, other
// nominators and other accounts never do.
import type { DbTx } from "../db/client";

/** The export's shape: plain data, written out as JSON. */
export type PersonalData = Awaited<ReturnType<typeof personalDataOf>>;

function iso(date: Date | null | undefined): string | null {
  return date ? date.toISOString() : null;
}

/** The nominations a person made, with what they hold about them. */
async function nominationsOf(db: DbTx, personId: number) {
  const rows = await db.nomination.findMany({
    where: { nominatorId: personId },
    orderBy: { id: "asc" },
    include: {
      unit: { select: { name: true } },
      field: { select: { nameVi: true } },
      movement: { select: { nameVi: true } },
      criteria: { include: { criterion: { select: { number: true, shortVi: true } } } },
      attachments: { orderBy: { id: "asc" } },
      // Decisions are listed without who took them: the officers' identities are theirs.
      events: { orderBy: { id: "asc" }, select: { action: true, toStatus: true, createdAt: true, reason: true, actorId: true } },
    },
  });
  return rows.map((n) => ({
    code: n.code,
    status: n.status,
    channel: n.channel,
    nomineeKind: n.nomineeKind,
    nomineeName: n.nomineeName,
    nomineeIsMinor: n.nomineeIsMinor,
    unit: n.unit?.name ?? null,
    field: n.field?.nameVi ?? null,
    movement: n.movement?.nameVi ?? null,
    achievements: n.achievements,
    criteria: n.criteria.map((c) => `${c.criterion.number}. ${c.criterion.shortVi}`),
    contactPhone: n.contactPhone,
    consent: n.consent,
    publicStory: n.publicStory,
    createdAt: iso(n.createdAt),
    submittedAt: iso(n.submittedAt),
    decidedAt: iso(n.decidedAt),
    publishedAt: iso(n.publishedAt),
    unpublishedAt: iso(n.unpublishedAt),
    photos: n.attachments.map((a) => ({ kind: a.kind, mimeType: a.mimeType, sizeBytes: a.sizeBytes, width: a.width, height: a.height, sha256: a.sha256, receivedAt: iso(a.createdAt) })),
    history: n.events.map((e) => ({ action: e.action, status: e.toStatus, at: iso(e.createdAt), ...(e.actorId === personId && e.reason ? { yourText: e.reason } : {}) })),
  }));
}

/**
 * Gathers a person's data.
 *
 * ```ts
 * const data = await personalDataOf(db, person.id, new Date());
 * const file = Buffer.from(JSON.stringify(data, null, 2));
 * ```
 */
export async function personalDataOf(db: DbTx, personId: number, now: Date) {
  const person = await db.person.findUniqueOrThrow({
    where: { id: personId },
    include: {
      identities: { orderBy: { id: "asc" } },
      roles: { where: { revokedAt: null }, include: { unit: { select: { name: true } } } },
      conversation: { select: { flow: true, step: true, updatedAt: true } },
      subscriptionsAdded: { include: { chat: { select: { channel: true, title: true, username: true } } } },
      consentsRecorded: { orderBy: { id: "asc" }, include: { nomination: { select: { code: true } } } },
    },
  });
  return {
    exportedAt: now.toISOString(),
    profile: { displayName: person.displayName, language: person.language, createdAt: iso(person.createdAt), updatedAt: iso(person.updatedAt) },
    accounts: person.identities.map((i) => ({ channel: i.channel, id: i.externalId, username: i.username, firstSeen: iso(i.createdAt), lastSeen: iso(i.lastSeenAt) })),
    roles: person.roles.map((r) => ({ role: r.role, unit: r.unit?.name ?? null, since: iso(r.createdAt) })),
    nominations: await nominationsOf(db, personId),
    consentRecords: person.consentsRecorded.map((c) => ({ nomination: c.nomination.code, source: c.source, change: c.change, wording: c.wording, at: iso(c.createdAt) })),
    subscriptions: person.subscriptionsAdded.map((s) => ({ channel: s.chat.channel, chat: s.chat.title ?? s.chat.username, active: s.active, since: iso(s.createdAt) })),
    inProgress: person.conversation ? { flow: person.conversation.flow, step: person.conversation.step, since: iso(person.conversation.updatedAt) } : null,
  };
}

/** The export as the file the person receives. */
export function personalDataFile(data: PersonalData): { fileName: string; bytes: Buffer; mimeType: string } {
  return { fileName: `du-lieu-ca-nhan-${data.exportedAt.slice(0, 10)}.json`, bytes: Buffer.from(`${JSON.stringify(data, null, 2)}\n`, "utf8"), mimeType: "application/json" };
}
