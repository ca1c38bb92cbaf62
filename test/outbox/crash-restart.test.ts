// Kill a worker process with SIGKILL in the middle of a broadcast, start another: every chat
// gets every part exactly once, and the emulator's call log is the proof.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import { enqueueText, sentTexts, startRig, type OutboxRig } from "./helpers";

let rig: OutboxRig;
const children = new Set<ChildProcess>();

beforeAll(async () => {
  rig = await startRig();
});

afterAll(async () => {
  for (const child of children) child.kill("SIGKILL");
  await rig.close();
});

beforeEach(() => {
  rig.emulator.driver.clearFaults();
  rig.emulator.driver.clearCalls();
});

it("a crash after K of N sends and a restart yield N deliveries, none twice", async () => {
  const N = 12;
  const K = 5;
  const users = [1, 2, 3].map((n) => rig.emulator.driver.createUser({ firstName: `Crash ${n}` }));
  for (const part of [1, 2, 3, 4]) for (const user of users) await enqueueText(rig.db, `crash:${user.id}:${part}`, user.id, `bản tin phần ${part}`);

  // Four sends a second. The kill must land outside the one window the outbox admits a
  // duplicate in (the channel accepted a message, the row is not yet marked SENT): once K are
  // sent, further sends are held open at the emulator, and the kill waits until every
  // accepted send is recorded. On a loaded machine a plain "kill after K" hit that window.
  const child = await startWorkerProcess({ perSecond: 4, leaseMs: 2_000 });
  const sentRows = () => rig.db.outboxMessage.count({ where: { status: "SENT", idempotencyKey: { startsWith: "crash:" } } });
  const delivered = () => rig.emulator.driver.calls({ method: "sendMessage" }).filter((c) => c.ok).length;
  await until(async () => (await sentRows()) >= K);
  rig.emulator.driver.injectFault({ kind: "hang", method: "sendMessage", times: 1_000 });
  const holding = () => rig.emulator.state.faults.list().some((f) => f.kind === "hang" && f.remaining < 1_000);
  await until(async () => holding() && (await sentRows()) === delivered());
  await kill(child);
  rig.emulator.driver.clearFaults();

  const beforeRestart = delivered();
  expect(beforeRestart).toBeGreaterThanOrEqual(K);
  expect(beforeRestart).toBeLessThan(N);

  await rig.worker().drain();

  // Sends held open at the kill were never delivered (the emulator logs them as failed).
  const calls = rig.emulator.driver.calls({ method: "sendMessage" }).filter((c) => c.ok);
  expect(calls).toHaveLength(N);
  for (const user of users) expect(sentTexts(rig.emulator, user.id)).toEqual([1, 2, 3, 4].map((p) => `bản tin phần ${p}`));
  const rows = await rig.db.outboxMessage.findMany({ where: { idempotencyKey: { startsWith: "crash:" } } });
  expect(rows.map((r) => r.status)).toEqual(Array(N).fill("SENT"));
});

it("a crash while a send is in hand loses nothing: the lease expires and the row goes once", async () => {
  const user = rig.emulator.driver.createUser({ firstName: "Treo" });
  rig.emulator.driver.injectFault({ kind: "hang", method: "sendMessage", times: 1 });
  await enqueueText(rig.db, "hang:1", user.id, "đang gửi dở");

  // The lease (and the send timeout, half of it) outlasts the moment of the kill.
  const child = await startWorkerProcess({ perSecond: 30, leaseMs: 4_000 });
  await until(async () => (await rig.db.outboxMessage.findUniqueOrThrow({ where: { idempotencyKey: "hang:1" } })).status === "SENDING");
  // The request has reached the emulator and is held open there.
  await until(async () => rig.emulator.state.faults.list().some((f) => f.kind === "hang" && f.remaining === 0));
  expect(rig.emulator.driver.calls({ method: "sendMessage" })).toHaveLength(0);
  await kill(child);
  // The kill closed the hung request: the emulator logs it as never delivered.
  await until(async () => rig.emulator.driver.calls({ method: "sendMessage" }).length === 1);
  rig.emulator.driver.clearFaults();

  await rig.worker().drain();

  const calls = rig.emulator.driver.calls({ method: "sendMessage" });
  expect(calls.map((c) => c.ok)).toEqual([false, true]);
  expect(sentTexts(rig.emulator, user.id)).toEqual(["đang gửi dở"]);
  expect(await rig.db.outboxMessage.findUniqueOrThrow({ where: { idempotencyKey: "hang:1" } })).toMatchObject({ status: "SENT", attempts: 1 });
});

// === Helpers

async function startWorkerProcess(options: { perSecond: number; leaseMs: number }): Promise<ChildProcess> {
  const fixture = path.join(import.meta.dirname, "fixtures", "worker-process.ts");
  const child = spawn(process.execPath, ["--import", "tsx", fixture], {
    env: {
      ...process.env,
      OUTBOX_DB_FILE: rig.temp.target.provider === "sqlite" ? rig.temp.target.file : "",
      OUTBOX_API_ROOT: rig.emulator.apiRoot,
      OUTBOX_TOKEN: rig.emulator.token,
      OUTBOX_PER_SECOND: String(options.perSecond),
      OUTBOX_LEASE_MS: String(options.leaseMs),
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.add(child);
  let errors = "";
  child.stderr?.on("data", (chunk: Buffer) => (errors += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("ready")) resolve();
    });
    child.on("exit", (code) => reject(new Error(`worker process exited with ${code}: ${errors}`)));
  });
  return child;
}

async function kill(child: ChildProcess): Promise<void> {
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGKILL");
  await exited;
  children.delete(child);
}

async function until(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("condition not reached in time");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
