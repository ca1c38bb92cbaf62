// The local playground: with no channel configured, `npm start` runs the bot against the
// project's own Telegram emulator and its two Zalo emulators (Official Account, Bot Platform),
// with a sample organisation in a database of its own (never the real one), a cast of four
// people and a resident on each Zalo channel, a clock panel and a reset, all on one web page.
import { rm } from "node:fs/promises";
import path from "node:path";
import type { Logger } from "pino";
import type { DeadlineConfig } from "../../core/calendar/deadline-config";
import type { Db } from "../../core/db/client";
import type { Translations } from "../../core/i18n";
import { startEmulator, type Emulator } from "../../emulator/index";
import { commonBotOptions } from "../bot-options";
import { startBotApp, type BotApp } from "../channels";
import type { Config } from "../config";
import { prepareDatabase } from "../database";
import { createCast, type Cast } from "./cast";
import { PlaygroundClock } from "./clock";
import { moveClock, tickNow, type ClockPanelDeps } from "./clock-panel";
import { playgroundRoutes } from "./routes";
import { hasSampleOrganisation, seedSampleOrganisation, subscribeZaloOaGroup } from "./sample-organisation";
import { formatLocalDateTime } from "../../core/calendar/zoned-time";
import { startZaloSession, type ZaloSession } from "./zalo-session";
import type { ZaloChannelKey, ZaloView } from "./zalo-views";

/** What the playground needs from the start-up. */
export interface PlaygroundContext {
  config: Config;
  log: Logger;
  i18n: Translations;
  deadlines: DeadlineConfig;
  /** How often the periodic jobs run on their own, in ms; default a minute. */
  tickEveryMs?: number;
  /** The outbox worker's poll interval (tests make it shorter). */
  pollIntervalMs?: number;
}

/** A running playground. */
export interface RunningPlayground {
  emulator: Emulator;
  /** The page to open. */
  pageUrl: string;
  cast(): Cast;
  /** The resident's chat on a Zalo channel, as the page shows it. */
  zalo(channel: ZaloChannelKey): ZaloView;
  /** The bot as it runs now (a reset starts a new one). */
  app(): BotApp;
  db(): Db;
  clock: PlaygroundClock;
  /** Wipes the playground's database and chats and starts again from the sample organisation. */
  reset(): Promise<void>;
  stop(): Promise<void>;
}

interface Session {
  db: Db;
  app: BotApp;
  zalo: ZaloSession;
}

/** The playground's own database file and photo folder, under PLAYGROUND_DATA_DIR. */
export function playgroundPaths(config: Config): { dir: string; database: string; media: string } {
  const dir = config.PLAYGROUND_DATA_DIR;
  return { dir, database: path.join(dir, "playground.db"), media: path.join(dir, "media") };
}

