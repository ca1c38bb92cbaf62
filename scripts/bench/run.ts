// Runs every part of the bench in turn and turns the measurements into rows.
import path from "node:path";
import { startEmulator } from "../../emulator/index";
import { runLoad, type LoadRun } from "./conversation";
import { createBenchDatabase, fillDatabase } from "./database";
import { runDigest } from "./digest";
import type { BenchOptions } from "./flags";
import { runNpmCi } from "./npm-ci";
import { runExport } from "./export";
import { runOutbox } from "./outbox";
import { atLeast, atMost, describeMachine, info, type BenchResult, type Row } from "./report";
import { measureStartup, startCommands } from "./startup";
import { median, percentile, ratio, round } from "./stats";

const mb = (bytes: number) => bytes / 1024 / 1024;
const thousands = (n: number) => n.toLocaleString("en-US");

/** Runs the bench; `progress` hears what is being measured. */
export async function runBench(options: BenchOptions, progress: (line: string) => void = () => undefined): Promise<BenchResult> {
  const rows: Row[] = [];

  // === Conversation load and memory
  const conversationDb = await createBenchDatabase("conversation");
  const emulator = await startEmulator();
  try {
    if (options.people > 0) {
      progress(`filling the database: ${thousands(options.people)} people, ${thousands(options.nominations)} nominations`);
      await fillDatabase(conversationDb.db, options.people, options.nominations);
    }
    // The bot processes own the file from here, as the bot alone does in production (and a
    // migration check at start-up needs the file to itself).
    await conversationDb.db.$disconnect();
    const runs = new Map<number, LoadRun[]>();
    for (let round = 1; round <= options.rounds; round += 1) {
      for (const n of options.residents) {
        for (const kind of ["echo", "bot"] as const) {
          progress(`round ${round}/${options.rounds}: ${n} residents, ${kind === "bot" ? "the bot" : "the echo bot"}`);
          const run = await runLoad(emulator, kind, n, { databaseFile: conversationDb.file, dir: conversationDb.dir });
          runs.set(n, [...(runs.get(n) ?? []), run]);
        }
      }
    }
    for (const n of options.residents) rows.push(...conversationRows(n, runs.get(n) ?? []));
    rows.push(memoryRow([...runs.values()].flat(), options));

    // === Start-up
    if (options.startups > 0) {
      progress(`start-up to the first poll, ${options.startups} times`);
      const commands = startCommands();
      const media = path.join(conversationDb.dir, "media");
      const full = await measureStartup(emulator, commands.full, conversationDb.file, media, options.startups);
      rows.push(startupRow("startup.first-poll", "start-up to the first poll: npm start's command, migrated database", full, true));
      if (commands.app) {
        const app = await measureStartup(emulator, commands.app, conversationDb.file, media, options.startups);
        rows.push(startupRow("startup.first-poll-app", `start-up to the first poll: ${commands.app} alone (built)`, app, false));
      }
    }
  } finally {
    await emulator.close();
    await conversationDb.cleanup();
  }

  // === Digest, outbox and reports
  rows.push(...(await digestRows(options, progress)), ...(await outboxRows(options, progress)), ...(await reportRows(options, progress)));

  // === Install
  if (options.npmCi) {
    progress("npm ci in a temp copy");
    const ci = await runNpmCi();
    const row = atMost(
      {
        id: "install.npm-ci",
        figure: "npm ci from the lockfile",
        value: round(ci.seconds, 1),
        unit: "s",
        measured: `${ci.seconds.toFixed(1)} s${ci.compiled ? ", compiled native code" : ", no compiler"}${ci.exitCode === 0 ? "" : `, failed (exit ${ci.exitCode})`}`,
      },
      30,
      "< 30 s, no compiler",
      true,
    );
    rows.push(ci.compiled || ci.exitCode !== 0 ? { ...row, verdict: "missed" } : row);
  }

  return { date: new Date().toISOString(), machine: describeMachine(), options: { ...options }, rows };
}

