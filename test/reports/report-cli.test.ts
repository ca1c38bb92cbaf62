// `npm run report` as a scheduled export runs it: a real process on a real SQLite file writes
// the workbook, the CSV and the chart into a folder, or a dossier per exemplar; bad input
// stops it with a bilingual message and a failing exit code.
import { execFile } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../../core/db/paths";
import { sheetNames } from "../../core/reports/xlsx";
import { createTempDatabase, type TempDatabase } from "../support/temp-database";
import { person, seedNomination, vnNoon } from "./fixtures";

const run = promisify(execFile);
let temp: TempDatabase;

beforeAll(async () => {
  temp = await createTempDatabase();
  const n = await person(temp.db, "Người dân");
  await seedNomination(temp.db, n, { unit: "PT-LT-SONVI", status: "APPROVED", submittedAt: vnNoon(2026, 10, 20), decidedAt: vnNoon(2026, 11, 10), name: "Nguyễn Thị Hoa" });
  await seedNomination(temp.db, n, { unit: "PT-LT-XUANLUNG", status: "PUBLISHED", submittedAt: vnNoon(2026, 10, 21), decidedAt: vnNoon(2026, 11, 11), name: "Vũ Văn Nam" });
});

afterAll(async () => {
  await temp.cleanup();
});

function report(...args: string[]) {
  const file = temp.target.provider === "sqlite" ? temp.target.file : "";
  return run(path.join(repoRoot, "node_modules", ".bin", "tsx"), [path.join(repoRoot, "scripts", "report.ts"), ...args], {
    cwd: temp.dir,
    env: { ...process.env, DATABASE_URL: `file:${file}`, TZ: "Asia/Ho_Chi_Minh", TELEGRAM_BOT_TOKEN: "" },
  });
}

describe("npm run report", () => {
  it("writes the workbook, the CSV and the chart of one unit into a folder", { timeout: 120_000 }, async () => {
    const out = path.join(temp.dir, "out");
    const { stdout } = await report("--period", "2026-Q4", "--unit", "PT-LT-SONVI", "--out", out);
    expect(readdirSync(out).sort()).toEqual(["bao-cao-2026-Q4-PT-LT-SONVI.xlsx", "ho-so-2026-Q4-PT-LT-SONVI.csv", "thong-ke-2026-Q4-PT-LT-SONVI.png"]);
    expect(stdout.trim().split("\n")).toHaveLength(3);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(out, "bao-cao-2026-Q4-PT-LT-SONVI.xlsx"));
    expect(wb.getWorksheet(sheetNames.exemplars)!.getColumn(3).values).toContain("Nguyễn Thị Hoa");
    const csv = readFileSync(path.join(out, "ho-so-2026-Q4-PT-LT-SONVI.csv"), "utf8");
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(csv).not.toContain("Vũ Văn Nam");
  });

  it("writes one format to a named file, and a dossier per exemplar", { timeout: 120_000 }, async () => {
    const file = path.join(temp.dir, "one", "q4.csv");
    await report("--period", "2026-Q4", "--format", "csv", "--out", file);
    expect(readFileSync(file, "utf8")).toContain("Vũ Văn Nam");
    const dir = path.join(temp.dir, "dossiers");
    await report("--period", "2026-Q4", "--format", "docx", "--out", dir);
    expect(readdirSync(dir).filter((f) => f.endsWith(".docx"))).toHaveLength(2);
  });

  it("refuses an unknown period or unit with a message and exit code 1", { timeout: 120_000 }, async () => {
    await expect(report("--period", "2026-Q7")).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining("Unknown period") });
    await expect(report("--period", "2026-Q4", "--unit", "NOWHERE")).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining("No unit with code: NOWHERE") });
    expect(existsSync(path.join(temp.dir, "data", "reports"))).toBe(false);
  });
});
