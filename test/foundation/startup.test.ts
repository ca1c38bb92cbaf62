// `npm start` as a newcomer runs it: a real child process, real files, no token.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { repoRoot } from "../../core/db/paths";

const run = promisify(execFile);
const dir = mkdtempSync(path.join(os.tmpdir(), "gs-start-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs app/main.ts with only the given variables (plus PATH); resolves with its exit. */
async function start(env: Record<string, string>) {
  const tsx = path.join(repoRoot, "node_modules", ".bin", "tsx");
  try {
    const { stdout, stderr } = await run(tsx, [path.join(repoRoot, "app", "main.ts")], {
      cwd: dir,
      env: { PATH: process.env.PATH ?? "", LOG_LEVEL: "silent", ...env },
      timeout: 60_000,
    });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

describe("npm start", () => {
  it("without a token: prepares the database, explains what to configure, exits non-zero", async () => {
    const r = await start({});
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("chưa có mã bot Telegram");
    expect(r.stderr).toContain("there is no Telegram bot token yet");
    expect(r.stderr).toContain("TELEGRAM_BOT_TOKEN");
    expect(r.stderr).toMatch(/14 lĩnh vực, 4 tiêu chuẩn, 11 phong trào/);
    expect(r.stderr).toContain(path.join(dir, "data", "guong-sang.db"));
    expect(r.stderr).not.toMatch(/\bat .*\.ts:\d+/);
  });

  it("with a database it cannot open: explains the problem, no stack trace", async () => {
    const r = await start({ DATABASE_URL: "postgresql://nobody@127.0.0.1:1/none" });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("Không mở được cơ sở dữ liệu postgresql://127.0.0.1:1/none");
    expect(r.stderr).toContain("Could not open the database");
    expect(r.stderr).toContain("ECONNREFUSED");
    expect(r.stderr).not.toContain("nobody");
    expect(r.stderr).not.toMatch(/\bat .*\.ts:\d+/);
  });

  it("with a malformed DATABASE_URL or other bad settings: lists every problem", async () => {
    const r = await start({ DATABASE_URL: "mysql://x", TZ: "Nowhere/City" });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("Cấu hình chưa hợp lệ / Invalid configuration");
    expect(r.stderr).toContain("- DATABASE_URL");
    expect(r.stderr).toContain("- TZ");
  });
});
