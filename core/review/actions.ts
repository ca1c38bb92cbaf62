// The officers' decisions and the nominator's answers, as domain operations. Each checks the
// actor's scope on the server, moves the nomination through the lifecycle table and appends
// to the review log in the same transaction. Channels only translate buttons into these.
import type { Db } from "../db/client";
import { recordInPlace, transition } from "../nominations/lifecycle";
import { isReviewable, type NominationStatus, type ReviewableStatus } from "../nominations/status";
import { isFinalLevel, levelAt, type ReviewLevels } from "./levels";
import { mayReview, scopesOf } from "./scope";

/** The minimum length of a rejection reason, so the nominator learns why. */
export const minRejectReasonLength = 10;

/** Why an action was refused, for the channel to explain. */
export type Refusal =
  | { refused: "not-found" }
  | { refused: "not-allowed" }
  | { refused: "own-nomination" }
  | { refused: "stale"; status: NominationStatus; reviewLevel: number }
  | { refused: "reason-too-short"; min: number }
  | { refused: "empty" };

/** The outcome of an officer's action. */
export type ReviewOutcome =
  | { ok: true; status: NominationStatus; reviewLevel: number; forwarded: boolean }
  | ({ ok: false } & Refusal);

/** How review works here: the levels, and whether a nominator may review their own nomination. */
export interface ReviewPolicy {
  levels: ReviewLevels;
  allowSelfReview?: boolean;
}

/** What the officer saw on the card when they pressed: the action applies only if unchanged. */
export interface Seen {
  nominationId: number;
  status: ReviewableStatus;
  reviewLevel: number;
}

async function load(db: Db, nominationId: number) {
  return db.nomination.findUnique({ where: { id: nominationId }, include: { unit: { select: { path: true } } } });
}

/**
 * The one authorisation of a review decision: the nomination exists, is still what the officer
 * saw (status and level), the officer's scope covers its unit at that level, and it is not
 * their own (unless the policy allows). Returns the nomination or why not. Every decision
 * below runs it; a card press runs it before asking for a reason.
 */
export async function authorizeDecision(
  db: Db,
  seen: Seen,
  actorId: number,
  { levels, allowSelfReview }: ReviewPolicy,
): Promise<Refusal | { nomination: NonNullable<Awaited<ReturnType<typeof load>>> }> {
  const n = await load(db, seen.nominationId);
  if (!n || !n.unit) return { refused: "not-found" };
  if (n.status !== seen.status || n.reviewLevel !== seen.reviewLevel || !isReviewable(n.status)) {
    return { refused: "stale", status: n.status, reviewLevel: n.reviewLevel };
  }
  const level = levelAt(levels, n.reviewLevel);
  if (!level || !mayReview(await scopesOf(db, actorId), level, n.unit.path)) return { refused: "not-allowed" };
  // An officer does not judge a nomination of their own (the playground, with one person, allows it).
  if (n.nominatorId === actorId && !allowSelfReview) return { refused: "own-nomination" };
  return { nomination: n };
}

/** Turns a lost race into a refusal naming the state the winner left. */
async function staleAfterRace(db: Db, nominationId: number): Promise<ReviewOutcome> {
  const n = await load(db, nominationId);
  return n ? { ok: false, refused: "stale", status: n.status, reviewLevel: n.reviewLevel } : { ok: false, refused: "not-found" };
}

async function guarded(db: Db, nominationId: number, run: () => Promise<ReviewOutcome>): Promise<ReviewOutcome> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof Error && err.name === "StaleNominationError") return staleAfterRace(db, nominationId);
    throw err;
  }
}

/**
 * Duyệt: at a level before the last, forwards to the next level; at the last, approves. The
 * public story defaults to `defaultStory` when no officer has edited one.
 */
export async function approve(db: Db, seen: Seen, actorId: number, opts: ReviewPolicy & { defaultStory: string; now?: Date }): Promise<ReviewOutcome> {
  const auth = await authorizeDecision(db, seen, actorId, opts);
  if ("refused" in auth) return { ok: false, ...auth };
  const n = auth.nomination;
  return guarded(db, n.id, async () => {
    if (!isFinalLevel(opts.levels, n.reviewLevel)) {
      const next = n.reviewLevel + 1;
      await transition(db, { nominationId: n.id, from: seen.status, to: "IN_REVIEW", action: "FORWARD", actorId, level: next, atLevel: n.reviewLevel, ...(opts.now ? { now: opts.now } : {}) });
      return { ok: true, status: "IN_REVIEW", reviewLevel: next, forwarded: true };
    }
    if (seen.status === "NEEDS_INFO") return { ok: false, refused: "stale", status: n.status, reviewLevel: n.reviewLevel };
    const now = opts.now ?? new Date();
    await transition(db, {
      nominationId: n.id,
      from: seen.status,
      to: "APPROVED",
      action: "APPROVE",
      actorId,
      atLevel: n.reviewLevel,
      now,
      set: { decidedAt: now, publicStory: n.publicStory ?? opts.defaultStory },
    });
    return { ok: true, status: "APPROVED", reviewLevel: n.reviewLevel, forwarded: false };
  });
}

