// Deadlines are data: the shipped config/deadlines.json carries the plans' own dates, admins
// add more in chat. One zod schema describes a deadline wherever it comes from, so a typo in
// the file and a bad /deadline_add are refused with the same wording.
import { readFile } from "node:fs/promises";
import type { Logger } from "pino";
import { z } from "zod";
import type { DbTx, Db } from "../db/client";
import { daysInMonth, toDateColumn, type LocalDate } from "./zoned-time";

// === Schema

/** Who a deadline's reminders go to. */
export const audienceSchema = z.enum(["SUBSCRIBED_GROUPS", "UNIT_OFFICERS", "COUNCIL_OFFICERS", "UNIT_NOMINATORS"]);

/** The reminder offsets of issue #7: a week, three days and one day before, and the day itself. */
export const defaultOffsetsDays = [7, 3, 1, 0] as const;

/** Stored for "the last day": occurrences clamp a day to the month's length. */
export const lastDayOfMonth = 31;

const dayOrLast = z.union([z.int().min(1).max(31), z.literal("last")]);

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: "expected yyyy-mm-dd" })
  .transform((text, ctx): LocalDate => {
    const [year, month, day] = text.split("-").map(Number) as [number, number, number];
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
      ctx.addIssue({ code: "custom", message: "no such date" });
      return z.NEVER;
    }
    return { year, month, day };
  });

const common = {
  /** Stable identifier used in reminder keys; never reuse one for another deadline. */
  code: z.string().regex(/^[a-z0-9][a-z0-9-]{1,47}$/, { message: "lower-case letters, digits and dashes (2–48)" }),
  title: z.object({ vi: z.string().trim().min(1).max(200), en: z.string().trim().min(1).max(200).optional() }),
  audience: audienceSchema,
  /** Unit code of the subtree the deadline concerns; absent: everywhere. */
  unit: z.string().min(1).optional(),
  /** Emulation block code: only units of that block are addressed. */
  block: z.string().min(1).optional(),
  quota: z
    .object({
      count: z.int().min(1).max(1000),
      period: z.enum(["MONTHLY", "QUARTERLY", "HALF_YEARLY", "YEARLY"]),
    })
    .optional(),
  offsets: z
    .array(z.int().min(0).max(366))
    .min(1)
    .max(10)
    .refine((xs) => new Set(xs).size === xs.length, { message: "offsets repeat" })
    .default([...defaultOffsetsDays])
    .transform((xs) => [...xs].sort((a, b) => b - a)),
  active: z.boolean().default(true),
};

/** One deadline as written in the config file or built from a chat command. */
export const deadlineInputSchema = z
  .discriminatedUnion("recurrence", [
    z.object({ ...common, recurrence: z.literal("ONCE"), date: isoDate }),
    z.object({ ...common, recurrence: z.literal("YEARLY"), month: z.int().min(1).max(12), day: z.int().min(1).max(31) }),
    z.object({
      ...common,
      recurrence: z.literal("HALF_YEARLY"),
      /** Month within the half-year (1–6); the last one when absent. */
      month: z.int().min(1).max(6).default(6),
      day: dayOrLast.default("last"),
    }),
    z.object({
      ...common,
      recurrence: z.literal("QUARTERLY"),
      /** Month within the quarter (1–3); the last one when absent. */
      month: z.int().min(1).max(3).default(3),
      day: dayOrLast.default("last"),
    }),
    z.object({ ...common, recurrence: z.literal("MONTHLY"), day: dayOrLast.default("last") }),
  ])
  .superRefine((d, ctx) => {
    // 29/2 is allowed: in common years the occurrence falls on 28/2.
    if (d.recurrence === "YEARLY" && d.day > daysInMonth(2028, d.month)) {
      ctx.addIssue({ code: "custom", path: ["day"], message: `no day ${d.day} in month ${d.month}` });
    }
    if (d.quota && d.quota.period !== d.recurrence) {
      ctx.addIssue({
        code: "custom",
        path: ["quota", "period"],
        message: `a quota is counted over the deadline's own period (${d.recurrence})`,
      });
    }
  });

/** A validated deadline definition. */
export type DeadlineInput = z.output<typeof deadlineInputSchema>;

/** The config file: a list of deadlines with unique codes. */
export const deadlineConfigSchema = z
  .object({ deadlines: z.array(deadlineInputSchema) })
  .superRefine((config, ctx) => {
    const seen = new Set<string>();
    config.deadlines.forEach((d, i) => {
      if (seen.has(d.code)) ctx.addIssue({ code: "custom", path: ["deadlines", i, "code"], message: `duplicate code ${d.code}` });
      seen.add(d.code);
    });
  });

/** The validated content of config/deadlines.json. */
export type DeadlineConfig = z.output<typeof deadlineConfigSchema>;

// === Loading

/** A config file that cannot be used; `problems` lists every one, with its place in the file. */
export class DeadlineConfigError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super([`Invalid deadline configuration in ${file}:`, ...problems.map((p) => `- ${p}`)].join("\n"));
    this.name = "DeadlineConfigError";
  }
}

function describePath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, key) => (typeof key === "number" ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)), "");
}

