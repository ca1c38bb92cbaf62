// The report core on a real SQLite file: figures per unit with subtotals, per field, kind and
// movement, the approved exemplars of the period (by local approval date), quota compliance,
// and the officer's scope; then the workbook read back with exceljs.
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { csvField, csvHeadings, nominationCsv } from "../../core/reports/csv";
import { reportFigures } from "../../core/reports/figures";
import { parseReportPeriod, type ReportPeriod } from "../../core/reports/period";
import { everything, resolveReportScope } from "../../core/reports/scope";
import { headerRow, reportWorkbook, sheetNames } from "../../core/reports/xlsx";
import { scopesOf } from "../../core/review/scope";
import { createTempDatabase, type TempDatabase } from "../support/temp-database";
import { person, quarterlyQuota, seedNomination, vnNoon } from "./fixtures";

const tz = "Asia/Ho_Chi_Minh";
const now = new Date("2026-12-31T18:00:00Z");
let temp: TempDatabase;
let q4: ReportPeriod;
let xuanLungOfficer: number;

function period(text: string): ReportPeriod {
  const p = parseReportPeriod(text, now, tz);
  if (!p.ok) throw new Error(p.error);
  return p.period;
}

beforeAll(async () => {
  temp = await createTempDatabase();
  const db = temp.db;
  q4 = period("2026-Q4");
  const nominator = await person(db, "Người dân");
  const approver = await person(db, "Cán bộ Hà");
  xuanLungOfficer = await person(db, "Cán bộ Xuân Lũng");
  const xuanLung = await db.unit.findUniqueOrThrow({ where: { code: "PT-LT-XUANLUNG" } });
  await db.roleAssignment.create({ data: { personId: xuanLungOfficer, role: "UNIT_OFFICER", unitId: xuanLung.id } });
  await quarterlyQuota(db, "KHOI-XA", 3);
  const seed = (n: Parameters<typeof seedNomination>[2]) => seedNomination(db, nominator, { approverId: approver, ...n });
  // Xã Sơn Vi: four approvals in the fourth quarter (one submitted in September, one at 23:30 on 31/12).
  await seed({ unit: "PT-LT-SONVI", status: "APPROVED", submittedAt: vnNoon(2026, 10, 20), decidedAt: vnNoon(2026, 11, 10), name: "Nguyễn Thị Hoa", field: 3, movement: "M01", criteria: [1, 2] });
  await seed({ unit: "PT-LT-SONVI", status: "PUBLISHED", submittedAt: vnNoon(2026, 10, 1), decidedAt: vnNoon(2026, 10, 5), name: "Trần Văn Bình", kind: "HOUSEHOLD", field: 3 });
  await seed({ unit: "PT-LT-SONVI", status: "IN_REVIEW", submittedAt: vnNoon(2026, 12, 1), field: 5 });
  await seed({ unit: "PT-LT-SONVI-K1", status: "APPROVED", submittedAt: vnNoon(2026, 12, 2), decidedAt: new Date("2026-12-31T16:30:00Z"), name: "Khu 1 tự quản", kind: "COLLECTIVE", field: 5 });
  await seed({ unit: "PT-LT-SONVI", status: "APPROVED", submittedAt: vnNoon(2026, 9, 20), decidedAt: vnNoon(2026, 10, 2), name: "Lê Thị Cúc" });
  await seed({ unit: "PT-LT-SONVI", status: "APPROVED", submittedAt: vnNoon(2026, 12, 20), decidedAt: new Date("2026-12-31T17:30:00Z"), name: "Sang năm mới" });
  // Xã Xuân Lũng: nothing approved.
  await seed({ unit: "PT-LT-XUANLUNG", status: "REJECTED", submittedAt: vnNoon(2026, 11, 1), field: 7 });
  await seed({ unit: "PT-LT-XUANLUNG", status: "NEEDS_INFO", submittedAt: vnNoon(2026, 11, 2), field: 7 });
  await seed({ unit: "PT-LT-XUANLUNG", status: "WITHDRAWN", submittedAt: vnNoon(2026, 11, 3), field: 7, name: "Rút lại" });
  // Huyện Lâm Thao itself.
  await seed({ unit: "PT-LT", status: "APPROVED", submittedAt: vnNoon(2026, 11, 5), decidedAt: vnNoon(2026, 11, 6), name: "Phòng khám từ thiện", kind: "ENTERPRISE", field: 14 });
  // A draft is never counted.
  await db.nomination.create({ data: { nominatorId: nominator, channel: "TELEGRAM", status: "DRAFT", unitId: xuanLung.id, createdAt: vnNoon(2026, 11, 4) } });
});

