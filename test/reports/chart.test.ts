// The statistics picture: a PNG a phone shows full width, and every letter of its Vietnamese
// text drawn by the shipped font (a glyph the font lacked would leave no ink, as the control
// character shows).
import { Resvg } from "@resvg/resvg-js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chartFont, chartWidth, statsPng, statsSvg } from "../../core/reports/chart";
import { reportFigures, type ReportFigures } from "../../core/reports/figures";
import { parseReportPeriod } from "../../core/reports/period";
import { everything } from "../../core/reports/scope";
import { createTempDatabase, type TempDatabase } from "../support/temp-database";
import { person, quarterlyQuota, seedNomination, vnNoon } from "./fixtures";

let temp: TempDatabase;
let figures: ReportFigures;

beforeAll(async () => {
  temp = await createTempDatabase();
  const n = await person(temp.db, "Người dân");
  await quarterlyQuota(temp.db, "KHOI-XA", 3);
  await seedNomination(temp.db, n, { unit: "PT-LT-SONVI", status: "APPROVED", submittedAt: vnNoon(2026, 10, 20), decidedAt: vnNoon(2026, 11, 10), field: 9 });
  await seedNomination(temp.db, n, { unit: "PT-LT-XUANLUNG", status: "PUBLISHED", submittedAt: vnNoon(2026, 10, 21), decidedAt: vnNoon(2026, 12, 1), field: 12 });
  await seedNomination(temp.db, n, { unit: "PT-LT-XUANLUNG", status: "NEEDS_INFO", submittedAt: vnNoon(2026, 11, 21), field: 12 });
  const p = parseReportPeriod("2026-Q4", new Date(), "Asia/Ho_Chi_Minh");
  if (!p.ok) throw new Error(p.error);
  figures = await reportFigures(temp.db, everything, p.period, { timeZone: "Asia/Ho_Chi_Minh", now: new Date("2027-01-02T00:00:00Z") });
});

afterAll(async () => {
  await temp.cleanup();
});

/** Pixels that are not white when `text` alone is drawn in the chart's font. */
function ink(text: string): number {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="80" height="80"><rect width="100%" height="100%" fill="#fff"/><text x="10" y="60" font-family="${chartFont.family}" font-size="48">${text}</text></svg>`;
  const image = new Resvg(svg, { font: { fontFiles: chartFont.files, loadSystemFonts: false, defaultFontFamily: chartFont.family } }).render();
  const pixels = image.pixels; // a getter that copies: read it once
  let dark = 0;
  for (let i = 0; i < pixels.length; i += 4) if (pixels[i]! < 200) dark += 1;
  return dark;
}

describe("the statistics chart", () => {
  it("is a PNG as wide as a phone screen shows well, taller than wide", async () => {
    const png = await statsPng(figures, "Tỉnh Phú Thọ");
    expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
    expect(png.readUInt32BE(16)).toBe(chartWidth);
    expect(png.readUInt32BE(20)).toBeGreaterThan(chartWidth);
  });

  it("draws its text, panels and figures", () => {
    const svg = statsSvg(figures, "Tỉnh Phú Thọ");
    for (const part of ["quý IV/2026", "Hồ sơ theo đơn vị", "Hồ sơ theo lĩnh vực", "Gương được duyệt theo thời gian", "Tiến độ chỉ tiêu gương điển hình", "Xã Xuân Lũng", "1/3"]) expect(svg).toContain(part);
  });

  it("has a glyph in the shipped font for every letter it writes", () => {
    const svg = statsSvg(figures, "Tỉnh Phú Thọ");
    const words = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!).join("");
    const letters = [...new Set([...words.normalize("NFC")].filter((c) => c.charCodeAt(0) > 127))];
    expect(letters.length).toBeGreaterThan(10);
    for (const letter of [...letters, ..."ẠẢẤẦẨẪẬẮẰẲẴẶẸẺẼẾỀỂỄỆỈỊỌỎỐỒỔỖỘỚỜỞỠỢỤỦỨỪỬỮỰỲỴỶỸđĐ"]) expect({ letter, ink: ink(letter) > 20 }).toEqual({ letter, ink: true });
    // The control: a letter the font does not have leaves the picture blank.
    expect(ink("漢")).toBe(0);
  });
});
