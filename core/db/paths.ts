import { existsSync } from "node:fs";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The repository root, wherever the process was started from: the nearest folder upward
 * that holds prisma/schema.prisma, so the sources and the compiled bundle agree.
 */
export const repoRoot = findRepoRoot(path.dirname(fileURLToPath(import.meta.url)));

function findRepoRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, "prisma", "schema.prisma"))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`prisma/schema.prisma not found above ${from}`);
  }
}

/** Schema files per provider: the SQLite one is the source, the PostgreSQL one derived. */
export const schemaPaths = {
  sqlite: path.join(repoRoot, "prisma", "schema.prisma"),
  postgres: path.join(repoRoot, "prisma", "postgres", "schema.prisma"),
} as const;

/** Migration folders per provider. */
export const migrationDirs = {
  sqlite: path.join(repoRoot, "prisma", "migrations"),
  postgres: path.join(repoRoot, "prisma", "postgres", "migrations"),
} as const;

/** The schema as it stood at the last migration, the starting point of the next diff. */
export const snapshotPath = path.join(repoRoot, "prisma", "migrations", "schema.snapshot.prisma");

/** The names of a folder's migrations (`<timestamp>_<name>` subfolders), in order. */
export async function migrationNames(migrationsDir: string): Promise<string[]> {
  const entries = await readdir(migrationsDir, { withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
}
