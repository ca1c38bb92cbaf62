// One report export in a process of its own, as `npm run report` runs it, so its peak memory is
// the export's alone: the parent forks it with the database and the export's arguments in
// BENCH_EXPORT, and it answers with the time taken and its peak resident set.
import { z } from "zod";
import { openDatabase } from "../../core/db/client";
import { exportArgsSchema, writeExport } from "../../core/reports/export";

const spec = z
  .object({ databaseFile: z.string().min(1), timeZone: z.string().min(1), now: z.string().datetime(), args: exportArgsSchema })
  .parse(JSON.parse(process.env.BENCH_EXPORT ?? "{}"));

const db = await openDatabase({ provider: "sqlite", file: spec.databaseFile });
const started = performance.now();
const files = await writeExport(db, spec.args, spec.timeZone, new Date(spec.now));
const ms = performance.now() - started;
await db.$disconnect();
// resourceUsage reports the peak resident set in kilobytes.
process.send?.({ ms, maxRssBytes: process.resourceUsage().maxRSS * 1024, files });
process.disconnect?.();
