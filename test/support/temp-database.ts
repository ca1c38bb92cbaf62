// A fresh, migrated SQLite file per test file: tests exercise the real database, not a mock.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDatabase, type Db } from "../../core/db/client";
import type { DatabaseTarget } from "../../core/db/database-url";
import { migrateDatabase } from "../../core/db/migrate";
import { seedReferenceData } from "../../prisma/seed/seed";

/** A migrated database in its own temp folder. */
export interface TempDatabase {
  db: Db;
  target: DatabaseTarget;
  dir: string;
  /** Disconnects and removes the folder. */
  cleanup(): Promise<void>;
}

/** Creates a temp folder with a migrated SQLite file; seeds reference data unless told not to. */
export async function createTempDatabase(opts: { seed?: boolean } = {}): Promise<TempDatabase> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "gs-"));
  const target: DatabaseTarget = { provider: "sqlite", file: path.join(dir, "test.db") };
  await migrateDatabase(target);
  const db = await openDatabase(target);
  if (opts.seed ?? true) await seedReferenceData(db);
  return {
    db,
    target,
    dir,
    async cleanup() {
      await db.$disconnect();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
