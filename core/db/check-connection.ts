import Database from "better-sqlite3";
import pg from "pg";
import type { DatabaseTarget } from "./database-url";
import { ensureParentDir } from "./client";

/**
 * Opens and closes a plain connection, so an unreachable database fails here with the
 * driver's own message: the wasm schema engine does not surface connection errors.
 */
export async function checkConnection(target: DatabaseTarget): Promise<void> {
  if (target.provider === "sqlite") {
    if (target.file !== ":memory:") ensureParentDir(target.file);
    const sqlite = new Database(target.file);
    try {
      sqlite.prepare("select 1").get();
    } finally {
      sqlite.close();
    }
    return;
  }
  const client = new pg.Client({ connectionString: target.url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query("select 1");
  } finally {
    await client.end().catch(() => {});
  }
}
