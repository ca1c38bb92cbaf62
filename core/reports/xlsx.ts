// The report workbook officers attach to their quarterly and yearly reports: a summary per
// unit with subtotals up the unit tree, breakdowns by field, nominee kind and movement, the
// approved exemplars, and quota compliance. Headings are Vietnamese, dates dd/mm/yyyy, counts
// are numbers and every total is a formula (with its value cached, so a viewer that does not
// recalculate still shows it); Excel and LibreOffice both recompute them on opening.
import ExcelJS from "exceljs";
import { formatDayMonthYear, localParts } from "../calendar/zoned-time";
import type { BreakdownRow, ReportFigures, StatusCounts } from "./figures";
import { statusHeadings, statusKeys, type StatusKey } from "./labels";

/** The MIME type of an .xlsx file. */
export const xlsxMimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Sheet names, as tests and officers find them. */
export const sheetNames = {
  summary: "Tổng hợp",
  fields: "Theo lĩnh vực",
  kinds: "Theo loại",
  movements: "Theo phong trào",
  exemplars: "Gương điển hình",
  quotas: "Chỉ tiêu",
} as const;

/** Rows above the column headings: title, scope and period, when it was made, a blank. */
export const headerRow = 5;

const headingFill: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } };
const totalFill: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFF2F2F2" } };
const thin: Partial<ExcelJS.Borders> = {
  top: { style: "thin", color: { argb: "FFBFBFBF" } },
  bottom: { style: "thin", color: { argb: "FFBFBFBF" } },
  left: { style: "thin", color: { argb: "FFBFBFBF" } },
  right: { style: "thin", color: { argb: "FFBFBFBF" } },
};

/** The scope line of the files: the unit named, or what the scope covers. */
export function scopeLabel(figures: ReportFigures, unitNames: string[]): string {
  if (figures.scope.unit) return figures.scope.unit.name;
  if (figures.scope.paths === null) return "Toàn bộ các đơn vị";
  return unitNames.join(", ");
}

/** "hh:mm dd/mm/yyyy" in the report's time zone. */
function madeAt(figures: ReportFigures): string {
  const p = localParts(figures.generatedAt, figures.timeZone);
  return `${String(p.hour).padStart(2, "0")}:${String(p.minute).padStart(2, "0")} ${formatDayMonthYear(p)}`;
}

/** Excel column letter of a 1-based index. */
export function columnLetter(index: number): string {
  let s = "";
  for (let n = index; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

// === Sheet scaffolding

interface Column {
  header: string;
  width: number;
  /** Wrap long text (achievements). */
  wrap?: boolean;
  numFmt?: string;
}

function startSheet(wb: ExcelJS.Workbook, name: string, title: string, figures: ReportFigures, scopeText: string, columns: Column[], freezeColumns = 0): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, {
    views: [{ state: "frozen", xSplit: freezeColumns, ySplit: headerRow }],
    pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  // Borders come with the column's style, which every cell of the column shares: a border set
  // cell by cell gives each of a province's hundred thousand cells its own style object, and
  // the workbook took twice as long and far more memory.
  ws.columns = columns.map((c) => ({ width: c.width, style: { ...(c.numFmt ? { numFmt: c.numFmt } : {}), alignment: { vertical: "top", wrapText: c.wrap ?? false }, border: thin } }));
  const line = (row: number, value: string, font: Partial<ExcelJS.Font> = {}) => {
    const cell = ws.getCell(row, 1);
    cell.style = { font };
    cell.value = value;
  };
  line(1, title, { bold: true, size: 14 });
  line(2, `Phạm vi: ${scopeText} · Kỳ báo cáo: ${figures.period.label} (${formatDayMonthYear(figures.period.first)} – ${formatDayMonthYear(figures.period.last)})`);
  line(3, `Lập lúc ${madeAt(figures)}`, { italic: true, color: { argb: "FF595959" } });
  const head = ws.getRow(headerRow);
  columns.forEach((c, i) => {
    const cell = head.getCell(i + 1);
    cell.value = c.header;
    cell.font = { bold: true };
    cell.fill = headingFill;
    cell.border = thin;
    cell.alignment = { vertical: "middle", horizontal: "center", wrapText: true };
  });
  head.height = 32;
  return ws;
}

function finishSheet(ws: ExcelJS.Worksheet, columns: number, lastRow: number): void {
  ws.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: Math.max(lastRow, headerRow), column: columns } };
  // Cells the rows left empty still get the table's border; the others have it from their column.
  for (let r = headerRow + 1; r <= lastRow; r += 1) {
    const row = ws.getRow(r);
    for (let c = 1; c <= columns; c += 1) {
      const cell = row.getCell(c);
      if (cell.value === null) cell.border = thin;
    }
  }
}

