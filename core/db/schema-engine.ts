// Drives Prisma's schema engine compiled to WebAssembly through a driver adapter, so migrations
// apply offline: the Prisma CLI's migrate commands need a native binary downloaded from
// Prisma's host, which deployments (and CI) cannot reach.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { migrationNames } from "./paths";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import * as glue from "@prisma/schema-engine-wasm/schema_engine_bg";
import type { DiffTarget, MigrationList, SchemaEngine } from "@prisma/schema-engine-wasm";

const noFilters = { externalTables: [], externalEnums: [] };

// Node has WebAssembly; the ES lib typings used here (no DOM) don't declare it.
const wasmApi = (globalThis as unknown as {
  WebAssembly: { instantiate(bytes: Uint8Array, imports: object): Promise<{ instance: { exports: unknown } }> };
}).WebAssembly;

let wasmReady: Promise<void> | undefined;

/** Instantiates the wasm module once per process. */
function loadWasm(): Promise<void> {
  wasmReady ??= (async () => {
    const require = createRequire(import.meta.url);
    const glueFile = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const bytes = await readFile(path.join(path.dirname(glueFile), "schema_engine_bg.wasm"));
    const { instance } = await wasmApi.instantiate(bytes, { "./schema_engine_bg.js": glue });
    const exports = instance.exports as { __wbindgen_start: () => void };
    (glue as unknown as { __wbg_set_wasm(e: unknown): void }).__wbg_set_wasm(exports);
    exports.__wbindgen_start();
  })();
  return wasmReady;
}

/** A schema file as the engine wants it. */
export interface SchemaFile {
  path: string;
  content: string;
}

/** Reads a schema file from disk. */
export async function readSchemaFile(schemaPath: string): Promise<SchemaFile> {
  return { path: schemaPath, content: await readFile(schemaPath, "utf8") };
}

/** A schema engine and `close()`, which frees it and the connections it opened. */
export interface OpenSchemaEngine {
  engine: SchemaEngine;
  close(): Promise<void>;
}

/**
 * Opens the engine on a database reached through `adapter`, knowing `schema`. Freeing the
 * wasm engine does not close the driver's connections (SQLite would stay locked), so the
 * factory is wrapped to remember them for `close()`.
 */
export async function openSchemaEngine(
  adapter: SqlMigrationAwareDriverAdapterFactory,
  schema: SchemaFile,
  log: (message: string) => void = () => {},
): Promise<OpenSchemaEngine> {
  await loadWasm();
  const opened: { dispose(): Promise<void> }[] = [];
  const remember = async <T extends { dispose(): Promise<void> }>(connection: Promise<T>) => {
    const c = await connection;
    opened.push(c);
    return c;
  };
  const tracked: SqlMigrationAwareDriverAdapterFactory = {
    provider: adapter.provider,
    adapterName: adapter.adapterName,
    connect: () => remember(adapter.connect()),
    connectToShadowDb: () => remember(adapter.connectToShadowDb()),
  };
  const engine = (await (glue.SchemaEngine as unknown as typeof SchemaEngine).new(
    { datamodels: [[schema.path, schema.content]] },
    log,
    bindMigrationAwareSqlAdapterFactory(tracked),
  )) as SchemaEngine;
  return {
    engine,
    async close() {
      engine.free();
      await Promise.all(opened.map((c) => c.dispose().catch(() => {})));
    },
  };
}

/** Loads `prisma/migrations`-style folders (`<timestamp>_<name>/migration.sql`) in order. */
export async function loadMigrations(migrationsDir: string): Promise<MigrationList> {
  const dirs = await migrationNames(migrationsDir);
  const lockPath = path.join(migrationsDir, "migration_lock.toml");
  const lockContent = await readFile(lockPath, "utf8").catch(() => null);
  return {
    baseDir: migrationsDir,
    lockfile: { path: "migration_lock.toml", content: lockContent },
    shadowDbInitScript: "",
    migrationDirectories: await Promise.all(
      dirs.map(async (dir) => ({
        path: dir,
        migrationFile: {
          path: "migration.sql",
          content: { tag: "ok" as const, value: await readFile(path.join(migrationsDir, dir, "migration.sql"), "utf8") },
        },
      })),
    ),
  };
}

/** Applies the migrations not yet recorded in `_prisma_migrations`; returns their names. */
export async function applyMigrations(engine: SchemaEngine, migrationsDir: string): Promise<string[]> {
  const migrationsList = await loadMigrations(migrationsDir);
  const { appliedMigrationNames } = await engine.applyMigrations({ migrationsList, filters: noFilters });
  return appliedMigrationNames;
}

/** The SQL script that turns `from` into `to` (empty when they already match). */
export async function diffScript(engine: SchemaEngine, from: DiffTarget, to: DiffTarget): Promise<string> {
  const result = await engine.diff({ from, to, script: true, exitCode: null, filters: noFilters });
  return result.stdout ?? "";
}

/** A diff target for a schema file's models. */
export function datamodelTarget(schema: SchemaFile): DiffTarget {
  return { tag: "schemaDatamodel", files: [schema] };
}

/** A diff target for the live database behind the engine's adapter. */
export function databaseTarget(schema: SchemaFile): DiffTarget {
  return { tag: "schemaDatasource", files: [schema], configDir: path.dirname(schema.path) };
}