afterAll(async () => {
  await temp.cleanup();
});

describe("periods", () => {
  it("reads quarters, halves, years, months and ranges, and explains what it cannot", () => {
    expect(period("Q4/2026").id).toBe("2026-Q4");
    expect(period("quý IV 2026").id).toBe("2026-Q4");
    expect(period("2026-H2").label).toBe("6 tháng cuối năm 2026");
    expect(period("2026").start.toISOString()).toBe("2025-12-31T17:00:00.000Z");
    expect(period("11/2026").id).toBe("2026-11");
    expect(period("01/10/2026-15/11/2026").end.toISOString()).toBe("2026-11-15T17:00:00.000Z");
    // 01:00 on 1/1/2027 in Viet Nam, though still 2026 in UTC: this quarter is the first of 2027.
    expect(period("").id).toBe("2027-Q1");
    expect(parseReportPeriod("2026-Q5", now, tz)).toEqual({ ok: false, error: "period-unknown" });
    expect(parseReportPeriod("15/11/2026-01/10/2026", now, tz)).toEqual({ ok: false, error: "period-range-order" });
    expect(parseReportPeriod("hôm qua", now, tz)).toEqual({ ok: false, error: "period-unknown" });
  });
});

describe("figures", () => {
  it("counts received nominations by status, with subtotals up the unit tree", async () => {
    const f = await reportFigures(temp.db, everything, q4, { timeZone: tz, now });
    expect(f.totals).toEqual({ received: 9, inReview: 1, needsInfo: 1, approved: 4, rejected: 1, withdrawn: 1, published: 1 });
    const unit = (code: string) => f.units.find((u) => u.code === code)!;
    expect(unit("PT-LT-SONVI").own.received).toBe(4);
    expect(unit("PT-LT-SONVI").total).toMatchObject({ received: 5, approved: 3, published: 1, inReview: 1 });
    expect(unit("PT-LT").own.received).toBe(1);
    expect(unit("PT-LT").total.received).toBe(9);
    expect(unit("PT").total).toEqual(f.totals);
    expect(f.byField.find((r) => r.key === "7")!.counts).toMatchObject({ received: 3, rejected: 1, needsInfo: 1, withdrawn: 1 });
    expect(f.byKind.find((r) => r.key === "COLLECTIVE")!.counts.received).toBe(1);
    expect(f.byMovement.find((r) => r.key === "M01")!.counts.approved).toBe(1);
  });

  it("lists the exemplars approved in the period by local date, with approvers and publication", async () => {
    const f = await reportFigures(temp.db, everything, q4, { timeZone: tz, now });
    expect(f.exemplars.map((e) => e.nomineeName)).toEqual(["Lê Thị Cúc", "Trần Văn Bình", "Phòng khám từ thiện", "Nguyễn Thị Hoa", "Khu 1 tự quản"]);
    const hoa = f.exemplars.find((e) => e.nomineeName === "Nguyễn Thị Hoa")!;
    expect(hoa).toMatchObject({ unitName: "Xã Sơn Vi", approvers: ["Cán bộ Hà"], published: false, approvedOn: { year: 2026, month: 11, day: 10 } });
    expect(hoa.criteria).toHaveLength(2);
    expect(f.exemplars.find((e) => e.nomineeName === "Trần Văn Bình")!.published).toBe(true);
    expect(f.exemplars.at(-1)!.approvedOn).toEqual({ year: 2026, month: 12, day: 31 });
  });

  it("measures quotas per unit of the block and says how many are missing", async () => {
    const f = await reportFigures(temp.db, everything, q4, { timeZone: tz, now });
    const row = (code: string) => f.quotas.find((q) => q.unitCode === code)!;
    expect(row("PT-LT-SONVI")).toMatchObject({ target: 3, approved: 4, met: true, short: 0, windowLabel: "quý IV/2026" });
    expect(row("PT-LT-XUANLUNG")).toMatchObject({ target: 3, approved: 0, met: false, short: 3 });
    expect(f.quotas.map((q) => q.unitCode)).toEqual(["PT-LT-LAMTHAO", "PT-LT-SONVI", "PT-LT-XUANLUNG", "PT-LT-TIENKIEN"]);
    // A year holds four quarterly quotas.
    const year = await reportFigures(temp.db, everything, period("2026"), { timeZone: tz, now });
    expect(year.quotas.find((q) => q.unitCode === "PT-LT-SONVI")).toMatchObject({ target: 12, approved: 4, short: 8 });
  });

  it("gives an officer of one commune that commune only", async () => {
    const scope = await resolveReportScope(temp.db, await scopesOf(temp.db, xuanLungOfficer));
    if (!scope.ok) throw new Error(scope.error);
    const f = await reportFigures(temp.db, scope.scope, q4, { timeZone: tz, now });
    expect(f.units.map((u) => u.code)).toEqual(["PT-LT-XUANLUNG", "PT-LT-XUANLUNG-K1", "PT-LT-XUANLUNG-K2", "PT-LT-XUANLUNG-K3"]);
    expect(f.totals.received).toBe(3);
    expect(f.exemplars).toEqual([]);
    expect(f.quotas.map((q) => q.unitCode)).toEqual(["PT-LT-XUANLUNG"]);
    expect(await resolveReportScope(temp.db, await scopesOf(temp.db, xuanLungOfficer), "PT-LT-SONVI")).toEqual({ ok: false, error: "scope-outside" });
    expect(await resolveReportScope(temp.db, await scopesOf(temp.db, xuanLungOfficer), "NOPE")).toEqual({ ok: false, error: "scope-unknown-unit" });
    expect(await resolveReportScope(temp.db, [])).toEqual({ ok: false, error: "scope-not-officer" });
  });
});

