// npm run db:migrate — applies the committed migrations not yet in DATABASE_URL's database.
import { ConfigError, loadDotEnv, parseConfig } from "../app/config";
import { describeDatabase } from "../app/database";
import { migrateDatabase } from "../core/db/migrate";

loadDotEnv();
try {
  const config = parseConfig(process.env);
  const applied = await migrateDatabase(config.DATABASE_URL);
  const where = describeDatabase(config.DATABASE_URL);
  console.log(applied.length ? `Applied to ${where}: ${applied.join(", ")}` : `${where} is up to date: nothing to apply.`);
  process.exit(0);
} catch (err) {
  console.error(err instanceof ConfigError ? err.message : `Migration failed: ${(err as Error).message}`);
  process.exit(1);
}
