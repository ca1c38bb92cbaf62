// Two bot instances on one PostgreSQL database and one emulator, each with its own database
// client, outbox worker and cron ticks, as two processes behind one address would be. The
// weekly digest to 500 community groups and a calendar tick fall due at the same second in
// both: each job runs once, and every message reaches its chat exactly once.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { unlimited } from "../../core/outbox/rate-limiter";
import { startEmulator, type Emulator } from "../../emulator/index";
import { startBot, type BotUnderTest } from "../support/bot-app";
import { createTempPostgres, postgresReachable } from "../support/temp-postgres";
import { onceAt, secondsFromNow, seedClusterWeek, until, type ClusterWeek } from "./fixtures";

const groups = 500;
/** The digest's schedule and the calendar's, as the cluster's scheduled runs name them. */
const jobNames = ["weekly-digest", "calendar"];
const residents = 40;

/** Successful sends per chat id, as the emulator logged them. */
function deliveredPerChat(emulator: Emulator): Map<string, number> {
  const counts = new Map<string, number>();
  for (const call of emulator.driver.calls()) {
    if (!call.ok || !/^send(Message|Photo|MediaGroup)$/.test(call.method)) continue;
    const chat = String(call.params.chat_id);
    counts.set(chat, (counts.get(chat) ?? 0) + 1);
  }
  return counts;
}

describe.runIf(postgresReachable)("two instances on one PostgreSQL database", () => {
  let pg: Awaited<ReturnType<typeof createTempPostgres>>;
  let emulator: Emulator;
  let week: ClusterWeek;
  let dir: string;
  const instances: BotUnderTest[] = [];

  beforeAll(async () => {
    pg = await createTempPostgres();
    emulator = await startEmulator();
    dir = mkdtempSync(path.join(os.tmpdir(), "gs-cluster-"));
    week = await seedClusterWeek(pg.db, emulator, { groups, residents });
  }, 120_000);

  afterAll(async () => {
    for (const instance of instances) await instance.stop().catch(() => undefined);
    await emulator?.close();
    await pg?.cleanup();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("runs the digest and the calendar tick once, and delivers every message exactly once", async () => {
    const due = secondsFromNow(5_000);
    // The cluster ran before: had both instances started after `due` on a loaded machine, the
    // first to lead would run the missed instant (the catch-up), and the rest of the test holds.
    for (const job of jobNames) {
      await pg.db.scheduledRun.create({ data: { job, lastInstant: new Date(), runBy: "earlier" } });
    }
    const extra = {
      calendar: { cron: onceAt(due), quietHours: null },
      broadcast: { digestCron: onceAt(due), progressIntervalMs: 200 },
      outbox: { pollIntervalMs: 50, limits: { TELEGRAM: unlimited } },
    };
    instances.push(await startBot(emulator, pg.target, dir, extra));
    instances.push(await startBot(emulator, pg.target, dir, extra));
    const db = pg.db;
    await until(async () => (await db.outboxMessage.count({ where: { kind: "nudge" } })) === residents && (await db.broadcast.count({ where: { status: { in: ["SENDING", "DONE"] } } })) === 1, 150_000, "the due jobs");
    await until(async () => (await db.outboxMessage.count({ where: { status: { in: ["PENDING", "SENDING"] } } })) === 0, 150_000, "the outbox to empty");

    expect(await db.broadcast.count()).toBe(1);
    const rows = await db.outboxMessage.findMany({ select: { status: true, kind: true, chat: { select: { externalId: true } } } });
    expect(rows.every((r) => r.status === "SENT")).toBe(true);
    const expected = new Map<string, number>();
    for (const row of rows) expected.set(row.chat.externalId, (expected.get(row.chat.externalId) ?? 0) + 1);
    // Every group and every resident was reached, each message once.
    expect(week.groups.every((id) => (expected.get(String(id)) ?? 0) >= 1)).toBe(true);
    expect(week.residents.every((id) => expected.get(String(id)) === 1)).toBe(true);
    expect(deliveredPerChat(emulator)).toEqual(expected);
    const runs = await db.scheduledRun.findMany({ where: { job: { in: jobNames } } });
    expect(runs).toHaveLength(2);
    for (const run of runs) expect(run.lastInstant).toEqual(due);
  }, 330_000);
});
