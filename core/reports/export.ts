// Report files written to disk, for the command line and scheduled exports: the workbook, the
// CSV list (streamed line by line), the chart, and a dossier per exemplar approved in the period.
import { createWriteStream } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { once } from "node:events";
import { z } from "zod";
import type { DbTx } from "../db/client";
import { statsPng } from "./chart";
import { nominationCsvLines } from "./csv";
import { dossierData, dossierDocx } from "./dossier";
import { reportFigures } from "./figures";
import { parseReportPeriod, type ReportPeriod } from "./period";
import { resolveReportScope, type ReportScope } from "./scope";
import { reportWorkbook } from "./xlsx";

/** The formats the command line writes; "all" is the workbook, the CSV and the chart. */
export const exportFormats = ["xlsx", "csv", "docx", "png", "all"] as const;
export type ExportFormat = (typeof exportFormats)[number];

/** The command line's arguments, checked. */
export const exportArgsSchema = z.object({
  period: z.string().default(""),
  unit: z.string().regex(/^[A-Za-z0-9-]+$/, "unit code: letters, digits and dashes").optional(),
  format: z.enum(exportFormats).default("all"),
  out: z.string().min(1).default("data/reports"),
});
export type ExportArgs = z.infer<typeof exportArgsSchema>;

/** Why an export could not start, in Vietnamese and English. */
export class ExportError extends Error {}

/** Resolves the period and the scope of an export (the command line reads everything). */
export async function exportTarget(db: DbTx, args: ExportArgs, timeZone: string, now = new Date()): Promise<{ period: ReportPeriod; scope: ReportScope }> {
  const period = parseReportPeriod(args.period, now, timeZone);
  if (!period.ok) throw new ExportError(`Kỳ không hợp lệ / Unknown period: "${args.period}" (2026-Q4, 2026-H1, 2026, 11/2026, 01/10/2026-15/11/2026)`);
  const scope = await resolveReportScope(db, null, args.unit);
  if (!scope.ok) throw new ExportError(`Không có đơn vị mã / No unit with code: ${args.unit}`);
  return { period: period.period, scope: scope.scope };
}

/**
 * Writes the files of an export and returns their paths. `out` is a folder, or with a single
 * format a file name ending in that format's extension.
 */
export async function writeExport(db: DbTx, args: ExportArgs, timeZone: string, now = new Date()): Promise<string[]> {
  const { period, scope } = await exportTarget(db, args, timeZone, now);
  const single = args.format !== "all" && path.extname(args.out).toLowerCase() === `.${args.format}`;
  const dir = single ? path.dirname(args.out) : args.out;
  await mkdir(dir, { recursive: true });
  const stem = (name: string, ext: string) => (single ? args.out : path.join(dir, `${name}-${period.id}${scope.unit ? `-${scope.unit.code}` : ""}.${ext}`));
  const written: string[] = [];
  const wants = (f: ExportFormat) => args.format === f || (args.format === "all" && f !== "docx");
  const needsFigures = wants("xlsx") || wants("png") || wants("docx");
  const figures = needsFigures ? await reportFigures(db, scope, period, { timeZone, now }) : null;
  const names = scope.unit ? [scope.unit.name] : [];
  if (wants("xlsx")) {
    const file = stem("bao-cao", "xlsx");
    await writeFile(file, await reportWorkbook(figures!, names));
    written.push(file);
  }
  if (wants("csv")) {
    const file = stem("ho-so", "csv");
    const stream = createWriteStream(file);
    for await (const chunk of nominationCsvLines(db, scope, period, timeZone)) if (!stream.write(chunk)) await once(stream, "drain");
    stream.end();
    await once(stream, "finish");
    written.push(file);
  }
  if (wants("png")) {
    const file = stem("thong-ke", "png");
    await writeFile(file, await statsPng(figures!, names[0] ?? "Toàn bộ các đơn vị"));
    written.push(file);
  }
  if (wants("docx")) {
    // One dossier per exemplar approved in the period.
    for (const e of figures!.exemplars) {
      const data = await dossierData(db, e.id, timeZone, now);
      if (!data) continue;
      const file = single && figures!.exemplars.length === 1 ? args.out : path.join(dir, `bao-cao-thanh-tich-${data.code}.docx`);
      await writeFile(file, await dossierDocx(data));
      written.push(file);
    }
  }
  return written;
}
