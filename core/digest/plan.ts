// Planning a broadcast: every part of every subscribed chat's digest is written to the outbox
// before anything is sent, one transaction per chat, under keys that name the broadcast, the
// chat and the part. Planning again after a crash finds those chats already served and
// queues nothing twice; the outbox worker then delivers each part exactly once.
import type { Db } from "../db/client";
import type { Chat } from "../db/generated/sqlite/client";
import { toLocale, type Locale, type Translations } from "../i18n";
import { enqueue, outboxKey } from "../outbox/enqueue";
import { outsideWindowReason } from "../outbox/errors";
import { transition } from "../nominations/lifecycle";
import { composeDigest } from "./compose";
import { storiesForChat } from "./stories";

/** What planning did. */
export interface PlanResult {
  broadcastId: number;
  chats: number;
  parts: number;
  stories: number;
}

/** Creates a broadcast row for a run (the weekly digest, or an officer's "send now"). */
export function createBroadcast(db: Db, opts: { kind: "WEEKLY_DIGEST" | "MANUAL"; scheduledFor: Date; createdById?: number | null }) {
  return db.broadcast.create({ data: { kind: opts.kind, scheduledFor: opts.scheduledFor, createdById: opts.createdById ?? null } });
}

/**
 * Queues the digest of every active subscription for broadcast `broadcastId`. Stories an
 * officer dropped from the preview stay out.
 */
export async function planBroadcast(
  db: Db,
  broadcastId: number,
  opts: { i18n: Translations; locale: Locale; nominateLink: string | null; publicBaseUrl?: string | null; now?: Date },
): Promise<PlanResult> {
  const now = opts.now ?? new Date();
  const broadcast = await db.broadcast.findUniqueOrThrow({ where: { id: broadcastId }, include: { items: { where: { dropped: true } } } });
  const dropped = broadcast.items.map((i) => i.nominationId);
  const subscriptions = await db.subscription.findMany({
    where: { active: true },
    include: { chat: true, unitScope: { select: { path: true } }, fields: { select: { fieldId: true } } },
    orderBy: { id: "asc" },
  });
  const result: PlanResult = { broadcastId, chats: 0, parts: 0, stories: 0 };
  const storyIds = new Set<number>();
  for (const sub of subscriptions) {
    const stories = await storiesForChat(
      db,
      { chatId: sub.chatId, unitScopePath: sub.unitScope?.path ?? null, fieldIds: sub.fields.map((f) => f.fieldId) },
      { excludeNominationIds: dropped },
    );
    const locale = await readerLocale(db, sub.chat, opts.locale);
    const parts = composeDigest(stories, { i18n: opts.i18n, locale, channel: sub.chat.channel, nominateLink: opts.nominateLink, publicBaseUrl: opts.publicBaseUrl ?? null });
    if (parts.length === 0) continue;
    await db.$transaction(async (tx) => {
      for (const [index, part] of parts.entries()) {
        await enqueue(tx, {
          idempotencyKey: outboxKey("broadcast", broadcastId, "chat", sub.chatId, "part", index + 1),
          chat: { channel: sub.chat.channel, externalId: sub.chat.externalId, kind: sub.chat.kind },
          kind: part.kind,
          payload: part.payload,
          broadcastId,
          ...(part.nominationId ? { nominationId: part.nominationId } : {}),
          notBefore: now,
        });
      }
    });
    result.chats++;
    result.parts += parts.length;
    for (const s of stories) storyIds.add(s.nominationId);
  }
  result.stories = storyIds.size;
  await db.broadcast.update({ where: { id: broadcastId }, data: { status: "SENDING", startedAt: broadcast.startedAt ?? now } });
  return result;
}

/**
 * The language a chat's digest is written in: a resident's own chat in the resident's language,
 * a group or channel in the digest's (groups have none of their own).
 */
async function readerLocale(db: Db, chat: Pick<Chat, "channel" | "externalId" | "kind">, fallback: Locale): Promise<Locale> {
  if (chat.kind !== "PRIVATE") return fallback;
  const identity = await db.channelIdentity.findUnique({
    where: { channel_externalId: { channel: chat.channel, externalId: chat.externalId } },
    select: { person: { select: { language: true } } },
  });
  return identity ? toLocale(identity.person.language, fallback) : fallback;
}

/** Counts of a broadcast's deliveries, for the officer's live progress message. */
export async function broadcastProgress(db: Db, broadcastId: number) {
  const rows = await db.outboxMessage.groupBy({ by: ["status"], where: { broadcastId }, _count: { _all: true } });
  const count = (s: string) => rows.find((r) => r.status === s)?._count._all ?? 0;
  const chats = await db.outboxMessage.findMany({ where: { broadcastId }, distinct: ["chatId"], select: { chatId: true } });
  const pendingChats = await db.outboxMessage.findMany({
    where: { broadcastId, status: { in: ["PENDING", "SENDING"] } },
    distinct: ["chatId"],
    select: { chatId: true },
  });
  // People Zalo would not let the OA write to (7 days without a message from them), counted once each.
  const outsideWindow = await db.outboxMessage.findMany({
    where: { broadcastId, status: "FAILED", failureReason: outsideWindowReason },
    distinct: ["chatId"],
    select: { chatId: true },
  });
  return {
    sent: count("SENT"),
    outsideWindow: outsideWindow.length,
    failed: count("FAILED") + count("CANCELLED"),
    pending: count("PENDING") + count("SENDING"),
    chats: chats.length,
    chatsDone: chats.length - pendingChats.length,
  };
}

/**
 * Closes what the outbox finished: a story whose digest deliveries are all final, at least one
 * of them sent, becomes PUBLISHED; a broadcast with nothing pending becomes DONE. Safe to run
 * on every tick.
 */
export async function settleDeliveries(db: Db, now = new Date()): Promise<{ published: number[]; broadcastsDone: number[] }> {
  const candidates = await db.nomination.findMany({
    where: {
      status: "APPROVED",
      outbox: { some: { kind: "digest-story", status: "SENT" }, none: { kind: "digest-story", status: { in: ["PENDING", "SENDING"] } } },
    },
    select: { id: true },
  });
  const published: number[] = [];
  for (const { id } of candidates) {
    try {
      await transition(db, { nominationId: id, from: "APPROVED", to: "PUBLISHED", action: "PUBLISH", actorId: null, now, set: { publishedAt: now } });
      published.push(id);
    } catch (err) {
      if (!(err instanceof Error && err.name === "StaleNominationError")) throw err;
    }
  }
  const open = await db.broadcast.findMany({ where: { status: "SENDING", outbox: { none: { status: { in: ["PENDING", "SENDING"] } } } }, select: { id: true } });
  for (const b of open) await db.broadcast.update({ where: { id: b.id }, data: { status: "DONE", finishedAt: now } });
  return { published, broadcastsDone: open.map((b) => b.id) };
}
