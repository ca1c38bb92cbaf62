// A fresh PostgreSQL database per test file, migrated with the committed PostgreSQL
// migrations: the data model must run there as on SQLite. PostgreSQL runs beside CI; where it
// is not reachable, `postgresReachable` is false and the caller skips.
import pg from "pg";
import { openDatabase, type Db } from "../../core/db/client";
import type { DatabaseTarget } from "../../core/db/database-url";
import { migrateDatabase } from "../../core/db/migrate";
import { seedReferenceData } from "../../prisma/seed/seed";

/** The PostgreSQL server the tests use (its `test` database is only a way in). */
export const postgresServer = process.env.POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/test";

/** Runs `fn` on a connection to the server's `test` database, for CREATE/DROP DATABASE. */
export async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: postgresServer, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Whether the PostgreSQL server of the tests answers. */
export const postgresReachable: boolean = await admin(async () => true).catch(() => false);

/** A migrated, seeded PostgreSQL database of its own, and how to drop it. */
export async function createTempPostgres(): Promise<{ db: Db; target: DatabaseTarget; cleanup(): Promise<void> }> {
  const name = `gs_test_${process.pid}_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  await admin((c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(postgresServer);
  url.pathname = `/${name}`;
  const target: DatabaseTarget = { provider: "postgres", url: url.toString() };
  await migrateDatabase(target);
  const db = await openDatabase(target);
  await seedReferenceData(db);
  return {
    db,
    target,
    async cleanup() {
      await db.$disconnect();
      await admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}
