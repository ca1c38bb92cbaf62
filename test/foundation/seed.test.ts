import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedReferenceData } from "../../prisma/seed/seed";
import { createTempDatabase, type TempDatabase } from "../support/temp-database";

let t: TempDatabase;
beforeAll(async () => {
  t = await createTempDatabase({ seed: false });
});
afterAll(() => t.cleanup());

describe("reference data", () => {
  it("loads the 14 fields, 4 criteria and the movements of the plans", async () => {
    const summary = await seedReferenceData(t.db);
    expect(summary).toMatchObject({ fields: 14, criteria: 4, movements: 11 });
    const fields = await t.db.field.findMany({ orderBy: { number: "asc" } });
    expect(fields[6]!.nameVi).toBe("Giáo dục và đào tạo");
    expect(fields[13]!.nameVi).toBe("Đời sống xã hội (người tốt việc tốt, bảo vệ môi trường, phòng chống thiên tai)");
    expect(fields.every((f) => f.helpVi && f.helpEn)).toBe(true);
    const c4 = await t.db.criterion.findUniqueOrThrow({ where: { number: 4 } });
    expect(c4.nameVi).toMatch(/^Có tinh thần tương thân tương ái/);
    expect(await t.db.movement.findFirst({ where: { nameVi: "Dân vận khéo" } })).not.toBeNull();
  });

  it("is idempotent", async () => {
    const before = await seedReferenceData(t.db);
    const again = await seedReferenceData(t.db);
    expect(again).toEqual(before);
  });

  it("builds the unit tree with materialized paths for subtree queries", async () => {
    const province = await t.db.unit.findUniqueOrThrow({ where: { code: "PT" } });
    const district = await t.db.unit.findUniqueOrThrow({ where: { code: "PT-LT" } });
    expect(province.parentId).toBeNull();
    expect(province.path).toBe(`/${province.id}/`);
    expect(district.path).toBe(`/${province.id}/${district.id}/`);
    const subtree = await t.db.unit.findMany({ where: { path: { startsWith: district.path } } });
    expect(subtree.length).toBeGreaterThan(5);
    for (const u of subtree) {
      if (u.id === district.id) continue;
      const parent = await t.db.unit.findUniqueOrThrow({ where: { id: u.parentId! } });
      expect(u.path).toBe(`${parent.path}${u.id}/`);
    }
  });
});
