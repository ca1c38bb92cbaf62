// The workbook's formulas computed by LibreOffice: written without cached values, converted to
// CSV with `soffice --headless`, every total must come out as the report core counted. Runs
// where LibreOffice is installed (apt-get install libreoffice-calc-nogui) and is skipped elsewhere.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reportFigures, type ReportFigures } from "../../core/reports/figures";
import { parseReportPeriod } from "../../core/reports/period";
import { everything } from "../../core/reports/scope";
import { reportWorkbook, sheetNames } from "../../core/reports/xlsx";
import { createTempDatabase, type TempDatabase } from "../support/temp-database";
import { person, quarterlyQuota, seedNomination, vnNoon } from "./fixtures";

const soffice = spawnSync("soffice", ["--version"], { encoding: "utf8" }).status === 0;
let temp: TempDatabase;
let dir: string;
let figures: ReportFigures;

beforeAll(async () => {
  temp = await createTempDatabase();
  dir = mkdtempSync(path.join(os.tmpdir(), "gs-lo-"));
  const n = await person(temp.db, "Người dân");
  await quarterlyQuota(temp.db, "KHOI-XA", 2);
  await seedNomination(temp.db, n, { unit: "PT-LT-SONVI", status: "APPROVED", submittedAt: vnNoon(2026, 10, 20), decidedAt: vnNoon(2026, 11, 10), approverId: n });
  await seedNomination(temp.db, n, { unit: "PT-LT-SONVI-K2", status: "PUBLISHED", submittedAt: vnNoon(2026, 10, 21), decidedAt: vnNoon(2026, 11, 11) });
  await seedNomination(temp.db, n, { unit: "PT-LT-SONVI", status: "PUBLISHED", submittedAt: vnNoon(2026, 10, 22), decidedAt: vnNoon(2026, 11, 12) });
  await seedNomination(temp.db, n, { unit: "PT-LT-XUANLUNG", status: "REJECTED", submittedAt: vnNoon(2026, 10, 23), field: 2 });
  await seedNomination(temp.db, n, { unit: "PT-LT", status: "NEEDS_INFO", submittedAt: vnNoon(2026, 10, 24), field: 2 });
  const p = parseReportPeriod("2026-Q4", new Date("2026-12-01T00:00:00Z"), "Asia/Ho_Chi_Minh");
  if (!p.ok) throw new Error(p.error);
  figures = await reportFigures(temp.db, everything, p.period, { timeZone: "Asia/Ho_Chi_Minh" });
});

afterAll(async () => {
  await temp.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

/** Every sheet of the workbook as CSV rows, as LibreOffice computed it. */
function convert(bytes: Buffer): Map<string, string[][]> {
  const file = path.join(dir, "r.xlsx");
  writeFileSync(file, bytes);
  // 44 comma, 34 quote, 76 UTF-8, sheet -1: every sheet to its own file "r-<sheet>.csv".
  execFileSync("soffice", [`-env:UserInstallation=file://${path.join(dir, "profile")}`, "--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1", file, "--outdir", dir], { stdio: "ignore", timeout: 120_000 });
  const sheets = new Map<string, string[][]>();
  for (const name of Object.values(sheetNames)) {
    const text = readFileSync(path.join(dir, `r-${name}.csv`), "utf8");
    sheets.set(name, text.split("\n").filter(Boolean).map(csvCells));
  }
  return sheets;
}

/** The cells of one CSV line (quotes doubled inside quoted cells). */
function csvCells(line: string): string[] {
  const cells: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const ch = line[i]!;
    if (quoted && ch === '"' && line[i + 1] === '"') (cell += '"'), (i += 1);
    else if (ch === '"') quoted = !quoted;
    else if (ch === "," && !quoted) cells.push(cell), (cell = "");
    else cell += ch;
  }
  cells.push(cell.replace(/\r$/, ""));
  return cells;
}

describe.skipIf(!soffice)("LibreOffice computes the totals", () => {
  it("sums units up the tree, the breakdowns, the exemplar count and the quota results", async () => {
    const sheets = convert(await reportWorkbook(figures, [], { cacheResults: false }));
    const summary = sheets.get(sheetNames.summary)!;
    const row = (rows: string[][], col: number, text: string) => rows.find((r) => r[col] === text)!;
    expect(row(summary, 1, "Tổng cộng").slice(3)).toEqual(["5", "0", "1", "1", "1", "0", "2", "3"]);
    expect(row(summary, 0, "PT-LT").slice(3)).toEqual(["5", "0", "1", "1", "1", "0", "2", "3"]);
    expect(row(summary, 1, "Xã Sơn Vi").slice(3)).toEqual(["3", "0", "0", "1", "0", "0", "2", "3"]);
    expect(row(sheets.get(sheetNames.fields)!, 0, "Tổng cộng").slice(1)).toEqual(["5", "0", "1", "1", "1", "0", "2"]);
    expect(row(sheets.get(sheetNames.exemplars)!, 1, "Tổng số")[2]).toBe("3");
    const quotas = sheets.get(sheetNames.quotas)!;
    expect(row(quotas, 1, "PT-LT-SONVI").slice(4)).toEqual(["2", "3", "0", "Đạt"]);
    expect(row(quotas, 1, "PT-LT-XUANLUNG").slice(4)).toEqual(["2", "0", "2", "Thiếu 2"]);
    const block = quotas.filter((r) => r[0] === "Khối thi đua các xã, thị trấn").at(-1)!;
    expect(block.slice(1, 7)).toEqual(["4", "1", "25%", "8", "3", "6"]);
  });
});
