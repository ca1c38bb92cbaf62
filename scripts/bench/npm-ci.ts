// `npm ci` from the lockfile in a temp copy of the package (package.json, lockfile, and what
// the postinstall needs), timed; whether a native module was compiled is read from the output.
import { spawn } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { repoRoot } from "./startup";

/** What the install measured. */
export interface NpmCiRun {
  seconds: number;
  /** True when the output shows a compiler at work (node-gyp). */
  compiled: boolean;
  exitCode: number | null;
}

/** Runs `npm ci --foreground-scripts` in a temp copy and times it. */
export async function runNpmCi(): Promise<NpmCiRun> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "gs-bench-npm-ci-"));
  try {
    for (const entry of ["package.json", "package-lock.json", ".npmrc", "scripts", "prisma"]) {
      const from = path.join(repoRoot, entry);
      if (existsSync(from)) cpSync(from, path.join(dir, entry), { recursive: true });
    }
    let output = "";
    const started = performance.now();
    const exitCode = await new Promise<number | null>((resolve, reject) => {
      const child = spawn("npm", ["ci", "--foreground-scripts", "--no-audit", "--no-fund"], { cwd: dir, stdio: ["ignore", "pipe", "pipe"] });
      child.stdout.on("data", (c: Buffer) => (output += c.toString()));
      child.stderr.on("data", (c: Buffer) => (output += c.toString()));
      child.once("error", reject);
      child.once("exit", resolve);
    });
    return { seconds: (performance.now() - started) / 1000, compiled: /gyp info|node-gyp rebuild|CXX\(target\)/.test(output), exitCode };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
