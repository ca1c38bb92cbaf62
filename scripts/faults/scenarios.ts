// The faults `npm run faults` injects, each against the real emulator and a real database, each
// saying what it injected, what the bot promises, and what happened.
import { TelegramOutboxSender } from "../../bot/telegram/outbox-sender";
import { openDatabase } from "../../core/db/client";
import { enqueue } from "../../core/outbox/enqueue";
import { OutboxWorker } from "../../core/outbox/worker";
import { kill, queueTexts, silent, spawnWorker, startRig, tally, unsent, until, type Rig } from "./rig";

/** One line of the table. */
export interface FaultResult {
  injected: string;
  expected: string;
  happened: string;
  ok: boolean;
}

/** A fault: what it injects and promises, and how to run it. */
export interface Fault {
  injected: string;
  expected: string;
  run(): Promise<{ happened: string; ok: boolean }>;
}

function worker(rig: Rig, extra: Partial<ConstructorParameters<typeof OutboxWorker>[0]> = {}): OutboxWorker {
  return new OutboxWorker({ db: rig.db, log: silent, senders: [new TelegramOutboxSender({ token: rig.emulator.token, apiRoot: rig.emulator.apiRoot })], pollIntervalMs: 20, backoff: { baseMs: 100, maxMs: 500 }, ...extra });
}

async function withRig<T>(options: Parameters<typeof startRig>[0], run: (rig: Rig) => Promise<T>): Promise<T> {
  const rig = await startRig(options);
  try {
    return await run(rig);
  } finally {
    await rig.cleanup();
  }
}

// === Faults

const sigkillBroadcast: Fault = {
  injected: "SIGKILL of the sending process mid-broadcast (SQLite), then a restart",
  expected: "every message delivered; only a send in flight at the kill may go twice",
  run: () =>
    withRig({}, async (rig) => {
      const users = await queueTexts(rig, 4, 10, "kill");
      const child = await spawnWorker(rig, 8);
      await until(async () => (await unsent(rig.db, "kill")) <= 30, 30_000, "a quarter sent");
      await kill(child);
      await worker(rig, { leaseMs: 3_000 }).drain({ timeoutMs: 60_000 });
      const t = tally(rig.emulator, users, 10);
      return { happened: `${t.delivered}/40 delivered, ${t.short} chats short, ${t.duplicates} twice`, ok: t.short === 0 && t.duplicates <= users.length };
    }),
};

const killOneOfTwo: Fault = {
  injected: "one of two instances (PostgreSQL) SIGKILLed mid-broadcast",
  expected: "the other finishes: every message delivered, duplicates only from the killed one's sends in flight",
  run: () =>
    withRig({ postgres: true }, async (rig) => {
      const users = await queueTexts(rig, 40, 3, "pair");
      const [a, b] = [await spawnWorker(rig, 10), await spawnWorker(rig, 10)];
      await until(async () => (await unsent(rig.db, "pair")) <= 90, 30_000, "a quarter sent");
      await kill(a);
      await until(async () => (await unsent(rig.db, "pair")) === 0, 60_000, "the survivor to finish");
      await kill(b);
      const t = tally(rig.emulator, users, 3);
      return { happened: `${t.delivered}/120 delivered, ${t.short} chats short, ${t.duplicates} twice`, ok: t.short === 0 && t.duplicates <= 16 };
    }),
};

const storm429: Fault = {
  injected: "a 429 storm: 40 refusals with retry_after 1 s, Telegram's flood control on",
  expected: "every message delivered once, none failed, each refused chat waits its retry_after",
  run: () =>
    withRig({ rateLimits: true }, async (rig) => {
      rig.emulator.driver.injectFault({ kind: "429", method: "sendMessage", times: 40, retryAfter: 1 });
      const users = await queueTexts(rig, 30, 2, "storm");
      await worker(rig, { maxAttempts: 50 }).drain({ timeoutMs: 90_000 });
      const t = tally(rig.emulator, users, 2);
      const failed = await rig.db.outboxMessage.count({ where: { status: "FAILED" } });
      const refusals = rig.emulator.driver.calls({ method: "sendMessage" }).filter((c) => c.error?.error_code === 429).length;
      return { happened: `${refusals} × 429 answered; ${t.delivered}/60 delivered, ${t.duplicates} twice, ${failed} failed`, ok: t.short === 0 && t.duplicates === 0 && failed === 0 };
    }),
};

