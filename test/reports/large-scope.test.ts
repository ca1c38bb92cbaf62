// More nominations than SQLite takes parameters in one query (999): the report core reads them
// in pages, and each page's relations (criteria, review events) must stay under the cap.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { nominationCsv } from "../../core/reports/csv";
import { reportFigures } from "../../core/reports/figures";
import { parseReportPeriod } from "../../core/reports/period";
import { everything } from "../../core/reports/scope";
import { createTempDatabase, type TempDatabase } from "../support/temp-database";

const count = 1_200;
let temp: TempDatabase;

beforeAll(async () => {
  temp = await createTempDatabase();
  const { db } = temp;
  const nominator = await db.person.create({ data: { displayName: "Người dân" } });
  const unit = await db.unit.findUniqueOrThrow({ where: { code: "PT-LT-SONVI" } });
  const field = await db.field.findUniqueOrThrow({ where: { number: 1 } });
  const rows = Array.from({ length: count }, (_, i) => ({
    code: `GS-2026-${String(i + 1).padStart(4, "0")}`,
    codeYear: 2026,
    codeSeq: i + 1,
    nominatorId: nominator.id,
    channel: "TELEGRAM" as const,
    nomineeKind: "INDIVIDUAL" as const,
    nomineeName: `Người số ${i + 1}`,
    unitId: unit.id,
    fieldId: field.id,
    achievements: "Giúp đỡ bà con trong khu phố.",
    status: i % 2 === 0 ? ("APPROVED" as const) : ("PUBLISHED" as const),
    submittedAt: new Date(Date.UTC(2026, 9, 1 + (i % 60), 5)),
    decidedAt: new Date(Date.UTC(2026, 9, 2 + (i % 60), 5)),
  }));
  for (let i = 0; i < rows.length; i += 300) await db.nomination.createMany({ data: rows.slice(i, i + 300) });
});

afterAll(async () => {
  await temp.cleanup();
});

describe("a scope larger than one query", () => {
  it("counts, lists and exports every nomination", async () => {
    const q4 = parseReportPeriod("2026-Q4", new Date("2026-12-01T00:00:00Z"), "Asia/Ho_Chi_Minh");
    if (!q4.ok) throw new Error(q4.error);
    const f = await reportFigures(temp.db, everything, q4.period, { timeZone: "Asia/Ho_Chi_Minh", now: new Date("2027-01-02T00:00:00Z") });
    expect(f.totals).toMatchObject({ received: count, approved: count / 2, published: count / 2 });
    expect(f.exemplars).toHaveLength(count);
    const csv = (await nominationCsv(temp.db, everything, q4.period, "Asia/Ho_Chi_Minh")).toString("utf8");
    expect(csv.split("\r\n").filter(Boolean)).toHaveLength(count + 1);
  });
});
