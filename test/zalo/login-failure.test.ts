// A failed Zalo login at start costs only the Zalo channel: the bot goes on answering on
// Telegram, and the admins are told there what to do.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { repoRoot } from "../../core/db/paths";
import { tsxLoader } from "../support/tsx-loader";
import { startEmulator } from "../../emulator/index";

const dir = mkdtempSync(path.join(os.tmpdir(), "gs-zalo-login-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it("without a Zalo session: Telegram answers and the admins are told to run npm run zalo:login", async () => {
  const emulator = await startEmulator();
  const admin = emulator.driver.createUser({ firstName: "Quản trị" });
  const resident = emulator.driver.createUser({ firstName: "Lan" });
  // tsx as a loader in one node process: the signal reaches the bot itself, with no relaying
  // parent that may give up on a loaded machine and exit 143 on its own.
  const child = spawn(process.execPath, ["--import", tsxLoader, path.join(repoRoot, "app", "main.ts")], {
    cwd: dir,
    env: {
      PATH: process.env.PATH ?? "",
      LOG_LEVEL: "silent",
      DATABASE_URL: `file:${path.join(dir, "bot.db")}`,
      MEDIA_DIR: path.join(dir, "media"),
      TELEGRAM_BOT_TOKEN: emulator.token,
      TELEGRAM_API_ROOT: emulator.apiRoot,
      ADMIN_TELEGRAM_IDS: String(admin.id),
      ZALO_ENABLED: "1",
      ZALO_CREDENTIALS_PATH: path.join(dir, "no-such-session.json"),
    },
  });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  try {
    const alert = await emulator.driver.waitForBotMessage(admin.id, { timeout: 30_000 });
    expect(alert.text).toContain("Kênh Zalo chưa chạy");
    expect(alert.text).toContain("npm run zalo:login");

    emulator.driver.sendCommand(resident.id, "start");
    const greeting = await emulator.driver.waitForBotMessage(resident.id, { timeout: 15_000 });
    expect(greeting.text).toContain("Xin chào Lan");
    expect(stderr).toContain("Kênh Zalo tạm tắt");
    expect(stderr).toContain("The Zalo channel is off");
  } finally {
    child.kill("SIGTERM");
  }
  expect(await exited).toBe(0);
  await emulator.close();
}, 60_000);
