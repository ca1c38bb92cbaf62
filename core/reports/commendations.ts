// Section III of the achievement report: the commendations a nominee already received. Officers
// record them from the decisions (`/khenthuong`); earlier recognitions by this programme (the
// same nominee, the same unit, approved before) are added by themselves, so the officer does not
// type what the bot already knows.
import type { DbTx } from "../db/client";
import { localDateOf } from "../calendar/zoned-time";
import { approvalTime } from "../calendar/quota";

/** One row of the commendations table, in the form's column order. */
export interface CommendationRow {
  year: number;
  /** "Giấy khen", "Bằng khen của Chủ tịch UBND tỉnh", … */
  form: string;
  /** The decision's number and date. */
  decision: string;
  issuer: string;
}

/** A recorded commendation, numbered as the officer sees it in the list. */
export interface RecordedCommendation extends CommendationRow {
  id: number;
  number: number;
}

/** Why a typed commendation was refused. */
export type CommendationError = "parts" | "year" | "too-long";

/** The longest text of one column: a table cell of the form, not a paragraph. */
export const commendationFieldMax = 200;

/**
 * Reads "2025 | Giấy khen | Quyết định số 12/QĐ-UBND ngày 15/01/2025 | UBND xã Sơn Vi": the
 * year, the form, the decision and the issuer, separated by "|" as the form's columns are.
 */
export function parseCommendation(text: string, today: { year: number }): { ok: true; row: CommendationRow } | { ok: false; error: CommendationError } {
  const parts = text.split("|").map((p) => p.trim().replace(/\s+/g, " "));
  if (parts.length !== 4 || parts.some((p) => p === "")) return { ok: false, error: "parts" };
  const [yearText, form, decision, issuer] = parts as [string, string, string, string];
  const year = /^\d{4}$/.test(yearText) ? Number(yearText) : NaN;
  // The programme dates from 1948; a year ahead of today is a typo.
  if (!(year >= 1948 && year <= today.year)) return { ok: false, error: "year" };
  if ([form, decision, issuer].some((p) => p.length > commendationFieldMax)) return { ok: false, error: "too-long" };
  return { ok: true, row: { year, form, decision, issuer } };
}

/** The commendations recorded for a nomination, oldest year first, numbered from 1. */
export async function recordedCommendations(db: DbTx, nominationId: number): Promise<RecordedCommendation[]> {
  const rows = await db.commendation.findMany({ where: { nominationId }, orderBy: [{ year: "asc" }, { id: "asc" }] });
  return rows.map((r, i) => ({ id: r.id, number: i + 1, year: r.year, form: r.form, decision: r.decision, issuer: r.issuer }));
}

/** Records a commendation for a nomination. */
export async function recordCommendation(db: DbTx, nominationId: number, row: CommendationRow, recordedById: number): Promise<void> {
  await db.commendation.create({ data: { nominationId, ...row, recordedById } });
}

/** Removes the commendation numbered `number` in the list; false when there is none. */
export async function removeCommendation(db: DbTx, nominationId: number, number: number): Promise<RecordedCommendation | null> {
  const target = (await recordedCommendations(db, nominationId)).find((c) => c.number === number);
  if (!target) return null;
  await db.commendation.delete({ where: { id: target.id } });
  return target;
}

/**
 * The programme's own earlier recognitions of the same nominee: nominations of the same unit
 * with the same name (compared as the duplicate check compares them), approved at another time.
 */
export async function earlierRecognitions(db: DbTx, nominationId: number, timeZone: string): Promise<CommendationRow[]> {
  const n = await db.nomination.findUnique({ where: { id: nominationId }, select: { unitId: true, nomineeNameKey: true } });
  if (!n?.nomineeNameKey || n.unitId === null) return [];
  const earlier = await db.nomination.findMany({
    where: { id: { not: nominationId }, unitId: n.unitId, nomineeNameKey: n.nomineeNameKey, status: { in: ["APPROVED", "PUBLISHED"] } },
    select: { code: true, decidedAt: true, events: { where: { action: "APPROVE" }, select: { createdAt: true }, orderBy: { createdAt: "desc" }, take: 1 } },
    orderBy: { id: "asc" },
  });
  return earlier.flatMap((e) => {
    const at = approvalTime(e);
    if (!at) return [];
    const date = localDateOf(at, timeZone);
    return [
      {
        year: date.year,
        form: `Gương người tốt, việc tốt (hồ sơ ${e.code ?? ""})`,
        decision: `Duyệt ngày ${String(date.day).padStart(2, "0")}/${String(date.month).padStart(2, "0")}/${date.year}`,
        issuer: "Hội đồng Thi đua – Khen thưởng",
      },
    ];
  });
}

/** Everything section III lists: recorded commendations and earlier recognitions, by year. */
export async function commendationRows(db: DbTx, nominationId: number, timeZone: string): Promise<CommendationRow[]> {
  const [recorded, earlier] = await Promise.all([recordedCommendations(db, nominationId), earlierRecognitions(db, nominationId, timeZone)]);
  const rows: CommendationRow[] = [...recorded.map(({ year, form, decision, issuer }) => ({ year, form, decision, issuer })), ...earlier];
  return rows.sort((a, b) => a.year - b.year);
}
