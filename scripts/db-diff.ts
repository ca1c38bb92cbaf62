// Writes a new migration for SQLite and PostgreSQL from the difference between the schema at
// the last migration (prisma/migrations/schema.snapshot.prisma) and prisma/schema.prisma.
//   npm run db:diff -- add_story_tags
// Prisma's `migrate dev` needs its native engine; this is the offline equivalent.
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import type { DiffTarget } from "@prisma/schema-engine-wasm";
import { datamodelTarget, diffScript, openSchemaEngine } from "../core/db/schema-engine";
import { migrationDirs, schemaPaths, snapshotPath } from "../core/db/paths";
// @ts-expect-error plain ESM script shared with postinstall
import { derivePostgresSchema, writePostgresSchema } from "./postgres-schema.mjs";

const name = (process.argv[2] ?? "").replace(/[^a-z0-9_]/gi, "_").toLowerCase();
if (!name) {
  console.error("Usage: npm run db:diff -- <migration_name>");
  process.exit(2);
}

writePostgresSchema();
const current = await readFile(schemaPaths.sqlite, "utf8");
const previous = existsSync(snapshotPath) ? await readFile(snapshotPath, "utf8") : null;

const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const folder = `${stamp}_${name}`;

const targets = {
  sqlite: {
    adapter: new PrismaBetterSqlite3({ url: ":memory:" }),
    derive: (s: string) => s,
    provider: "sqlite",
  },
  postgres: {
    // The engine opens a connection even to diff two datamodels; any reachable server will do.
    adapter: new PrismaPg({ connectionString: process.env.POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/test" }),
    derive: derivePostgresSchema as (s: string) => string,
    provider: "postgresql",
  },
} as const;

let wrote = 0;
for (const [key, t] of Object.entries(targets)) {
  const schemaPath = schemaPaths[key as keyof typeof schemaPaths];
  const to = { path: schemaPath, content: t.derive(current) };
  const from: DiffTarget = previous ? datamodelTarget({ path: schemaPath, content: t.derive(previous) }) : { tag: "empty" };
  const { engine, close } = await openSchemaEngine(t.adapter, to);
  const sql = await diffScript(engine, from, datamodelTarget(to));
  await close();
  if (!sql.trim() || /^-- This is an empty migration/.test(sql.trim())) continue;
  const dir = migrationDirs[key as keyof typeof migrationDirs];
  await mkdir(path.join(dir, folder), { recursive: true });
  await writeFile(path.join(dir, folder, "migration.sql"), sql);
  await writeFile(path.join(dir, "migration_lock.toml"), `provider = "${t.provider}"\n`);
  console.log(`wrote ${path.relative(process.cwd(), path.join(dir, folder, "migration.sql"))}`);
  wrote++;
}

if (wrote === 0) console.log("The schema matches the last migration: nothing to write.");
else await writeFile(snapshotPath, current);
process.exit(0);
