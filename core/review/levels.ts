// Review levels: which role decides at each level. Configurable per deployment: unit officers
// then the council (default), or the council alone.
import type { Role } from "../db/generated/sqlite/enums";

/** A level of review and the officer role that decides there. */
export type ReviewLevel = "UNIT" | "COUNCIL";

/** The ordered levels a nomination passes through. */
export type ReviewLevels = readonly ReviewLevel[];

export const defaultReviewLevels: ReviewLevels = ["UNIT", "COUNCIL"];

/** The role that decides at a level. */
export function roleForLevel(level: ReviewLevel): Role {
  return level === "UNIT" ? "UNIT_OFFICER" : "COUNCIL_OFFICER";
}

/** The level at index `i` (a nomination's `reviewLevel`), or null past the last one. */
export function levelAt(levels: ReviewLevels, i: number): ReviewLevel | null {
  return levels[i] ?? null;
}

/** Whether index `i` is the last level, where approval is final. */
export function isFinalLevel(levels: ReviewLevels, i: number): boolean {
  return i >= levels.length - 1;
}
