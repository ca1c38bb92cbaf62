// The one composition root of the bot: over one database it builds one handler chain (digest,
// review, account linking, calendar, then the nomination conversation), one outbox worker with a
// sender per running channel, one calendar ticker, and starts Telegram, Zalo, or both.
import type { Logger } from "pino";
import { startTelegramBot, type TelegramBot, type TelegramWebhookSettings } from "../bot/telegram/bot";
import { TelegramOutboxSender } from "../bot/telegram/outbox-sender";
import type { ZaloAdapter, ZaloSessionClosed } from "../bot/zalo/adapter";
import type { ChannelLimits } from "../core/outbox/rate-limiter";
import type { ZaloApi } from "../bot/zalo/zalo-api";
import type { ZaloOaAdapter } from "../bot/zalo-oa/adapter";
import type { ZaloOaSettings } from "../bot/zalo-oa/channel";
import type { ZaloBotAdapter } from "../bot/zalo-bot/adapter";
import type { ZaloBotSettings } from "../bot/zalo-bot/channel";
import { createMediaHandler, type MediaRequestHandler } from "../core/media/serve";
import { MediaUrlSigner } from "../core/media/signed-urls";
import type { Channel } from "../core/db/generated/sqlite/enums";
import { calendarJobs } from "../core/calendar/jobs";
import { weeklyStatsJob } from "../core/reports/weekly-stats";
import { syncDeadlines, type DeadlineConfig } from "../core/calendar/deadline-config";
import { startTicker, type CalendarTicker, type TickJob } from "../core/calendar/ticker";
import { ClusterScheduleGate } from "../core/cluster/scheduled-runs";
import { choicePayload } from "../core/channel/choice-payloads";
import type { ChannelName, ChannelPort, EventHandler } from "../core/channel/port";
import type { QuietHours } from "../core/calendar/zoned-time";
import type { Db } from "../core/db/client";
import { toLocale, type Locale, type Translations } from "../core/i18n";
import { deactivateOnPermanentFailure } from "../core/outbox/deactivate-subscription";
import { enqueue, outboxKey } from "../core/outbox/enqueue";
import { attachmentFileIds } from "../core/outbox/file-ids";
import type { Sender } from "../core/outbox/sender";
import { OutboxWorker, type OutboxWorkerOptions } from "../core/outbox/worker";
import { defaultReviewLevels, type ReviewLevels } from "../core/review/levels";
import { ensureAdmins } from "../core/review/officers";
import { normalizeEvent } from "../core/text/normalize";
import { NominationWorkflow } from "../core/workflow/engine";
import type { BroadcastDeps } from "../handlers/broadcast/deps";
import { broadcastMiddleware } from "../handlers/broadcast/middleware";
import { ProgressFollower } from "../handlers/broadcast/progress";
import { broadcastJobs, startBroadcastSchedules } from "../handlers/broadcast/schedule";
import { calendarMiddleware } from "../handlers/calendar/middleware";
import { chain } from "../handlers/chain";
import { commandMenus, nominateDeepLink } from "../handlers/commands";
import { createConversationHandler } from "../handlers/conversation";
import { linkMiddleware } from "../handlers/link";
import { publicationMiddleware } from "../handlers/publication";
import { UpdateRateLimiter, type RateLimitOptions } from "../handlers/rate-limit";
import { postCards, postMissingCards, refreshCards } from "../handlers/review/cards";
import type { ReviewDeps } from "../handlers/review/deps";
import { reviewMiddleware } from "../handlers/review/middleware";
import { syncRoleMenus } from "../handlers/review/role-menus";
import { reportsMiddleware } from "../handlers/reports/middleware";
import { eraseWithdrawnZaloOaUser, privacyMiddleware, type PrivacyDeps } from "../handlers/privacy";
import { liveSiteHandler } from "../core/publication/serve";
import { retentionJob } from "../core/privacy/retention";
import type { PublicWebServer } from "./public-web";