/** Reads a workbook back. */
async function read(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return wb;
}

/** Row number of the row whose column-`col` text equals `text`. */
function rowWith(ws: ExcelJS.Worksheet, col: number, text: string): number {
  for (let r = 1; r <= ws.rowCount; r += 1) if (ws.getCell(r, col).text === text) return r;
  throw new Error(`No row with ${text}`);
}

describe("the workbook", () => {
  it("has Vietnamese headings, frozen header rows, filters, numbers and formula totals", async () => {
    const f = await reportFigures(temp.db, everything, q4, { timeZone: tz, now });
    const wb = await read(await reportWorkbook(f));
    expect(wb.worksheets.map((w) => w.name)).toEqual(Object.values(sheetNames));
    const ws = wb.getWorksheet(sheetNames.summary)!;
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: headerRow, xSplit: 2 });
    expect(ws.autoFilter).toBeTruthy();
    expect(ws.getRow(headerRow).values).toEqual(expect.arrayContaining(["Mã đơn vị", "Đơn vị", "Tiếp nhận", "Đã đăng"]));
    const sonVi = rowWith(ws, 1, "PT-LT-SONVI");
    expect(ws.getCell(sonVi, 2).text).toBe("Xã Sơn Vi");
    // Xã Sơn Vi has hamlets: its row adds up its direct row and its hamlets' rows.
    const direct = rowWith(ws, 2, "Trực tiếp tại Xã Sơn Vi");
    const approvedCell = ws.getCell(sonVi, 7).value as ExcelJS.CellFormulaValue;
    expect(approvedCell.formula).toContain(`G${direct}`);
    expect(approvedCell.result).toBe(3);
    expect(ws.getCell(direct, 7).value).toBe(2);
    expect(typeof ws.getCell(direct, 7).value).toBe("number");
    const received = ws.getCell(direct, 4).value as ExcelJS.CellFormulaValue;
    expect(received).toEqual({ formula: `SUM(E${direct}:J${direct})`, result: 4 });
    const total = rowWith(ws, 2, "Tổng cộng");
    expect((ws.getCell(total, 4).value as ExcelJS.CellFormulaValue).result).toBe(9);
    expect((ws.getCell(total, 11).value as ExcelJS.CellFormulaValue)).toEqual({ formula: `G${total}+J${total}`, result: 5 });

    const list = wb.getWorksheet(sheetNames.exemplars)!;
    const hoa = rowWith(list, 3, "Nguyễn Thị Hoa");
    const date = list.getCell(hoa, 10);
    expect(date.value).toEqual(new Date(Date.UTC(2026, 10, 10)));
    expect(date.numFmt).toBe("dd/mm/yyyy");
    expect(list.getCell(hoa, 12).text).toBe("Chưa");
    // The table is ruled, cell by cell; the title above it is not.
    for (const column of [1, 9, 12]) expect(list.getCell(hoa, column).border?.bottom?.style).toBe("thin");
    expect(list.getCell(1, 1).border?.bottom).toBeUndefined();
    expect(list.getCell(1, 1).font?.bold).toBe(true);

    const quotas = wb.getWorksheet(sheetNames.quotas)!;
    const xl = rowWith(quotas, 2, "PT-LT-XUANLUNG");
    expect(quotas.getCell(xl, 8).value).toEqual({ formula: `IF(F${xl}>=E${xl},"Đạt","Thiếu "&G${xl})`, result: "Thiếu 3" });
    const block = rowWith(quotas, 1, "Khối thi đua các xã, thị trấn");
    expect((quotas.getCell(block + 0, 1).value)).toBe("Khối thi đua các xã, thị trấn");
    const blockSummary = [...Array(quotas.rowCount).keys()].map((i) => i + 1).filter((r) => quotas.getCell(r, 1).text === "Khối thi đua các xã, thị trấn").at(-1)!;
    expect((quotas.getCell(blockSummary, 3).value as ExcelJS.CellFormulaValue).result).toBe(1);
    expect((quotas.getCell(blockSummary, 2).value as ExcelJS.CellFormulaValue).result).toBe(4);
  });

  it("an officer's workbook has no other commune's rows", async () => {
    const scope = await resolveReportScope(temp.db, await scopesOf(temp.db, xuanLungOfficer));
    if (!scope.ok) throw new Error(scope.error);
    const wb = await read(await reportWorkbook(await reportFigures(temp.db, scope.scope, q4, { timeZone: tz, now }), ["Xã Xuân Lũng"]));
    const texts = wb.worksheets.flatMap((ws) => ws.getSheetValues().flat().map(String));
    expect(texts.some((t) => t.includes("Sơn Vi"))).toBe(false);
    expect(texts.some((t) => t.includes("Xuân Lũng"))).toBe(true);
  });

  it("a period without data gives a valid, empty workbook that says so", async () => {
    const f = await reportFigures(temp.db, everything, period("2025-Q1"), { timeZone: tz, now });
    const wb = await read(await reportWorkbook(f));
    const ws = wb.getWorksheet(sheetNames.summary)!;
    const total = rowWith(ws, 2, "Tổng cộng");
    // exceljs leaves out a cached result of 0 when reading back; the formula is what counts.
    expect((ws.getCell(total, 4).value as ExcelJS.CellFormulaValue).formula).toMatch(/^SUM\(D\d+:D\d+\)$|^D\d+(\+D\d+)*$/);
    expect((ws.getCell(total, 4).value as ExcelJS.CellFormulaValue).result ?? 0).toBe(0);
    expect(ws.getCell(total + 2, 1).text).toBe("Không có hồ sơ đề cử nào được gửi trong quý I/2025.");
  });
});

