// A draft of the achievement report ("Báo cáo thành tích") for a nominee, laid out like the
// official form: the issuing unit and the national heading side by side, place and date, the
// title, I. a summary of the person or collective, II. their achievements, III. commendations
// already received, and the signature block. Filled from the nomination and the story an
// officer approved; what the bot cannot know is left as dotted blanks to finish in Word.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ISectionOptions,
} from "docx";
import type { DbTx } from "../db/client";
import { localDateOf } from "../calendar/zoned-time";
import { approvalTime } from "../calendar/quota";
import type { NomineeKind } from "../db/generated/sqlite/enums";
import { commendationRows, type CommendationRow } from "./commendations";
import { kindLabels } from "./labels";

/** The MIME type of a .docx file. */
export const docxMimeType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/** The national heading, as every administrative document opens. */
export const nationalHeading = { country: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", motto: "Độc lập - Tự do - Hạnh phúc" } as const;

const blank = "……………………………………………";

// === What goes in

/** Everything the draft is filled from. */
export interface DossierData {
  code: string;
  nomineeName: string;
  kind: NomineeKind | null;
  unitName: string;
  /** The unit above the nominee's unit, as the heading's first line. */
  parentUnitName: string | null;
  /** The place in "<place>, ngày … tháng … năm …": the province (or the top unit) without its kind. */
  place: string;
  field: string;
  movement: string | null;
  criteria: string[];
  achievements: string;
  publicStory: string | null;
  approvedOn: { year: number; month: number; day: number } | null;
  /** The date the draft is made (local). */
  today: { year: number; month: number; day: number };
  /** Section III: commendations recorded by officers and the programme's earlier recognitions. */
  commendations: CommendationRow[];
}

/** Reads a nomination for its dossier; null when there is no such nomination. */
export async function dossierData(db: DbTx, nominationId: number, timeZone: string, now = new Date()): Promise<(DossierData & { unitPath: string | null }) | null> {
  const n = await db.nomination.findUnique({
    where: { id: nominationId },
    include: {
      unit: { include: { parent: { select: { name: true } } } },
      field: true,
      movement: true,
      criteria: { include: { criterion: true } },
      events: { where: { action: "APPROVE" }, select: { createdAt: true }, orderBy: { createdAt: "desc" }, take: 1 },
    },
  });
  if (!n || !n.code) return null;
  const rootId = n.unit?.path.split("/").filter(Boolean)[0];
  const root = rootId ? await db.unit.findUnique({ where: { id: Number(rootId) }, select: { name: true } }) : null;
  const approvedAt = approvalTime(n);
  return {
    code: n.code,
    nomineeName: n.nomineeName ?? "",
    kind: n.nomineeKind,
    unitName: n.unit?.name ?? "",
    unitPath: n.unit?.path ?? null,
    parentUnitName: n.unit?.parent?.name ?? null,
    place: (root?.name ?? "").replace(/^(Tỉnh|Thành phố|Huyện|Xã|Phường)\s+/i, "") || blank,
    field: n.field ? `${n.field.number}. ${n.field.nameVi}` : "",
    movement: n.movement?.nameVi ?? null,
    criteria: n.criteria.map((c) => c.criterion).sort((a, b) => a.number - b.number).map((c) => c.nameVi),
    achievements: n.achievements ?? "",
    publicStory: n.publicStory,
    approvedOn: approvedAt && ["APPROVED", "PUBLISHED"].includes(n.status) ? localDateOf(approvedAt, timeZone) : null,
    today: localDateOf(now, timeZone),
    commendations: await commendationRows(db, n.id, timeZone),
  };
}

// === Layout

const font = "Times New Roman";

function run(text: string, opts: { bold?: boolean; italics?: boolean; size?: number; underline?: boolean } = {}): TextRun {
  return new TextRun({ text, font, size: (opts.size ?? 13) * 2, bold: opts.bold ?? false, italics: opts.italics ?? false, ...(opts.underline ? { underline: {} } : {}) });
}

function para(children: TextRun[], opts: { align?: (typeof AlignmentType)[keyof typeof AlignmentType]; after?: number; indent?: boolean } = {}): Paragraph {
  return new Paragraph({
    children,
    alignment: opts.align ?? AlignmentType.JUSTIFIED,
    spacing: { after: opts.after ?? 120, line: 312 },
    ...(opts.indent ? { indent: { firstLine: 567 } } : {}),
  });
}

function heading(text: string): Paragraph {
  return para([run(text, { bold: true })], { align: AlignmentType.LEFT, after: 120 });
}

const noBorders = {
  top: { style: BorderStyle.NONE, size: 0, color: "FFFFFF" },
  bottom: { style: BorderStyle.NONE, size: 0, color: "FFFFFF" },
  left: { style: BorderStyle.NONE, size: 0, color: "FFFFFF" },
  right: { style: BorderStyle.NONE, size: 0, color: "FFFFFF" },
  insideHorizontal: { style: BorderStyle.NONE, size: 0, color: "FFFFFF" },
  insideVertical: { style: BorderStyle.NONE, size: 0, color: "FFFFFF" },
};

/** Two columns without borders: the issuing unit on the left, the national heading on the right. */
function twoColumns(left: Paragraph[], right: Paragraph[], leftPercent = 40): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: noBorders,
    rows: [
      new TableRow({
        children: [
          new TableCell({ width: { size: leftPercent, type: WidthType.PERCENTAGE }, borders: noBorders, children: left }),
          new TableCell({ width: { size: 100 - leftPercent, type: WidthType.PERCENTAGE }, borders: noBorders, children: right }),
        ],
      }),
    ],
  });
}

