// npm run faults: injects the faults of scenarios.ts one after another against the emulator and
// real databases, and prints one table (injected / expected / happened). Exits 1 when any
// fault did not end as promised. A few minutes on a quiet machine (the silent Bot API alone
// takes 30 s). Needs the PostgreSQL server of the tests for the two-instance fault.
import { faults, notYet, type FaultResult } from "./scenarios";

/** A Markdown table, so the output can go into the README as it is. */
function table(rows: FaultResult[]): string {
  const lines = ["| Injected | Expected | Happened | |", "|---|---|---|---|"];
  for (const row of rows) lines.push(`| ${row.injected} | ${row.expected} | ${row.happened} | ${row.ok ? "✅" : "❌"} |`);
  for (const row of notYet) lines.push(`| ${row.injected} | ${row.expected} | not injected yet | — |`);
  return lines.join("\n");
}

const results: FaultResult[] = [];
for (const fault of faults) {
  const started = Date.now();
  process.stderr.write(`… ${fault.injected}\n`);
  try {
    const { happened, ok } = await fault.run();
    results.push({ injected: fault.injected, expected: fault.expected, happened: `${happened} (${Math.round((Date.now() - started) / 1000)} s)`, ok });
  } catch (error) {
    results.push({ injected: fault.injected, expected: fault.expected, happened: `error: ${(error as Error).message}`, ok: false });
  }
}
process.stdout.write(`${table(results)}\n`);
process.exit(results.every((r) => r.ok) ? 0 : 1);