function styleTotal(row: ExcelJS.Row, columns: number): void {
  row.font = { bold: true };
  for (let c = 1; c <= columns; c += 1) row.getCell(c).fill = totalFill;
}

/** Status columns start here in every sheet that has them. */
function statusCells(row: ExcelJS.Row, firstColumn: number, values: (key: StatusKey, column: number) => ExcelJS.CellValue): void {
  statusKeys.forEach((key, i) => {
    row.getCell(firstColumn + i).value = values(key, firstColumn + i);
  });
}

/** "Tiếp nhận" as the sum of the exclusive status columns of the same row. */
function receivedFormula(row: number, firstColumn: number, counts: StatusCounts): ExcelJS.CellFormulaValue {
  return { formula: `SUM(${columnLetter(firstColumn + 1)}${row}:${columnLetter(firstColumn + statusKeys.length - 1)}${row})`, result: counts.received };
}

function sumOf(cells: string[], result: number): ExcelJS.CellFormulaValue {
  return { formula: cells.length === 0 ? "0" : cells.length > 1 && isRun(cells) ? `SUM(${cells[0]}:${cells[cells.length - 1]})` : cells.join("+"), result };
}

/** Whether cells are one column's consecutive rows (D6, D7, D8), so SUM(D6:D8) says it. */
function isRun(cells: string[]): boolean {
  const parsed = cells.map((c) => /^([A-Z]+)(\d+)$/.exec(c)!);
  return parsed.every((m, i) => m[1] === parsed[0]![1] && Number(m[2]) === Number(parsed[0]![2]) + i);
}

// === Sheets

