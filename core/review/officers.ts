// Granting and revoking roles. Revoking keeps the row (revokedAt) so the history of who could
// decide stays readable.
import type { Db, DbTx } from "../db/client";
import type { Role } from "../db/generated/sqlite/enums";

/** Grants `role` over `unitId` (null: everything); a role already held is not duplicated. */
export async function grantRole(
  db: DbTx,
  grant: { personId: number; role: Role; unitId: number | null; grantedById: number | null },
) {
  const existing = await db.roleAssignment.findFirst({
    where: { personId: grant.personId, role: grant.role, unitId: grant.unitId, revokedAt: null },
  });
  return existing ?? db.roleAssignment.create({ data: grant });
}

/** Revokes a person's role over `unitId`; returns how many were revoked (0 if none held). */
export async function revokeRole(db: DbTx, revoke: { personId: number; role: Role; unitId: number | null }, now = new Date()) {
  const r = await db.roleAssignment.updateMany({
    where: { personId: revoke.personId, role: revoke.role, unitId: revoke.unitId, revokedAt: null },
    data: { revokedAt: now },
  });
  return r.count;
}

/** Active officers (unit and council), with their units, for `/officers`. */
export function listOfficers(db: DbTx) {
  return db.roleAssignment.findMany({
    where: { revokedAt: null, role: { in: ["UNIT_OFFICER", "COUNCIL_OFFICER"] } },
    include: { person: { select: { id: true, displayName: true } }, unit: { select: { code: true, name: true } } },
    orderBy: [{ role: "asc" }, { unitId: "asc" }, { id: "asc" }],
  });
}

/**
 * Makes the Telegram users listed in ADMIN_TELEGRAM_IDS admins, creating their Person rows
 * if they have never written to the bot. Idempotent; run at every start.
 */
export async function ensureAdmins(db: Db, telegramIds: readonly string[]): Promise<void> {
  for (const externalId of telegramIds) {
    const identity = await db.channelIdentity.findUnique({ where: { channel_externalId: { channel: "TELEGRAM", externalId } } });
    const personId =
      identity?.personId ??
      (
        await db.person.create({
          data: { displayName: `Admin ${externalId}`, identities: { create: { channel: "TELEGRAM", externalId } } },
        })
      ).id;
    await grantRole(db, { personId, role: "ADMIN", unitId: null, grantedById: null });
  }
}
