// The period's figures as one picture for the chat, readable on a phone: nominations by unit,
// by field, approvals over time and quota progress. Drawn as SVG in code and rendered to PNG by
// resvg (a registry package with prebuilt binaries, no browser), with Be Vietnam Pro, a font made
// for Vietnamese that ships as an npm package, so every diacritic is drawn on any machine.
import { createRequire } from "node:module";
import path from "node:path";
import { Resvg } from "@resvg/resvg-js";
import type { ReportFigures } from "./figures";
import { shortenText } from "../text/cut";

// === The font

const require = createRequire(import.meta.url);
const fontDir = path.dirname(require.resolve("@expo-google-fonts/be-vietnam-pro/package.json"));

/** The family the chart is drawn in, and its files (regular and bold). */
export const chartFont = {
  family: "Be Vietnam Pro",
  files: [path.join(fontDir, "400Regular", "BeVietnamPro_400Regular.ttf"), path.join(fontDir, "700Bold", "BeVietnamPro_700Bold.ttf")],
};

/** Width of the picture in pixels: a phone shows it full width, text stays legible. */
export const chartWidth = 1080;

/** Renders SVG to PNG with the shipped font only (no system fonts: the result is the same everywhere). */
export function renderSvg(svg: string): Buffer {
  const resvg = new Resvg(svg, {
    font: { fontFiles: chartFont.files, loadSystemFonts: false, defaultFontFamily: chartFont.family },
    fitTo: { mode: "width", value: chartWidth },
    background: "#ffffff",
  });
  return resvg.render().asPng();
}

// === Drawing

const colors = { ink: "#1f2937", muted: "#6b7280", bar: "#93c5fd", approved: "#16a34a", short: "#f59e0b", grid: "#e5e7eb" };

