import Database from "better-sqlite3";
import type { DatabaseTarget } from "./database-url";
import { adapterFor } from "./client";
import { readAppliedMigrations } from "./check-connection";
import { migrationDirs, migrationNames, schemaPaths } from "./paths";

/**
 * Applies the committed migrations not yet in the database; returns the names applied
 * (none on a second run).
 */
export async function migrateDatabase(target: DatabaseTarget): Promise<string[]> {
  const applied = await readAppliedMigrations(target);
  const key = target.provider === "postgres" ? "postgres" : "sqlite";
  // The usual start: everything applied, so the schema engine is not even loaded.
  if ((await migrationNames(migrationDirs[key])).every((name) => applied.has(name))) return [];
  const { applyMigrations, openSchemaEngine, readSchemaFile } = await import("./schema-engine");
  const schema = await readSchemaFile(schemaPaths[key]);
  const { engine, close } = await openSchemaEngine(adapterFor(target), schema);
  try {
    return await applyMigrations(engine, migrationDirs[key]);
  } catch (err) {
    // SQLite waits a few seconds for a lock (its busy timeout); after that the wasm engine
    // reports only "unknown variant `SocketTimeout`". Ask SQLite whether the file is locked.
    if (target.provider === "sqlite" && target.file !== ":memory:" && isWriteLocked(target.file)) throw new DatabaseBusyError(target.file, err);
    throw err;
  } finally {
    await close();
  }
}

/** Another process holds a write lock on the SQLite file, so migrations cannot apply. */
export class DatabaseBusyError extends Error {
  constructor(
    readonly file: string,
    cause?: unknown,
  ) {
    super(`The SQLite file ${file} is locked by another process (SQLITE_BUSY)`, { cause });
    this.name = "DatabaseBusyError";
  }
}

/** Whether another connection holds a write lock on `file` right now (no waiting). */
function isWriteLocked(file: string): boolean {
  const sqlite = new Database(file, { timeout: 0 });
  try {
    sqlite.exec("BEGIN IMMEDIATE");
    sqlite.exec("ROLLBACK");
    return false;
  } catch (err) {
    if (String((err as { code?: unknown }).code).startsWith("SQLITE_BUSY")) return true;
    throw err;
  } finally {
    sqlite.close();
  }
}