const blocked403: Fault = {
  injected: "403: 3 of 10 residents blocked the bot",
  expected: "7 delivered; the 3 fail for good after one try, their later messages cancelled",
  run: () =>
    withRig({}, async (rig) => {
      const users = await queueTexts(rig, 10, 2, "blocked");
      for (const user of users.slice(0, 3)) rig.emulator.driver.blockBot(user);
      await worker(rig).drain({ timeoutMs: 30_000 });
      const t = tally(rig.emulator, users.slice(3), 2);
      const failed = await rig.db.outboxMessage.findMany({ where: { status: { in: ["FAILED", "CANCELLED"] } }, select: { status: true, attempts: true } });
      const tries = rig.emulator.driver.calls({ method: "sendMessage" }).filter((c) => c.error?.error_code === 403).length;
      return { happened: `${t.delivered}/14 delivered; ${failed.filter((f) => f.status === "FAILED").length} failed, ${failed.filter((f) => f.status === "CANCELLED").length} cancelled; ${tries} calls refused`, ok: t.short === 0 && tries === 3 && failed.length === 6 };
    }),
};

const silentApi: Fault = {
  injected: "the Bot API silent for 30 s (every sendMessage held open)",
  expected: "nothing lost or doubled: the messages go once the API answers again",
  run: () =>
    withRig({}, async (rig) => {
      rig.emulator.driver.injectFault({ kind: "hang", method: "sendMessage", times: Infinity });
      const users = await queueTexts(rig, 5, 1, "silent");
      const w = worker(rig);
      w.start();
      await new Promise((resolve) => setTimeout(resolve, 30_000));
      rig.emulator.driver.clearFaults();
      await until(async () => (await unsent(rig.db, "silent")) === 0, 120_000, "the backlog");
      await w.stop();
      const t = tally(rig.emulator, users, 1);
      return { happened: `${t.delivered}/5 delivered, ${t.duplicates} twice`, ok: t.short === 0 && t.duplicates === 0 };
    }),
};

const sqliteBusy: Fault = {
  injected: "SQLite busy: two connections queueing 300 messages each while a worker sends",
  expected: "no write lost or refused; 600 delivered once",
  run: () =>
    withRig({}, async (rig) => {
      const other = await openDatabase(rig.target);
      const users = Array.from({ length: 20 }, (_, i) => rig.emulator.driver.createUser({ firstName: `Busy ${i}` }).id);
      const w = worker(rig, { concurrency: 16 });
      w.start();
      const write = (db: typeof other, side: string) =>
        Promise.all(users.map(async (user) => {
          for (let i = 0; i < 15; i++) await enqueue(db, { idempotencyKey: `busy:${side}:${user}:${i}`, chat: { channel: "TELEGRAM", externalId: String(user), kind: "PRIVATE" }, kind: "fault", payload: { type: "text", html: `${side} ${i}` } });
        }));
      const errors: string[] = [];
      const note = (error: unknown) => void errors.push((error as Error).message.split("\n").pop()!.slice(0, 80));
      await Promise.all([write(rig.db, "a").catch(note), write(other, "b").catch(note)]);
      await until(async () => (await unsent(rig.db, "busy")) === 0, 90_000, "the outbox");
      await w.stop();
      await other.$disconnect();
      const rows = await rig.db.outboxMessage.count({ where: { idempotencyKey: { startsWith: "busy:" } } });
      const t = tally(rig.emulator, users, 30);
      const failure = errors.length ? ` (${errors[0]})` : "";
      return { happened: `${rows}/600 queued, ${errors.length} of 2 writers failed${failure}; ${t.delivered} delivered, ${t.duplicates} twice`, ok: rows === 600 && errors.length === 0 && t.duplicates === 0 && t.short === 0 };
    }),
};

/** Every fault, in the order of the table. */
export const faults: Fault[] = [sigkillBroadcast, killOneOfTwo, storm429, blocked403, silentApi, sqliteBusy];

/** What the issue asks for and this suite does not inject yet: printed as such, never as passed. */
export const notYet: { injected: string; expected: string }[] = [
  { injected: "SIGKILL during a nomination, then a restart", expected: "the draft resumes where it stopped" },
  { injected: "PostgreSQL restarted during a broadcast", expected: "sending resumes, nothing lost or doubled" },
  { injected: "fast-check: 1,000 random update sequences through nomination and review", expected: "no answer lost, allowed status moves only, no crash" },
];
