// The one place that opens the database. Code everywhere else takes a `Db`.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/sqlite/client";
import type { DatabaseTarget } from "./database-url";

/** Raised when code tries to rewrite the append-only review log. */
export class AppendOnlyError extends Error {
  constructor(model: string, operation: string) {
    super(`${model} is append-only: ${operation} is not allowed`);
    this.name = "AppendOnlyError";
  }
}

function refuse(model: string) {
  const deny = (operation: string) => () => {
    throw new AppendOnlyError(model, operation);
  };
  return {
    update: deny("update"),
    updateMany: deny("updateMany"),
    upsert: deny("upsert"),
    delete: deny("delete"),
    deleteMany: deny("deleteMany"),
  };
}

/** The adapter factory for a database target (also used by the migrator). */
export function adapterFor(target: DatabaseTarget): PrismaBetterSqlite3 | PrismaPg {
  if (target.provider === "postgres") return new PrismaPg({ connectionString: target.url });
  if (target.file !== ":memory:") ensureParentDir(target.file);
  return new PrismaBetterSqlite3({ url: target.file });
}

/** Creates the folder of a SQLite file, so `file:./data/x.db` works on a fresh clone. */
export function ensureParentDir(file: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
}

/**
 * Opens a Prisma client on SQLite or PostgreSQL. Both generated clients have the same models,
 * so the SQLite client's types describe either.
 */
export async function openDatabase(target: DatabaseTarget) {
  let client: PrismaClient;
  if (target.provider === "postgres") {
    const pg = await import("./generated/postgres/client");
    client = new pg.PrismaClient({ adapter: adapterFor(target) }) as unknown as PrismaClient;
  } else {
    client = new PrismaClient({ adapter: adapterFor(target) });
    // Write-ahead logging lets readers work while the outbox writes, and roughly doubles the
    // outbox's throughput (npm run bench); it persists in the file once set.
    if (target.file !== ":memory:") await client.$queryRawUnsafe("PRAGMA journal_mode = WAL");
  }
  return client.$extends({ query: { reviewEvent: refuse("ReviewEvent") } });
}

/** The database client every module receives. */
export type Db = Awaited<ReturnType<typeof openDatabase>>;

/** A client or an interactive transaction: what repository functions accept. */
export type DbTx = Omit<Db, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;
