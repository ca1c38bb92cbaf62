// Whose nominations a report counts: the subtrees an officer covers (their review scopes), the
// whole organisation for admins and council officers without a unit, optionally narrowed to
// one unit inside that. Checked here, on the server, for the chat and the command line alike.
import type { DbTx } from "../db/client";
import type { Scope } from "../review/scope";

/** What a report covers: unit path prefixes, or null for everything. */
export interface ReportScope {
  /** Materialized paths ("/1/4/") of the subtrees; null: the whole organisation. */
  paths: string[] | null;
  /** The unit the report was narrowed to, if any (its name heads the files). */
  unit?: { id: number; code: string; name: string; path: string };
}

/** Why a scope could not be given: not an officer, an unknown unit code, or a unit outside the officer's units. */
export type ScopeError = "scope-not-officer" | "scope-unknown-unit" | "scope-outside";

/** The whole organisation (the command line, the council). */
export const everything: ReportScope = { paths: null };

/** The subtrees of a person's scopes, with nested ones folded into their ancestors. */
export function scopeOfRoles(scopes: readonly Scope[]): ReportScope | null {
  if (scopes.length === 0) return null;
  if (scopes.some((s) => s.unitPath === null)) return everything;
  const paths = [...new Set(scopes.map((s) => s.unitPath!))].sort((a, b) => a.length - b.length);
  const kept: string[] = [];
  for (const p of paths) if (!kept.some((k) => p.startsWith(k))) kept.push(p);
  return { paths: kept };
}

/** Whether a unit path lies within a report scope. */
export function scopeCovers(scope: ReportScope, unitPath: string): boolean {
  return scope.paths === null || scope.paths.some((p) => unitPath.startsWith(p));
}

/**
 * The scope of a report: the person's roles, narrowed to `unitCode` when given. Pass `roles`
 * null for the command line, which may read everything.
 */
export async function resolveReportScope(
  db: DbTx,
  roles: readonly Scope[] | null,
  unitCode?: string,
): Promise<{ ok: true; scope: ReportScope } | { ok: false; error: ScopeError }> {
  const base = roles === null ? everything : scopeOfRoles(roles);
  if (!base) return { ok: false, error: "scope-not-officer" };
  if (!unitCode) return { ok: true, scope: base };
  const unit = await db.unit.findUnique({ where: { code: unitCode.trim().toUpperCase() }, select: { id: true, code: true, name: true, path: true } });
  if (!unit) return { ok: false, error: "scope-unknown-unit" };
  if (!scopeCovers(base, unit.path)) return { ok: false, error: "scope-outside" };
  return { ok: true, scope: { paths: [unit.path], unit } };
}

/** The Prisma filter of nominations whose unit lies in the scope. */
export function nominationScopeWhere(scope: ReportScope) {
  if (scope.paths === null) return {};
  return { unit: { OR: scope.paths.map((p) => ({ path: { startsWith: p } })) } };
}

/** The Prisma filter of units in the scope. */
export function unitScopeWhere(scope: ReportScope) {
  if (scope.paths === null) return {};
  return { OR: scope.paths.map((p) => ({ path: { startsWith: p } })) };
}
