// npm run report -- --period 2026-Q4 [--unit CODE] [--format xlsx|csv|docx|png|all] [--out DIR|FILE]
// Writes the officers' report files from the command line, for scheduled exports: the workbook,
// the CSV list of nominations, the chart, or (docx) a dossier per exemplar approved in the period.
import { parseArgs } from "node:util";
import { ConfigError, loadDotEnv, parseConfig } from "../app/config";
import { openDatabase } from "../core/db/client";
import { exportArgsSchema, ExportError, writeExport } from "../core/reports/export";

loadDotEnv();
try {
  const { values } = parseArgs({ options: { period: { type: "string" }, unit: { type: "string" }, format: { type: "string" }, out: { type: "string" } } });
  const args = exportArgsSchema.safeParse(values);
  if (!args.success) throw new ExportError(`Tham số không hợp lệ / Bad arguments: ${args.error.issues.map((i) => `--${i.path.join(".")}: ${i.message}`).join("; ")}`);
  const config = parseConfig(process.env);
  const db = await openDatabase(config.DATABASE_URL);
  try {
    const files = await writeExport(db, args.data, config.TZ);
    for (const file of files) process.stdout.write(`${file}\n`);
    if (files.length === 0) process.stdout.write("Không có tệp nào: kỳ này chưa có gương được duyệt / No files: no exemplar approved in this period\n");
  } finally {
    await db.$disconnect();
  }
  process.exit(0);
} catch (err) {
  console.error(err instanceof ConfigError || err instanceof ExportError ? err.message : `Report failed: ${(err as Error).message}`);
  process.exit(1);
}
