// Databases for the bench: a migrated, seeded SQLite file in a temp folder, optionally filled
// with people and nominations so the bot works on a database of realistic size.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDatabase, type Db } from "../../core/db/client";
import { migrateDatabase } from "../../core/db/migrate";
import { seedReferenceData } from "../../prisma/seed/seed";

/** A migrated SQLite file in its own temp folder. */
export interface BenchDatabase {
  db: Db;
  dir: string;
  file: string;
  /** Disconnects and removes the folder. */
  cleanup(): Promise<void>;
}

/** Creates a temp folder with a migrated SQLite file, seeded with the reference data. */
export async function createBenchDatabase(name: string): Promise<BenchDatabase> {
  const dir = mkdtempSync(path.join(os.tmpdir(), `gs-bench-${name}-`));
  const file = path.join(dir, "bench.db");
  await migrateDatabase({ provider: "sqlite", file });
  const db = await openDatabase({ provider: "sqlite", file });
  await seedReferenceData(db);
  return {
    db,
    dir,
    file,
    cleanup: async () => {
      await db.$disconnect();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const batch = 500;
// Decided and abandoned nominations only: a waiting one without its review card would make
// every start of the bot post the missing card (handlers/review/cards.ts), which a running
// deployment has long done.
const statuses = ["PUBLISHED", "APPROVED", "PUBLISHED", "REJECTED", "PUBLISHED", "WITHDRAWN", "PUBLISHED", "CANCELLED", "PUBLISHED", "DRAFT"] as const;

/**
 * Adds `people` residents (each with a Telegram identity) and `nominations` nominations among
 * them, spread over units, fields and statuses, with codes of past years so this year's
 * numbering is untouched.
 */
export async function fillDatabase(db: Db, people: number, nominations: number): Promise<void> {
  if (people === 0) return;
  for (let i = 0; i < people; i += batch) {
    const rows = Array.from({ length: Math.min(batch, people - i) }, (_, k) => ({ displayName: `Cư dân ${i + k}` }));
    await db.person.createMany({ data: rows });
  }
  const persons = await db.person.findMany({ select: { id: true }, orderBy: { id: "desc" }, take: people });
  for (let i = 0; i < persons.length; i += batch) {
    await db.channelIdentity.createMany({
      data: persons.slice(i, i + batch).map((p) => ({ personId: p.id, channel: "TELEGRAM" as const, externalId: String(5_000_000_000 + p.id) })),
    });
  }
  const units = await db.unit.findMany({ select: { id: true } });
  const fields = await db.field.findMany({ select: { id: true } });
  const decidedAt = new Date(Date.now() - 30 * 24 * 3600_000);
  for (let i = 0; i < nominations; i += batch) {
    const rows = Array.from({ length: Math.min(batch, nominations - i) }, (_, k) => {
      const n = i + k;
      const status = statuses[n % statuses.length]!;
      const submitted = status !== "DRAFT" && status !== "CANCELLED";
      const name = `Người tốt ${n}`;
      return {
        nominatorId: persons[n % persons.length]!.id,
        channel: "TELEGRAM" as const,
        nomineeKind: "INDIVIDUAL" as const,
        nomineeName: name,
        nomineeNameKey: name.toLowerCase(),
        unitId: units[n % units.length]?.id ?? null,
        fieldId: fields[n % fields.length]?.id ?? null,
        achievements: `Thành tích của người tốt số ${n}: nhiều năm giúp đỡ bà con trong khu phố.`,
        consent: "GIVEN" as const,
        status,
        draftStep: submitted ? null : "achievements",
        ...(submitted
          ? { code: `GS-${2024 + (n % 2)}-${String(Math.floor(n / 2) + 1).padStart(5, "0")}`, codeYear: 2024 + (n % 2), codeSeq: Math.floor(n / 2) + 1, submittedAt: decidedAt }
          : {}),
        ...(status === "APPROVED" || status === "PUBLISHED" ? { decidedAt, publicStory: `Câu chuyện về ${name}.` } : {}),
        ...(status === "PUBLISHED" ? { publishedAt: decidedAt } : {}),
      };
    });
    await db.nomination.createMany({ data: rows });
  }
}
