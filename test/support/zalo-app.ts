// Starts the bot's composition root with its Zalo channel on a fake zca-js account (and,
// when asked, Telegram against the emulator too), on a real SQLite file; reads what the bot
// sent to each Zalo thread one message at a time, as the emulator's driver does for Telegram.
import path from "node:path";
import { pino } from "pino";
import { startBotApp, type BotApp, type BotAppOptions } from "../../app/channels";
import { openDatabase, type Db } from "../../core/db/client";
import type { DatabaseTarget } from "../../core/db/database-url";
import { Translations } from "../../core/i18n";
import { unlimited } from "../../core/outbox/rate-limiter";
import type { FakeZalo, SentZaloMessage } from "../zalo/fake-zalo";

/** A running bot process as a test sees it. */
export interface AppUnderTest {
  db: Db;
  app: BotApp;
  mediaDir: string;
  submitted: number[];
  /** Stops the bot and closes its database connection (a process ending). */
  stop(): Promise<void>;
}

/** Test settings that may be overridden. */
export type AppExtras = Partial<Pick<BotAppOptions, "telegram" | "zalo" | "zaloOa" | "zaloBot" | "publicWeb" | "reviewLevels" | "calendar" | "broadcast" | "maxSubmissionsPerDay" | "rateLimit" | "log">>;

/**
 * Starts the whole bot on `target` (a new database client each time, like a new process):
 * Zalo on `zalo`, plus whatever channels `extra` names. Outbox limits are lifted so a test
 * does not wait out Zalo's conservative pace (its limits have their own tests).
 */
export async function startApp(target: DatabaseTarget, dir: string, extra: AppExtras = {}): Promise<AppUnderTest> {
  const db = await openDatabase(target);
  const mediaDir = path.join(dir, "media");
  const submitted: number[] = [];
  const app = await startBotApp({
    db,
    i18n: new Translations("vi"),
    log: pino({ level: "silent" }),
    timeZone: "Asia/Ho_Chi_Minh",
    defaultLocale: "vi",
    mediaDir,
    albumQuietMs: 300,
    outbox: { pollIntervalMs: 50, limits: { ZALO: unlimited, ZALO_OA: unlimited, ZALO_BOT: unlimited, TELEGRAM: unlimited } },
    calendar: { cron: null },
    broadcast: { digestCron: null, progressIntervalMs: 0 },
    onSubmitted: (id) => {
      submitted.push(id);
    },
    ...extra,
  });
  return {
    db,
    app,
    mediaDir,
    submitted,
    stop: async () => {
      await app.stop();
      await db.$disconnect();
    },
  };
}

/** Starts the bot with the fake Zalo account as its only channel. */
export function startZaloApp(zalo: FakeZalo, target: DatabaseTarget, dir: string, extra: AppExtras = {}): Promise<AppUnderTest> {
  return startApp(target, dir, { zalo: { api: zalo }, ...extra });
}

/**
 * What the bot sent to each Zalo thread, handed out once each in order: `next(thread)` is the
 * first message not read yet, waiting for it if need be.
 */
export class ZaloInbox {
  private readonly read = new Map<string, number>();

  constructor(private readonly zalo: FakeZalo) {}

  /** The next unread message to `threadId`. */
  async next(threadId: string, timeoutMs = 5000): Promise<SentZaloMessage> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const seen = this.read.get(threadId) ?? 0;
      const message = this.zalo.sentTo(threadId)[seen];
      if (message) {
        this.read.set(threadId, seen + 1);
        return message;
      }
      if (Date.now() > deadline) {
        const last = this.zalo.sentTo(threadId).slice(-3).map((m) => JSON.stringify(m.text.slice(0, 120)));
        throw new Error(`No new Zalo message to ${threadId} within ${timeoutMs} ms; last ones: ${last.join(", ") || "none"}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  /** Marks everything sent to `threadId` so far as read. */
  skip(threadId: string): void {
    this.read.set(threadId, this.zalo.sentTo(threadId).length);
  }
}

/**
 * The numbered choices under a Zalo message ("1. Cá nhân" …), by label in order: the last
 * run of lines numbered 1, 2, 3… (a question may hold a numbered list of its own above it).
 */
export function numberedChoices(text: string): string[] {
  let last: string[] = [];
  let run: string[] | null = null;
  for (const line of text.split("\n")) {
    const item = /^(\d{1,3})\. (.+)$/.exec(line);
    if (item && Number(item[1]) === 1) {
      run = [item[2]!.trim()];
      last = run;
    } else if (item && run && Number(item[1]) === run.length + 1) {
      run.push(item[2]!.trim());
    } else {
      run = null;
    }
  }
  return last;
}