// === Options

/** The Telegram channel's settings. */
export interface TelegramChannelOptions {
  token: string;
  apiRoot: string;
  /** Telegram user ids who are admins from the first start. */
  adminIds?: readonly string[];
  /** Webhook mode (WEBHOOK_URL, WEBHOOK_SECRET, WEBHOOK_PORT); long polling without it. */
  webhook?: Omit<TelegramWebhookSettings, "db">;
}

/** The Zalo channel's settings: a logged-in account (or a fake of its shape in tests). */
export interface ZaloChannelOptions {
  api: ZaloApi;
  /** The conservative outbox limits of Zalo; defaults: one send per 3 s, 4 h rest after code 221. */
  limits?: { sendIntervalSeconds: number; groupIntervalSeconds: number; cooldownMinutes: number };
  /** Reconnection waits of the listener (tests shorten them). */
  reconnect?: { baseMs?: number; maxMs?: number };
  /** Called when Zalo Web took the session; by default the admins are alerted on Telegram. */
  onSessionClosed?: (closure: ZaloSessionClosed) => void | Promise<void>;
}

/** Everything the bot needs to run, whichever channels are on. */
export interface BotAppOptions {
  db: Db;
  i18n: Translations;
  log: Logger;
  timeZone: string;
  defaultLocale: Locale;
  mediaDir: string;
  /** At least one channel. */
  telegram?: TelegramChannelOptions;
  zalo?: ZaloChannelOptions;
  /** The agency's Zalo Official Account (OA Open API); loaded only when given. */
  zaloOa?: ZaloOaSettings;
  /** A Zalo Bot Platform bot (ZALO_BOT_TOKEN); loaded only when given. */
  zaloBot?: ZaloBotSettings;
  reviewLevels?: ReviewLevels;
  /** Lets an officer decide on their own nomination; only the one-person playground wants it. */
  allowSelfReview?: boolean;
  maxSubmissionsPerDay?: number;
  albumQuietMs?: number;
  rateLimit?: RateLimitOptions;
  /** Outbox worker settings (tests make it poll faster). */
  outbox?: Partial<Pick<OutboxWorkerOptions, "pollIntervalMs" | "limits" | "backoff" | "clock" | "sharedPace">>;
  /** The emulation calendar: reminders, nudges, review summaries, /tick. */
  calendar?: {
    quietHours?: QuietHours | null;
    allowTimeTravel?: boolean;
    /** Cron of the ticks; null runs no ticker (tests drive /tick or the jobs). */
    cron?: string | null;
    /** The deadline calendar (from DEADLINES_FILE), synced at start. */
    deadlines?: DeadlineConfig;
    /** The quarter's chart to the council's review group every Monday morning (COUNCIL_WEEKLY_STATS); default on. */
    councilWeeklyStats?: boolean;
  };
  /** Personal data: how long contact phones and unpublished photos are kept after a decision. */
  privacy?: {
    /** Months after a nomination is decided (RETENTION_MONTHS); default 12. */
    retentionMonths?: number;
  };
  /** The weekly digest to subscribed chats and its preview to the council. */
  broadcast?: {
    /** Cron of the weekly send and of the preview (in timeZone); null runs no schedule (tests call the jobs). */
    digestCron?: string | null;
    previewCron?: string;
    /** Least milliseconds between two edits of an officer's progress message; default 1000. */
    progressIntervalMs?: number;
    /** The clock of the digest handlers; default the real one. */
    now?: () => Date;
  };
  /**
   * Several instances on one database: the scheduled jobs run in the one instance that holds the
   * scheduler's lease (see core/cluster). Always on; tests shorten the lease.
   */
  cluster?: { leaseTtlMs?: number; catchUpMs?: number; holder?: string };
  /** The public web server (PUBLIC_WEB_PORT), for the parts of the bot that serve the public to mount their routes on. */
  publicWeb?: PublicWebServer;
  /** Where people reach the public site (PUBLIC_BASE_URL), for links in chat; null or absent: no links. */
  publicBaseUrl?: string | null;
  /** Called after each submission, once the officers' cards are posted. */
  onSubmitted?: (nominationId: number) => void | Promise<void>;
}

