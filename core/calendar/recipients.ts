// Who a deadline's reminder goes to. An audience (subscribed groups, unit officers, council
// officers, nominators of a unit) becomes a list of chats with a stable key each; the key
// ends every reminder key, so one person or group hears of an occurrence's offset once.
import type { Audience, Channel } from "../db/generated/sqlite/enums";
import type { DbTx } from "../db/client";

/** Where a message goes: a channel's chat id (for a person on Telegram, their user id). */
export interface ChatAddress {
  channel: Channel;
  externalId: string;
}

/** One recipient of a reminder. */
export interface Recipient {
  /** Stable key inside reminder keys: "person:12" or "chat:7". */
  key: string;
  chat: ChatAddress;
  /** The Chat row, when the chat is known as one (groups always are). */
  chatId?: number;
  personId?: number;
  /** Units the recipient is addressed for (an officer's units, for quota progress). */
  units: { id: number; name: string }[];
  locale: string;
}

/** What recipients depend on: the audience and the deadline's scope. */
export interface AudienceScope {
  audience: Audience;
  unitScopeId: number | null;
  blockId: number | null;
}

/** Options of recipient resolution. */
export interface RecipientOptions {
  /** Locale of group chats, which have no language of their own. */
  defaultLocale?: string;
}

// === Resolution

/** Resolves a deadline's audience to recipients, ordered by key. */
export async function resolveRecipients(db: DbTx, scope: AudienceScope, opts: RecipientOptions = {}): Promise<Recipient[]> {
  const scopePath = scope.unitScopeId
    ? ((await db.unit.findUnique({ where: { id: scope.unitScopeId }, select: { path: true } }))?.path ?? null)
    : null;
  if (scope.unitScopeId && scopePath === null) return [];
  switch (scope.audience) {
    case "UNIT_OFFICERS":
      return unitOfficers(db, scopePath, scope.blockId);
    case "COUNCIL_OFFICERS":
      return councilOfficers(db, scopePath);
    case "SUBSCRIBED_GROUPS":
      return subscribedGroups(db, scopePath, opts.defaultLocale ?? "vi");
    case "UNIT_NOMINATORS":
      return unitNominators(db, scopePath, scope.blockId);
  }
}

/** Whether two subtrees overlap: one path is a prefix of the other (null is everything). */
export function scopesOverlap(a: string | null, b: string | null): boolean {
  if (a === null || b === null) return true;
  return a.startsWith(b) || b.startsWith(a);
}

function unitFilter(scopePath: string | null, blockId: number | null) {
  return {
    active: true,
    ...(scopePath ? { path: { startsWith: scopePath } } : {}),
    ...(blockId ? { blockId } : {}),
  };
}

const personSelect = {
  id: true,
  language: true,
  identities: { select: { channel: true, externalId: true, lastSeenAt: true }, orderBy: { lastSeenAt: "desc" as const } },
};

type PersonRow = { id: number; language: string; identities: { channel: Channel; externalId: string }[] };

function personRecipient(person: PersonRow, units: { id: number; name: string }[], channel?: Channel): Recipient | null {
  // A person is reached where they were seen last, unless a channel is asked for.
  const identity = (channel && person.identities.find((i) => i.channel === channel)) ?? person.identities[0];
  if (!identity) return null;
  return {
    key: `person:${person.id}`,
    chat: { channel: identity.channel, externalId: identity.externalId },
    personId: person.id,
    units,
    locale: person.language,
  };
}

function byKey(a: Recipient, b: Recipient): number {
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

async function unitOfficers(db: DbTx, scopePath: string | null, blockId: number | null): Promise<Recipient[]> {
  const roles = await db.roleAssignment.findMany({
    where: { role: "UNIT_OFFICER", revokedAt: null, unit: unitFilter(scopePath, blockId) },
    select: { unit: { select: { id: true, name: true } }, person: { select: personSelect } },
    orderBy: { unitId: "asc" },
  });
  const people = new Map<number, { person: PersonRow; units: { id: number; name: string }[] }>();
  for (const r of roles) {
    if (!r.unit) continue;
    const entry = people.get(r.person.id) ?? { person: r.person, units: [] };
    if (!entry.units.some((u) => u.id === r.unit?.id)) entry.units.push(r.unit);
    people.set(r.person.id, entry);
  }
  return [...people.values()].flatMap(({ person, units }) => personRecipient(person, units) ?? []).sort(byKey);
}

async function councilOfficers(db: DbTx, scopePath: string | null): Promise<Recipient[]> {
  const roles = await db.roleAssignment.findMany({
    where: { role: "COUNCIL_OFFICER", revokedAt: null },
    select: { unit: { select: { id: true, name: true, path: true } }, person: { select: personSelect } },
  });
  const people = new Map<number, Recipient>();
  for (const r of roles) {
    if (!scopesOverlap(scopePath, r.unit?.path ?? null) || people.has(r.person.id)) continue;
    const recipient = personRecipient(r.person, r.unit ? [{ id: r.unit.id, name: r.unit.name }] : []);
    if (recipient) people.set(r.person.id, recipient);
  }
  return [...people.values()].sort(byKey);
}

async function subscribedGroups(db: DbTx, scopePath: string | null, locale: string): Promise<Recipient[]> {
  const subscriptions = await db.subscription.findMany({
    where: { active: true },
    select: { unitScope: { select: { id: true, name: true, path: true } }, chat: { select: { id: true, channel: true, externalId: true } } },
  });
  return subscriptions
    .filter((s) => scopesOverlap(scopePath, s.unitScope?.path ?? null))
    .map(
      (s): Recipient => ({
        key: `chat:${s.chat.id}`,
        chat: { channel: s.chat.channel, externalId: s.chat.externalId },
        chatId: s.chat.id,
        units: s.unitScope ? [{ id: s.unitScope.id, name: s.unitScope.name }] : [],
        locale,
      }),
    )
    .sort(byKey);
}

async function unitNominators(db: DbTx, scopePath: string | null, blockId: number | null): Promise<Recipient[]> {
  const nominations = await db.nomination.findMany({
    where: { status: { notIn: ["DRAFT", "CANCELLED"] }, unit: unitFilter(scopePath, blockId) },
    select: { channel: true, unit: { select: { id: true, name: true } }, nominator: { select: personSelect } },
    orderBy: { id: "desc" },
  });
  const people = new Map<number, Recipient>();
  for (const n of nominations) {
    const known = people.get(n.nominator.id);
    if (known) {
      if (n.unit && !known.units.some((u) => u.id === n.unit?.id)) known.units.push(n.unit);
      continue;
    }
    // The channel of their latest nomination is where they talk to the bot about it.
    const recipient = personRecipient(n.nominator, n.unit ? [n.unit] : [], n.channel);
    if (recipient) people.set(n.nominator.id, recipient);
  }
  return [...people.values()].sort(byKey);
}