function centered(text: string, opts: { bold?: boolean; italics?: boolean; size?: number; underline?: boolean } = {}): Paragraph {
  return para([run(text, opts)], { align: AlignmentType.CENTER, after: 0 });
}

/** Paragraphs of a text, one per line break, first lines indented. */
function body(text: string): Paragraph[] {
  return text
    .split(/\n+/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => para([run(line)], { indent: true }));
}

/** Section III: what is known, then blank rows for the officer to add what is not (three when nothing is known). */
function commendationsTable(known: readonly CommendationRow[]): Table {
  const cell = (text: string, bold = false) => new TableCell({ children: [para([run(text, { bold, size: 12 })], { align: AlignmentType.CENTER, after: 0 })] });
  const header = new TableRow({ tableHeader: true, children: ["Năm", "Hình thức khen thưởng", "Số, ngày, tháng, năm của quyết định", "Cơ quan ban hành quyết định"].map((h) => cell(h, true)) });
  const filled = known.map((c) => new TableRow({ children: [cell(String(c.year)), cell(c.form), cell(c.decision), cell(c.issuer)] }));
  const empty = () => new TableRow({ children: [cell(""), cell(""), cell(""), cell("")] });
  const blanks = Array.from({ length: known.length === 0 ? 3 : 2 }, empty);
  return new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [header, ...filled, ...blanks] });
}

