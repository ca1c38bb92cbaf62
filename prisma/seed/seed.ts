// Loads the reference data (14 fields, 4 criteria, the movements, a sample unit tree).
// Idempotent: running it again updates names and adds what is missing, never duplicates.
import type { Db } from "../../core/db/client";
import { blocks, criteria, fields, movements, units } from "./reference-data";
import type { UnitSeed } from "./reference-types";

/** Counts of what the reference tables hold after seeding. */
export interface SeedSummary {
  fields: number;
  criteria: number;
  movements: number;
  units: number;
}

/** Upserts every reference row; returns the resulting table sizes. */
export async function seedReferenceData(db: Db): Promise<SeedSummary> {
  for (const f of fields) {
    await db.field.upsert({ where: { number: f.number }, create: f, update: f });
  }
  for (const c of criteria) {
    await db.criterion.upsert({ where: { number: c.number }, create: c, update: c });
  }
  for (const m of movements) {
    const data = {
      ...m,
      startsOn: m.startsOn ? new Date(`${m.startsOn}T00:00:00Z`) : null,
      endsOn: m.endsOn ? new Date(`${m.endsOn}T00:00:00Z`) : null,
    };
    await db.movement.upsert({ where: { code: m.code }, create: data, update: data });
  }
  const blockIds = new Map<string, number>();
  for (const b of blocks) {
    const row = await db.emulationBlock.upsert({ where: { code: b.code }, create: b, update: b });
    blockIds.set(b.code, row.id);
  }
  const visit = async (unit: UnitSeed, parent: { id: number; path: string } | null): Promise<void> => {
    const data = {
      name: unit.name,
      kind: unit.kind,
      parentId: parent?.id ?? null,
      blockId: unit.block ? (blockIds.get(unit.block) ?? null) : null,
    };
    const row = await db.unit.upsert({ where: { code: unit.code }, create: { ...data, code: unit.code, path: "" }, update: data });
    const path = `${parent?.path ?? "/"}${row.id}/`;
    if (row.path !== path) await db.unit.update({ where: { id: row.id }, data: { path } });
    for (const child of unit.children ?? []) await visit(child, { id: row.id, path });
  };
  for (const root of units) await visit(root, null);
  return countReferenceData(db);
}

/** Table sizes of the reference data. */
export async function countReferenceData(db: Db): Promise<SeedSummary> {
  const [f, c, m, u] = await Promise.all([db.field.count(), db.criterion.count(), db.movement.count(), db.unit.count()]);
  return { fields: f, criteria: c, movements: m, units: u };
}
