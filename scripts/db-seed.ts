// npm run db:seed — loads the 14 fields, 4 criteria, the movements and the sample unit tree.
import { ConfigError, loadDotEnv, parseConfig } from "../app/config";
import { describeDatabase } from "../app/database";
import { openDatabase } from "../core/db/client";
import { migrateDatabase } from "../core/db/migrate";
import { seedReferenceData } from "../prisma/seed/seed";

loadDotEnv();
try {
  const config = parseConfig(process.env);
  await migrateDatabase(config.DATABASE_URL);
  const db = await openDatabase(config.DATABASE_URL);
  const s = await seedReferenceData(db);
  await db.$disconnect();
  console.log(
    `Seeded ${describeDatabase(config.DATABASE_URL)}: ${s.fields} fields, ${s.criteria} criteria, ${s.movements} movements, ${s.units} units.`,
  );
  process.exit(0);
} catch (err) {
  console.error(err instanceof ConfigError ? err.message : `Seeding failed: ${(err as Error).message}`);
  process.exit(1);
}