/** The running bot. */
export interface BotApp {
  telegram: TelegramBot | null;
  zalo: ZaloAdapter | null;
  zaloOa: ZaloOaAdapter | null;
  zaloBot: ZaloBotAdapter | null;
  worker: OutboxWorker;
  review: ReviewDeps;
  /** The periodic jobs, as the ticker and /tick run them. */
  jobs: TickJob[];
  /** The digest's preview, weekly send and settling jobs, as their schedule runs them. */
  broadcastJobs: ReturnType<typeof broadcastJobs>;
  /** Which instance runs the scheduled jobs (the scheduler's lease and its claims). */
  scheduler: ClusterScheduleGate;
  /** The port of a running channel. */
  port(channel: ChannelName): ChannelPort | undefined;
  /** Stops receiving on every channel, finishes the events in hand, then the outbox and the ticker. */
  stop(): Promise<void>;
}

/** Zalo's outbox limits when the configuration says nothing (see .env.example). */
const defaultZaloLimits = { sendIntervalSeconds: 3, groupIntervalSeconds: 3, cooldownMinutes: 240 };

// === Admin alerts

/**
 * Queues an alert to every admin who has a Telegram account, in their language, once per
 * `key`: used when the Zalo session was closed elsewhere and Zalo can no longer carry it.
 */
export async function alertAdminsOnTelegram(db: Db, i18n: Translations, defaultLocale: Locale, key: string, text: (locale: Locale) => string): Promise<number> {
  return alertAdmins(db, i18n, defaultLocale, ["TELEGRAM"], key, text);
}

/** Queues an alert to every admin on each of `channels` they have an account on, once per `key`. */
export async function alertAdmins(db: Db, i18n: Translations, defaultLocale: Locale, channels: Channel[], key: string, text: (locale: Locale) => string): Promise<number> {
  const admins = await db.roleAssignment.findMany({
    where: { role: "ADMIN" },
    select: { person: { select: { id: true, language: true, identities: { where: { channel: { in: channels } }, select: { channel: true, externalId: true } } } } },
  });
  let queued = 0;
  for (const { person } of admins) {
    for (const identity of person.identities) {
      await enqueue(db, {
        idempotencyKey: outboxKey("admin-alert", key, "person", person.id, identity.externalId),
        chat: { channel: identity.channel, externalId: identity.externalId, kind: "PRIVATE" },
        kind: "admin-alert",
        payload: { type: "text", html: text(toLocale(person.language, defaultLocale)) },
      });
      queued++;
    }
  }
  return queued;
}

// === Start

/** What the parts built at start share: the options, and the channels once they run. */
interface Running {
  options: BotAppOptions;
  telegram: TelegramBot | null;
  zalo: ZaloAdapter | null;
  zaloOa: ZaloOaAdapter | null;
  zaloBot: ZaloBotAdapter | null;
  /** Set once the worker runs; the handlers built before it wake it through here. */
  worker: OutboxWorker | undefined;
}

/** The port of a running channel. */
function portOf(running: Running, channel: ChannelName): ChannelPort | undefined {
  if (channel === "TELEGRAM") return running.telegram?.port;
  if (channel === "ZALO_BOT") return running.zaloBot ?? undefined;
  return (channel === "ZALO" ? running.zalo : running.zaloOa) ?? undefined;
}

/** The review handlers' dependencies. */
function reviewDeps(running: Running): ReviewDeps {
  const { db, i18n, log } = running.options;
  return {
    db,
    i18n,
    log,
    levels: running.options.reviewLevels ?? defaultReviewLevels,
    allowSelfReview: running.options.allowSelfReview ?? false,
    timeZone: running.options.timeZone,
    defaultLocale: running.options.defaultLocale,
    mediaDir: running.options.mediaDir,
    publicBaseUrl: running.options.publicBaseUrl ?? null,
    port: (channel) => portOf(running, channel),
  };
}