/** The digest at Telegram's limits: its rate, duplicates and 429s. */
async function digestRows(options: BenchOptions, progress: (line: string) => void): Promise<Row[]> {
  const rows: Row[] = [];
  if (options.groups > 0) {
    progress(`digest to ${thousands(options.groups)} groups at Telegram's limits`);
    const digestDb = await createBenchDatabase("digest");
    try {
      const d = await runDigest(digestDb, options.groups);
      const detail = { groups: d.groups, planned: d.planned, delivered: d.delivered, planSeconds: round(d.planMs / 1000, 1), sendSeconds: round(d.sendMs / 1000, 1) };
      rows.push(
        atLeast(
          {
            id: "digest.rate",
            figure: `digest to ${thousands(d.groups)} groups, Telegram's limits enforced`,
            value: round(d.messagesPerSecond, 1),
            unit: "msg/s",
            measured: `${d.messagesPerSecond.toFixed(1)} msg/s of 30 (${thousands(d.delivered)} of ${thousands(d.planned)} parts; planning ${(d.planMs / 1000).toFixed(1)} s)`,
            detail,
          },
          28.5,
          "≥ 28.5 msg/s",
        ),
        atMost({ id: "digest.duplicates", figure: "digest duplicates", value: d.duplicates, unit: "messages", measured: String(d.duplicates) }, 0, "0"),
        info({ id: "digest.429", figure: "digest 429s received", value: d.tooManyRequests, unit: "responses", measured: String(d.tooManyRequests) }),
      );
    } finally {
      await digestDb.cleanup();
    }
  }
  return rows;
}

/** The outbox: enqueue cost and worker throughput. */
async function outboxRows(options: BenchOptions, progress: (line: string) => void): Promise<Row[]> {
  const rows: Row[] = [];
  if (options.outboxRows > 0) {
    progress("outbox: enqueue cost and worker throughput");
    const outboxDb = await createBenchDatabase("outbox");
    try {
      const o = await runOutbox(outboxDb, { rows: options.outboxRows, messages: options.outboxMessages, chats: options.outboxChats, concurrency: options.outboxConcurrency });
      rows.push(
        info({ id: "outbox.enqueue", figure: "outbox enqueue, one call per row", value: round(o.enqueueMicros, 0), unit: "µs/row", measured: `${o.enqueueMicros.toFixed(0)} µs/row` }),
        info({ id: "outbox.enqueue-transaction", figure: "outbox enqueue, rows in one transaction", value: round(o.enqueueInTransactionMicros, 0), unit: "µs/row", measured: `${o.enqueueInTransactionMicros.toFixed(0)} µs/row` }),
        info({ id: "outbox.enqueue-repeat", figure: "outbox enqueue, key already present", value: round(o.enqueueRepeatMicros, 0), unit: "µs/row", measured: `${o.enqueueRepeatMicros.toFixed(0)} µs/row` }),
        info({
          id: "outbox.throughput",
          figure: `outbox worker throughput, no rate limits, concurrency ${options.outboxConcurrency}`,
          value: round(o.messagesPerSecond, 0),
          unit: "msg/s",
          measured: `${o.messagesPerSecond.toFixed(0)} msg/s (${thousands(o.delivered)} of ${thousands(o.messages)} to ${options.outboxChats} chats)`,
        }),
      );
    } finally {
      await outboxDb.cleanup();
    }
  }
  return rows;
}

function startupRow(id: string, figure: string, times: number[], targeted: boolean): Row {
  const seconds = median(times) / 1000;
  const base = {
    id,
    figure,
    value: round(seconds, 2),
    unit: "s",
    measured: `${seconds.toFixed(2)} s (median of ${times.length}: ${times.map((t) => (t / 1000).toFixed(2)).join(", ")})`,
    detail: { runs: times.length, minSeconds: round(Math.min(...times) / 1000, 3) },
  };
  return targeted ? atMost(base, 1, "< 1 s", true) : info(base);
}

// === Rows of the conversation load

