// Once and only once. Every reminder, nudge and review summary has a unique key that is
// recorded in ReminderLog in the same transaction that hands the message to the outbox: the
// first claim wins, and a restart, a missed tick caught up later or a second instance
// running the same tick finds the key taken and sends nothing.
import type { Db, DbTx } from "../db/client";
import type { Channel, NominationStatus } from "../db/generated/sqlite/enums";
import { reviewableStatuses } from "../nominations/status";
import type { ChatAddress } from "./recipients";
import { defaultQuietHours, formatIsoDate, isQuietTime, localDateOf, type QuietHours } from "./zoned-time";

// === Claims

/** What is recorded with a claimed key. */
export interface ClaimDetails {
  /** "deadline-reminder", "draft-nudge", "review-summary". */
  kind: string;
  /** Recipient key ("person:12", "chat:7"). */
  recipient: string;
  deadlineId?: number | null;
  occurrence?: string | null;
  offsetDays?: number | null;
  /** Idempotency key of the outbox message that carries it. */
  outboxKey?: string | null;
  now: Date;
}

/**
 * Records a key; true when this call recorded it, false when it was already there. The
 * insert ignores a conflict instead of failing, so on PostgreSQL the surrounding transaction
 * stays usable and a concurrent instance simply gets false.
 */
export async function claimReminder(tx: DbTx, key: string, details: ClaimDetails): Promise<boolean> {
  const inserted = await tx.$executeRaw`
    INSERT INTO "ReminderLog" ("key", "kind", "deadlineId", "occurrence", "offsetDays", "recipient", "outboxKey", "createdAt")
    VALUES (${key}, ${details.kind}, ${details.deadlineId ?? null}, ${details.occurrence ?? null}, ${details.offsetDays ?? null},
            ${details.recipient}, ${details.outboxKey ?? null}, ${details.now})
    ON CONFLICT ("key") DO NOTHING`;
  return inserted === 1;
}

/**
 * Claims a key and runs `effect` (typically the outbox enqueue) in one transaction, only when
 * the claim is new. Returns whether the effect ran.
 *
 *   await runOnce(db, reminderKey(plan, r), details, (tx) => enqueue(tx, { idempotencyKey, chat, kind, payload }));
 */
export async function runOnce(db: Db, key: string, details: ClaimDetails, effect: (tx: DbTx) => Promise<unknown>): Promise<boolean> {
  return db.$transaction(async (tx) => {
    if (!(await claimReminder(tx, key, details))) return false;
    await effect(tx);
    return true;
  });
}

// === Draft nudges

/** How draft nudges are paced. */
export interface NudgeOptions {
  quietHours?: QuietHours | null;
  /** Idle time before a nudge, in hours; default 48. */
  idleHours?: number;
  /** Nudges per draft in all; default 2. */
  maxNudges?: number;
}

/** A draft whose nominator should be nudged now. */
export interface DraftNudge {
  nominationId: number;
  personId: number;
  chat: ChatAddress;
  locale: string;
  nomineeName: string | null;
  draftStep: string | null;
  /** 1 for the first nudge of this draft, 2 for the second. */
  nudgeNumber: number;
  /** "nudge:draft:<id>:<n>". */
  key: string;
}

/** The key of a draft's n-th nudge. */
export function draftNudgeKey(nominationId: number, n: number): string {
  return `nudge:draft:${nominationId}:${n}`;
}

/**
 * Drafts idle for 48 hours (since the nominator's last answer or the last nudge, whichever is
 * later) that have had fewer than two nudges. Empty during quiet hours.
 */
export async function draftNudges(db: DbTx, now: Date, timeZone: string, opts: NudgeOptions = {}): Promise<DraftNudge[]> {
  if (isQuietTime(now, timeZone, opts.quietHours === undefined ? defaultQuietHours : opts.quietHours)) return [];
  const idleMs = (opts.idleHours ?? 48) * 3_600_000;
  const maxNudges = opts.maxNudges ?? 2;
  const cutoff = new Date(now.getTime() - idleMs);
  const drafts = await db.nomination.findMany({
    where: { status: "DRAFT", nudgeCount: { lt: maxNudges }, lastActivityAt: { lte: cutoff } },
    select: {
      id: true,
      channel: true,
      locale: true,
      nomineeName: true,
      draftStep: true,
      nudgeCount: true,
      lastActivityAt: true,
      nominator: { select: { id: true, identities: { select: { channel: true, externalId: true } } } },
    },
    orderBy: { lastActivityAt: "asc" },
  });
  const lastNudges = await db.reminderLog.findMany({
    where: { key: { in: drafts.filter((d) => d.nudgeCount > 0).map((d) => draftNudgeKey(d.id, d.nudgeCount)) } },
    select: { key: true, createdAt: true },
  });
  const nudgedAt = new Map(lastNudges.map((l) => [l.key, l.createdAt]));
  const due: DraftNudge[] = [];
  for (const d of drafts) {
    const lastNudge = nudgedAt.get(draftNudgeKey(d.id, d.nudgeCount));
    if (lastNudge && lastNudge.getTime() > cutoff.getTime()) continue;
    // The draft lives on the channel it was started on.
    const identity = d.nominator.identities.find((i) => i.channel === d.channel);
    if (!identity) continue;
    due.push({
      nominationId: d.id,
      personId: d.nominator.id,
      chat: { channel: identity.channel, externalId: identity.externalId },
      locale: d.locale,
      nomineeName: d.nomineeName,
      draftStep: d.draftStep,
      nudgeNumber: d.nudgeCount + 1,
      key: draftNudgeKey(d.id, d.nudgeCount + 1),
    });
  }
  return due;
}

