// Every nomination received in the period within the scope, one row each, as CSV: UTF-8 with a
// byte order mark so Excel shows Vietnamese correctly, CRLF line ends, fields quoted as RFC 4180
// says. Read page by page and yielded line by line, so a large export streams to a file.
// Contact phones stay out: the file travels by chat and e-mail.
import type { DbTx } from "../db/client";
import { formatDayMonthYear, localDateOf } from "../calendar/zoned-time";
import type { NomineeKind } from "../db/generated/sqlite/enums";
import { pages, submittedStatuses } from "./figures";
import { kindLabels, statusLabels } from "./labels";
import type { ReportPeriod } from "./period";
import { nominationScopeWhere, type ReportScope } from "./scope";

/** The MIME type of the export. */
export const csvMimeType = "text/csv; charset=utf-8";

/** The byte order mark Excel looks for to read a CSV file as UTF-8. */
export const utf8Bom = "\uFEFF";

/** Column headings of the export. */
export const csvHeadings = [
  "Mã hồ sơ",
  "Trạng thái",
  "Ngày gửi",
  "Ngày quyết định",
  "Ngày đăng",
  "Cá nhân / tập thể",
  "Loại",
  "Mã đơn vị",
  "Đơn vị",
  "Lĩnh vực",
  "Phong trào",
  "Tiêu chuẩn",
  "Thành tích",
  "Bài đăng đã duyệt",
] as const;

/** One CSV field, quoted when it holds a comma, a quote or a line break. */
export function csvField(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The export's lines (each ending with CRLF), the BOM and headings first. */
export async function* nominationCsvLines(db: DbTx, scope: ReportScope, period: ReportPeriod, timeZone: string): AsyncGenerator<string> {
  yield `${utf8Bom}${csvHeadings.map(csvField).join(",")}\r\n`;
  const where = { status: { in: submittedStatuses }, submittedAt: { gte: period.start, lt: period.end }, ...nominationScopeWhere(scope) };
  const date = (d: Date | null) => (d ? formatDayMonthYear(localDateOf(d, timeZone)) : "");
  for await (const page of pages((afterId, take) =>
    db.nomination.findMany({
      where: { ...where, id: { gt: afterId } },
      select: {
        id: true,
        code: true,
        status: true,
        submittedAt: true,
        decidedAt: true,
        publishedAt: true,
        nomineeName: true,
        nomineeKind: true,
        achievements: true,
        publicStory: true,
        unit: { select: { code: true, name: true } },
        field: { select: { number: true, nameVi: true } },
        movement: { select: { nameVi: true } },
        criteria: { select: { criterion: { select: { number: true, shortVi: true } } } },
      },
      orderBy: { id: "asc" },
      take,
    }),
  )) {
    let chunk = "";
    for (const n of page) {
      const cells = [
        n.code ?? "",
        statusLabels[n.status] ?? n.status,
        date(n.submittedAt),
        date(n.decidedAt),
        date(n.publishedAt),
        n.nomineeName ?? "",
        n.nomineeKind ? kindLabels[n.nomineeKind as NomineeKind] : "",
        n.unit?.code ?? "",
        n.unit?.name ?? "",
        n.field ? `${n.field.number}. ${n.field.nameVi}` : "",
        n.movement?.nameVi ?? "",
        n.criteria.map((c) => c.criterion).sort((a, b) => a.number - b.number).map((c) => c.shortVi).join("; "),
        n.achievements ?? "",
        n.publicStory ?? "",
      ];
      chunk += `${cells.map(csvField).join(",")}\r\n`;
    }
    yield chunk;
  }
}

/** The whole export in memory (a chat attachment). */
export async function nominationCsv(db: DbTx, scope: ReportScope, period: ReportPeriod, timeZone: string): Promise<Buffer> {
  const parts: string[] = [];
  for await (const line of nominationCsvLines(db, scope, period, timeZone)) parts.push(line);
  return Buffer.from(parts.join(""), "utf8");
}
