import Database from "better-sqlite3";
import pg from "pg";
import type { DatabaseTarget } from "./database-url";
import { ensureParentDir } from "./client";

const appliedQuery = `SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;

/**
 * Opens a plain connection and reads the names of the migrations already applied (none on a
 * new database). An unreachable database fails here with the driver's own message: the wasm
 * schema engine does not surface connection errors. Knowing what is applied lets a start with
 * nothing pending skip the schema engine (about 20 MB and a few hundred milliseconds).
 */
export async function readAppliedMigrations(target: DatabaseTarget): Promise<Set<string>> {
  if (target.provider === "sqlite") {
    if (target.file !== ":memory:") ensureParentDir(target.file);
    const sqlite = new Database(target.file);
    try {
      const table = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'").get();
      if (!table) return new Set();
      return new Set((sqlite.prepare(appliedQuery).all() as { migration_name: string }[]).map((r) => r.migration_name));
    } finally {
      sqlite.close();
    }
  }
  const client = new pg.Client({ connectionString: target.url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    const { rows } = await client.query<{ exists: string | null }>("SELECT to_regclass('_prisma_migrations') AS exists");
    if (!rows[0]?.exists) return new Set();
    return new Set((await client.query<{ migration_name: string }>(appliedQuery)).rows.map((r) => r.migration_name));
  } finally {
    await client.end().catch(() => {});
  }
}
