// Which database a client talks to, for the few statements that differ (row locks exist on
// PostgreSQL only).
import type { DbTx } from "./client";

/** Whether `db` is a PostgreSQL client (else SQLite). */
export function isPostgres(db: DbTx): boolean {
  // Prisma's clients carry their provider; extended clients and transactions keep it.
  return (db as { _activeProvider?: string })._activeProvider === "postgresql";
}