/**
 * Claims a nudge and counts it on the draft, in the caller's transaction; false when the
 * nudge was already claimed or the draft moved on (another instance, or the nominator).
 */
export async function recordDraftNudge(tx: DbTx, nudge: DraftNudge, now: Date, outboxKey?: string): Promise<boolean> {
  const counted = await tx.nomination.updateMany({
    where: { id: nudge.nominationId, status: "DRAFT", nudgeCount: nudge.nudgeNumber - 1 },
    data: { nudgeCount: nudge.nudgeNumber },
  });
  if (counted.count === 0) return false;
  return claimReminder(tx, nudge.key, {
    kind: "draft-nudge",
    recipient: `person:${nudge.personId}`,
    outboxKey: outboxKey ?? null,
    now,
  });
}

// === Stale reviews

/** One nomination waiting too long, as listed in a review group's summary. */
export interface StaleNomination {
  id: number;
  code: string | null;
  nomineeName: string | null;
  status: NominationStatus;
  unitId: number | null;
  unitName: string | null;
  waitingSince: Date;
  /** Whole days waited. */
  waitingDays: number;
}

/** The summary one review group receives today. */
export interface ReviewSummary {
  reviewGroupId: number;
  chatId: number;
  chat: ChatAddress;
  /** Unit the group reviews for; null for the council. */
  unitId: number | null;
  /** "review-summary:<chatId>:<local date>": once per group per day. */
  key: string;
  /** Oldest first. */
  nominations: StaleNomination[];
}

/** How stale reviews are found. */
export interface StaleReviewOptions {
  quietHours?: QuietHours | null;
  /** Waiting longer than this many days counts as stale; default 3. */
  olderThanDays?: number;
}

interface GroupRow {
  id: number;
  unitId: number | null;
  unit: { path: string } | null;
  chat: { id: number; channel: Channel; externalId: string };
}

/**
 * Nominations waiting for review longer than three days since their last move, grouped by
 * the review group that should act: the group of the nearest unit upward for the first
 * level, the council's group otherwise (or when no unit group exists). Empty in quiet hours.
 */
export async function staleReviews(db: DbTx, now: Date, timeZone: string, opts: StaleReviewOptions = {}): Promise<ReviewSummary[]> {
  if (isQuietTime(now, timeZone, opts.quietHours === undefined ? defaultQuietHours : opts.quietHours)) return [];
  const cutoff = new Date(now.getTime() - (opts.olderThanDays ?? 3) * 86_400_000);
  const [waiting, groups] = await Promise.all([
    db.nomination.findMany({
      where: { status: { in: [...reviewableStatuses] }, lastActivityAt: { lt: cutoff } },
      select: {
        id: true,
        code: true,
        nomineeName: true,
        status: true,
        reviewLevel: true,
        lastActivityAt: true,
        unit: { select: { id: true, name: true, path: true } },
      },
      orderBy: [{ lastActivityAt: "asc" }, { id: "asc" }],
    }),
    db.reviewGroup.findMany({
      select: { id: true, unitId: true, unit: { select: { path: true } }, chat: { select: { id: true, channel: true, externalId: true } } },
      orderBy: { id: "asc" },
    }),
  ]);
  const council = groups.find((g) => g.unitId === null) ?? null;
  const today = formatIsoDate(localDateOf(now, timeZone));
  const summaries = new Map<number, ReviewSummary>();
  for (const n of waiting) {
    const group = (n.reviewLevel === 0 && n.unit ? nearestGroup(groups, n.unit.path) : null) ?? council;
    if (!group) continue;
    const summary = summaries.get(group.id) ?? {
      reviewGroupId: group.id,
      chatId: group.chat.id,
      chat: { channel: group.chat.channel, externalId: group.chat.externalId },
      unitId: group.unitId,
      key: `review-summary:${group.chat.id}:${today}`,
      nominations: [],
    };
    summary.nominations.push({
      id: n.id,
      code: n.code,
      nomineeName: n.nomineeName,
      status: n.status,
      unitId: n.unit?.id ?? null,
      unitName: n.unit?.name ?? null,
      waitingSince: n.lastActivityAt,
      waitingDays: Math.floor((now.getTime() - n.lastActivityAt.getTime()) / 86_400_000),
    });
    summaries.set(group.id, summary);
  }
  return [...summaries.values()].sort((a, b) => a.chatId - b.chatId);
}

function nearestGroup(groups: readonly GroupRow[], unitPath: string): GroupRow | null {
  let best: GroupRow | null = null;
  for (const g of groups) {
    if (!g.unit || !unitPath.startsWith(g.unit.path)) continue;
    if (!best?.unit || g.unit.path.length > best.unit.path.length) best = g;
  }
  return best;
}