function esc(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function clip(text: string, max: number): string {
  return shortenText(text, max);
}

function text(x: number, y: number, content: string, opts: { size?: number; bold?: boolean; fill?: string; anchor?: "start" | "middle" | "end" } = {}): string {
  return `<text x="${x}" y="${y}" font-family="${chartFont.family}" font-size="${opts.size ?? 24}" font-weight="${opts.bold ? 700 : 400}" fill="${opts.fill ?? colors.ink}" text-anchor="${opts.anchor ?? "start"}">${esc(content)}</text>`;
}

interface Bar {
  label: string;
  total: number;
  part: number;
  note?: string;
}

/** Horizontal bars: the whole in light blue, the approved part in green over it. */
function barPanel(top: number, title: string, bars: Bar[], empty: string): { svg: string; height: number } {
  const rowHeight = 56;
  const parts = [text(40, top + 40, title, { size: 32, bold: true })];
  if (bars.length === 0) {
    parts.push(text(40, top + 90, empty, { fill: colors.muted }));
    return { svg: parts.join(""), height: 120 };
  }
  const max = Math.max(1, ...bars.map((b) => b.total));
  const left = 40;
  const barLeft = 470;
  const barWidth = chartWidth - barLeft - 120;
  bars.forEach((b, i) => {
    const y = top + 70 + i * rowHeight;
    parts.push(text(left, y + 30, clip(b.label, 30), { size: 24 }));
    const w = Math.max(2, (b.total / max) * barWidth);
    const pw = b.total === 0 ? 0 : (b.part / max) * barWidth;
    parts.push(`<rect x="${barLeft}" y="${y + 8}" width="${w.toFixed(1)}" height="32" rx="4" fill="${colors.bar}"/>`);
    if (pw > 0) parts.push(`<rect x="${barLeft}" y="${y + 8}" width="${pw.toFixed(1)}" height="32" rx="4" fill="${colors.approved}"/>`);
    parts.push(text(barLeft + w + 10, y + 32, b.note ?? String(b.total), { size: 24, bold: true }));
  });
  return { svg: parts.join(""), height: 90 + bars.length * rowHeight };
}

/** Vertical columns of approvals per week or month. */
function timePanel(top: number, figures: ReportFigures): { svg: string; height: number } {
  const parts = [text(40, top + 40, "Gương được duyệt theo thời gian", { size: 32, bold: true })];
  const buckets = figures.approvalsOverTime;
  const chartTop = top + 80;
  const chartHeight = 220;
  const left = 60;
  const width = chartWidth - left - 40;
  const max = Math.max(1, ...buckets.map((b) => b.count));
  parts.push(`<line x1="${left}" y1="${chartTop + chartHeight}" x2="${left + width}" y2="${chartTop + chartHeight}" stroke="${colors.grid}" stroke-width="2"/>`);
  const step = buckets.length === 0 ? width : width / buckets.length;
  const labelEvery = Math.ceil(buckets.length / 7);
  buckets.forEach((b, i) => {
    const h = (b.count / max) * (chartHeight - 30);
    const x = left + i * step + step * 0.15;
    const w = step * 0.7;
    if (b.count > 0) {
      parts.push(`<rect x="${x.toFixed(1)}" y="${(chartTop + chartHeight - h).toFixed(1)}" width="${w.toFixed(1)}" height="${h.toFixed(1)}" rx="3" fill="${colors.approved}"/>`);
      parts.push(text(x + w / 2, chartTop + chartHeight - h - 8, String(b.count), { size: 22, bold: true, anchor: "middle" }));
    }
    if (i % labelEvery === 0) parts.push(text(x + w / 2, chartTop + chartHeight + 32, b.label, { size: 20, fill: colors.muted, anchor: "middle" }));
  });
  return { svg: parts.join(""), height: 80 + chartHeight + 60 };
}

/** The units drawn in "by unit": the emulation units (those in a block), else the top units. */
function unitBars(figures: ReportFigures): Bar[] {
  const emulation = figures.units.filter((u) => u.blockName !== null);
  const chosen = emulation.length > 0 ? emulation : figures.units.filter((u) => u.depth === 0);
  return chosen
    .filter((u) => u.total.received > 0)
    .sort((a, b) => b.total.received - a.total.received)
    .slice(0, 12)
    .map((u) => ({ label: u.name, total: u.total.received, part: u.total.approved + u.total.published }));
}

/** The chart of a report as SVG. */
export function statsSvg(figures: ReportFigures, scopeText: string): string {
  const parts: string[] = [];
  let y = 0;
  parts.push(text(40, 64, `Gương người tốt, việc tốt — ${figures.period.label}`, { size: 40, bold: true }));
  parts.push(text(40, 108, clip(scopeText, 60), { size: 26, fill: colors.muted }));
  parts.push(
    text(40, 156, `${figures.totals.received} hồ sơ tiếp nhận · ${figures.exemplars.length} gương được duyệt · ${figures.exemplars.filter((e) => e.published).length} đã đăng`, { size: 28 }),
  );
  parts.push(`<rect x="40" y="180" width="28" height="20" fill="${colors.bar}"/>`, text(78, 198, "tiếp nhận", { size: 22, fill: colors.muted }));
  parts.push(`<rect x="240" y="180" width="28" height="20" fill="${colors.approved}"/>`, text(278, 198, "được duyệt", { size: 22, fill: colors.muted }));
  y = 220;
  const panels = [
    (top: number) => barPanel(top, "Hồ sơ theo đơn vị", unitBars(figures), "Chưa có hồ sơ nào trong kỳ."),
    (top: number) =>
      barPanel(
        top,
        "Hồ sơ theo lĩnh vực",
        figures.byField.filter((f) => f.counts.received > 0).map((f) => ({ label: f.label, total: f.counts.received, part: f.counts.approved + f.counts.published })),
        "Chưa có hồ sơ nào trong kỳ.",
      ),
    (top: number) => timePanel(top, figures),
    (top: number) =>
      barPanel(
        top,
        "Tiến độ chỉ tiêu gương điển hình",
        figures.quotas.slice(0, 14).map((q) => ({ label: q.unitName, total: Math.max(q.target, q.approved), part: q.approved, note: `${q.approved}/${q.target}${q.met ? " · đạt" : ""}` })),
        "Không có chỉ tiêu cho các đơn vị này.",
      ),
  ];
  for (const panel of panels) {
    const drawn = panel(y);
    parts.push(`<line x1="40" y1="${y + 4}" x2="${chartWidth - 40}" y2="${y + 4}" stroke="${colors.grid}" stroke-width="2"/>`);
    parts.push(drawn.svg);
    y += drawn.height + 20;
  }
  const height = y + 20;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${chartWidth}" height="${height}" viewBox="0 0 ${chartWidth} ${height}"><rect width="100%" height="100%" fill="#ffffff"/>${parts.join("")}</svg>`;
}

/** The chart of a report as PNG. */
export async function statsPng(figures: ReportFigures, scopeText: string): Promise<Buffer> {
  return renderSvg(statsSvg(figures, scopeText));
}
