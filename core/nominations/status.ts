// The nomination lifecycle as data: which status may follow which. Everything that changes a
// nomination's status goes through `transition` (lifecycle.ts), which consults this table.
import type { NominationStatus } from "../db/generated/sqlite/enums";

export type { NominationStatus };

/** Statuses an officer can act on. */
export const reviewableStatuses = ["SUBMITTED", "IN_REVIEW", "NEEDS_INFO"] as const;
export type ReviewableStatus = (typeof reviewableStatuses)[number];

/** Statuses after which nothing changes any more. */
export const finalStatuses = ["CANCELLED", "PUBLISHED", "REJECTED", "WITHDRAWN"] as const;

/**
 * Allowed moves. SUBMITTED waits at the first review level; IN_REVIEW at a later one (a move
 * IN_REVIEW → IN_REVIEW forwards to the next level); NEEDS_INFO goes back to review when the
 * nominator answers.
 */
export const allowedTransitions: Readonly<Record<NominationStatus, readonly NominationStatus[]>> = {
  DRAFT: ["SUBMITTED", "CANCELLED"],
  SUBMITTED: ["IN_REVIEW", "NEEDS_INFO", "APPROVED", "REJECTED", "WITHDRAWN"],
  IN_REVIEW: ["IN_REVIEW", "NEEDS_INFO", "APPROVED", "REJECTED", "WITHDRAWN"],
  NEEDS_INFO: ["SUBMITTED", "IN_REVIEW", "REJECTED", "WITHDRAWN"],
  APPROVED: ["PUBLISHED"],
  PUBLISHED: [],
  CANCELLED: [],
  REJECTED: [],
  WITHDRAWN: [],
};

/** Whether `from → to` is a legal move. */
export function canTransition(from: NominationStatus, to: NominationStatus): boolean {
  return allowedTransitions[from].includes(to);
}

/** Whether officers can still decide on a nomination in this status. */
export function isReviewable(status: NominationStatus): status is ReviewableStatus {
  return (reviewableStatuses as readonly string[]).includes(status);
}
