// What every fault needs: the Telegram emulator, a migrated database (a SQLite file, or a
// PostgreSQL database of its own), messages queued to emulator users, worker processes to kill,
// and the emulator's log read back as deliveries per chat.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { pino } from "pino";
import { openDatabase, type Db } from "../../core/db/client";
import type { DatabaseTarget } from "../../core/db/database-url";
import { migrateDatabase } from "../../core/db/migrate";
import { repoRoot } from "../../core/db/paths";
import { enqueue } from "../../core/outbox/enqueue";
import { startEmulator, type Emulator } from "../../emulator/index";

/** A logger that keeps quiet: the table says what happened. */
export const silent = pino({ level: "silent" });

/** One fault's world. */
export interface Rig {
  emulator: Emulator;
  target: DatabaseTarget;
  /** DATABASE_URL of the target, for worker processes. */
  url: string;
  db: Db;
  cleanup(): Promise<void>;
}

const postgresServer = process.env.POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/test";

async function onServer(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: postgresServer, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** The emulator and a fresh database: SQLite by default, PostgreSQL when asked. */
export async function startRig(options: { postgres?: boolean; rateLimits?: boolean } = {}): Promise<Rig> {
  const emulator = await startEmulator(options.rateLimits ? { limits: { rate: { perChatPerSecond: 1, perChatBurst: 3, perGroupPerMinute: 20, globalPerSecond: 30 } } } : {});
  let target: DatabaseTarget;
  let url: string;
  let drop: () => Promise<void>;
  if (options.postgres) {
    const name = `gs_faults_${process.pid}_${Date.now()}`;
    await onServer(`CREATE DATABASE ${name}`);
    const address = new URL(postgresServer);
    address.pathname = `/${name}`;
    url = address.toString();
    target = { provider: "postgres", url };
    drop = () => onServer(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } else {
    const dir = mkdtempSync(path.join(os.tmpdir(), "gs-faults-"));
    const file = path.join(dir, "faults.db");
    url = `file:${file}`;
    target = { provider: "sqlite", file };
    drop = async () => rmSync(dir, { recursive: true, force: true });
  }
  await migrateDatabase(target);
  const db = await openDatabase(target);
  return {
    emulator,
    target,
    url,
    db,
    async cleanup() {
      await db.$disconnect();
      await emulator.close();
      await drop();
    },
  };
}

/** `count` emulator users, each with `parts` texts queued ("part 1", "part 2", ...). */
export async function queueTexts(rig: Rig, count: number, parts: number, prefix: string): Promise<number[]> {
  const users = Array.from({ length: count }, (_, i) => rig.emulator.driver.createUser({ firstName: `${prefix} ${i + 1}` }).id);
  for (let part = 1; part <= parts; part++) {
    for (const user of users) {
      await enqueue(rig.db, { idempotencyKey: `${prefix}:${user}:${part}`, chat: { channel: "TELEGRAM", externalId: String(user), kind: "PRIVATE" }, kind: "fault", payload: { type: "text", html: `part ${part}` } });
    }
  }
  return users;
}

/** Successful sendMessage calls per chat id, as the emulator logged them. */
export function deliveries(emulator: Emulator): Map<string, number> {
  const counts = new Map<string, number>();
  for (const call of emulator.driver.calls({ method: "sendMessage" })) {
    if (call.ok) counts.set(String(call.params.chat_id), (counts.get(String(call.params.chat_id)) ?? 0) + 1);
  }
  return counts;
}

/** Deliveries in all, those beyond `parts` per chat, and chats that got fewer than `parts`. */
export function tally(emulator: Emulator, users: number[], parts: number): { delivered: number; duplicates: number; short: number } {
  const counts = deliveries(emulator);
  let delivered = 0;
  let short = 0;
  let duplicates = 0;
  for (const user of users) {
    const n = counts.get(String(user)) ?? 0;
    delivered += n;
    if (n < parts) short++;
    duplicates += Math.max(0, n - parts);
  }
  return { delivered, duplicates, short };
}

/** Starts an outbox worker process on the rig (see worker-process.ts); resolves once it sends. */
export async function spawnWorker(rig: Rig, perSecond: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(repoRoot, "scripts", "faults", "worker-process.ts")], {
    env: { ...process.env, FAULTS_DATABASE_URL: rig.url, FAULTS_API_ROOT: rig.emulator.apiRoot, FAULTS_TOKEN: rig.emulator.token, FAULTS_PER_SECOND: String(perSecond) },
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => chunk.toString().includes("ready") && resolve());
    child.once("exit", (code) => reject(new Error(`worker process exited early (${code})`)));
  });
  return child;
}

/** Kills a process with SIGKILL and waits for it to be gone. */
export async function kill(child: ChildProcess): Promise<void> {
  const gone = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGKILL");
  await gone;
}

/** Polls `check` until true; throws after `timeoutMs`. */
export async function until(check: () => Promise<boolean> | boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Rows of a prefix not yet SENT. */
export function unsent(db: Db, prefix: string): Promise<number> {
  return db.outboxMessage.count({ where: { idempotencyKey: { startsWith: `${prefix}:` }, status: { not: "SENT" } } });
}