function summarySheet(wb: ExcelJS.Workbook, figures: ReportFigures, scopeText: string): void {
  const first = 4; // status columns: D..J, then the approved total in K
  const columns: Column[] = [
    { header: "Mã đơn vị", width: 18 },
    { header: "Đơn vị", width: 44 },
    { header: "Khối thi đua", width: 30 },
    ...statusKeys.map((k) => ({ header: statusHeadings[k], width: k === "approved" ? 14 : 12, numFmt: "0" })),
    { header: "Tổng được duyệt (đã duyệt + đã đăng)", width: 16, numFmt: "0" },
  ];
  const ws = startSheet(wb, sheetNames.summary, "BÁO CÁO KẾT QUẢ PHÁT HIỆN, BỒI DƯỠNG GƯƠNG NGƯỜI TỐT, VIỆC TỐT", figures, scopeText, columns, 2);
  let r = headerRow + 1;
  const rowOf = new Map<number, number>();
  const directRowOf = new Map<number, number>();
  // Rows first, formulas after: a parent's formula names rows written below it.
  for (const u of figures.units) {
    rowOf.set(u.id, r);
    const row = ws.getRow(r);
    row.getCell(1).value = u.code;
    row.getCell(2).value = u.name;
    row.getCell(2).alignment = { indent: Math.min(u.depth * 2, 15), vertical: "top" };
    row.getCell(3).value = u.blockName ?? "";
    if (u.children.length > 0) row.font = { bold: true };
    r += 1;
    if (u.children.length > 0 && u.own.received > 0) {
      directRowOf.set(u.id, r);
      const direct = ws.getRow(r);
      direct.getCell(1).value = u.code;
      direct.getCell(2).value = `Trực tiếp tại ${u.name}`;
      direct.getCell(2).alignment = { indent: Math.min(u.depth * 2 + 2, 15), vertical: "top" };
      direct.getCell(2).font = { italic: true };
      r += 1;
    }
  }
  for (const u of figures.units) {
    const own = directRowOf.get(u.id);
    const row = ws.getRow(rowOf.get(u.id)!);
    if (u.children.length === 0) {
      statusCells(row, first, (key, column) => (key === "received" ? receivedFormula(row.number, first, u.total) : u.total[key]));
    } else {
      const parts = [...u.children.map((c) => rowOf.get(c)!), ...(own ? [own] : [])].sort((a, b) => a - b);
      statusCells(row, first, (key, column) => sumOf(parts.map((p) => `${columnLetter(column)}${p}`), u.total[key]));
    }
    approvedTotal(row, first, u.total);
    if (own) {
      const direct = ws.getRow(own);
      statusCells(direct, first, (key) => (key === "received" ? receivedFormula(own, first, u.own) : u.own[key]));
      approvedTotal(direct, first, u.own);
    }
  }
  const total = ws.getRow(r);
  total.getCell(2).value = "Tổng cộng";
  const roots = figures.units.filter((u) => u.depth === 0).map((u) => rowOf.get(u.id)!);
  statusCells(total, first, (key, column) => sumOf(roots.map((p) => `${columnLetter(column)}${p}`), figures.totals[key]));
  approvedTotal(total, first, figures.totals);
  styleTotal(total, columns.length);
  finishSheet(ws, columns.length, r);
  if (figures.totals.received === 0) {
    ws.getCell(r + 2, 1).value = `Không có hồ sơ đề cử nào được gửi trong ${figures.period.label}.`;
    ws.getCell(r + 2, 1).font = { italic: true };
  }
}

/** The approved-plus-published column, a formula on the row's own cells. */
function approvedTotal(row: ExcelJS.Row, first: number, counts: StatusCounts): void {
  const approved = columnLetter(first + statusKeys.indexOf("approved"));
  const published = columnLetter(first + statusKeys.indexOf("published"));
  row.getCell(first + statusKeys.length).value = { formula: `${approved}${row.number}+${published}${row.number}`, result: counts.approved + counts.published };
}

function breakdownSheet(wb: ExcelJS.Workbook, name: string, title: string, heading: string, rows: BreakdownRow[], figures: ReportFigures, scopeText: string): void {
  const first = 2;
  const columns: Column[] = [{ header: heading, width: 52 }, ...statusKeys.map((k) => ({ header: statusHeadings[k], width: k === "approved" ? 14 : 12, numFmt: "0" }))];
  const ws = startSheet(wb, name, title, figures, scopeText, columns, 1);
  let r = headerRow + 1;
  for (const b of rows) {
    const row = ws.getRow(r);
    row.getCell(1).value = b.label;
    statusCells(row, first, (key) => (key === "received" ? receivedFormula(r, first, b.counts) : b.counts[key]));
    r += 1;
  }
  const total = ws.getRow(r);
  total.getCell(1).value = "Tổng cộng";
  const sums = emptySums(rows);
  statusCells(total, first, (key, column) => (rows.length === 0 ? 0 : { formula: `SUM(${columnLetter(column)}${headerRow + 1}:${columnLetter(column)}${r - 1})`, result: sums[key] }));
  styleTotal(total, columns.length);
  finishSheet(ws, columns.length, r);
}

function emptySums(rows: BreakdownRow[]): StatusCounts {
  const s = Object.fromEntries(statusKeys.map((k) => [k, 0])) as StatusCounts;
  for (const row of rows) for (const k of statusKeys) s[k] += row.counts[k];
  return s;
}

