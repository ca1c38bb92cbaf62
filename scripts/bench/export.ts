// The report export on a filled database: the workbook and the CSV of a whole province's year,
// each in its own compiled process (bundled like the app, run on plain node), timed and with
// its peak memory, as the `npm run report` command line would use them.
import { fork } from "node:child_process";
import { statSync } from "node:fs";
import path from "node:path";
import { bundle } from "../build.mjs";
import type { BenchDatabase } from "./database";

/** What one export measured. */
export interface ExportRun {
  format: "xlsx" | "csv";
  ms: number;
  maxRssBytes: number;
  bytes: number;
}

let compiled: Promise<string> | undefined;

/** Runs one export of `format` for every unit over `period` in a fresh process. */
export async function runExport(database: BenchDatabase, format: "xlsx" | "csv", period: string, now: Date): Promise<ExportRun> {
  compiled ??= bundle("scripts/bench/export-process.ts", "bench-export", "export-process");
  const out = path.join(database.dir, `export.${format}`);
  const spec = { databaseFile: database.file, timeZone: "Asia/Ho_Chi_Minh", now: now.toISOString(), args: { period, format, out } };
  const child = fork(await compiled, [], { execArgv: [], env: { ...process.env, BENCH_EXPORT: JSON.stringify(spec) }, stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const result = await new Promise<{ ms: number; maxRssBytes: number }>((resolve, reject) => {
    child.once("message", (m) => resolve(m as { ms: number; maxRssBytes: number }));
    child.once("exit", (code) => reject(new Error(`the ${format} export exited (code ${code}) without a result`)));
  });
  await new Promise((resolve) => (child.exitCode === null ? child.once("exit", resolve) : resolve(null)));
  return { format, ms: result.ms, maxRssBytes: result.maxRssBytes, bytes: statSync(out).size };
}
