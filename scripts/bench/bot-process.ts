// A bot in its own process, so its CPU time and memory are its own and not the emulator's or
// the driver's: either the real bot (the Telegram channel on a SQLite file) or a plain grammY
// echo bot as the floor to compare with. Started by child.ts through fork(); speaks over IPC:
//   child → parent  { type: "ready" } once polling, { type: "sample", ... } on request
//   parent → child  { type: "sample" }, { type: "stop" }
import { createRequire } from "node:module";
import { z } from "zod";

/** What the parent passes in BENCH_BOT (JSON). */
export const botProcessSpec = z.object({
  kind: z.enum(["bot", "echo"]),
  token: z.string().min(1),
  apiRoot: z.url(),
  databaseFile: z.string().optional(),
  mediaDir: z.string().optional(),
});
export type BotProcessSpec = z.infer<typeof botProcessSpec>;

/** One reading of the process: CPU time so far, memory now and at its peak, SQL statements run. */
export interface ProcessSample {
  type: "sample";
  cpuMicros: number;
  rssBytes: number;
  maxRssBytes: number;
  /** Statements prepared by better-sqlite3 (every statement the adapter runs); null for the echo bot. */
  sqlStatements: number | null;
}

// === SQL counting
// The SQLite adapter prepares every statement it runs (queries, BEGIN, COMMIT), so counting
// prepare() counts statements. Patched on the prototype before any database is opened.
let sqlStatements = 0;
function countSqlStatements(): void {
  const require = createRequire(import.meta.url);
  const Database = require("better-sqlite3") as { prototype: { prepare: (...args: unknown[]) => unknown } };
  const prepare = Database.prototype.prepare;
  Database.prototype.prepare = function (this: unknown, ...args: unknown[]) {
    sqlStatements += 1;
    return prepare.apply(this, args);
  };
}

// === Bots

async function startRealBot(spec: BotProcessSpec): Promise<() => Promise<void>> {
  if (!spec.databaseFile || !spec.mediaDir) throw new Error("the real bot needs databaseFile and mediaDir");
  countSqlStatements();
  const [{ pino }, { openDatabase }, { startTelegramApp }, { Translations }] = await Promise.all([
    import("pino"),
    import("../../core/db/client"),
    import("../../app/telegram"),
    import("../../core/i18n"),
  ]);
  const db = await openDatabase({ provider: "sqlite", file: spec.databaseFile });
  const app = await startTelegramApp({
    token: spec.token,
    apiRoot: spec.apiRoot,
    timeZone: "Asia/Ho_Chi_Minh",
    defaultLocale: "vi",
    mediaDir: spec.mediaDir,
    db,
    i18n: new Translations("vi"),
    log: pino({ level: "silent" }),
    calendar: { cron: null },
    broadcast: { digestCron: null },
  });
  return async () => {
    await app.stop();
    await db.$disconnect();
  };
}

async function startEchoBot(spec: BotProcessSpec): Promise<() => Promise<void>> {
  const { Bot } = await import("grammy");
  const bot = new Bot(spec.token, { client: { apiRoot: spec.apiRoot } });
  bot.on("message:text", (ctx) => ctx.reply(ctx.message.text));
  await bot.init();
  void bot.start({ drop_pending_updates: false });
  return () => bot.stop();
}

// === Main

function sample(): ProcessSample {
  const cpu = process.cpuUsage();
  return {
    type: "sample",
    cpuMicros: cpu.user + cpu.system,
    rssBytes: process.memoryUsage.rss(),
    // resourceUsage reports the peak resident set in kilobytes.
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
    sqlStatements: spec.kind === "bot" ? sqlStatements : null,
  };
}

const spec = botProcessSpec.parse(JSON.parse(process.env.BENCH_BOT ?? "{}"));
const stop = spec.kind === "bot" ? await startRealBot(spec) : await startEchoBot(spec);
process.on("message", (message: { type?: string }) => {
  if (message.type === "sample") process.send?.(sample());
  if (message.type === "stop") {
    void stop().then(
      () => {
        process.send?.(sample());
        process.disconnect();
      },
      (err: unknown) => {
        console.error(err);
        process.exit(1);
      },
    );
  }
});
// A parent that died leaves nobody to report to: end with it.
process.on("disconnect", () => process.exit(0));
process.send?.({ type: "ready" });
