import type { Logger } from "pino";
import { openDatabase, type Db } from "../core/db/client";
import type { DatabaseTarget } from "../core/db/database-url";
import { migrateDatabase } from "../core/db/migrate";
import { countReferenceData, seedReferenceData, type SeedSummary } from "../prisma/seed/seed";

/** Describes a database target without credentials, for messages and logs. */
export function describeDatabase(target: DatabaseTarget): string {
  if (target.provider === "sqlite") return target.file;
  const u = new URL(target.url);
  return `${u.protocol}//${u.host}${u.pathname}`;
}

/**
 * Opens the database ready for work: applies pending migrations and, on an empty database,
 * loads the reference data so a first start is usable at once.
 */
export async function prepareDatabase(target: DatabaseTarget, log: Logger): Promise<{ db: Db; summary: SeedSummary }> {
  const applied = await migrateDatabase(target);
  if (applied.length > 0) log.info({ migrations: applied }, "migrations applied");
  const db = await openDatabase(target);
  let summary = await countReferenceData(db);
  if (summary.fields === 0) {
    summary = await seedReferenceData(db);
    log.info(summary, "reference data loaded");
  }
  return { db, summary };
}
