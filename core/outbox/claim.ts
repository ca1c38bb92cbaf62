// Claiming an outbox row: PENDING → SENDING with a lease, only if it is still PENDING and due,
// so that of two workers (in one process or in several instances) exactly one wins the row.
// On PostgreSQL the row is locked with FOR UPDATE SKIP LOCKED: a worker that meets a row
// another instance is claiming at that instant passes it by at once instead of queueing behind
// that transaction to find it taken. SQLite has one writer at a time, so its conditional
// update gives the same contract.
import type { DbTx } from "../db/client";
import { isPostgres } from "../db/provider";

/** Claims row `id` at `now` until `lease`; true when this caller won it. */
export async function claimOutboxRow(db: DbTx, id: number, now: number, lease: Date): Promise<boolean> {
  if (!isPostgres(db)) {
    const { count } = await db.outboxMessage.updateMany({
      where: { id, status: "PENDING", nextAttemptAt: { lte: new Date(now) } },
      data: { status: "SENDING", lockedUntil: lease },
    });
    return count === 1;
  }
  // Instants go as epoch milliseconds: Prisma keeps UTC in "timestamp without time zone"
  // columns, and a Date parameter would be read in the session's time zone.
  const leaseMs = lease.getTime();
  const claimed = await db.$queryRaw<{ id: number }[]>`
    UPDATE "OutboxMessage"
       SET "status" = 'SENDING',
           "lockedUntil" = to_timestamp(${leaseMs}::double precision / 1000) AT TIME ZONE 'UTC',
           "updatedAt" = to_timestamp(${now}::double precision / 1000) AT TIME ZONE 'UTC'
     WHERE "id" = (SELECT "id" FROM "OutboxMessage"
                    WHERE "id" = ${id} AND "status" = 'PENDING'
                      AND "nextAttemptAt" <= to_timestamp(${now}::double precision / 1000) AT TIME ZONE 'UTC'
                    FOR UPDATE SKIP LOCKED)
    RETURNING "id"`;
  return claimed.length === 1;
}
