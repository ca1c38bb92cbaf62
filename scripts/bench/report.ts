// The bench's output: one row per figure (target beside measured), printed as one table and
// written as JSON to bench/results/<yyyy-mm-dd>.json.
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

/** How a measured value compares with its target. */
export type Verdict = "met" | "missed" | "info";

/** One figure of the bench. */
export interface Row {
  /** Stable key, e.g. "conversation.cpu.n50". */
  id: string;
  /** What is measured, as a reader says it. */
  figure: string;
  /** The target as text ("≤ 2× echo"), or "—" when the figure is informational. */
  target: string;
  /** The figure the target is about, as a number (ratio, ms, MB, msg/s…). */
  value: number;
  /** Unit of `value`. */
  unit: string;
  verdict: Verdict;
  /** The measurement as the table shows it, with the figures behind a ratio. */
  measured: string;
  /** Raw figures behind the row, for later comparison. */
  detail?: Record<string, number | string>;
}

/** Builds a row whose target is an upper bound (value must be ≤ or < `limit`). */
export function atMost(base: Omit<Row, "verdict" | "target">, limit: number, target: string, strict = false): Row {
  const met = strict ? base.value < limit : base.value <= limit;
  return { ...base, target, verdict: Number.isFinite(base.value) ? (met ? "met" : "missed") : "missed" };
}

/** Builds a row whose target is a lower bound (value must be ≥ `limit`). */
export function atLeast(base: Omit<Row, "verdict" | "target">, limit: number, target: string): Row {
  return { ...base, target, verdict: Number.isFinite(base.value) && base.value >= limit ? "met" : "missed" };
}

/** Builds an informational row (no target). */
export function info(base: Omit<Row, "verdict" | "target">): Row {
  return { ...base, target: "—", verdict: "info" };
}

/** What the JSON file holds. */
export interface BenchResult {
  date: string;
  machine: { cpus: number; cpuModel: string; totalMemoryMb: number; node: string; platform: string; loadAverage: number[] };
  options: Record<string, unknown>;
  rows: Row[];
}

/** The machine's description, in neutral words. */
export function describeMachine(): BenchResult["machine"] {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model ?? "unknown",
    totalMemoryMb: Math.round(os.totalmem() / 1024 / 1024),
    node: process.version,
    platform: `${os.platform()} ${os.arch()}`,
    loadAverage: os.loadavg().map((l) => Math.round(l * 100) / 100),
  };
}

const mark: Record<Verdict, string> = { met: "✓", missed: "✗", info: " " };

/** The table as plain text, one line per row, columns aligned. */
export function formatTable(rows: readonly Row[]): string {
  const header = ["", "figure", "target", "measured"];
  const lines = rows.map((r) => [mark[r.verdict], r.figure, r.target, r.measured]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => [...l[i]!].length)));
  const cell = (text: string, i: number) => text + " ".repeat(widths[i]! - [...text].length);
  const render = (cells: string[]) => cells.map(cell).join("  ").trimEnd();
  return [render(header), widths.map((w) => "-".repeat(w)).join("  "), ...lines.map(render)].join("\n");
}

/** Writes the result as `<dir>/<yyyy-mm-dd>.json` (UTC date); returns the path. */
export function writeResult(dir: string, result: BenchResult): string {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${result.date.slice(0, 10)}.json`);
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  return file;
}
