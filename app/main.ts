// Gương Sáng's entry point: configuration, database, then the channels.
import { readConfigOrExit } from "./config";
import { createLogger } from "./logger";
import { DatabaseBusyError } from "../core/db/migrate";
import { describeDatabase, prepareDatabase } from "./database";
import { Shutdown } from "./shutdown";
import { Translations } from "../core/i18n";
import { DeadlineConfigError, loadDeadlineConfig, type DeadlineConfig } from "../core/calendar/deadline-config";
import { alertAdminsOnTelegram, startBotApp } from "./channels";
import type { loginWithCredentials } from "../bot/zalo/login";
import { PublicWebServer } from "./public-web";
import { bindPlaygroundReviewGroup, startPlaygroundEmulator, type Playground } from "./playground";

const config = readConfigOrExit(2);
const log = createLogger(config.LOG_LEVEL, { secrets: [config.TELEGRAM_BOT_TOKEN, config.ZALO_BOT_TOKEN, config.ZALO_BOT_WEBHOOK_SECRET] });
const i18n = new Translations(config.DEFAULT_LOCALE);
/** Operator-facing text, in both languages: the person at the terminal may read either. */
const bilingual = (id: string, args: Record<string, string | number> = {}) =>
  [i18n.t("vi", id, args, { escape: false }), i18n.t("en", id, args, { escape: false })].join("\n\n");

// The calendar file is configuration too: a bad one stops the start with the list of problems.
let deadlines: DeadlineConfig;
try {
  deadlines = await loadDeadlineConfig(config.DEADLINES_FILE);
} catch (err) {
  if (!(err instanceof DeadlineConfigError)) throw err;
  console.error(err.message);
  process.exit(2);
}

const database = describeDatabase(config.DATABASE_URL);
let prepared: Awaited<ReturnType<typeof prepareDatabase>>;
try {
  prepared = await prepareDatabase(config.DATABASE_URL, log);
} catch (err) {
  const reason = err instanceof Error ? err.message.split("\n")[0]! : String(err);
  console.error(err instanceof DatabaseBusyError ? bilingual("setup-database-busy", { database }) : bilingual("setup-database-error", { database, reason }));
  process.exit(1);
}
const { db, summary } = prepared;
const shutdown = new Shutdown(log);
shutdown.add("database", () => db.$disconnect());

// Without a token, the bot runs against the local emulator and its chat page: the playground.
let playground: Playground | undefined;
// With Zalo on and no Telegram token, Zalo runs alone; the playground is for Telegram only.
if (!config.TELEGRAM_BOT_TOKEN && !config.ZALO_ENABLED && !config.ZALO_OA_APP_ID && !config.ZALO_BOT_TOKEN) {
  try {
    playground = await startPlaygroundEmulator(config.PLAYGROUND_PORT);
    shutdown.add("playground", () => playground?.emulator.close());
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "EADDRINUSE") {
      // Most often a playground left running in another window: say so, not "no token".
      const port = String(config.PLAYGROUND_PORT);
      console.error(bilingual("setup-playground-port-taken", { port, suggested: String(config.PLAYGROUND_PORT < 65_535 ? config.PLAYGROUND_PORT + 1 : config.PLAYGROUND_PORT - 1) }));
    } else {
      console.error(bilingual("setup-no-token", { ...summary, database }));
      console.error(`${(err as Error).message}`);
    }
    await shutdown.run("no token");
    process.exit(1);
  }
}

