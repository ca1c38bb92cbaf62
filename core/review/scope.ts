// Who may act on a nomination. Scopes are unit subtrees: an officer of unit U covers every
// unit whose materialized path starts with U's path. Checked on the server for every action,
// whatever the button said.
import type { DbTx } from "../db/client";
import type { Role } from "../db/generated/sqlite/enums";
import { roleForLevel, type ReviewLevel } from "./levels";

/** An active role of a person, with the path of the unit it covers (null: everything). */
export interface Scope {
  role: Role;
  unitId: number | null;
  unitPath: string | null;
}

/** Active (not revoked) roles of a person. */
export async function scopesOf(db: DbTx, personId: number): Promise<Scope[]> {
  const roles = await db.roleAssignment.findMany({
    where: { personId, revokedAt: null },
    include: { unit: { select: { path: true } } },
  });
  return roles.map((r) => ({ role: r.role, unitId: r.unitId, unitPath: r.unit?.path ?? null }));
}

/** Whether a scope's subtree contains the unit with `unitPath`. */
export function covers(scope: Scope, unitPath: string): boolean {
  return scope.unitPath === null || unitPath.startsWith(scope.unitPath);
}

/**
 * Whether someone with `scopes` may decide at `level` on a nomination of the unit at
 * `unitPath`. Admins may act at any level: with no officer configured, cards reach them.
 */
export function mayReview(scopes: Scope[], level: ReviewLevel, unitPath: string): boolean {
  if (scopes.some((s) => s.role === "ADMIN")) return true;
  const role = roleForLevel(level);
  return scopes.some((s) => s.role === role && covers(s, unitPath));
}

/** Whether the person is an admin. */
export function isAdmin(scopes: Scope[]): boolean {
  return scopes.some((s) => s.role === "ADMIN");
}
