// Starts the real Telegram channel of the bot against the emulator, on a real SQLite file,
// and lets a test talk to it as a Telegram user.
import path from "node:path";
import { pino, type Level, type Logger } from "pino";
import { afterAll, beforeAll } from "vitest";
import { startEmulator, type Emulator, type MessageView } from "../../emulator/index";
import { startTelegramApp, type TelegramApp, type TelegramAppOptions } from "../../app/telegram";
import { openDatabase, type Db } from "../../core/db/client";
import type { DatabaseTarget } from "../../core/db/database-url";
import { Translations } from "../../core/i18n";
import { createTempDatabase, type TempDatabase } from "./temp-database";

/** A running bot process as a test sees it. */
export interface BotUnderTest {
  db: Db;
  mediaDir: string;
  submitted: number[];
  /** The running app (its jobs, its outbox worker). */
  app: TelegramApp;
  /** Stops the bot and closes its database connection (a process ending). */
  stop(): Promise<void>;
}

/** Starts the bot's Telegram app on `target` (a new database client each time, like a new process). */
export async function startBot(
  emulator: Emulator,
  target: DatabaseTarget,
  dir: string,
  extra: Partial<Pick<TelegramAppOptions, "maxSubmissionsPerDay" | "rateLimit" | "albumQuietMs" | "adminTelegramIds" | "reviewLevels" | "calendar" | "broadcast" | "outbox" | "log" | "publicWeb" | "publicBaseUrl" | "privacy" | "webhook" | "cluster">> = {},
): Promise<BotUnderTest> {
  const db = await openDatabase(target);
  const mediaDir = path.join(dir, "media");
  const submitted: number[] = [];
  const app = await startTelegramApp({
    token: emulator.token,
    apiRoot: emulator.apiRoot,
    timeZone: "Asia/Ho_Chi_Minh",
    defaultLocale: "vi",
    mediaDir,
    db,
    i18n: new Translations("vi"),
    log: pino({ level: "silent" }),
    albumQuietMs: 300,
    outbox: { pollIntervalMs: 50 },
    calendar: { cron: null },
    broadcast: { digestCron: null, progressIntervalMs: 200 },
    onSubmitted: (id) => {
      submitted.push(id);
    },
    ...extra,
  });
  return {
    db,
    mediaDir,
    submitted,
    app,
    stop: async () => {
      await app.stop();
      await db.$disconnect();
    },
  };
}

/**
 * One Telegram user talking to the bot: each action returns the bot's next new message, so a
 * scenario reads as (input, expected reply).
 */
export class ChatUser {
  constructor(
    private readonly emulator: Emulator,
    readonly id: number,
  ) {}

  get driver() {
    return this.emulator.driver;
  }

  /** The next bot message not yet seen. */
  reply(timeout = 10_000): Promise<MessageView> {
    return this.driver.waitForBotMessage(this.id, { timeout });
  }

  /** Sends text; returns the bot's answer. */
  say(text: string): Promise<MessageView> {
    this.driver.sendText(this.id, text);
    return this.reply();
  }

  /** Sends a command (with an optional payload); returns the bot's answer. */
  command(name: string, payload?: string): Promise<MessageView> {
    this.driver.sendCommand(this.id, name, payload ? { payload } : {});
    return this.reply();
  }

  /**
   * Presses a button by its label on the newest message that has it; returns the next new
   * message. Waits for a message with the button first: the message before may have been
   * answered by an earlier message still unseen, while the one with the button is on its way.
   */
  async press(text: string): Promise<MessageView> {
    const hasButton = () => (this.driver.botMessages(this.id).some((m) => m.buttons.flat().some((b) => b.text === text)) ? true : undefined);
    await this.driver.waitUntil(hasButton, 10_000, () => `No button ${text} in chat ${this.id}`).catch(() => undefined);
    this.driver.pressButton(this.id, { text });
    return this.reply();
  }

  /** Presses a button whose effect is an edit of the same message; returns the edited message. */
  async pressAndWaitEdit(text: string): Promise<MessageView> {
    const target = [...this.driver.botMessages(this.id)].reverse().find((m) => m.buttons.flat().some((b) => b.text === text));
    if (!target) throw new Error(`No button ${text}`);
    const before = target.editCount;
    this.driver.pressButton(this.id, { text, messageId: target.messageId });
    return this.driver.waitUntil(() => {
      const now = this.driver.botMessages(this.id).find((m) => m.messageId === target.messageId);
      return now && now.editCount > before ? now : undefined;
    });
  }
}

/** Labels of a message's buttons, row by row flattened. */
export function labels(message: MessageView): string[] {
  return message.buttons.flat().map((b) => b.text);
}

/** What `startBot` accepts besides the emulator and the database. */
export type BotExtra = Parameters<typeof startBot>[3];

/** A fresh database, the emulator and the bot, as one test file sees them once started. */
export interface BotRig {
  readonly emulator: Emulator;
  readonly temp: TempDatabase;
  /** The bot now running (a new one after each `restart`). */
  readonly bot: BotUnderTest;
  /** Stops the bot and starts a new one on the same database (a process restarting). */
  restart(extra?: BotExtra): Promise<BotUnderTest>;
}

/**
 * Registers vitest's beforeAll/afterAll for the usual set-up: a temp database (prepared by
 * `prepare`, if given, before the bot starts), the emulator, and the bot with `extra`; all three
 * are stopped after the file. Read the fields inside tests or hooks, after the start.
 */
export function useBotRig(extra: BotExtra = {}, prepare?: (temp: TempDatabase) => Promise<void>): BotRig {
  let emulator: Emulator | undefined;
  let temp: TempDatabase | undefined;
  let bot: BotUnderTest | undefined;
  const started = <T>(value: T | undefined, name: string): T => {
    if (value === undefined) throw new Error(`useBotRig: ${name} is read before beforeAll has started it`);
    return value;
  };

  beforeAll(async () => {
    temp = await createTempDatabase();
    if (prepare) await prepare(temp);
    emulator = await startEmulator();
    bot = await startBot(emulator, temp.target, temp.dir, extra);
  });

  afterAll(async () => {
    await bot?.stop();
    await emulator?.close();
    await temp?.cleanup();
  });

  return {
    get emulator() {
      return started(emulator, "emulator");
    },
    get temp() {
      return started(temp, "temp");
    },
    get bot() {
      return started(bot, "bot");
    },
    async restart(again: BotExtra = extra) {
      const current = started(bot, "bot");
      bot = undefined;
      await current.stop();
      bot = await startBot(started(emulator, "emulator"), started(temp, "temp").target, started(temp, "temp").dir, again);
      return bot;
    },
  };
}

/** A logger that keeps its JSON lines, so a test can read what the bot logged. */
export function capturingLogger(level: Level = "info"): { log: Logger; lines: () => { level: number; msg?: string }[] } {
  const raw: string[] = [];
  const log = pino({ level }, { write: (line: string) => void raw.push(line) });
  return { log, lines: () => raw.map((line) => JSON.parse(line) as { level: number; msg?: string }) };
}