/** The bot and its database as they run now, and what replaces them at a reset. */
class PlaygroundHost {
  readonly clock = new PlaygroundClock();
  readonly paths: ReturnType<typeof playgroundPaths>;
  session: Session | undefined;
  cast: Cast | undefined;
  private busy: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly ctx: PlaygroundContext,
    private readonly emulator: () => Emulator,
  ) {
    this.paths = playgroundPaths(ctx.config);
  }

  /** One thing at a time: a reset never overlaps a clock move or a quiet tick. */
  serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.busy.then(work, work);
    this.busy = next.catch(() => undefined);
    return next;
  }

  panel(): ClockPanelDeps {
    const { config, i18n, log } = this.ctx;
    return { app: this.session!.app, clock: this.clock, timeZone: config.TZ, digestCron: config.BROADCAST_CRON, previewCron: config.BROADCAST_PREVIEW_CRON, i18n, log };
  }

  /** Creates the cast, opens (and on first use seeds) the playground's database, starts the bot. */
  async open(): Promise<void> {
    const { config, log } = this.ctx;
    const emulator = this.emulator();
    this.cast = createCast(emulator.driver);
    const { db } = await prepareDatabase({ provider: "sqlite", file: this.paths.database }, log);
    if (!(await hasSampleOrganisation(db))) await seedSampleOrganisation(db, this.cast, this.clock.now(), config.TZ);
    // The OA emulator is new at each start: a token chain stored by an earlier one means nothing to it.
    await db.zaloOaToken.deleteMany();
    const zalo = await startZaloSession({ buttons: config.ZALO_OA_BUTTONS, groupDigest: config.ZALO_OA_GROUP_DIGEST, log });
    if (zalo.oaGroup) await subscribeZaloOaGroup(db, zalo.oaGroup);
    const common = commonBotOptions(config, { db, i18n: this.ctx.i18n, log, deadlines: this.ctx.deadlines });
    const app = await startBotApp({
      ...common,
      telegram: { token: emulator.token, apiRoot: emulator.apiRoot, adminIds: [String(this.cast.people.admin.userId)] },
      ...zalo.botOptions,
      mediaDir: this.paths.media,
      // Quiet hours would hold back what the clock panel just made due; the schedules follow
      // the panel's clock (the quiet tick), not the wall clock.
      calendar: { ...common.calendar, quietHours: null, allowTimeTravel: true, cron: null },
      broadcast: { ...common.broadcast, digestCron: null, now: this.clock.now },
      outbox: { clock: this.clock.nowMs, ...(this.ctx.pollIntervalMs ? { pollIntervalMs: this.ctx.pollIntervalMs } : {}) },
    });
    zalo.connect(app);
    this.session = { db, app, zalo };
  }

  async close(): Promise<void> {
    if (!this.session) return;
    const { app, db, zalo } = this.session;
    this.session = undefined;
    await app.stop();
    await zalo.close();
    await db.$disconnect();
  }

  /** Wipes the playground's folder and chats and starts again from the sample organisation. */
  async reset(): Promise<void> {
    await this.close();
    await rm(this.paths.dir, { recursive: true, force: true });
    this.emulator().state.reset();
    this.clock.reset();
    await this.open();
    this.ctx.log.info("playground reset to the sample organisation");
  }

  /** The periodic jobs as of the playground's clock, as the real ticker would run them. */
  quietTick(): Promise<void> {
    return this.serial(() => (this.session ? tickNow(this.panel()) : Promise.resolve()));
  }
}

/** Starts the emulator, the sample organisation and the bot; throws EADDRINUSE when the port is taken. */
export async function startPlayground(ctx: PlaygroundContext): Promise<RunningPlayground> {
  let emulator: Emulator | undefined;
  const host = new PlaygroundHost(ctx, () => emulator!);
  emulator = await startEmulator({
    port: ctx.config.PLAYGROUND_PORT,
    botUsername: "guong_sang_local_bot",
    pages: playgroundRoutes({
      cast: () => host.cast!,
      zalo: (channel) => host.session?.zalo.views[channel],
      clock: () => ({ at: host.clock.now().toISOString(), atText: formatLocalDateTime(host.clock.now(), ctx.config.TZ) }),
      moveClock: (step, locale) => host.serial(() => moveClock(host.panel(), step, locale)),
      reset: () => host.serial(() => host.reset()),
    }),
  });
  try {
    await host.open();
  } catch (err) {
    await emulator.close();
    throw err;
  }
  const ticker = setInterval(() => void host.quietTick().catch((err: unknown) => ctx.log.error({ err }, "playground tick failed")), ctx.tickEveryMs ?? 60_000);
  ticker.unref();
  return {
    emulator,
    pageUrl: `${emulator.apiRoot}/`,
    cast: () => host.cast!,
    zalo: (channel) => host.session!.zalo.views[channel],
    app: () => host.session!.app,
    db: () => host.session!.db,
    clock: host.clock,
    reset: () => host.serial(() => host.reset()),
    stop: async () => {
      clearInterval(ticker);
      await host.serial(() => host.close());
      await emulator!.close();
    },
  };
}