function exemplarSheet(wb: ExcelJS.Workbook, figures: ReportFigures, scopeText: string): void {
  const columns: Column[] = [
    { header: "STT", width: 6, numFmt: "0" },
    { header: "Mã hồ sơ", width: 15 },
    { header: "Cá nhân / tập thể", width: 28, wrap: true },
    { header: "Loại", width: 13 },
    { header: "Đơn vị", width: 28, wrap: true },
    { header: "Lĩnh vực", width: 34, wrap: true },
    { header: "Phong trào", width: 34, wrap: true },
    { header: "Tiêu chuẩn", width: 30, wrap: true },
    { header: "Thành tích (tóm tắt)", width: 70, wrap: true },
    { header: "Ngày duyệt", width: 12, numFmt: "dd/mm/yyyy" },
    { header: "Người duyệt", width: 26, wrap: true },
    { header: "Đã đăng", width: 10 },
  ];
  const ws = startSheet(wb, sheetNames.exemplars, "DANH SÁCH GƯƠNG NGƯỜI TỐT, VIỆC TỐT ĐÃ ĐƯỢC DUYỆT", figures, scopeText, columns, 3);
  let r = headerRow + 1;
  figures.exemplars.forEach((e, i) => {
    const row = ws.getRow(r);
    row.values = [
      i + 1,
      e.code,
      e.nomineeName,
      e.kind,
      e.unitName,
      e.field,
      e.movement,
      e.criteria.join("; "),
      e.achievements,
      new Date(Date.UTC(e.approvedOn.year, e.approvedOn.month - 1, e.approvedOn.day)),
      e.approvers.join(", "),
      e.published ? "Có" : "Chưa",
    ];
    r += 1;
  });
  const total = ws.getRow(r);
  total.getCell(2).value = "Tổng số";
  total.getCell(3).value = { formula: figures.exemplars.length === 0 ? "0" : `COUNTA(B${headerRow + 1}:B${r - 1})`, result: figures.exemplars.length };
  total.getCell(3).numFmt = "0";
  total.getCell(11).value = "Đã đăng";
  total.getCell(12).value = { formula: figures.exemplars.length === 0 ? "0" : `COUNTIF(L${headerRow + 1}:L${r - 1},"Có")`, result: figures.exemplars.filter((e) => e.published).length };
  total.getCell(12).numFmt = "0";
  styleTotal(total, columns.length);
  finishSheet(ws, columns.length, r);
  if (figures.exemplars.length === 0) ws.getCell(r + 2, 1).value = `Không có gương nào được duyệt trong ${figures.period.label}.`;
}