function totals(runs: LoadRun[]) {
  const updates = runs.reduce((s, r) => s + r.updates, 0);
  const cpuMs = runs.reduce((s, r) => s + r.cpuMs, 0);
  const api = runs.reduce((s, r) => s + r.apiCalls, 0);
  const sql = runs.reduce((s, r) => s + (r.sqlStatements ?? 0), 0);
  const latencies = runs.flatMap((r) => r.latenciesMs);
  return { updates, cpuPerUpdate: cpuMs / updates, apiPerUpdate: api / updates, sqlPerUpdate: sql / updates, p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}

function conversationRows(n: number, runs: LoadRun[]): Row[] {
  const bot = totals(runs.filter((r) => r.bot === "bot"));
  const echo = totals(runs.filter((r) => r.bot === "echo"));
  const at = `${n} residents at once`;
  const cpuRatio = ratio(bot.cpuPerUpdate, echo.cpuPerUpdate);
  const p50Ratio = ratio(bot.p50, echo.p50);
  const p99Ratio = ratio(bot.p99, echo.p99);
  const detail = { residents: n, botUpdates: bot.updates, echoUpdates: echo.updates };
  return [
    atMost(
      {
        id: `conversation.cpu.n${n}`,
        figure: `CPU per update, ${at}`,
        value: round(cpuRatio, 2),
        unit: "× echo",
        measured: `${cpuRatio.toFixed(1)}× (${bot.cpuPerUpdate.toFixed(2)} ms vs echo ${echo.cpuPerUpdate.toFixed(2)} ms)`,
        detail: { ...detail, botMs: round(bot.cpuPerUpdate, 3), echoMs: round(echo.cpuPerUpdate, 3) },
      },
      2,
      "≤ 2× echo",
    ),
    atMost(
      {
        id: `conversation.p50.n${n}`,
        figure: `reply latency p50, ${at}`,
        value: round(p50Ratio, 2),
        unit: "× echo",
        measured: `${p50Ratio.toFixed(1)}× (${bot.p50.toFixed(0)} ms vs echo ${echo.p50.toFixed(0)} ms)`,
        detail: { ...detail, botMs: round(bot.p50, 1), echoMs: round(echo.p50, 1) },
      },
      2,
      "≤ 2× echo",
    ),
    atMost(
      {
        id: `conversation.p99.n${n}`,
        figure: `reply latency p99, ${at}`,
        value: round(p99Ratio, 2),
        unit: "× echo",
        measured: `${p99Ratio.toFixed(1)}× (${bot.p99.toFixed(0)} ms vs echo ${echo.p99.toFixed(0)} ms)`,
        detail: { ...detail, botMs: round(bot.p99, 1), echoMs: round(echo.p99, 1) },
      },
      2,
      "≤ 2× echo",
    ),
    atMost(
      { id: `conversation.sql.n${n}`, figure: `SQL statements per update, ${at}`, value: round(bot.sqlPerUpdate, 1), unit: "statements", measured: bot.sqlPerUpdate.toFixed(1), detail },
      4,
      "≤ 4",
    ),
    atMost(
      {
        id: `conversation.api.n${n}`,
        figure: `Bot API calls per update (getUpdates aside), ${at}`,
        value: round(bot.apiPerUpdate, 2),
        unit: "calls",
        measured: `${bot.apiPerUpdate.toFixed(2)} (echo ${echo.apiPerUpdate.toFixed(2)})`,
        detail,
      },
      2,
      "≤ 2",
    ),
  ];
}

function memoryRow(runs: LoadRun[], options: BenchOptions): Row {
  const botRuns = runs.filter((r) => r.bot === "bot");
  const peak = Math.max(...botRuns.map((r) => r.maxRssBytes));
  const echoPeak = Math.max(...runs.filter((r) => r.bot === "echo").map((r) => r.maxRssBytes));
  const filled = options.people > 0 ? `${thousands(options.people)} people, ${thousands(options.nominations)} nominations` : "an empty database";
  return atMost(
    {
      id: "memory.peak-rss",
      figure: `peak RSS of the bot process, ${filled}, under the conversation load`,
      value: round(mb(peak), 0),
      unit: "MB",
      measured: `${mb(peak).toFixed(0)} MB (echo bot ${mb(echoPeak).toFixed(0)} MB)`,
      detail: { people: options.people, nominations: options.nominations, largestLoad: Math.max(...options.residents) },
    },
    150,
    "< 150 MB",
    true,
  );
}

/** The year's workbook and CSV for a province of `reportNominations` nominations: time and peak memory, each in its own process. */
async function reportRows(options: BenchOptions, progress: (line: string) => void): Promise<Row[]> {
  if (options.reportNominations === 0) return [];
  progress(`report export: ${thousands(options.reportNominations)} nominations, the year as XLSX and CSV`);
  const reportDb = await createBenchDatabase("report");
  try {
    // Half as many people as nominations: the figures do not depend on who nominated.
    await fillDatabase(reportDb.db, Math.max(1, Math.ceil(options.reportNominations / 2)), options.reportNominations);
    await reportDb.db.$disconnect();
    const now = new Date();
    const rows: Row[] = [];
    for (const format of ["xlsx", "csv"] as const) {
      const run = await runExport(reportDb, format, String(now.getFullYear()), now);
      const detail = { nominations: options.reportNominations, bytes: run.bytes };
      const what = `${format.toUpperCase()} of ${thousands(options.reportNominations)} nominations`;
      rows.push(
        atMost({ id: `report.${format}.time`, figure: `report export: ${what}, time`, value: round(run.ms / 1000, 1), unit: "s", measured: `${(run.ms / 1000).toFixed(1)} s (${(run.bytes / 1024).toFixed(0)} KB)`, detail }, 10, "≤ 10 s"),
        atMost({ id: `report.${format}.memory`, figure: `report export: ${what}, peak memory`, value: round(mb(run.maxRssBytes), 0), unit: "MB", measured: `${mb(run.maxRssBytes).toFixed(0)} MB`, detail }, 150, "< 150 MB", true),
      );
    }
    return rows;
  } finally {
    await reportDb.cleanup();
  }
}
