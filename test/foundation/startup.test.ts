// `npm start` as a newcomer runs it: a real child process, real files, no token.
import { execFile, spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer, type AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { repoRoot } from "../../core/db/paths";
import { tsxLoader } from "../support/tsx-loader";
import { openDatabase } from "../../core/db/client";
import { enqueue } from "../../core/outbox/enqueue";
import { startEmulator } from "../../emulator/index";
import { createTempDatabase } from "../support/temp-database";
import { OutboxWorker } from "../../core/outbox/worker";
import { TelegramOutboxSender } from "../../bot/telegram/outbox-sender";
import { pino } from "pino";

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

/** A well-formed token for a Bot API nobody answers: the configured (non-playground) start. */
const unreachableTelegram = { TELEGRAM_BOT_TOKEN: "123456789:AAunreachableTokenForTests", TELEGRAM_API_ROOT: "http://127.0.0.1:1" };

describe("npm start", () => {
  it("without a token: builds, runs the local playground from the compiled bundle, whose page chats with the bot, and stops cleanly", async () => {
    // What `npm start` runs: the build, then plain node on the bundle.
    await run(process.execPath, [path.join(repoRoot, "scripts", "build.mjs")], { cwd: repoRoot, timeout: 60_000 });
    const child = spawn(process.execPath, ["--enable-source-maps", path.join(repoRoot, "dist", "app", "main.mjs")], {
      cwd: dir,
      env: { PATH: process.env.PATH ?? "", LOG_LEVEL: "silent", PLAYGROUND_PORT: "0" },
    });
    let stdout = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    try {
      for (let i = 0; i < 600 && !stdout.includes("Ctrl+C stops"); i++) await new Promise((r) => setTimeout(r, 50));
      expect(stdout).toContain("chưa có mã bot Telegram");
      expect(stdout).toContain("no Telegram token yet");
      const page = /👉 Mở (\S+)/.exec(stdout)![1]!;
      expect(page).not.toContain("&amp;");
      const url = new URL(page);
      expect((await fetch(page)).status).toBe(200);
      const cast = (await fetch(`${url.origin}/_playground/cast`).then((r) => r.json())) as { result: { people: { resident: { userId: number } } } };
      const user = cast.result.people.resident.userId;
      const control = (route: string, body?: unknown) =>
        fetch(`${url.origin}/_emulator/${route}`, body ? { method: "POST", body: JSON.stringify(body) } : {}).then((r) => r.json());
      await control("send", { userId: user, command: "start" });
      const waited = (await control("wait", { chatId: user, timeout: 10_000 })) as { result: { text?: string }[] | { text?: string } };
      const reply = Array.isArray(waited.result) ? waited.result[0] : waited.result;
      expect(reply?.text).toContain("Xin chào Nguyễn Thị Lan");
      // The sample organisation lives in the playground's own folder, never in the real database.
      expect(existsSync(path.join(dir, "data", "playground", "playground.db"))).toBe(true);
      expect(existsSync(path.join(dir, "data", "guong-sang.db"))).toBe(false);
    } finally {
      child.kill("SIGTERM");
    }
    expect(await exited).toBe(0);
  });

  it("SIGTERM (twice) while an outbox send hangs: exits cleanly within seconds and the message goes at the next start", async () => {
    const emulator = await startEmulator();
    const temp = await createTempDatabase();
    const after: (() => Promise<void>)[] = [];
    try {
      const user = emulator.driver.createUser({ firstName: "Người nhận" });
      emulator.driver.injectFault({ kind: "hang", method: "sendMessage", chatId: user.id, times: 1 });
      await enqueue(temp.db, {
        idempotencyKey: "sigterm:1",
        chat: { channel: "TELEGRAM", externalId: String(user.id), kind: "PRIVATE" },
        kind: "notice",
        payload: { type: "text", html: "Hồ sơ của bạn đã được duyệt." },
      });
      const file = temp.target.provider === "sqlite" ? temp.target.file : "";
      await temp.db.$disconnect();
      // tsx as a loader in one node process: both signals reach the bot itself, with no
      // relaying parent that may give up on a loaded machine and exit 143 on its own.
      const child = spawn(process.execPath, ["--import", tsxLoader, path.join(repoRoot, "app", "main.ts")], {
        cwd: dir,
        env: {
          PATH: process.env.PATH ?? "",
          LOG_LEVEL: "silent",
          TELEGRAM_BOT_TOKEN: emulator.token,
          TELEGRAM_API_ROOT: emulator.apiRoot,
          DATABASE_URL: `file:${file}`,
        },
      });
      let output = "";
      child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
      const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
      // The send has reached the emulator and is held open there.
      for (let i = 0; !emulator.state.faults.list().some((f) => f.kind === "hang" && f.remaining === 0); i++) {
        if (i > 600) {
          child.kill("SIGKILL");
          throw new Error(`the bot never sent: ${output}`);
        }
        await new Promise((r) => setTimeout(r, 50));
      }
      const began = Date.now();
      child.kill("SIGTERM");
      // A second signal while the shutdown waits for the hung send must not kill the process.
      setTimeout(() => child.kill("SIGTERM"), 300);
      expect(await exited).toBe(0);
      expect(Date.now() - began).toBeLessThan(8_000);

      // Handed back, not lost and not counted as a failure; the cut request was never delivered.
      const db = await openDatabase(temp.target);
      after.push(() => db.$disconnect());
      const row = await db.outboxMessage.findUniqueOrThrow({ where: { idempotencyKey: "sigterm:1" } });
      expect(row).toMatchObject({ status: "PENDING", attempts: 0, lockedUntil: null });
      await emulator.driver.waitUntil(() => emulator.driver.calls({ method: "sendMessage" }).length === 1 || undefined);
      expect(emulator.driver.calls({ method: "sendMessage" }).map((c) => c.ok)).toEqual([false]);

      emulator.driver.clearFaults();
      const worker = new OutboxWorker({ db, log: pino({ level: "silent" }), senders: [new TelegramOutboxSender({ token: emulator.token, apiRoot: emulator.apiRoot })] });
      await worker.drain();
      expect(emulator.driver.botMessages(user.id).map((m) => m.text)).toEqual(["Hồ sơ của bạn đã được duyệt."]);
    } finally {
      for (const close of after) await close();
      await emulator.close();
      await temp.cleanup();
    }
  }, 60_000);

  it("with the playground's port already taken: says so and how to pick another, not that a token is missing", async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, "127.0.0.1", resolve));
    const port = (taken.address() as AddressInfo).port;
    try {
      const r = await start({ PLAYGROUND_PORT: String(port) });
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`cổng ${port} trên máy này đang được một chương trình khác sử dụng`);
      expect(r.stderr).toContain(`port ${port} on this machine is in use`);
      expect(r.stderr).toContain(`PLAYGROUND_PORT=${port + 1} npm start`);
      expect(r.stderr).not.toContain("@BotFather");
    } finally {
      await new Promise((resolve) => taken.close(resolve));
    }
  });

  it("with an unreadable deadline calendar: says which file and why", async () => {
    const r = await start({ DEADLINES_FILE: "./missing.json" });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("missing.json");
    expect(r.stderr).toContain("ENOENT");
  });

  it("with a database it cannot open: explains the problem, no stack trace", async () => {
    // A token: without one the playground starts on its own database and never opens this one.
    const r = await start({ DATABASE_URL: "postgresql://nobody@127.0.0.1:1/none", ...unreachableTelegram });
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
