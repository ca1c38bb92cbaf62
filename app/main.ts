// Gương Sáng's entry point: configuration, database, then the channels.
import { ConfigError, loadDotEnv, parseConfig, type Config } from "./config";
import { createLogger } from "./logger";
import { describeDatabase, prepareDatabase } from "./database";
import { Shutdown } from "./shutdown";
import { Translations } from "../core/i18n";
import { startTelegramApp } from "./telegram";

function readConfig(): Config {
  loadDotEnv();
  try {
    return parseConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
}

const config = readConfig();
const log = createLogger(config.LOG_LEVEL);
const i18n = new Translations(config.DEFAULT_LOCALE);
/** Operator-facing text, in both languages: the person at the terminal may read either. */
const bilingual = (id: string, args: Record<string, string | number> = {}) =>
  [i18n.t("vi", id, args), i18n.t("en", id, args)].join("\n\n");

const database = describeDatabase(config.DATABASE_URL);
let prepared: Awaited<ReturnType<typeof prepareDatabase>>;
try {
  prepared = await prepareDatabase(config.DATABASE_URL, log);
} catch (err) {
  const reason = err instanceof Error ? err.message.split("\n")[0]! : String(err);
  console.error(bilingual("setup-database-error", { database, reason }));
  process.exit(1);
}
const { db, summary } = prepared;
const shutdown = new Shutdown(log);
shutdown.add("database", () => db.$disconnect());

if (!config.TELEGRAM_BOT_TOKEN) {
  console.error(bilingual("setup-no-token", { ...summary, database }));
  await shutdown.run("no token");
  process.exit(1);
}

shutdown.listen();
log.info({ apiRoot: config.TELEGRAM_API_ROOT, database }, "starting");
const telegram = await startTelegramApp({
  token: config.TELEGRAM_BOT_TOKEN,
  apiRoot: config.TELEGRAM_API_ROOT,
  timeZone: config.TZ,
  defaultLocale: config.DEFAULT_LOCALE,
  mediaDir: config.MEDIA_DIR,
  adminTelegramIds: config.ADMIN_TELEGRAM_IDS,
  reviewLevels: config.REVIEW_LEVELS,
  calendar: {
    quietHours: config.QUIET_HOURS,
    allowTimeTravel: config.ALLOW_TIME_TRAVEL,
    cron: config.CALENDAR_CRON,
    deadlinesFile: config.DEADLINES_FILE,
  },
  db,
  i18n,
  log,
});
shutdown.add("telegram", () => telegram.stop());
