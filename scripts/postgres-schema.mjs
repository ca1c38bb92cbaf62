// Derives prisma/postgres/schema.prisma from prisma/schema.prisma. Prisma rejects
// `provider = env(...)`, so PostgreSQL gets a copy of the same models with its own provider.
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const sqliteSchemaPath = path.join(root, "prisma", "schema.prisma");
export const postgresSchemaPath = path.join(root, "prisma", "postgres", "schema.prisma");

/** The PostgreSQL schema text for a given SQLite schema text. */
export function derivePostgresSchema(sqliteSchema) {
  const out = sqliteSchema
    .replace('provider = "sqlite"', 'provider = "postgresql"')
    .replace('output       = "../core/db/generated/sqlite"', 'output       = "../../core/db/generated/postgres"');
  if (out === sqliteSchema) throw new Error("schema.prisma no longer has the expected provider/output lines");
  return "// GENERATED from prisma/schema.prisma by scripts/postgres-schema.mjs; edit that file instead.\n" + out;
}

export function writePostgresSchema() {
  mkdirSync(path.dirname(postgresSchemaPath), { recursive: true });
  writeFileSync(postgresSchemaPath, derivePostgresSchema(readFileSync(sqliteSchemaPath, "utf8")));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) writePostgresSchema();