/** Validates already-parsed JSON; throws DeadlineConfigError listing every problem. */
export function parseDeadlineConfig(data: unknown, file = "deadline config"): DeadlineConfig {
  const result = deadlineConfigSchema.safeParse(data);
  if (result.success) return result.data;
  throw new DeadlineConfigError(
    file,
    result.error.issues.map((issue) => `${describePath(issue.path) || "(file)"}: ${issue.message}`),
  );
}

/** Reads and validates a deadline config file (JSON). */
export async function loadDeadlineConfig(file: string): Promise<DeadlineConfig> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    throw new DeadlineConfigError(file, [`cannot be read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`]);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new DeadlineConfigError(file, [`not valid JSON: ${(error as Error).message}`]);
  }
  return parseDeadlineConfig(data, file);
}

// === Storing

/** The Deadline columns a definition maps to, once unit and block codes are resolved to ids. */
export function deadlineColumns(d: DeadlineInput, ids: { unitScopeId: number | null; blockId: number | null }) {
  const day = "day" in d ? (d.day === "last" ? lastDayOfMonth : d.day) : null;
  return {
    titleVi: d.title.vi,
    titleEn: d.title.en ?? null,
    recurrence: d.recurrence,
    date: d.recurrence === "ONCE" ? toDateColumn(d.date) : null,
    month: "month" in d ? d.month : null,
    day,
    audience: d.audience,
    unitScopeId: ids.unitScopeId,
    blockId: ids.blockId,
    quotaCount: d.quota?.count ?? null,
    offsetsDays: d.offsets,
    active: d.active,
  };
}

/** A unit or block code that names nothing in the database. */
export class UnknownReferenceError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join("; "));
    this.name = "UnknownReferenceError";
  }
}

/** Looks up the unit and block codes of definitions; throws UnknownReferenceError listing every unknown one. */
export async function resolveReferences(db: DbTx, inputs: readonly DeadlineInput[]) {
  const unitCodes = [...new Set(inputs.flatMap((d) => (d.unit ? [d.unit] : [])))];
  const blockCodes = [...new Set(inputs.flatMap((d) => (d.block ? [d.block] : [])))];
  const [units, blocks] = await Promise.all([
    db.unit.findMany({ where: { code: { in: unitCodes } }, select: { id: true, code: true } }),
    db.emulationBlock.findMany({ where: { code: { in: blockCodes } }, select: { id: true, code: true } }),
  ]);
  const unitIds = new Map(units.map((u) => [u.code, u.id]));
  const blockIds = new Map(blocks.map((b) => [b.code, b.id]));
  const problems = [
    ...unitCodes.filter((c) => !unitIds.has(c)).map((c) => `unknown unit ${c}`),
    ...blockCodes.filter((c) => !blockIds.has(c)).map((c) => `unknown block ${c}`),
  ];
  if (problems.length > 0) throw new UnknownReferenceError(problems);
  return (d: DeadlineInput) => ({
    unitScopeId: d.unit ? (unitIds.get(d.unit) ?? null) : null,
    blockId: d.block ? (blockIds.get(d.block) ?? null) : null,
  });
}

/** What a sync changed, by deadline code. */
export interface SyncSummary {
  created: string[];
  updated: string[];
  deactivated: string[];
  /** Codes in the file already taken by a deadline created in chat (left untouched). */
  conflicts: string[];
}

/**
 * Makes the Deadline table match the config file: upserts each deadline by code (marked
 * fromConfig) and deactivates config deadlines no longer in the file. Deadlines created in
 * chat are never touched, even when the file reuses their code.
 */
export async function syncDeadlines(db: Db, config: DeadlineConfig, log?: Logger): Promise<SyncSummary> {
  const summary: SyncSummary = { created: [], updated: [], deactivated: [], conflicts: [] };
  await db.$transaction(async (tx) => {
    const idsOf = await resolveReferences(tx, config.deadlines);
    const existing = new Map(
      (await tx.deadline.findMany({ select: { id: true, code: true, fromConfig: true, active: true } })).map((d) => [d.code, d]),
    );
    for (const d of config.deadlines) {
      const data = deadlineColumns(d, idsOf(d));
      const row = existing.get(d.code);
      if (!row) {
        await tx.deadline.create({ data: { ...data, code: d.code, fromConfig: true } });
        summary.created.push(d.code);
      } else if (!row.fromConfig) {
        summary.conflicts.push(d.code);
      } else {
        await tx.deadline.update({ where: { id: row.id }, data });
        summary.updated.push(d.code);
      }
    }
    const inFile = new Set(config.deadlines.map((d) => d.code));
    for (const row of existing.values()) {
      if (row.fromConfig && row.active && !inFile.has(row.code)) {
        await tx.deadline.update({ where: { id: row.id }, data: { active: false } });
        summary.deactivated.push(row.code);
      }
    }
  });
  if (summary.conflicts.length > 0) log?.warn({ codes: summary.conflicts }, "config deadlines clash with chat-created codes");
  log?.info(
    { created: summary.created.length, updated: summary.updated.length, deactivated: summary.deactivated },
    "deadlines synced from config",
  );
  return summary;
}
