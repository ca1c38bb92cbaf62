// Start-up to the first poll: the time from spawning the app as `npm start` runs it (the
// package's start script, without npm's own start-up) on an already-migrated database, with a
// token pointing at the emulator, to the emulator seeing the bot's first getUpdates. The
// emulator logs a call when it answers it, and a long poll with nothing to fetch is answered
// only at its timeout, so a resident's message waits in the queue: the first poll returns at once.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Emulator } from "../../emulator/index";
import type { CallRecord } from "../../emulator/state";

/** The repository's root (where package.json is). */
export const repoRoot = fileURLToPath(new URL("../..", import.meta.url));

/**
 * The package's start script, and its last command alone when it has several (a build, then
 * the app): the second shows the app's own start-up once the build is done.
 */
export function startCommands(): { full: string; app: string | null } {
  const scripts = (JSON.parse(readFileSync(path.join(repoRoot, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts;
  const full = scripts.start;
  if (!full) throw new Error("package.json has no start script");
  const parts = full.split("&&").map((p) => p.trim());
  return { full, app: parts.length > 1 ? parts.at(-1)! : null };
}

/** Runs `start` `runs` times; returns each time to the first poll, in ms. */
export async function measureStartup(emulator: Emulator, start: string, databaseFile: string, mediaDir: string, runs: number): Promise<number[]> {
  const times: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const { token, driver } = emulator.createBot({ username: `bench_start_${run}_${Date.now()}_bot` });
    driver.sendText(driver.createUser({ firstName: "Cư dân", languageCode: "vi" }).id, "xin chào");
    times.push(await startOnce(emulator, token, start, databaseFile, mediaDir));
  }
  return times;
}

async function startOnce(emulator: Emulator, token: string, command: string, databaseFile: string, mediaDir: string): Promise<number> {
  const polled = new Promise<number>((resolve) => {
    const onCall = (call: CallRecord) => {
      if (call.token !== token || call.method !== "getUpdates") return;
      emulator.state.events.off("call", onCall);
      resolve(performance.now());
    };
    emulator.state.events.on("call", onCall);
  });
  const started = performance.now();
  const child = spawn(command, {
    shell: true,
    cwd: repoRoot,
    detached: true,
    stdio: ["ignore", "ignore", "pipe"],
    env: {
      ...process.env,
      PATH: `${path.join(repoRoot, "node_modules", ".bin")}${path.delimiter}${process.env.PATH ?? ""}`,
      TELEGRAM_BOT_TOKEN: token,
      TELEGRAM_API_ROOT: emulator.apiRoot,
      DATABASE_URL: `file:${databaseFile}`,
      MEDIA_DIR: mediaDir,
      LOG_LEVEL: "warn",
      ZALO_ENABLED: "0",
      CALENDAR_CRON: "0 0 1 1 *",
    },
  });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<never>((_, reject) => child.once("exit", (code) => reject(new Error(`the app exited (code ${code}) before its first poll: ${stderr.slice(0, 2000)}`))));
  // Killing the app after its first poll ends it too: that exit is expected, not a failure.
  exited.catch(() => undefined);
  try {
    const at = await Promise.race([polled, exited, timeout(60_000)]);
    return at - started;
  } finally {
    const gone = new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : child.once("exit", () => resolve())));
    // The start script may run through a shell: end its whole process group, and kill it if
    // its shutdown takes long.
    const group = child.pid;
    if (child.exitCode === null && group !== undefined) {
      process.kill(-group, "SIGTERM");
      const killer = setTimeout(() => {
        try {
          process.kill(-group, "SIGKILL");
        } catch {
          // Gone meanwhile.
        }
      }, 15_000);
      await gone;
      clearTimeout(killer);
    }
  }
}

function timeout(ms: number): Promise<never> {
  return new Promise((_, reject) => setTimeout(() => reject(new Error(`no first poll within ${ms} ms`)), ms).unref());
}