describe("the CSV export", () => {
  it("starts with a BOM, quotes what needs quoting and keeps phones out", async () => {
    const bytes = await nominationCsv(temp.db, everything, q4, tz);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString("utf8").slice(1);
    const lines = text.split("\r\n").filter(Boolean);
    expect(lines[0]).toBe(csvHeadings.join(","));
    expect(lines).toHaveLength(1 + 9);
    const hoa = lines.find((l) => l.includes("Nguyễn Thị Hoa"))!;
    expect(hoa).toMatch(/^GS-2026-\d{4},Đã duyệt,20\/10\/2026,10\/11\/2026,,Nguyễn Thị Hoa,Cá nhân,PT-LT-SONVI,Xã Sơn Vi,/);
    expect(text).not.toContain("0912345678");
    expect(csvField('Nói "cảm ơn", rồi đi')).toBe('"Nói ""cảm ơn"", rồi đi"');
    const scope = await resolveReportScope(temp.db, await scopesOf(temp.db, xuanLungOfficer));
    if (!scope.ok) throw new Error(scope.error);
    const mine = (await nominationCsv(temp.db, scope.scope, q4, tz)).toString("utf8");
    expect(mine.split("\r\n").filter(Boolean)).toHaveLength(1 + 3);
    expect(mine).not.toContain("Sơn Vi");
  });
});