/** The dossier as a .docx file. */
export async function dossierDocx(d: DossierData): Promise<Buffer> {
  const collective = d.kind !== null && d.kind !== "INDIVIDUAL";
  const date = `${d.place}, ngày ${String(d.today.day).padStart(2, "0")} tháng ${String(d.today.month).padStart(2, "0")} năm ${d.today.year}`;
  const story = d.publicStory?.trim() ? d.publicStory : null;
  const children = [
    twoColumns(
      [centered((d.parentUnitName ?? blank).toUpperCase(), { size: 12 }), centered(d.unitName.toUpperCase() || blank, { bold: true, size: 12 }), centered("――――", { size: 12 })],
      [centered(nationalHeading.country, { bold: true, size: 12 }), centered(nationalHeading.motto, { bold: true, size: 13 }), centered("―――――――――――", { size: 12 }), para([run(date, { italics: true })], { align: AlignmentType.RIGHT, after: 0 })],
    ),
    para([run("")], { after: 240 }),
    centered("BÁO CÁO THÀNH TÍCH", { bold: true, size: 14 }),
    centered(`Đề nghị ${blank} (hình thức khen thưởng)`, { size: 13 }),
    centered(`(Gương người tốt, việc tốt — hồ sơ ${d.code})`, { italics: true, size: 13 }),
    para([run("")], { after: 120 }),
    heading(collective ? "I. SƠ LƯỢC ĐẶC ĐIỂM, TÌNH HÌNH" : "I. SƠ LƯỢC LÝ LỊCH"),
    ...(collective
      ? [
          para([run(`1. Tên ${kindLabels[d.kind!].toLowerCase()}: `), run(d.nomineeName, { bold: true })]),
          para([run(`2. Địa chỉ / nơi hoạt động: ${d.unitName}`)]),
          para([run(`3. Lĩnh vực: ${d.field}`)]),
          para([run(`4. Đặc điểm, tình hình, chức năng, nhiệm vụ: ${blank}`)]),
        ]
      : [
          para([run("- Họ tên: "), run(d.nomineeName, { bold: true }), run(`        Giới tính: ${blank.slice(0, 6)}`)]),
          para([run(`- Ngày, tháng, năm sinh: ${blank}`)]),
          para([run(`- Quê quán: ${blank}`)]),
          para([run(`- Nơi thường trú: ${d.unitName}`)]),
          para([run(`- Nghề nghiệp, chức vụ, đơn vị công tác: ${blank}`)]),
          para([run(`- Lĩnh vực có thành tích: ${d.field}`)]),
        ]),
    ...(d.movement ? [para([run(`- Phong trào thi đua: ${d.movement}`)])] : []),
    heading("II. THÀNH TÍCH ĐẠT ĐƯỢC"),
    ...(story ? [para([run("1. Câu chuyện đã được duyệt", { italics: true })]), ...body(story)] : []),
    para([run(`${story ? "2" : "1"}. Thành tích cụ thể (theo hồ sơ đề cử)`, { italics: true })]),
    ...body(d.achievements || blank),
    ...(d.criteria.length > 0
      ? [para([run(`${story ? "3" : "2"}. Tiêu chuẩn đã đạt`, { italics: true })]), ...d.criteria.map((c) => para([run(`- ${c}`)]))]
      : []),
    ...(d.approvedOn
      ? [para([run(`Hồ sơ đã được Hội đồng Thi đua – Khen thưởng duyệt ngày ${String(d.approvedOn.day).padStart(2, "0")}/${String(d.approvedOn.month).padStart(2, "0")}/${d.approvedOn.year}.`, { italics: true })])]
      : []),
    heading("III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG"),
    commendationsTable(d.commendations),
    para([run("")], { after: 240 }),
    twoColumns(
      [centered("XÁC NHẬN CỦA CẤP TRÌNH KHEN THƯỞNG", { bold: true, size: 12 }), centered("(Ký, đóng dấu)", { italics: true, size: 12 })],
      [centered(collective ? "THỦ TRƯỞNG ĐƠN VỊ" : "NGƯỜI BÁO CÁO THÀNH TÍCH", { bold: true, size: 12 }), centered(collective ? "(Ký, đóng dấu)" : "(Ký, ghi rõ họ và tên)", { italics: true, size: 12 }), para([run("")], { after: 960 }), centered(collective ? "" : d.nomineeName, { bold: true })],
      50,
    ),
  ];
  const section: ISectionOptions = {
    properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1134, bottom: 1134, left: 1701, right: 1134 } } },
    children,
  };
  const doc = new Document({ creator: "Gương Sáng", title: `Báo cáo thành tích — ${d.nomineeName}`, styles: { default: { document: { run: { font, size: 26 } } } }, sections: [section] });
  return Packer.toBuffer(doc);
}
