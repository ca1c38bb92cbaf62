import path from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root, wherever the process was started from. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

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
