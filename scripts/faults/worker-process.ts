// One outbox worker in a process of its own, so a fault can kill it with SIGKILL mid-send.
// Settings come from the environment; it prints "ready" once it is sending.
import { pino } from "pino";
import { z } from "zod";
import { TelegramOutboxSender } from "../../bot/telegram/outbox-sender";
import { openDatabase } from "../../core/db/client";
import { parseDatabaseUrl } from "../../core/db/database-url";
import { PostgresSendPace } from "../../core/outbox/shared-pace";
import { OutboxWorker } from "../../core/outbox/worker";

const env = z
  .object({
    FAULTS_DATABASE_URL: z.string().min(1),
    FAULTS_API_ROOT: z.url(),
    FAULTS_TOKEN: z.string().min(1),
    FAULTS_PER_SECOND: z.coerce.number().positive(),
  })
  .parse(process.env);

const target = parseDatabaseUrl(env.FAULTS_DATABASE_URL);
const log = pino({ level: "silent" });
const db = await openDatabase(target);
const sharedPace = target.provider === "postgres" ? await PostgresSendPace.open(target.url, log) : undefined;
const worker = new OutboxWorker({
  db,
  log,
  senders: [new TelegramOutboxSender({ token: env.FAULTS_TOKEN, apiRoot: env.FAULTS_API_ROOT })],
  limits: { TELEGRAM: { perSecond: env.FAULTS_PER_SECOND, burst: 1, perChatPerSecond: Infinity } },
  leaseMs: 3_000,
  pollIntervalMs: 20,
  ...(sharedPace ? { sharedPace } : {}),
});
worker.start();
process.stdout.write("ready\n");
