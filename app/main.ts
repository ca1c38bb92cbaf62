// Gương Sáng's entry point: configuration, database, then the channels.
import { readConfigOrExit } from "./config";
import { createLogger } from "./logger";
import { DatabaseBusyError } from "../core/db/migrate";
import { describeDatabase, prepareDatabase } from "./database";
import { Shutdown } from "./shutdown";
import { Translations } from "../core/i18n";
import { DeadlineConfigError, loadDeadlineConfig, type DeadlineConfig } from "../core/calendar/deadline-config";
import { alertAdminsOnTelegram, startBotApp, type BotAppOptions } from "./channels";
import type { Db } from "../core/db/client";
import type { loginWithCredentials } from "../bot/zalo/login";
import { playgroundPaths, startPlayground } from "./playground/run";
import { PublicWebServer } from "./public-web";
import { commonBotOptions } from "./bot-options";
import { PostgresSendPace } from "../core/outbox/shared-pace";

const config = readConfigOrExit(2);
const log = createLogger(config.LOG_LEVEL, { secrets: [config.TELEGRAM_BOT_TOKEN, config.WEBHOOK_SECRET, config.ZALO_BOT_TOKEN, config.ZALO_BOT_WEBHOOK_SECRET] });
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

const shutdown = new Shutdown(log);
if (!config.TELEGRAM_BOT_TOKEN && !config.ZALO_ENABLED && !config.ZALO_OA_APP_ID && !config.ZALO_BOT_TOKEN) await runPlayground();
else await runConfiguredBot();

/**
 * Without any channel configured, the bot runs against the local emulator and its chat page,
 * on a sample organisation in a database of its own: the playground.
 */
async function runPlayground(): Promise<void> {
  try {
    const playground = await startPlayground({ config, log, i18n, deadlines });
    shutdown.add("playground", () => playground.stop());
    shutdown.listen();
    const dir = playgroundPaths(config).dir;
    console.log(bilingual("setup-playground", { url: playground.pageUrl, apiRoot: playground.emulator.apiRoot, token: playground.emulator.token, dir }));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EADDRINUSE") throw err;
    // Most often a playground left running in another window: say so, not "no token".
    const port = String(config.PLAYGROUND_PORT);
    console.error(bilingual("setup-playground-port-taken", { port, suggested: String(config.PLAYGROUND_PORT < 65_535 ? config.PLAYGROUND_PORT + 1 : config.PLAYGROUND_PORT - 1) }));
    process.exit(1);
  }
}

/** Opens the configured database, or says plainly why it cannot and exits. */
async function openConfiguredDatabase(): Promise<Db> {
  const database = describeDatabase(config.DATABASE_URL);
  try {
    return (await prepareDatabase(config.DATABASE_URL, log)).db;
  } catch (err) {
    const reason = err instanceof Error ? err.message.split("\n")[0]! : String(err);
    console.error(err instanceof DatabaseBusyError ? bilingual("setup-database-busy", { database }) : bilingual("setup-database-error", { database, reason }));
    process.exit(1);
  }
}

type ZaloApi = Awaited<ReturnType<typeof loginWithCredentials>>;

/** Logs in to Zalo; a failure turns only Zalo off when another channel runs (its reason is returned). */
async function loginZalo(otherChannel: boolean): Promise<{ api?: ZaloApi; failure?: string }> {
  try {
    // Loaded only when Zalo is on: zca-js costs about 30 MB and half a second at start.
    const { loginWithCredentials } = await import("../bot/zalo/login");
    return { api: await loginWithCredentials(config.ZALO_CREDENTIALS_PATH, log) };
  } catch (err) {
    // The credentials error says what to do (run npm run zalo:login); Zalo's refusal is logged.
    log.error({ err }, "zalo login failed");
    console.error(err instanceof Error ? err.message : String(err));
    if (!otherChannel) {
      await shutdown.run("zalo login failed");
      process.exit(1);
    }
    // Only the Zalo channel is lost: Telegram goes on serving, and its admins hear what to do.
    console.error(bilingual("setup-zalo-off"));
    return { failure: (err instanceof Error ? err.message : String(err)).split("\n")[0]! };
  }
}

