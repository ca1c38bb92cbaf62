// The nomination lifecycle as data: which status may follow which. Everything that changes a
// nomination's status goes through `transition` (lifecycle.ts), which consults this table.
import type { NominationStatus } from "../db/generated/sqlite/enums";

export type { NominationStatus };

/** Statuses an officer can act on. */
export const reviewableStatuses = ["SUBMITTED", "IN_REVIEW", "NEEDS_INFO"] as const;
export type ReviewableStatus = (typeof reviewableStatuses)[number];

/** Statuses after which nothing changes any more (a published story can still be withdrawn). */
export const finalStatuses = ["CANCELLED", "REJECTED", "WITHDRAWN"] as const;

/**
 * Allowed moves. SUBMITTED waits at the first review level; IN_REVIEW at a later one (a move
 * IN_REVIEW → IN_REVIEW forwards to the next level); NEEDS_INFO goes back to review when the
 * nominator answers, and NEEDS_INFO → NEEDS_INFO is a further question before the answer. An
 * approved or published story is withdrawn by the council (taken off the public site and out
 * of the digest), never sent back to review. The table is a type as well: `transition` only compiles with a move it
 * lists (see `AllowedTarget`).
 */
export const allowedTransitions = {
  DRAFT: ["SUBMITTED", "CANCELLED"],
  SUBMITTED: ["IN_REVIEW", "NEEDS_INFO", "APPROVED", "REJECTED", "WITHDRAWN"],
  IN_REVIEW: ["IN_REVIEW", "NEEDS_INFO", "APPROVED", "REJECTED", "WITHDRAWN"],
  NEEDS_INFO: ["SUBMITTED", "IN_REVIEW", "NEEDS_INFO", "REJECTED", "WITHDRAWN"],
  APPROVED: ["PUBLISHED", "WITHDRAWN"],
  PUBLISHED: ["WITHDRAWN"],
  CANCELLED: [],
  REJECTED: [],
  WITHDRAWN: [],
} as const satisfies Readonly<Record<NominationStatus, readonly NominationStatus[]>>;

type Table = typeof allowedTransitions;

/**
 * The statuses a nomination may move to from every status in `From`: for one status its row
 * of the table; for a union (a nomination known only to be reviewable) the moves all of them
 * allow, so a caller cannot approve what might be waiting for the nominator's answer.
 *
 * ```ts
 * type A = AllowedTarget<"APPROVED">;              // "PUBLISHED" | "WITHDRAWN"
 * type B = AllowedTarget<"SUBMITTED" | "NEEDS_INFO">; // no "APPROVED"
 * ```
 */
export type AllowedTarget<From extends NominationStatus> = (From extends NominationStatus ? (to: Table[From][number]) => void : never) extends (to: infer To) => void
  ? To & NominationStatus
  : never;

/** Whether `from → to` is a legal move (for statuses only known at run time). */
export function canTransition(from: NominationStatus, to: NominationStatus): boolean {
  return (allowedTransitions[from] as readonly NominationStatus[]).includes(to);
}

/** Whether officers can still decide on a nomination in this status. */
export function isReviewable(status: NominationStatus): status is ReviewableStatus {
  return (reviewableStatuses as readonly string[]).includes(status);
}
