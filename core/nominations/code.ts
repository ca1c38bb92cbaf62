import type { DbTx } from "../db/client";

/** Formats a nomination code: GS-2026-0042. */
export function formatNominationCode(year: number, seq: number): string {
  return `GS-${year}-${String(seq).padStart(4, "0")}`;
}

/** Reads a code typed by a person ("gs-2026-42", "GS 2026 0042"); null when it is not one. */
export function parseNominationCode(text: string): { year: number; seq: number } | null {
  const m = /^\s*GS[\s-]*(\d{4})[\s-]*(\d{1,6})\s*$/i.exec(text);
  return m ? { year: Number(m[1]), seq: Number(m[2]) } : null;
}

/**
 * Takes the next number of `year`. Call inside the transaction that submits, so a rolled-back
 * submission leaves no gap.
 */
export async function nextNominationCode(tx: DbTx, year: number): Promise<{ code: string; year: number; seq: number }> {
  const counter = await tx.codeCounter.upsert({
    where: { year },
    create: { year, last: 1 },
    update: { last: { increment: 1 } },
  });
  return { code: formatNominationCode(year, counter.last), year, seq: counter.last };
}
