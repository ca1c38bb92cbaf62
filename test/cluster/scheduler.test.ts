// Two instances on one database, each with its own database client and its own cron ticks: a
// tick's jobs run in one of them, and when that one dies (stops renewing its lease without
// giving it up, as a killed process does) the other takes the schedule over, including an
// instant that fell due while nobody led. On PostgreSQL (the cluster) and SQLite (the same code).
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Db } from "../../core/db/client";
import type { DatabaseTarget } from "../../core/db/database-url";
import { startTicker, type CalendarTicker } from "../../core/calendar/ticker";
import { ClusterScheduleGate, previousCronInstant } from "../../core/cluster/scheduled-runs";
import { createTempDatabase } from "../support/temp-database";
import { createTempPostgres, postgresReachable } from "../support/temp-postgres";
import { onceAt, until } from "./fixtures";

const log = pino({ level: "silent" });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One bot process as far as scheduling goes: a client, a gate, tickers. */
interface Instance {
  name: string;
  db: Db;
  gate: ClusterScheduleGate;
  tickers: CalendarTicker[];
}

/** Every run of a job: which instance ran which instant. */
type Run = { instance: string; job: string; at: string };

async function startInstance(target: DatabaseTarget, name: string, runs: Run[], schedules: Record<string, string>, leaseTtlMs: number): Promise<Instance> {
  const db = await openDatabase(target);
  const gate = new ClusterScheduleGate({ db, log, leaseTtlMs, holder: name });
  gate.start();
  const tickers = Object.entries(schedules).map(([job, schedule]) =>
    startTicker({ jobs: [{ name: job, run: async (now) => void runs.push({ instance: name, job, at: now.toISOString() }) }], schedule, timeZone: "UTC", log, gate }),
  );
  return { name, db, gate, tickers };
}

/** A process killed: its ticks stop and its lease is left to expire, not released. */
async function kill(instance: Instance): Promise<void> {
  for (const ticker of instance.tickers) await ticker.stop();
  await instance.gate.stop({ release: false });
  await instance.db.$disconnect();
}

async function stop(instance: Instance): Promise<void> {
  for (const ticker of instance.tickers) await ticker.stop();
  await instance.gate.stop();
  await instance.db.$disconnect();
}

function expectEachInstantOnce(runs: Run[]): void {
  const keys = runs.map((r) => `${r.job}@${r.at}`);
  expect(new Set(keys).size).toBe(keys.length);
}

const cases: [string, boolean, () => Promise<{ target: DatabaseTarget; cleanup(): Promise<void> }>][] = [
  ["PostgreSQL", postgresReachable, () => createTempPostgres()],
  ["SQLite", true, () => createTempDatabase({ seed: false })],
];

describe.each(cases)("scheduled jobs across two instances on %s", (_name, reachable, create) => {
  let database: { target: DatabaseTarget; cleanup(): Promise<void> };
  beforeAll(async () => {
    if (reachable) database = await create();
  }, 60_000);
  afterAll(() => database?.cleanup());

  it.runIf(reachable)("runs each tick once, and the other instance takes over when the leader dies", async () => {
    const runs: Run[] = [];
    const every = { "every-second": "* * * * * *" };
    const a = await startInstance(database.target, "a", runs, every, 800);
    await until(() => a.gate.leadership.isLeader(), 10_000, "a to lead");
    const b = await startInstance(database.target, "b", runs, every, 800);
    await sleep(3_000);
    const first = runs.length;
    expect(first).toBeGreaterThanOrEqual(2);
    expect(new Set(runs.map((r) => r.instance))).toEqual(new Set(["a"]));
    expectEachInstantOnce(runs);

    await kill(a);
    const killedAt = Date.now();
    await sleep(3_500);
    const after = runs.slice(first).filter((r) => Date.parse(r.at) > killedAt);
    expect(after.length).toBeGreaterThanOrEqual(1);
    expect(new Set(after.map((r) => r.instance))).toEqual(new Set(["b"]));
    // b led within about the lease's length and a renewal.
    expect(Date.parse(after[0]!.at) - killedAt).toBeLessThan(5_000);
    expectEachInstantOnce(runs);
    await stop(b);
  }, 30_000);

  it.runIf(reachable)("runs an instant that fell due while the dead leader's lease ran, once, when the lease passes", async () => {
    const runs: Run[] = [];
    const due = new Date(Math.ceil((Date.now() + 5_000) / 1000) * 1000);
    const digest = { "weekly-digest": onceAt(due, "UTC") };
    const a = await startInstance(database.target, "a", runs, digest, 8_000);
    await until(() => a.gate.leadership.isLeader(), 10_000, "a to lead");
    const b = await startInstance(database.target, "b", runs, digest, 8_000);
    await kill(a); // before the digest is due; its lease still runs past it
    const killedAt = Date.now();
    expect(killedAt).toBeLessThan(due.getTime());
    await sleep(due.getTime() - Date.now() + 500);
    expect(runs).toEqual([]); // b's own tick came while a's lease still held

    await until(() => runs.length > 0, killedAt + 8_000 + 6_000 - Date.now(), "b to catch up");
    await sleep(500);
    expect(runs).toEqual([{ instance: "b", job: "weekly-digest", at: due.toISOString() }]);
    const row = await b.db.scheduledRun.findUniqueOrThrow({ where: { job: "weekly-digest" } });
    expect(row).toMatchObject({ lastInstant: due, runBy: "b" });
    await stop(b);
  }, 30_000);

  it.runIf(reachable)("a clean stop hands the lease over at once", async () => {
    const runs: Run[] = [];
    const every = { "every-second-2": "* * * * * *" };
    const a = await startInstance(database.target, "a", runs, every, 20_000);
    await until(() => a.gate.leadership.isLeader(), 10_000, "a to lead");
    const b = await startInstance(database.target, "b", runs, every, 20_000);
    await sleep(1_500);
    await stop(a);
    const stoppedAt = Date.now();
    await sleep(2_500);
    // With a 20 s lease, only a released lease lets b run this soon.
    expect(runs.some((r) => r.instance === "b" && Date.parse(r.at) > stoppedAt)).toBe(true);
    expectEachInstantOnce(runs);
    await stop(b);
  }, 30_000);
});

describe("previousCronInstant", () => {
  it("finds the latest matching instant in the time zone, within the window only", () => {
    const now = new Date("2026-12-07T01:05:30Z"); // Monday 08:05:30 in Hồ Chí Minh City
    expect(previousCronInstant("0 8 * * 1", "Asia/Ho_Chi_Minh", now, 10 * 60_000)).toEqual(new Date("2026-12-07T01:00:00Z"));
    expect(previousCronInstant("0 8 * * 1", "Asia/Ho_Chi_Minh", now, 60_000)).toBeNull();
    expect(previousCronInstant("*/10 * * * * *", "UTC", now, 60_000)).toEqual(new Date("2026-12-07T01:05:30Z"));
  });
});
