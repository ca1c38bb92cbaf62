import path from "node:path";

/** Which database a DATABASE_URL points at. */
export type DatabaseTarget =
  | { provider: "sqlite"; file: string }
  | { provider: "postgres"; url: string };

/**
 * Reads a DATABASE_URL: `file:./data/guong-sang.db` (SQLite, relative to the working
 * directory, or `file::memory:`) or `postgresql://...`. Throws a plain message otherwise.
 */
export function parseDatabaseUrl(url: string, cwd = process.cwd()): DatabaseTarget {
  if (/^postgres(ql)?:\/\//.test(url)) return { provider: "postgres", url };
  if (url.startsWith("file:")) {
    const file = url.slice("file:".length);
    if (!file) throw new Error("DATABASE_URL names no file after 'file:'");
    return { provider: "sqlite", file: file === ":memory:" ? file : path.resolve(cwd, file) };
  }
  throw new Error("DATABASE_URL must start with file: (SQLite) or postgresql:// (PostgreSQL)");
}
