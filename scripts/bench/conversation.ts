// The conversation load: N residents completing nominations at once through the real bot, and
// the same N residents saying as many lines to a plain grammY echo bot, on the same emulator.
// Each bot runs in its own process (child.ts), so its CPU time is its own.
import path from "node:path";
import type { Emulator } from "../../emulator/index";
import { ChatWatch } from "./chat-watch";
import { BotProcess } from "./child";
import { playEcho, playNomination } from "./resident";

/** What one load run measured. */
export interface LoadRun {
  bot: "bot" | "echo";
  residents: number;
  updates: number;
  /** The bot process's CPU time during the load, in ms. */
  cpuMs: number;
  latenciesMs: number[];
  /** Bot API calls during the load, getUpdates excluded. */
  apiCalls: number;
  /** SQL statements during the load (null for the echo bot). */
  sqlStatements: number | null;
  /** The bot process's peak resident set over its life, in bytes. */
  maxRssBytes: number;
  wallMs: number;
}

/** Where the real bot's database and media live. */
export interface BotFiles {
  databaseFile: string;
  dir: string;
}

// Generous: on a loaded machine 200 residents queue behind one another for tens of seconds.
const timeoutMs = 180_000;
/** Lines each resident says to the echo bot: about the updates of one nomination. */
export const echoLines = 16;

let runSeq = 0;

/** Runs one load against a fresh bot process of `kind`; the emulator gets a fresh bot token. */
export async function runLoad(emulator: Emulator, kind: "bot" | "echo", residents: number, files: BotFiles): Promise<LoadRun> {
  runSeq += 1;
  const { token, driver } = emulator.createBot({ username: `bench_${kind}_${runSeq}_bot` });
  const child = await BotProcess.start({
    kind,
    token,
    apiRoot: emulator.apiRoot,
    ...(kind === "bot" ? { databaseFile: files.databaseFile, mediaDir: path.join(files.dir, "media") } : {}),
  });
  const watch = new ChatWatch(emulator, token);
  try {
    const users = Array.from({ length: residents }, (_, i) => driver.createUser({ firstName: `Cư dân ${runSeq}-${i}`, languageCode: "vi" }));
    driver.clearCalls();
    const before = await child.sample();
    const started = performance.now();
    const bench = { ...emulator, driver };
    const runs = await Promise.all(
      users.map((u, i) =>
        kind === "bot" ? playNomination(bench, watch, u.id, `Nguyễn Thị Gương ${runSeq}-${i}`, timeoutMs) : playEcho(watch, bench, u.id, echoLines, timeoutMs),
      ),
    );
    const wallMs = performance.now() - started;
    const after = await child.sample();
    const apiCalls = driver.calls().filter((c) => c.method !== "getUpdates").length;
    return {
      bot: kind,
      residents,
      updates: runs.reduce((sum, r) => sum + r.updates, 0),
      cpuMs: (after.cpuMicros - before.cpuMicros) / 1000,
      latenciesMs: runs.flatMap((r) => r.latenciesMs),
      apiCalls,
      sqlStatements: after.sqlStatements === null || before.sqlStatements === null ? null : after.sqlStatements - before.sqlStatements,
      maxRssBytes: after.maxRssBytes,
      wallMs,
    };
  } catch (err) {
    child.kill();
    throw err;
  } finally {
    watch.close();
    await child.stop().catch(() => undefined);
  }
}
