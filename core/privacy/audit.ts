// The record of who did what with personal data: officers opening a nomination's private
// details or dossier, consent recorded or withdrawn, a person exporting or erasing their own
// data. It says that something happened, never the data itself; admins read it with /auditlog.
import type { DbTx } from "../db/client";
import type { AuditAction, Channel } from "../db/generated/sqlite/enums";

/** One thing to record. */
export interface AuditFact {
  action: AuditAction;
  actorId?: number | null;
  nominationId?: number | null;
  channel?: Channel | null;
  now?: Date;
}

/**
 * Adds an entry to the audit log.
 *
 * ```ts
 * await audit(db, { action: "VIEW_PRIVATE_DETAILS", actorId: officer.id, nominationId, channel: "TELEGRAM" });
 * ```
 */
export async function audit(db: DbTx, fact: AuditFact): Promise<void> {
  await db.auditEntry.create({
    data: {
      action: fact.action,
      actorId: fact.actorId ?? null,
      nominationId: fact.nominationId ?? null,
      channel: fact.channel ?? null,
      ...(fact.now ? { createdAt: fact.now } : {}),
    },
  });
}

/** The entries about one nomination, oldest first, with the actor's name (blank once erased). */
export function auditTrail(db: DbTx, nominationId: number, take = 200) {
  return db.auditEntry.findMany({
    where: { nominationId },
    orderBy: { id: "asc" },
    take,
    include: { actor: { select: { displayName: true, erasedAt: true } } },
  });
}
