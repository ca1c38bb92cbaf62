// Starting while another process holds the SQLite file for writing (a second `npm start` on
// the same data folder, a tool or a test that kept its transaction open): a lock released
// within SQLite's busy wait is waited out; one that is not stops the start with a clear,
// bilingual explanation instead of the wasm schema engine's "unknown variant SocketTimeout".
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { DatabaseBusyError, migrateDatabase } from "../../core/db/migrate";
import { repoRoot } from "../../core/db/paths";

const run = promisify(execFile);
const dir = mkdtempSync(path.join(os.tmpdir(), "gs-locked-"));
const holders: ChildProcess[] = [];
afterEach(() => {
  for (const holder of holders.splice(0)) holder.kill();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A child process that opens `file`, starts a write transaction and holds it for `ms`. */
async function holdWriteLock(file: string, ms: number): Promise<ChildProcess> {
  const script = `
    const Database = require("better-sqlite3");
    const db = new Database(process.argv[1]);
    db.exec("BEGIN IMMEDIATE");
    db.exec("CREATE TABLE IF NOT EXISTS held (x)");
    process.stdout.write("held\\n");
    setTimeout(() => { db.exec("ROLLBACK"); db.close(); }, ${ms});
  `;
  const holder = spawn(process.execPath, ["-e", script, file], { cwd: repoRoot, stdio: ["ignore", "pipe", "inherit"] });
  holders.push(holder);
  await new Promise<void>((resolve, reject) => {
    holder.stdout!.once("data", () => resolve());
    holder.once("exit", (code) => reject(new Error(`the lock holder exited with ${code}`)));
  });
  return holder;
}

describe("migrations on a SQLite file another process is writing to", () => {
  it("wait for a lock released within a couple of seconds, then apply", async () => {
    const file = path.join(dir, "brief.db");
    await holdWriteLock(file, 1500);
    const applied = await migrateDatabase({ provider: "sqlite", file });
    expect(applied.length).toBeGreaterThan(0);
  }, 30_000);

  it("fail with DatabaseBusyError, naming the file, when the lock is kept", async () => {
    const file = path.join(dir, "kept.db");
    await holdWriteLock(file, 60_000);
    const failure = await migrateDatabase({ provider: "sqlite", file }).catch((err: unknown) => err);
    expect(failure).toBeInstanceOf(DatabaseBusyError);
    expect((failure as DatabaseBusyError).file).toBe(file);
  }, 30_000);
});

describe("npm start on a SQLite file another process keeps locked", () => {
  it("explains in Vietnamese and English what holds the file and what to do, no engine jargon", async () => {
    const file = path.join(dir, "start.db");
    await holdWriteLock(file, 60_000);
    const tsx = path.join(repoRoot, "node_modules", ".bin", "tsx");
    const result = await run(tsx, [path.join(repoRoot, "app", "main.ts")], {
      cwd: dir,
      // With a token: the playground would use a database of its own and never meet this lock.
      env: { PATH: process.env.PATH ?? "", LOG_LEVEL: "silent", DATABASE_URL: `file:${file}`, TELEGRAM_BOT_TOKEN: "123456789:AAunreachableTokenForTests", TELEGRAM_API_ROOT: "http://127.0.0.1:1" },
      timeout: 60_000,
    }).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`Chưa cập nhật được cấu trúc cơ sở dữ liệu ${file}: tệp đang bị một chương trình khác giữ để ghi`);
    expect(result.stderr).toContain(`Could not update the structure of the database ${file}: another program holds the file for writing`);
    expect(result.stderr).toContain("npm start");
    expect(result.stderr).not.toContain("SocketTimeout");
    expect(result.stderr).not.toMatch(/\bat .*\.ts:\d+/);
  }, 60_000);
});
