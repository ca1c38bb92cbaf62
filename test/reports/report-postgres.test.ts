// The report core on PostgreSQL: the same figures as on SQLite from the same nominations
// (path prefixes, date ranges, paging and the approval fallback all run there too).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reportFigures } from "../../core/reports/figures";
import { parseReportPeriod } from "../../core/reports/period";
import { everything, resolveReportScope } from "../../core/reports/scope";
import { createTempPostgres, postgresReachable } from "../support/temp-postgres";
import type { Db } from "../../core/db/client";
import { person, quarterlyQuota, seedNomination, vnNoon } from "./fixtures";

const tz = "Asia/Ho_Chi_Minh";
let pg: Awaited<ReturnType<typeof createTempPostgres>> | undefined;

async function seed(db: Db): Promise<void> {
  const n = await person(db, "Người dân");
  const officer = await person(db, "Cán bộ Hà");
  await quarterlyQuota(db, "KHOI-XA", 2);
  await seedNomination(db, n, { unit: "PT-LT-SONVI", status: "APPROVED", submittedAt: vnNoon(2026, 10, 20), decidedAt: new Date("2026-12-31T16:30:00Z"), approverId: officer, name: "Nguyễn Thị Hoa" });
  await seedNomination(db, n, { unit: "PT-LT-SONVI-K2", status: "PUBLISHED", submittedAt: vnNoon(2026, 10, 21), decidedAt: vnNoon(2026, 11, 11), name: "Khu 2" });
  await seedNomination(db, n, { unit: "PT-LT-XUANLUNG", status: "REJECTED", submittedAt: vnNoon(2026, 10, 23) });
  await seedNomination(db, n, { unit: "PT-LT-XUANLUNG", status: "APPROVED", submittedAt: vnNoon(2026, 12, 23), decidedAt: new Date("2026-12-31T17:30:00Z"), name: "Năm sau" });
}

beforeAll(async () => {
  if (!postgresReachable) return;
  pg = await createTempPostgres();
  await seed(pg.db);
});

afterAll(async () => {
  await pg?.cleanup();
});

describe.skipIf(!postgresReachable)("reports on PostgreSQL", () => {
  it("counts, lists and measures quotas as on SQLite", async () => {
    const q4 = parseReportPeriod("2026-Q4", new Date("2026-12-01T00:00:00Z"), tz);
    if (!q4.ok) throw new Error(q4.error);
    const f = await reportFigures(pg!.db, everything, q4.period, { timeZone: tz, now: new Date("2027-01-05T00:00:00Z") });
    expect(f.totals).toEqual({ received: 4, inReview: 0, needsInfo: 0, approved: 2, rejected: 1, withdrawn: 0, published: 1 });
    expect(f.units.find((u) => u.code === "PT-LT-SONVI")!.total.received).toBe(2);
    expect(f.exemplars.map((e) => e.nomineeName)).toEqual(["Khu 2", "Nguyễn Thị Hoa"]);
    expect(f.exemplars[1]!.approvers).toEqual(["Cán bộ Hà"]);
    expect(f.quotas.find((q) => q.unitCode === "PT-LT-SONVI")).toMatchObject({ approved: 2, met: true });
    expect(f.quotas.find((q) => q.unitCode === "PT-LT-XUANLUNG")).toMatchObject({ approved: 0, short: 2 });
    const scope = await resolveReportScope(pg!.db, null, "PT-LT-XUANLUNG");
    if (!scope.ok) throw new Error(scope.error);
    const mine = await reportFigures(pg!.db, scope.scope, q4.period, { timeZone: tz });
    expect(mine.totals.received).toBe(2);
    expect(mine.exemplars).toEqual([]);
  });
});