/** The Zalo channels' options from the configuration. */
function zaloOptions(api: ZaloApi | undefined): Pick<BotAppOptions, "zalo" | "zaloOa" | "zaloBot"> {
  const limits = { sendIntervalSeconds: config.ZALO_SEND_INTERVAL_SECONDS, groupIntervalSeconds: config.ZALO_GROUP_INTERVAL_SECONDS, cooldownMinutes: config.ZALO_COOLDOWN_MINUTES };
  return {
    ...(api ? { zalo: { api, limits } } : {}),
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
            groupDigest: config.ZALO_OA_GROUP_DIGEST,
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
  };
}

/** Opens the public site; the bot goes on without it when its port is taken. */
async function listenPublicWeb(publicWeb: PublicWebServer): Promise<void> {
  try {
    const address = await publicWeb.listen(config.PUBLIC_WEB_PORT!);
    shutdown.add("public web", () => publicWeb.close());
    log.info({ address, publicBaseUrl: config.PUBLIC_BASE_URL ?? null }, "public site listening");
  } catch (err) {
    // A taken port should not silence the chat channels.
    log.error({ err, port: config.PUBLIC_WEB_PORT }, "public site could not listen");
  }
}

/** A real start: the configured database and channels. */
async function runConfiguredBot(): Promise<void> {
  const db = await openConfiguredDatabase();
  shutdown.add("database", () => db.$disconnect());
  shutdown.listen();
  const webhook = config.WEBHOOK_URL && config.WEBHOOK_SECRET && config.WEBHOOK_PORT ? { url: config.WEBHOOK_URL, secret: config.WEBHOOK_SECRET, port: config.WEBHOOK_PORT } : undefined;
  const telegram = config.TELEGRAM_BOT_TOKEN ? { token: config.TELEGRAM_BOT_TOKEN, apiRoot: config.TELEGRAM_API_ROOT, adminIds: config.ADMIN_TELEGRAM_IDS, ...(webhook ? { webhook } : {}) } : undefined;
  const zalo = config.ZALO_ENABLED ? await loginZalo(Boolean(telegram)) : {};
  const database = describeDatabase(config.DATABASE_URL);
  log.info({ telegram: telegram?.apiRoot ?? false, telegramWebhook: Boolean(webhook), zalo: Boolean(zalo.api), zaloOa: Boolean(config.ZALO_OA_APP_ID), zaloBot: config.ZALO_BOT_TOKEN ? (config.ZALO_BOT_WEBHOOK_SECRET ? "webhook" : "polling") : false, database }, "starting");
  // The public site is off unless its port is set; the bot's parts mount their routes on it at start.
  const publicWeb = config.PUBLIC_WEB_PORT === undefined ? undefined : new PublicWebServer(log);
  // On PostgreSQL several instances may send for the same accounts: they share one pace.
  const sharedPace = config.DATABASE_URL.provider === "postgres" ? await PostgresSendPace.open(config.DATABASE_URL.url, log) : undefined;
  if (sharedPace) shutdown.add("shared send pace", () => sharedPace.close());
  const common = commonBotOptions(config, { db, i18n, log, deadlines });
  const app = await startBotApp({
    ...common,
    ...(sharedPace ? { outbox: { ...common.outbox, sharedPace } } : {}),
    ...(telegram ? { telegram } : {}),
    ...zaloOptions(zalo.api),
    ...(publicWeb ? { publicWeb } : {}),
  });
  shutdown.add("channels", () => app.stop());
  if (publicWeb) await listenPublicWeb(publicWeb);
  if (zalo.failure !== undefined) {
    const reason = zalo.failure;
    const queued = await alertAdminsOnTelegram(db, i18n, config.DEFAULT_LOCALE, `zalo-login-failed:${Date.now()}`, (locale) => i18n.t(locale, "zalo-login-failed-alert", { reason }));
    log.warn({ queued }, "zalo channel off after a failed login; admins alerted on Telegram");
  }
}