function quotaSheet(wb: ExcelJS.Workbook, figures: ReportFigures, scopeText: string): void {
  const columns: Column[] = [
    { header: "Khối thi đua", width: 36, wrap: true },
    { header: "Mã đơn vị", width: 18 },
    { header: "Đơn vị", width: 34, wrap: true },
    { header: "Kỳ tính chỉ tiêu", width: 20 },
    { header: "Chỉ tiêu (gương)", width: 11, numFmt: "0" },
    { header: "Đã duyệt", width: 10, numFmt: "0" },
    { header: "Còn thiếu", width: 10, numFmt: "0" },
    { header: "Kết quả", width: 16 },
  ];
  const ws = startSheet(wb, sheetNames.quotas, "KẾT QUẢ THỰC HIỆN CHỈ TIÊU GƯƠNG ĐIỂN HÌNH", figures, scopeText, columns, 3);
  let r = headerRow + 1;
  for (const q of figures.quotas) {
    const row = ws.getRow(r);
    row.values = [q.blockName, q.unitCode, q.unitName, q.windowLabel, q.target, q.approved];
    row.getCell(7).value = { formula: `MAX(0,E${r}-F${r})`, result: q.short };
    row.getCell(8).value = { formula: `IF(F${r}>=E${r},"Đạt","Thiếu "&G${r})`, result: q.met ? "Đạt" : `Thiếu ${q.short}` };
    r += 1;
  }
  const last = r - 1;
  finishSheet(ws, columns.length, last);
  // Per block: how many units met their quota, and the block's exemplars against its quota.
  r += 1;
  const blockHead = ws.getRow(r);
  blockHead.values = ["Khối thi đua", "Số đơn vị", "Đơn vị đạt", "Tỷ lệ đạt", "Chỉ tiêu", "Đã duyệt", "Còn thiếu"];
  blockHead.font = { bold: true };
  for (let c = 1; c <= 7; c += 1) blockHead.getCell(c).fill = headingFill;
  r += 1;
  const blocks = [...new Set(figures.quotas.map((q) => q.blockName))];
  const range = (col: string) => `${col}$${headerRow + 1}:${col}$${Math.max(last, headerRow + 1)}`;
  for (const block of blocks) {
    const mine = figures.quotas.filter((q) => q.blockName === block);
    const row = ws.getRow(r);
    row.getCell(1).value = block;
    row.getCell(2).value = { formula: `COUNTIF(${range("A")},A${r})`, result: mine.length };
    row.getCell(3).value = { formula: `COUNTIFS(${range("A")},A${r},${range("H")},"Đạt")`, result: mine.filter((q) => q.met).length };
    row.getCell(4).value = { formula: `IF(B${r}=0,0,C${r}/B${r})`, result: mine.length === 0 ? 0 : mine.filter((q) => q.met).length / mine.length };
    row.getCell(4).numFmt = "0%";
    row.getCell(5).value = { formula: `SUMIF(${range("A")},A${r},${range("E")})`, result: mine.reduce((s, q) => s + q.target, 0) };
    row.getCell(6).value = { formula: `SUMIF(${range("A")},A${r},${range("F")})`, result: mine.reduce((s, q) => s + q.approved, 0) };
    row.getCell(7).value = { formula: `SUMIF(${range("A")},A${r},${range("G")})`, result: mine.reduce((s, q) => s + q.short, 0) };
    for (let c = 1; c <= 7; c += 1) row.getCell(c).border = thin;
    r += 1;
  }
  if (figures.quotas.length === 0) ws.getCell(r + 1, 1).value = "Không có chỉ tiêu nào áp dụng cho các đơn vị trong phạm vi này.";
}

// === The workbook

/** Options of `reportWorkbook`. */
export interface WorkbookOptions {
  /**
   * Store each formula's value beside it (default). Previews that do not calculate (a phone's
   * file viewer) then show the figures; without them a spreadsheet must compute every total,
   * which is how the tests prove the formulas right in LibreOffice.
   */
  cacheResults?: boolean;
}

/** Builds the report workbook. `unitNames` names the officer's units for the scope line. */
export async function reportWorkbook(figures: ReportFigures, unitNames: string[] = [], opts: WorkbookOptions = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Gương Sáng";
  wb.created = figures.generatedAt;
  wb.calcProperties = { fullCalcOnLoad: true };
  const scopeText = scopeLabel(figures, unitNames);
  summarySheet(wb, figures, scopeText);
  breakdownSheet(wb, sheetNames.fields, "SỐ LIỆU THEO LĨNH VỰC", "Lĩnh vực", figures.byField, figures, scopeText);
  breakdownSheet(wb, sheetNames.kinds, "SỐ LIỆU THEO LOẠI ĐỐI TƯỢNG", "Loại đối tượng", figures.byKind, figures, scopeText);
  breakdownSheet(wb, sheetNames.movements, "SỐ LIỆU THEO PHONG TRÀO THI ĐUA", "Phong trào", figures.byMovement, figures, scopeText);
  exemplarSheet(wb, figures, scopeText);
  quotaSheet(wb, figures, scopeText);
  if (opts.cacheResults === false) {
    wb.eachSheet((ws) =>
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          const v = cell.value;
          if (v && typeof v === "object" && "formula" in v && typeof v.formula === "string") cell.value = { formula: v.formula } as ExcelJS.CellFormulaValue;
        }),
      ),
    );
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
