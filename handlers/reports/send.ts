// Making a report file and sending it into the chat: the workbook or the CSV as a document, the
// chart as a photo. A channel without documents gets a sentence saying where to get the file.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { ChannelPort, IncomingEvent } from "../../core/channel/port";
import type { DbTx } from "../../core/db/client";
import { statsPng } from "../../core/reports/chart";
import { csvMimeType, nominationCsv } from "../../core/reports/csv";
import type { ReportPeriod } from "../../core/reports/period";
import type { ReportScope } from "../../core/reports/scope";
import { reportWorkbook, xlsxMimeType } from "../../core/reports/xlsx";
import { figuresFor, type ReportActor, type ReportDeps } from "./middleware";

/** What a report command produces. */
export type ReportKind = "xlsx" | "csv" | "stats";

/** The names of the top units of a scope, for the files' scope line. */
export async function scopeUnitNames(db: DbTx, scope: ReportScope): Promise<string[]> {
  if (scope.unit) return [scope.unit.name];
  if (scope.paths === null) return [];
  const units = await db.unit.findMany({ where: { path: { in: scope.paths } }, select: { name: true }, orderBy: { id: "asc" } });
  return units.map((u) => u.name);
}

/** A file name for a report: "bao-cao-2026-Q4-PT-LT-SONVI.xlsx". */
export function reportFileName(stem: string, period: ReportPeriod, scope: ReportScope, ext: string): string {
  return `${stem}-${period.id}${scope.unit ? `-${scope.unit.code}` : ""}.${ext}`;
}

/** Builds the report of `kind` and sends it to the chat the event came from. */
export async function sendReport(deps: ReportDeps, event: IncomingEvent, port: ChannelPort, actor: ReportActor, kind: ReportKind, scope: ReportScope, period: ReportPeriod): Promise<void> {
  const t = (id: string, a?: Record<string, string | number>) => deps.i18n.t(actor.locale, id, a);
  const chatId = event.chat.externalId;
  const periodLabel = actor.locale === "en" ? period.labelEn : period.label;
  if (kind !== "stats" && !port.sendDocument) return void (await port.send(chatId, { text: t("reports-no-documents") }));
  await port.send(chatId, { text: t("reports-working", { what: kind, period: periodLabel }) });
  const names = await scopeUnitNames(deps.db, scope);
  const scopeText = names.length > 0 ? names.join(", ") : t("reports-scope-all");
  deps.log.info({ by: actor.id, kind, period: period.id, unit: scope.unit?.code ?? null }, "report requested");

  if (kind === "csv") {
    const bytes = await nominationCsv(deps.db, scope, period, deps.timeZone);
    const count = bytes.toString("utf8").split("\r\n").filter(Boolean).length - 1;
    await port.sendDocument!(chatId, { fileName: reportFileName("ho-so", period, scope, "csv"), bytes, mimeType: csvMimeType, caption: t("reports-csv-caption", { period: periodLabel, scope: scopeText, count }) });
    if (count === 0) await port.send(chatId, { text: t("reports-empty") });
    return;
  }
  const figures = await figuresFor(deps, scope, period);
  const counts = { period: periodLabel, scope: scopeText, received: figures.totals.received, approved: figures.exemplars.length };
  if (kind === "xlsx") {
    const bytes = await reportWorkbook(figures, names);
    await port.sendDocument!(chatId, { fileName: reportFileName("bao-cao", period, scope, "xlsx"), bytes, mimeType: xlsxMimeType, caption: t("reports-xlsx-caption", counts) });
  } else {
    const png = await statsPng(figures, names.length > 0 ? names.join(", ") : "Toàn bộ các đơn vị");
    const dir = await mkdtemp(path.join(os.tmpdir(), "gs-stats-"));
    try {
      const file = path.join(dir, reportFileName("thong-ke", period, scope, "png"));
      await writeFile(file, png);
      await port.sendPhotos(chatId, [{ kind: "file", path: file }], t("reports-stats-caption", counts));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
  if (figures.totals.received === 0 && figures.exemplars.length === 0) await port.send(chatId, { text: t("reports-empty") });
}
