// The bench's smallest configuration end to end (3 residents, a tiny database fill, 50 groups,
// a few outbox rows, a small report export), so `npm run bench` cannot silently rot. Figures are not asserted: only
// that the JSON result holds every row, each with a number. Start-up is left out: it runs
// npm start's command, whose build rewrites dist/app under the start-up tests running beside.
import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { z } from "zod";

const run = promisify(execFile);
const out = mkdtempSync(path.join(os.tmpdir(), "gs-bench-out-"));
afterAll(() => rmSync(out, { recursive: true, force: true }));

const resultFile = z.object({
  date: z.iso.datetime(),
  machine: z.object({ cpus: z.number().int().positive() }),
  rows: z.array(
    z.object({
      id: z.string(),
      figure: z.string().min(1),
      target: z.string().min(1),
      value: z.number().refine(Number.isFinite, "a finite number"),
      unit: z.string(),
      verdict: z.enum(["met", "missed", "info"]),
      measured: z.string().min(1),
    }),
  ),
});

const expectedRows = [
  ...["cpu", "p50", "p99", "sql", "api"].map((figure) => `conversation.${figure}.n3`),
  "memory.peak-rss",
  "digest.rate",
  "digest.duplicates",
  "digest.429",
  "outbox.enqueue",
  "outbox.enqueue-transaction",
  "outbox.enqueue-repeat",
  "outbox.throughput",
  ...["xlsx", "csv"].flatMap((format) => [`report.${format}.time`, `report.${format}.memory`]),
];

describe("npm run bench, smallest configuration", () => {
  it("prints the table and writes a result with every row", async () => {
    const args = ["scripts/bench/main.ts", "--residents", "3", "--rounds", "1", "--people", "20", "--nominations", "40", "--groups", "50", "--report-nominations", "60", "--startups", "0"];
    const { stdout } = await run("npx", ["tsx", ...args, "--outbox-rows", "50", "--outbox-messages", "50", "--outbox-chats", "10", "--out", out], { maxBuffer: 1 << 22 });
    expect(stdout).toMatch(/figure\s+target\s+measured/);

    const files = readdirSync(out);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^\d{4}-\d{2}-\d{2}\.json$/);
    const result = resultFile.parse(JSON.parse(readFileSync(path.join(out, files[0]!), "utf8")));
    expect(result.rows.map((r) => r.id).sort()).toEqual([...expectedRows].sort());
    for (const row of result.rows) expect(stdout).toContain(row.figure);
  }, 600_000);

  it("refuses a bad flag with a message that names it", async () => {
    const failure = await run("npx", ["tsx", "scripts/bench/main.ts", "--residents", "0,x"]).then(
      () => undefined,
      (err: { code?: number; stderr?: string }) => err,
    );
    expect(failure?.code).toBe(2);
    expect(failure?.stderr).toContain("--residents");
  }, 60_000);
});
