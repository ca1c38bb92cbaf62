// The bench's command-line flags, validated with zod.
import { parseArgs } from "node:util";
import { z } from "zod";

const positiveList = z
  .string()
  .transform((s) => s.split(",").map((p) => Number(p.trim())))
  .pipe(z.array(z.number().int().positive()).min(1));
const count = z.coerce.number().int().nonnegative();

/** Every option of the bench, with its default. */
export const benchOptions = z.object({
  /** Residents nominating at once, one load per value. */
  residents: positiveList,
  /** How many times each load (echo then bot) is repeated, interleaved. */
  rounds: z.coerce.number().int().positive(),
  /** People and nominations in the bot's database during the loads (0 for an empty one). */
  people: count,
  nominations: count,
  /** Subscribed groups the digest goes to (0 skips the digest). */
  groups: count,
  /** Nominations in the province whose year is exported as a workbook and a CSV (0 skips the export). */
  reportNominations: count,
  /** Start-ups measured (0 skips them). */
  startups: count,
  /** Outbox figures: rows enqueued, messages delivered, chats, worker concurrency (0 rows skips them). */
  outboxRows: count,
  outboxMessages: z.coerce.number().int().positive(),
  outboxChats: z.coerce.number().int().positive(),
  outboxConcurrency: z.coerce.number().int().positive(),
  /** Also time `npm ci` in a temp copy. */
  npmCi: z.boolean(),
  /** Folder of the JSON results. */
  out: z.string().min(1),
});
export type BenchOptions = z.infer<typeof benchOptions>;

const usage = `npm run bench [-- options]
  --residents 50,200      residents nominating at once (one load per value)
  --rounds 2              interleaved rounds of echo and bot per load
  --people 10000          people in the bot's database during the loads
  --nominations 20000     nominations in the bot's database during the loads
  --groups 5000           groups the digest goes to (0 skips)
  --report-nominations 20000  nominations of the year exported as XLSX and CSV (0 skips)
  --startups 3            start-ups measured (0 skips)
  --outbox-rows 1000      outbox rows enqueued per figure (0 skips the outbox figures)
  --outbox-messages 2000  --outbox-chats 200  --outbox-concurrency 16
  --npm-ci                also time npm ci in a temp copy
  --out bench/results     folder of the JSON result`;

/** Parses `argv` (without node and the script); throws a message listing every problem. */
export function parseBenchFlags(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      residents: { type: "string", default: "50,200" },
      rounds: { type: "string", default: "2" },
      people: { type: "string", default: "10000" },
      nominations: { type: "string", default: "20000" },
      groups: { type: "string", default: "5000" },
      "report-nominations": { type: "string", default: "20000" },
      startups: { type: "string", default: "3" },
      "outbox-rows": { type: "string", default: "1000" },
      "outbox-messages": { type: "string", default: "2000" },
      "outbox-chats": { type: "string", default: "200" },
      "outbox-concurrency": { type: "string", default: "16" },
      "npm-ci": { type: "boolean", default: false },
      out: { type: "string", default: "bench/results" },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) throw new Error(usage);
  const parsed = benchOptions.safeParse({
    residents: values.residents,
    rounds: values.rounds,
    people: values.people,
    nominations: values.nominations,
    groups: values.groups,
    reportNominations: values["report-nominations"],
    startups: values.startups,
    outboxRows: values["outbox-rows"],
    outboxMessages: values["outbox-messages"],
    outboxChats: values["outbox-chats"],
    outboxConcurrency: values["outbox-concurrency"],
    npmCi: values["npm-ci"],
    out: values.out,
  });
  if (!parsed.success) throw new Error(`${parsed.error.issues.map((i) => `--${i.path.join(".").replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}: ${i.message}`).join("\n")}\n\n${usage}`);
  return parsed.data;
}
