// npm run bench: measures the bot against its performance targets and prints one table,
// target beside measured; the figures also go to bench/results/<yyyy-mm-dd>.json.
//   npm run bench [-- --residents 50,200 --groups 5000 --npm-ci]   (--help lists every flag)
import path from "node:path";
import { parseBenchFlags, type BenchOptions } from "./flags";
import { formatTable, writeResult } from "./report";
import { runBench } from "./run";
import { repoRoot } from "./startup";

let options: BenchOptions;
try {
  options = parseBenchFlags(process.argv.slice(2));
} catch (err) {
  console.error((err as Error).message);
  process.exit(2);
}
const result = await runBench(options, (line) => process.stderr.write(`… ${line}\n`));
const file = writeResult(path.resolve(repoRoot, options.out), result);
process.stdout.write(`\n${formatTable(result.rows)}\n\n${result.machine.cpus} CPUs (${result.machine.cpuModel}), load average ${result.machine.loadAverage.join(" ")}; written to ${path.relative(process.cwd(), file)}\n`);