/** The nomination workflow and the private-chat conversation over it. */
function conversationParts(options: BotAppOptions, review: ReviewDeps) {
  const { db, i18n, log } = options;
  const workflow = new NominationWorkflow({
    db,
    i18n,
    log,
    timeZone: options.timeZone,
    ...(options.maxSubmissionsPerDay !== undefined ? { maxSubmissionsPerDay: options.maxSubmissionsPerDay } : {}),
    ...(options.albumQuietMs !== undefined ? { albumQuietMs: options.albumQuietMs } : {}),
    onSubmitted: async (nominationId) => {
      await postCards(review, nominationId);
      await options.onSubmitted?.(nominationId);
    },
  });
  const conversation = createConversationHandler({
    db,
    i18n,
    log,
    workflow,
    defaultLocale: options.defaultLocale,
    mediaDir: options.mediaDir,
    rateLimiter: new UpdateRateLimiter(options.rateLimit),
    onWithdrawn: (nominationId) => refreshCards(review, nominationId),
  });
  return { workflow, conversation };
}

/** The periodic jobs: the calendar's (reminders, nudges, review summaries), the council's weekly chart and the daily retention purge. */
function calendarTickJobs(running: Running): TickJob[] {
  const { db, i18n, log, timeZone, defaultLocale, mediaDir } = running.options;
  const calendar = running.options.calendar ?? {};
  const quietHours = calendar.quietHours === undefined ? { start: "21:00", end: "07:00" } : calendar.quietHours;
  const jobs = calendarJobs({ db, i18n, log, timeZone, defaultLocale, quietHours, continuePayload: choicePayload("draft", "continue") });
  const weeklyStats = calendar.councilWeeklyStats === false ? [] : [weeklyStatsJob({ db, i18n, log, timeZone, defaultLocale, quietHours, mediaDir })];
  const retention = retentionJob({ db, log, months: running.options.privacy?.retentionMonths ?? 12, mediaDir, timeZone });
  return [...jobs, ...weeklyStats, retention];
}

/** The personal-data handlers' dependencies (also what Zalo OA's user_withdraw runs). */
function privacyDeps(running: Running, review: ReviewDeps): PrivacyDeps {
  const { db, i18n, log, timeZone, defaultLocale, mediaDir } = running.options;
  return { db, i18n, log, timeZone, defaultLocale, mediaDir, onWithdrawn: (id) => refreshCards(review, id) };
}

/** The digest handlers' dependencies. */
function broadcastDeps(running: Running, review: ReviewDeps): BroadcastDeps {
  const { db, i18n, log } = running.options;
  const digest = running.options.broadcast ?? {};
  return {
    db,
    i18n,
    log,
    timeZone: running.options.timeZone,
    defaultLocale: running.options.defaultLocale,
    digestLocale: running.options.defaultLocale,
    nominateLink: null,
    publicBaseUrl: running.options.publicBaseUrl ?? null,
    review,
    progressIntervalMs: digest.progressIntervalMs ?? 1000,
    now: digest.now ?? (() => new Date()),
    wakeOutbox: () => running.worker?.wake(),
  };
}

