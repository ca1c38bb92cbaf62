// Taking a story down: the council (or an admin) withdraws an approved or published story, with
// a reason in the review log. From that moment it matches no public read (site, feeds, photos,
// /guongsang), and its digest parts still waiting in the outbox are cancelled.
import type { Db } from "../db/client";
import { transition } from "../nominations/lifecycle";
import type { NominationStatus } from "../nominations/status";
import { parseNominationCode } from "../nominations/code";
import { mayReview, scopesOf } from "../review/scope";

/** What withdrawing did, or why it did not. */
export type WithdrawStoryOutcome =
  | { ok: true; nominationId: number; code: string; nomineeName: string; cancelledParts: number }
  | { ok: false; refused: "bad-code" | "not-found" | "not-allowed" }
  | { ok: false; refused: "not-public"; status: NominationStatus };

/**
 * Withdraws the story of nomination `code` on behalf of `actorId`, who must be a council
 * officer covering its unit, or an admin.
 *
 * ```ts
 * await withdrawStory(db, { code: "GS-2026-0042", actorId, reason: "Người được đề cử xin gỡ bài" });
 * ```
 */
export async function withdrawStory(db: Db, req: { code: string; actorId: number; reason: string | null; now?: Date }): Promise<WithdrawStoryOutcome> {
  const parsed = parseNominationCode(req.code);
  if (!parsed) return { ok: false, refused: "bad-code" };
  const n = await db.nomination.findUnique({
    where: { codeYear_codeSeq: { codeYear: parsed.year, codeSeq: parsed.seq } },
    include: { unit: { select: { path: true } } },
  });
  if (!n || !n.unit) return { ok: false, refused: "not-found" };
  if (!mayReview(await scopesOf(db, req.actorId), "COUNCIL", n.unit.path)) return { ok: false, refused: "not-allowed" };
  if (n.status !== "APPROVED" && n.status !== "PUBLISHED") return { ok: false, refused: "not-public", status: n.status };
  const now = req.now ?? new Date();
  try {
    await transition(db, { nominationId: n.id, from: n.status, to: "WITHDRAWN", action: "WITHDRAW", actorId: req.actorId, reason: req.reason, now });
  } catch (err) {
    if (!(err instanceof Error && err.name === "StaleNominationError")) throw err;
    const current = await db.nomination.findUniqueOrThrow({ where: { id: n.id }, select: { status: true } });
    return { ok: false, refused: "not-public", status: current.status };
  }
  const cancelled = await db.outboxMessage.updateMany({
    where: { nominationId: n.id, kind: "digest-story", status: "PENDING" },
    data: { status: "CANCELLED", lastError: "story withdrawn" },
  });
  return { ok: true, nominationId: n.id, code: n.code!, nomineeName: n.nomineeName ?? "", cancelledParts: cancelled.count };
}
