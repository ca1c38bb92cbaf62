// The Deadline table as the calendar sees it: rows become plannable deadlines, admins add and
// remove them in chat, and /deadlines lists what comes next with the days left.
import { z } from "zod";
import type { Db, DbTx } from "../db/client";
import type { Deadline } from "../db/generated/sqlite/client";
import { deadlineColumns, deadlineInputSchema, resolveReferences, type DeadlineInput } from "./deadline-config";
import { nextOccurrence, type Occurrence } from "./occurrences";
import type { PlannableDeadline } from "./reminder-plan";
import { daysLeft } from "./zoned-time";

const offsetsColumn = z.array(z.int().min(0));

/** A Deadline row with its offsets read and checked. */
export type CalendarDeadline = Omit<Deadline, "offsetsDays"> & PlannableDeadline;

/** Reads a Deadline row for the planner; offsets that are not a list of days fall back to none. */
export function toCalendarDeadline(row: Deadline): CalendarDeadline {
  const offsets = offsetsColumn.safeParse(row.offsetsDays);
  return { ...row, offsetsDays: offsets.success ? offsets.data : [] };
}

/** Every active deadline. */
export async function activeDeadlines(db: DbTx): Promise<CalendarDeadline[]> {
  const rows = await db.deadline.findMany({ where: { active: true }, orderBy: { id: "asc" } });
  return rows.map(toCalendarDeadline);
}

/** One line of /deadlines. */
export interface UpcomingDeadline {
  deadline: CalendarDeadline;
  occurrence: Occurrence;
  /** 0 on the day itself. */
  daysLeft: number;
}

/** Active deadlines by their next occurrence, soonest first (one-offs already past are left out). */
export async function upcomingDeadlines(db: DbTx, now: Date, timeZone: string, opts: { limit?: number } = {}): Promise<UpcomingDeadline[]> {
  const list = (await activeDeadlines(db)).flatMap((deadline) => {
    const occurrence = nextOccurrence(deadline, now, timeZone);
    return occurrence ? [{ deadline, occurrence, daysLeft: daysLeft(now, occurrence.due, timeZone) }] : [];
  });
  list.sort((a, b) => a.occurrence.dueStart.getTime() - b.occurrence.dueStart.getTime() || a.deadline.code.localeCompare(b.deadline.code));
  return opts.limit === undefined ? list : list.slice(0, opts.limit);
}

/**
 * A free code for a deadline created in chat, from its title: "Họp sơ kết quý" becomes
 * "hop-so-ket-quy" (or "hop-so-ket-quy-2" when taken).
 */
export async function freeDeadlineCode(db: DbTx, title: string): Promise<string> {
  const base =
    title
      .normalize("NFD")
      .replace(/\p{Mn}/gu, "")
      .replace(/[đĐ]/g, "d")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 40)
      .replace(/-+$/, "") || "deadline";
  const padded = base.length < 2 ? `${base}-deadline` : base;
  const taken = new Set(
    (await db.deadline.findMany({ where: { code: { startsWith: padded } }, select: { code: true } })).map((d) => d.code),
  );
  if (!taken.has(padded)) return padded;
  for (let n = 2; ; n++) {
    if (!taken.has(`${padded}-${n}`)) return `${padded}-${n}`;
  }
}

/** A deadline code already in use. */
export class DuplicateDeadlineError extends Error {
  constructor(readonly code: string) {
    super(`A deadline with code ${code} exists`);
    this.name = "DuplicateDeadlineError";
  }
}

/**
 * Adds a deadline from chat (/deadline_add). The input is validated with the config file's
 * schema; throws ZodError, UnknownReferenceError or DuplicateDeadlineError.
 */
export async function addDeadline(db: Db, input: z.input<typeof deadlineInputSchema>, createdById: number | null): Promise<CalendarDeadline> {
  const parsed: DeadlineInput = deadlineInputSchema.parse(input);
  return db.$transaction(async (tx) => {
    if (await tx.deadline.findUnique({ where: { code: parsed.code }, select: { id: true } })) throw new DuplicateDeadlineError(parsed.code);
    const idsOf = await resolveReferences(tx, [parsed]);
    const row = await tx.deadline.create({
      data: { ...deadlineColumns(parsed, idsOf(parsed)), code: parsed.code, fromConfig: false, createdById },
    });
    return toCalendarDeadline(row);
  });
}

/**
 * Deactivates a deadline (/deadline_remove); its reminder history stays. Returns false when no
 * active deadline has that code. A deadline from the config file comes back at the next sync
 * unless it is removed from the file too.
 */
export async function removeDeadline(db: DbTx, code: string): Promise<boolean> {
  const changed = await db.deadline.updateMany({ where: { code, active: true }, data: { active: false } });
  return changed.count > 0;
}
