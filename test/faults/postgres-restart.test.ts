// PostgreSQL closing every connection (a restart, an administrator's pg_terminate_backend)
// while the bot is idle between sends: the process must live on and its next queries succeed
// on new connections, through Prisma and through the shared send pace's own pool.
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { telegramLimits } from "../../core/outbox/rate-limiter";
import { PostgresSendPace } from "../../core/outbox/shared-pace";
import { admin, createTempPostgres, postgresReachable } from "../support/temp-postgres";

describe.runIf(postgresReachable)("PostgreSQL closes every connection of an idle instance", () => {
  let database: Awaited<ReturnType<typeof createTempPostgres>>;
  let pace: PostgresSendPace;
  const lines: { level: number; msg?: string }[] = [];

  beforeAll(async () => {
    database = await createTempPostgres();
    const log = pino({ level: "warn" }, { write: (line: string) => void lines.push(JSON.parse(line) as { level: number; msg?: string }) });
    pace = await PostgresSendPace.open((database.target as { url: string }).url, log);
  }, 60_000);

  afterAll(async () => {
    await pace?.close();
    await database?.cleanup();
  });

  it("keeps the process alive, logs a warning, and answers on new connections", async () => {
    const limits = telegramLimits;
    const chat = { channel: "TELEGRAM" as const, id: 1, kind: "PRIVATE" as const };
    expect(await pace.acquire(chat, limits)).toBe(0);
    expect(await database.db.person.count()).toBe(0);
    const name = new URL((database.target as { url: string }).url).pathname.slice(1);
    const ended = await admin(async (c) => (await c.query("SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()", [name])).rowCount);
    expect(ended).toBeGreaterThanOrEqual(2);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(lines.some((l) => l.level === 40 && l.msg?.includes("idle database connection was closed"))).toBe(true);
    // Another chat: the first one's own pace (one message a second) would rightly ask it to wait.
    expect(await pace.acquire({ ...chat, id: 2 }, limits)).toBe(0);
    expect(await database.db.person.count()).toBe(0);
  }, 30_000);
});