/** The handler chain every channel feeds: digest, review, reports, publication, account linking, calendar, then the conversation. */
function handlerChain(running: Running, parts: { review: ReviewDeps; broadcast: BroadcastDeps; progress: ProgressFollower; jobs: TickJob[]; conversation: EventHandler }): EventHandler {
  const { db, i18n, log, timeZone, defaultLocale } = running.options;
  const links = chain(
    [
      broadcastMiddleware(parts.broadcast, parts.progress),
      privacyMiddleware(privacyDeps(running, parts.review)),
      reviewMiddleware(parts.review),
      reportsMiddleware({ db, i18n, log, timeZone, defaultLocale }),
      publicationMiddleware({
        db,
        i18n,
        log,
        timeZone,
        defaultLocale,
        publicBaseUrl: running.options.publicBaseUrl ?? null,
        onWithdrawn: (nominationId) => refreshCards(parts.review, nominationId),
      }),
      linkMiddleware({ db, i18n, log, defaultLocale }),
      calendarMiddleware({
        db,
        i18n,
        log,
        timeZone,
        defaultLocale,
        allowTimeTravel: running.options.calendar?.allowTimeTravel ?? false,
        jobs: () => parts.jobs,
        afterTick: () => running.worker?.wake(),
      }),
    ],
    parts.conversation,
  );
  // The one entry of every channel's events: their text is NFC before any link reads it.
  return (event, port) => links(normalizeEvent(event), port);
}

/** Starts the channels that are configured; returns the outbox sender of each, and Zalo's outbox limits when it is on. */
async function startChannels(running: Running, handler: EventHandler, review: ReviewDeps): Promise<{ senders: Sender[]; limits: Partial<Record<"ZALO", ChannelLimits>> }> {
  const { options } = running;
  const { db, i18n, log } = options;
  const senders: Sender[] = [];
  if (options.telegram) {
    const { token, apiRoot, webhook } = options.telegram;
    running.telegram = await startTelegramBot({ token, apiRoot, handler, commands: commandMenus, i18n, log, ...(webhook ? { webhook: { ...webhook, db } } : {}) });
    senders.push(new TelegramOutboxSender({ token, apiRoot, mediaDir: options.mediaDir, fileIds: attachmentFileIds(db) }));
  }
  let limits: Partial<Record<"ZALO", ChannelLimits>> = {};
  if (options.zalo) {
    // Loaded only when Zalo is on: zca-js costs about 30 MB and half a second at start.
    const [{ sessionClosedAlert, ZaloAdapter }, { ZaloOutboxSender, zaloOutboxLimits }, { ZaloPace }] = await Promise.all([
      import("../bot/zalo/adapter"),
      import("../bot/zalo/outbox-sender"),
      import("../bot/zalo/pace"),
    ]);
    const settings = options.zalo;
    limits = { ZALO: zaloOutboxLimits(settings.limits ?? defaultZaloLimits) };
    // One pace for the account: the outbox and the direct replies draw from it alike.
    const pace = ZaloPace.fromLimits({ ...limits.ZALO!, ...options.outbox?.limits?.ZALO });
    const onSessionClosed =
      settings.onSessionClosed ??
      (async (closure: ZaloSessionClosed) => {
        if (!options.telegram) return;
        const queued = await alertAdminsOnTelegram(db, i18n, options.defaultLocale, `zalo-closed:${Date.now()}`, (locale) => sessionClosedAlert(i18n, locale, closure));
        log.info({ queued }, "admins alerted on Telegram: Zalo session closed");
        running.worker?.wake();
      });
    running.zalo = new ZaloAdapter({
      api: settings.api,
      db,
      log,
      onEvent: handler,
      i18n,
      defaultLocale: options.defaultLocale,
      mediaDir: options.mediaDir,
      onSessionClosed,
      pace,
      ...(settings.reconnect ? { reconnect: settings.reconnect } : {}),
    });
    running.zalo.start();
    senders.push(new ZaloOutboxSender({ api: settings.api, db, i18n, locale: options.defaultLocale, mediaDir: options.mediaDir, pace }));
  }
  if (options.zaloOa) senders.push(await startZaloOa(running, options.zaloOa, handler, review));
  if (options.zaloBot) senders.push(await startZaloBot(running, options.zaloBot, handler));
  return { senders, limits };
}