/** Yêu cầu bổ sung: asks the nominator for more; the question goes into the log. */
export async function requestInfo(db: Db, seen: Seen, actorId: number, question: string, opts: ReviewPolicy & { now?: Date }): Promise<ReviewOutcome> {
  const text = question.trim();
  if (!text) return { ok: false, refused: "empty" };
  const auth = await authorizeDecision(db, seen, actorId, opts);
  if ("refused" in auth) return { ok: false, ...auth };
  return guarded(db, seen.nominationId, async () => {
    await transition(db, { nominationId: seen.nominationId, from: seen.status, to: "NEEDS_INFO", action: "REQUEST_INFO", actorId, reason: text, atLevel: seen.reviewLevel, ...(opts.now ? { now: opts.now } : {}) });
    return { ok: true, status: "NEEDS_INFO", reviewLevel: seen.reviewLevel, forwarded: false };
  });
}

/** Từ chối: needs a reason of at least 10 characters, which the nominator receives. */
export async function reject(db: Db, seen: Seen, actorId: number, reason: string, opts: ReviewPolicy & { now?: Date }): Promise<ReviewOutcome> {
  const text = reason.trim();
  if (text.length < minRejectReasonLength) return { ok: false, refused: "reason-too-short", min: minRejectReasonLength };
  const auth = await authorizeDecision(db, seen, actorId, opts);
  if ("refused" in auth) return { ok: false, ...auth };
  const now = opts.now ?? new Date();
  return guarded(db, seen.nominationId, async () => {
    await transition(db, { nominationId: seen.nominationId, from: seen.status, to: "REJECTED", action: "REJECT", actorId, reason: text, atLevel: seen.reviewLevel, now, set: { decidedAt: now } });
    return { ok: true, status: "REJECTED", reviewLevel: seen.reviewLevel, forwarded: false };
  });
}

/** Sửa bài đăng: the officer's text becomes the public story; the status stays. */
export async function editStory(db: Db, seen: Seen, actorId: number, story: string, opts: ReviewPolicy & { now?: Date }): Promise<ReviewOutcome> {
  const text = story.trim();
  if (!text) return { ok: false, refused: "empty" };
  const auth = await authorizeDecision(db, seen, actorId, opts);
  if ("refused" in auth) return { ok: false, ...auth };
  return guarded(db, seen.nominationId, async () => {
    await recordInPlace(db, { nominationId: seen.nominationId, status: seen.status, action: "EDIT_STORY", actorId, set: { publicStory: text, storyEditedById: actorId }, ...(opts.now ? { now: opts.now } : {}) });
    return { ok: true, status: seen.status, reviewLevel: seen.reviewLevel, forwarded: false };
  });
}

/**
 * The nominator's answer to a request for more information: the nomination returns to the
 * level that asked (SUBMITTED at the first level, IN_REVIEW later).
 */
export async function answerInfo(db: Db, nominationId: number, nominatorId: number, answer: string, now = new Date()): Promise<ReviewOutcome> {
  const n = await load(db, nominationId);
  if (!n) return { ok: false, refused: "not-found" };
  if (n.nominatorId !== nominatorId) return { ok: false, refused: "not-allowed" };
  if (n.status !== "NEEDS_INFO") return { ok: false, refused: "stale", status: n.status, reviewLevel: n.reviewLevel };
  const back = n.reviewLevel === 0 ? "SUBMITTED" : "IN_REVIEW";
  return guarded(db, nominationId, async () => {
    await transition(db, { nominationId, from: "NEEDS_INFO", to: back, action: "ANSWER_INFO", actorId: nominatorId, reason: answer.trim() || null, now });
    return { ok: true, status: back, reviewLevel: n.reviewLevel, forwarded: false };
  });
}

/** The nominator withdraws a nomination no officer has decided on yet. */
export async function withdraw(db: Db, nominationId: number, nominatorId: number, now = new Date()): Promise<ReviewOutcome> {
  const n = await load(db, nominationId);
  if (!n) return { ok: false, refused: "not-found" };
  if (n.nominatorId !== nominatorId) return { ok: false, refused: "not-allowed" };
  if (!isReviewable(n.status)) return { ok: false, refused: "stale", status: n.status, reviewLevel: n.reviewLevel };
  const from = n.status;
  return guarded(db, nominationId, async () => {
    await transition(db, { nominationId, from, to: "WITHDRAWN", action: "WITHDRAW", actorId: nominatorId, now });
    return { ok: true, status: "WITHDRAWN", reviewLevel: n.reviewLevel, forwarded: false };
  });
}