shutdown.listen();
const token = config.TELEGRAM_BOT_TOKEN ?? playground?.emulator.token;
const telegram = token ? { token, apiRoot: playground?.emulator.apiRoot ?? config.TELEGRAM_API_ROOT } : undefined;
let zaloApi: Awaited<ReturnType<typeof loginWithCredentials>> | undefined;
let zaloLoginFailure: string | undefined;
if (config.ZALO_ENABLED) {
  try {
    // Loaded only when Zalo is on: zca-js costs about 30 MB and half a second at start.
    const { loginWithCredentials } = await import("../bot/zalo/login");
    zaloApi = await loginWithCredentials(config.ZALO_CREDENTIALS_PATH, log);
  } catch (err) {
    // The credentials error says what to do (run npm run zalo:login); Zalo's refusal is logged.
    log.error({ err }, "zalo login failed");
    zaloLoginFailure = (err instanceof Error ? err.message : String(err)).split("\n")[0]!;
    console.error(err instanceof Error ? err.message : String(err));
    if (!telegram) {
      await shutdown.run("zalo login failed");
      process.exit(1);
    }
    // Only the Zalo channel is lost: Telegram goes on serving, and its admins hear what to do.
    console.error(bilingual("setup-zalo-off"));
  }
}
// The public site is off unless its port is set; the bot's parts mount their routes on it at start.
const publicWeb = config.PUBLIC_WEB_PORT === undefined ? undefined : new PublicWebServer(log);
log.info({ telegram: telegram?.apiRoot ?? false, zalo: Boolean(zaloApi), zaloOa: Boolean(config.ZALO_OA_APP_ID), zaloBot: config.ZALO_BOT_TOKEN ? (config.ZALO_BOT_WEBHOOK_SECRET ? "webhook" : "polling") : false, database, playground: Boolean(playground) }, "starting");
const app = await startBotApp({
  ...(telegram ? { telegram: { ...telegram, adminIds: playground ? [...config.ADMIN_TELEGRAM_IDS, String(playground.userId)] : config.ADMIN_TELEGRAM_IDS } } : {}),
  ...(zaloApi
    ? {
        zalo: {
          api: zaloApi,
          limits: {
            sendIntervalSeconds: config.ZALO_SEND_INTERVAL_SECONDS,
            groupIntervalSeconds: config.ZALO_GROUP_INTERVAL_SECONDS,
            cooldownMinutes: config.ZALO_COOLDOWN_MINUTES,
          },
        },
      }
    : {}),
  ...(config.ZALO_OA_APP_ID
    ? {
        zaloOa: {
          appId: config.ZALO_OA_APP_ID,
          appSecret: config.ZALO_OA_APP_SECRET!,
          secretKey: config.ZALO_OA_SECRET_KEY!,
          ...(config.ZALO_OA_REFRESH_TOKEN ? { refreshToken: config.ZALO_OA_REFRESH_TOKEN } : {}),
          webhookPort: config.ZALO_OA_WEBHOOK_PORT,
          webhookPath: config.ZALO_OA_WEBHOOK_PATH,
          apiRoot: config.ZALO_OA_API_ROOT,
          oauthRoot: config.ZALO_OA_OAUTH_ROOT,
          buttons: config.ZALO_OA_BUTTONS,
        },
      }
    : {}),
  ...(config.ZALO_BOT_TOKEN
    ? {
        zaloBot: {
          token: config.ZALO_BOT_TOKEN,
          apiRoot: config.ZALO_BOT_API_ROOT,
          ...(config.ZALO_BOT_WEBHOOK_SECRET && config.ZALO_BOT_WEBHOOK_PORT !== undefined ? { webhook: { secret: config.ZALO_BOT_WEBHOOK_SECRET, port: config.ZALO_BOT_WEBHOOK_PORT } } : {}),
          ...(config.PUBLIC_BASE_URL ? { publicBaseUrl: config.PUBLIC_BASE_URL } : {}),
        },
      }
    : {}),
  timeZone: config.TZ,
  defaultLocale: config.DEFAULT_LOCALE,
  mediaDir: config.MEDIA_DIR,
  reviewLevels: config.REVIEW_LEVELS,
  // In the playground one person nominates and reviews; everywhere else nobody judges their own.
  allowSelfReview: Boolean(playground),
  calendar: {
    quietHours: config.QUIET_HOURS,
    allowTimeTravel: config.ALLOW_TIME_TRAVEL || Boolean(playground),
    cron: config.CALENDAR_CRON,
    deadlines,
  },
  broadcast: { digestCron: config.BROADCAST_CRON, previewCron: config.BROADCAST_PREVIEW_CRON },
  ...(publicWeb ? { publicWeb } : {}),
  publicBaseUrl: config.PUBLIC_BASE_URL ?? null,
  db,
  i18n,
  log,
});
shutdown.add("channels", () => app.stop());
if (publicWeb) {
  try {
    const address = await publicWeb.listen(config.PUBLIC_WEB_PORT!);
    shutdown.add("public web", () => publicWeb.close());
    log.info({ address, publicBaseUrl: config.PUBLIC_BASE_URL ?? null }, "public site listening");
  } catch (err) {
    // The bot goes on without its site: a taken port should not silence the chat channels.
    log.error({ err, port: config.PUBLIC_WEB_PORT }, "public site could not listen");
  }
}
if (zaloLoginFailure !== undefined) {
  const reason = zaloLoginFailure;
  const queued = await alertAdminsOnTelegram(db, i18n, config.DEFAULT_LOCALE, `zalo-login-failed:${Date.now()}`, (locale) => i18n.t(locale, "zalo-login-failed-alert", { reason }));
  log.warn({ queued }, "zalo channel off after a failed login; admins alerted on Telegram");
}
if (playground) {
  await bindPlaygroundReviewGroup(db, playground.reviewGroupId);
  console.log(bilingual("setup-playground", { url: playground.pageUrl, apiRoot: playground.emulator.apiRoot, token: playground.emulator.token }));
}