/** Starts the Zalo Official Account channel; returns its outbox sender. */
async function startZaloOa(running: Running, settings: ZaloOaSettings, handler: EventHandler, review: ReviewDeps): Promise<Sender> {
  const { options } = running;
  const { db, i18n, log } = options;
  // Loaded only when the OA channel is on: it brings its own image library.
  const { createZaloOaChannel } = await import("../bot/zalo-oa/channel");
  const others: Channel[] = [...(options.telegram ? (["TELEGRAM"] as const) : []), ...(options.zalo ? (["ZALO"] as const) : [])];
  const oa = createZaloOaChannel(settings, {
    db,
    log,
    i18n,
    defaultLocale: options.defaultLocale,
    mediaDir: options.mediaDir,
    onEvent: handler,
    onUserWithdraw: (userId) => eraseWithdrawnZaloOaUser(privacyDeps(running, review), userId),
    fallbackChannels: others,
    onConfigurationError: async (code) => {
      const queued = await alertAdmins(db, i18n, options.defaultLocale, others, `zalo-oa-config:${code}:${new Date().toISOString().slice(0, 10)}`, (locale) =>
        i18n.t(locale, code === -216 || code === -220 ? "zalo-oa-token-alert" : "zalo-oa-config-alert", { code: String(code) }),
      );
      log.error({ code, queued }, "zalo oa: the OA's set-up needs an admin; admins alerted on the other channels");
      running.worker?.wake();
    },
  });
  running.zaloOa = oa.adapter;
  await running.zaloOa.start();
  return oa.sender;
}

/** The channels other than the Bot Platform that run: where its admins are alerted. */
function channelsBesideZaloBot(options: BotAppOptions): Channel[] {
  return [...(options.telegram ? (["TELEGRAM"] as const) : []), ...(options.zalo ? (["ZALO"] as const) : []), ...(options.zaloOa ? (["ZALO_OA"] as const) : [])];
}

/**
 * Starts the Zalo Bot Platform channel, its signed photo route mounted on the public web server
 * (and on its webhook server in webhook mode); returns its outbox sender.
 */
async function startZaloBot(running: Running, settings: ZaloBotSettings, handler: EventHandler): Promise<Sender> {
  const { options } = running;
  const { db, i18n, log } = options;
  const { createZaloBotChannel } = await import("../bot/zalo-bot/channel");
  const signer = MediaUrlSigner.fromSecret(settings.token);
  const media: MediaRequestHandler = createMediaHandler({ signer, mediaDir: options.mediaDir });
  // Zalo fetches the photos the bot sends from here (PUBLIC_BASE_URL/media/<signed token>).
  options.publicWeb?.mount("/media/", (req, res) => void media(req, res));
  const publicBaseUrl = settings.publicBaseUrl ?? options.publicBaseUrl ?? undefined;
  const others = channelsBesideZaloBot(options);
  const alert = async (what: "quota" | "token") => {
    const day = new Date().toISOString().slice(0, 13);
    const queued = await alertAdmins(db, i18n, options.defaultLocale, others, `zalo-bot-${what}:${day}`, (locale) => i18n.t(locale, what === "quota" ? "zalo-bot-quota-alert" : "zalo-bot-token-alert"));
    log.error({ queued, what }, "zalo bot: sending stopped; admins alerted on the other channels");
    running.worker?.wake();
  };
  const zbot = createZaloBotChannel(
    { ...settings, ...(publicBaseUrl ? { publicBaseUrl } : {}) },
    { db, log, i18n, defaultLocale: options.defaultLocale, mediaDir: options.mediaDir, onEvent: handler, signer, mounts: [media], onQuotaExceeded: () => alert("quota"), onTokenRefused: () => alert("token") },
  );
  running.zaloBot = zbot.adapter;
  await running.zaloBot.start();
  return zbot.sender;
}

/** Serves the public site of stories at the root of the public web server, when there is one. */
function mountPublicSite(options: BotAppOptions): void {
  if (!options.publicWeb) return;
  const { db, i18n, timeZone, mediaDir } = options;
  // The site is Vietnamese whatever the bot's default language: it is the ward's public page.
  const context = () => ({ i18n, locale: "vi" as const, timeZone, baseUrl: options.publicBaseUrl ?? null, generatedAt: new Date() });
  options.publicWeb.mount("/", liveSiteHandler({ db, mediaDir, context }));
}

