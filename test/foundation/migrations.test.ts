// The committed migrations are the only way the schema reaches a database: they must apply
// offline, be idempotent, and produce exactly what schema.prisma describes.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { admin, postgresReachable, postgresServer } from "../support/temp-postgres";
import { adapterFor } from "../../core/db/client";
import { migrateDatabase } from "../../core/db/migrate";
import { schemaPaths, snapshotPath } from "../../core/db/paths";
import { databaseTarget, datamodelTarget, diffScript, openSchemaEngine, readSchemaFile } from "../../core/db/schema-engine";
// @ts-expect-error plain ESM script shared with postinstall
import { derivePostgresSchema } from "../../scripts/postgres-schema.mjs";

const dir = mkdtempSync(path.join(os.tmpdir(), "gs-migrate-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("SQLite migrations", () => {
  const target = { provider: "sqlite" as const, file: path.join(dir, "fresh.db") };

  it("apply to a fresh file, and a second run applies nothing", async () => {
    const first = await migrateDatabase(target);
    expect(first.length).toBeGreaterThan(0);
    expect(first[0]).toMatch(/^\d{14}_init$/);
    expect(await migrateDatabase(target)).toEqual([]);
  });

  it("produce exactly the schema in schema.prisma (no drift)", async () => {
    const schema = await readSchemaFile(schemaPaths.sqlite);
    const { engine, close } = await openSchemaEngine(adapterFor(target), schema);
    const drift = await diffScript(engine, databaseTarget(schema), datamodelTarget(schema));
    await close();
    expect(drift.trim()).toMatch(/^(-- This is an empty migration\.)?$/);
  });

  it("the snapshot of the last migration matches schema.prisma (db:diff was run)", () => {
    expect(readFileSync(snapshotPath, "utf8")).toBe(readFileSync(schemaPaths.sqlite, "utf8"));
  });
});

const server = postgresServer;
const reachable = postgresReachable;
const dbName = `gs_test_${process.pid}_${Date.now()}`;

describe("PostgreSQL schema and migrations", () => {
  it("the PostgreSQL schema is derived from the SQLite one", () => {
    const derived = derivePostgresSchema(readFileSync(schemaPaths.sqlite, "utf8"));
    expect(readFileSync(schemaPaths.postgres, "utf8")).toBe(derived);
  });


  it.runIf(reachable)("apply to a fresh PostgreSQL database, idempotently", async () => {
    await admin((c) => c.query(`CREATE DATABASE ${dbName}`));
    try {
      const url = new URL(server);
      url.pathname = `/${dbName}`;
      const target = { provider: "postgres" as const, url: url.toString() };
      expect((await migrateDatabase(target)).length).toBeGreaterThan(0);
      expect(await migrateDatabase(target)).toEqual([]);
      const tables = await admin(async (c) => {
        const other = new pg.Client({ connectionString: url.toString() });
        await other.connect();
        const r = await other.query("select table_name from information_schema.tables where table_schema = 'public'");
        await other.end();
        return r.rows.map((row: { table_name: string }) => row.table_name);
      });
      expect(tables).toEqual(expect.arrayContaining(["Nomination", "ReviewEvent", "OutboxMessage", "ReminderLog"]));
    } finally {
      await admin((c) => c.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`));
    }
  });
});
