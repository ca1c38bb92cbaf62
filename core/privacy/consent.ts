// Consent to publish a nominee's story, as records that can be shown later: who said it, for
// whom (the nominee, or a guardian of a child under 16), when, and the wording they were shown.
// Withdrawing it unpublishes the story everywhere the bot publishes: the digest stops picking
// it, queued digest messages are cancelled, and the public pages (which read "published with
// consent") stop showing it, because the nomination's consent becomes WITHDRAWN.
import type { Db, DbTx } from "../db/client";
import type { Channel, ConsentSource } from "../db/generated/sqlite/enums";
import { audit } from "./audit";

/** What the nominator's answer to the consent question records. */
export interface ConsentStatement {
  nominationId: number;
  source: ConsentSource;
  recordedById: number | null;
  /** The question or statement exactly as shown. */
  wording: string;
  locale: string;
  /** The channel it was said on. */
  channel?: Channel | null;
  now?: Date;
}

/** Records that consent was given, as `source` said it. */
export async function recordConsentGiven(db: DbTx, statement: ConsentStatement): Promise<void> {
  await db.consentRecord.create({
    data: {
      nominationId: statement.nominationId,
      source: statement.source,
      change: "GIVEN",
      recordedById: statement.recordedById,
      wording: statement.wording,
      locale: statement.locale,
      channel: statement.channel ?? null,
      ...(statement.now ? { createdAt: statement.now } : {}),
    },
  });
}

/**
 * Whether consent on record allows publishing: for a child, a guardian's; otherwise the
 * nominee's own or the nominator's word. The latest record of a source counts.
 */
export async function consentAllowsPublishing(db: DbTx, nominationId: number): Promise<boolean> {
  const n = await db.nomination.findUnique({ where: { id: nominationId }, select: { nomineeIsMinor: true } });
  const records = await db.consentRecord.findMany({ where: { nominationId }, orderBy: { id: "asc" } });
  const latest = new Map(records.map((r) => [r.source, r.change]));
  if (n?.nomineeIsMinor) return latest.get("GUARDIAN") === "GIVEN";
  return latest.get("NOMINEE") === "GIVEN" || (latest.get("NOMINEE") !== "WITHDRAWN" && latest.get("NOMINATOR") === "GIVEN");
}

/**
 * An officer records the nominee's own confirmation (or a guardian's, for a child). Returns
 * whether the nomination may now be published: a child's own word is recorded but does not
 * suffice without a guardian's.
 */
export async function confirmConsent(db: Db, statement: ConsentStatement): Promise<boolean> {
  return db.$transaction(async (tx) => {
    await recordConsentGiven(tx, statement);
    const allowed = await consentAllowsPublishing(tx, statement.nominationId);
    await tx.nomination.update({
      where: { id: statement.nominationId },
      data: allowed ? { consent: "GIVEN", consentConfirmedById: statement.recordedById, unpublishedAt: null } : {},
    });
    await audit(tx, { action: "RECORD_CONSENT", actorId: statement.recordedById, nominationId: statement.nominationId, channel: statement.channel ?? null, ...(statement.now ? { now: statement.now } : {}) });
    return allowed;
  });
}

/**
 * Withdraws consent: a record of it, the nomination's consent set to WITHDRAWN (no longer
 * selected by the digest or the public pages), and its digest messages not yet sent cancelled.
 * Returns how many queued messages were cancelled.
 */
export async function withdrawConsent(db: Db, statement: ConsentStatement): Promise<number> {
  const now = statement.now ?? new Date();
  return db.$transaction(async (tx) => {
    await tx.consentRecord.create({
      data: {
        nominationId: statement.nominationId,
        source: statement.source,
        change: "WITHDRAWN",
        recordedById: statement.recordedById,
        wording: statement.wording,
        locale: statement.locale,
        channel: statement.channel ?? null,
        createdAt: now,
      },
    });
    await tx.nomination.update({ where: { id: statement.nominationId }, data: { consent: "WITHDRAWN", consentConfirmedById: null, unpublishedAt: now } });
    const cancelled = await tx.outboxMessage.updateMany({
      where: { nominationId: statement.nominationId, kind: "digest-story", status: "PENDING" },
      data: { status: "CANCELLED", lastError: "consent withdrawn" },
    });
    await audit(tx, { action: "WITHDRAW_CONSENT", actorId: statement.recordedById, nominationId: statement.nominationId, channel: statement.channel ?? null, now });
    return cancelled.count;
  });
}
