import type { DatabaseTarget } from "./database-url";
import { adapterFor } from "./client";
import { checkConnection } from "./check-connection";
import { migrationDirs, schemaPaths } from "./paths";
import { applyMigrations, openSchemaEngine, readSchemaFile } from "./schema-engine";

/**
 * Applies the committed migrations not yet in the database; returns the names applied
 * (none on a second run).
 */
export async function migrateDatabase(target: DatabaseTarget): Promise<string[]> {
  await checkConnection(target);
  const key = target.provider === "postgres" ? "postgres" : "sqlite";
  const schema = await readSchemaFile(schemaPaths[key]);
  const { engine, close } = await openSchemaEngine(adapterFor(target), schema);
  try {
    return await applyMigrations(engine, migrationDirs[key]);
  } finally {
    await close();
  }
}