/**
 * Starts the bot on the channels given: Telegram alone, Zalo alone, or both, sharing the
 * database, the handlers and the outbox.
 *
 * ```ts
 * const app = await startBotApp({ db, i18n, log, timeZone, defaultLocale, mediaDir, telegram: { token, apiRoot }, zalo: { api } });
 * shutdown.add("bot", () => app.stop());
 * ```
 */
export async function startBotApp(options: BotAppOptions): Promise<BotApp> {
  const { db, log } = options;
  if (!options.telegram && !options.zalo && !options.zaloOa && !options.zaloBot) throw new Error("startBotApp needs at least one channel");
  await ensureAdmins(db, options.telegram?.adminIds ?? []);

  const running: Running = { options, telegram: null, zalo: null, zaloOa: null, zaloBot: null, worker: undefined };
  const review = reviewDeps(running);
  const { workflow, conversation } = conversationParts(options, review);
  const calendar = options.calendar ?? {};
  if (calendar.deadlines) {
    const summary = await syncDeadlines(db, calendar.deadlines, log);
    log.info(summary, "deadline calendar synced");
  }
  const jobs = calendarTickJobs(running);
  const broadcast = broadcastDeps(running, review);
  const progress = new ProgressFollower(broadcast);
  const handler = handlerChain(running, { review, broadcast, progress, jobs, conversation });

  const { senders, limits: zaloLimits } = await startChannels(running, handler, review);
  const worker = new OutboxWorker({
    db,
    log,
    senders,
    onPermanentFailure: deactivateOnPermanentFailure(db, log),
    ...options.outbox,
    limits: { ...zaloLimits, ...options.outbox?.limits },
  });
  running.worker = worker;
  worker.start();
  // The digest's "nominate" link is Telegram's deep link; Zalo has none of its own.
  if (running.telegram) broadcast.nominateLink = `https://t.me/${running.telegram.username}?start=${nominateDeepLink}`;
  const digest = options.broadcast ?? {};
  const digestCron = digest.digestCron === undefined ? "0 8 * * 1" : digest.digestCron;
  const gate = new ClusterScheduleGate({ db, log, ...options.cluster });
  if (digestCron !== null || calendar.cron !== null) gate.start();
  const digestSchedule =
    digestCron === null ? null : startBroadcastSchedules(broadcast, { digestCron, previewCron: digest.previewCron ?? "0 17 * * 0", timeZone: options.timeZone, log, gate });
  const ticker: CalendarTicker | null =
    calendar.cron === null ? null : startTicker({ jobs, name: "calendar", timeZone: options.timeZone, log, gate, ...(calendar.cron ? { schedule: calendar.cron } : {}) });
  mountPublicSite(options);
  // Cards for nominations submitted while the process was down, or whose posting failed.
  await postMissingCards(review).catch((err: unknown) => log.error({ err }, "posting missing review cards failed"));
  await syncRoleMenus(review).catch((err: unknown) => log.error({ err }, "setting officers' command menus failed"));

  return {
    telegram: running.telegram,
    zalo: running.zalo,
    zaloOa: running.zaloOa,
    zaloBot: running.zaloBot,
    worker,
    review,
    jobs,
    broadcastJobs: broadcastJobs(broadcast, { digestCron: digestCron ?? "0 8 * * 1" }),
    scheduler: gate,
    port: (channel) => portOf(running, channel),
    stop: async () => {
      await digestSchedule?.stop();
      await progress.stop();
      await ticker?.stop();
      await gate.stop();
      await running.telegram?.stop();
      await running.zalo?.stop();
      await running.zaloOa?.stop();
      await running.zaloBot?.stop();
      await worker.stop();
      workflow.stop();
    },
  };
}
