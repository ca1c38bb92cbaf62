// The figures of a report, read from the existing tables: what was received in the period
// and where it stands now, per unit (with subtotals up the unit tree), per field, nominee kind
// and movement; the exemplars approved in the period; quota compliance per unit and block;
// approvals over time. Nominations are read in pages of ids, so a province's tens of
// thousands of rows never sit in memory at once.
//
// What counts where:
// - "received" is every nomination submitted within the period; its status column is where it
//   stands when the report is made (statuses are exclusive, so the columns add up to it);
// - an exemplar belongs to the period in which it was approved (local date, like quotas), even
//   when it was submitted earlier;
// - a quota is counted per calendar period of its deadline (quý, 6 tháng, năm): a year's report
//   holds four quarterly quotas, a quarter's report shows the half-year a half-yearly quota runs in.
import type { DbTx } from "../db/client";
import type { NominationStatus, NomineeKind, Recurrence, ReviewAction } from "../db/generated/sqlite/enums";
import { approvalTime } from "../calendar/quota";
import { addLocalDays, localDateOf, periodContaining, periodMonths, startOfLocalDay, type LocalDate, type PeriodKind } from "../calendar/zoned-time";
import { kindLabels, noMovement, statusKeys, type StatusKey } from "./labels";
import type { ReportPeriod } from "./period";
import { nominationScopeWhere, unitScopeWhere, type ReportScope } from "./scope";
import { shortenText } from "../text/cut";

// === Types

/** Counts per status column; `received` is their sum. */
export type StatusCounts = Record<StatusKey, number>;

/** A unit of the tree, in depth-first order; `total` covers its whole subtree. */
export interface UnitFigures {
  id: number;
  code: string;
  name: string;
  /** 0 for the top units of the report. */
  depth: number;
  parentId: number | null;
  /** Ids of the child units in the report, in order. */
  children: number[];
  blockName: string | null;
  /** Nominations attached to this unit itself. */
  own: StatusCounts;
  /** Nominations of the unit and every unit below it. */
  total: StatusCounts;
}

/** One row of a breakdown (a field, a kind, a movement). */
export interface BreakdownRow {
  key: string;
  label: string;
  counts: StatusCounts;
}

/** An exemplar approved in the period. */
export interface Exemplar {
  id: number;
  code: string;
  nomineeName: string;
  kind: string;
  unitCode: string;
  unitName: string;
  field: string;
  movement: string;
  criteria: string[];
  achievements: string;
  approvedOn: LocalDate;
  approvers: string[];
  published: boolean;
}

/** Quota compliance of one unit for one quota rule. */
export interface QuotaRow {
  blockCode: string;
  blockName: string;
  unitCode: string;
  unitName: string;
  /** The window counted: the report period, or the calendar period of the quota containing it. */
  windowLabel: string;
  target: number;
  approved: number;
  met: boolean;
  /** How many exemplars are still missing (0 when met). */
  short: number;
}

/** A bar of the approvals-over-time chart. */
export interface TimeBucket {
  label: string;
  count: number;
}

/** Everything a report shows. */
export interface ReportFigures {
  period: ReportPeriod;
  scope: ReportScope;
  generatedAt: Date;
  timeZone: string;
  units: UnitFigures[];
  totals: StatusCounts;
  byField: BreakdownRow[];
  byKind: BreakdownRow[];
  byMovement: BreakdownRow[];
  exemplars: Exemplar[];
  quotas: QuotaRow[];
  approvalsOverTime: TimeBucket[];
}

// === Helpers

/** Zero in every column. */
export function emptyCounts(): StatusCounts {
  return Object.fromEntries(statusKeys.map((k) => [k, 0])) as StatusCounts;
}

/** The column a status is counted in; null for drafts and cancelled drafts. */
export function statusKeyOf(status: NominationStatus): Exclude<StatusKey, "received"> | null {
  switch (status) {
    case "SUBMITTED":
    case "IN_REVIEW":
      return "inReview";
    case "NEEDS_INFO":
      return "needsInfo";
    case "APPROVED":
      return "approved";
    case "REJECTED":
      return "rejected";
    case "WITHDRAWN":
      return "withdrawn";
    case "PUBLISHED":
      return "published";
    default:
      return null;
  }
}

function add(counts: StatusCounts, status: NominationStatus, count = 1): void {
  const key = statusKeyOf(status);
  if (!key) return;
  counts[key] += count;
  counts.received += count;
}

/** Statuses of nominations that were submitted (everything but drafts). */
export const submittedStatuses: NominationStatus[] = ["SUBMITTED", "IN_REVIEW", "NEEDS_INFO", "APPROVED", "REJECTED", "WITHDRAWN", "PUBLISHED"];

// Relations of a page are loaded with one "IN (ids)" each; SQLite takes at most 999 parameters.
const pageSize = 500;

/** Reads rows page by page in id order; `fetch` gets the last id seen. */
export async function* pages<T extends { id: number }>(fetch: (afterId: number, take: number) => Promise<T[]>): AsyncGenerator<T[]> {
  let after = 0;
  for (;;) {
    const page = await fetch(after, pageSize);
    if (page.length === 0) return;
    yield page;
    after = page[page.length - 1]!.id;
    if (page.length < pageSize) return;
  }
}

/** Shortens a text to `max` characters at a word boundary, with an ellipsis. */
export function shorten(text: string, max: number): string {
  const clean = text.replace(/\s+/g, " ").trim();
  return shortenText(clean, max, { wordSlack: 0.4 });
}

// === The report

/** Options of `reportFigures`. */
export interface FigureOptions {
  timeZone: string;
  now?: Date;
  /** Characters of the achievements kept in the exemplar list. */
  achievementsLength?: number;
}

/** Computes every figure of a report for a scope and a period. */
export async function reportFigures(db: DbTx, scope: ReportScope, period: ReportPeriod, opts: FigureOptions): Promise<ReportFigures> {
  const now = opts.now ?? new Date();
  const units = await unitTree(db, scope);
  const byId = new Map(units.map((u) => [u.id, u]));
  const fields = await db.field.findMany({ orderBy: { number: "asc" } });
  const movements = await db.movement.findMany({ orderBy: { id: "asc" } });
  const byField = new Map<number, BreakdownRow>(fields.map((f) => [f.id, { key: String(f.number), label: `${f.number}. ${f.nameVi}`, counts: emptyCounts() }]));
  const byKind = new Map<string, BreakdownRow>(Object.entries(kindLabels).map(([k, label]) => [k, { key: k, label, counts: emptyCounts() }]));
  const byMovement = new Map<number | null, BreakdownRow>(movements.map((m) => [m.id, { key: m.code, label: m.nameVi, counts: emptyCounts() }]));
  byMovement.set(null, { key: "", label: noMovement, counts: emptyCounts() });
  const totals = emptyCounts();

  const where = { status: { in: submittedStatuses }, submittedAt: { gte: period.start, lt: period.end }, ...nominationScopeWhere(scope) };
  // Counted by the database, one row per combination: a province's year is a few thousand
  // rows to add up, not every nomination read into memory.
  const groups = await db.nomination.groupBy({ by: ["status", "unitId", "fieldId", "movementId", "nomineeKind"], where, _count: { _all: true } });
  for (const g of groups) {
    const count = g._count._all;
    add(totals, g.status, count);
    const unit = g.unitId === null ? undefined : byId.get(g.unitId);
    if (unit) add(unit.own, g.status, count);
    if (g.fieldId !== null) {
      const row = byField.get(g.fieldId);
      if (row) add(row.counts, g.status, count);
    }
    if (g.nomineeKind) add(byKind.get(g.nomineeKind)!.counts, g.status, count);
    const movement = byMovement.get(g.movementId) ?? byMovement.get(null)!;
    add(movement.counts, g.status, count);
  }
  // Subtotals: children come after their parent in depth-first order, so walk backwards.
  for (const unit of [...units].reverse()) {
    for (const key of statusKeys) unit.total[key] += unit.own[key];
    const parent = unit.parentId === null ? undefined : byId.get(unit.parentId);
    if (parent) for (const key of statusKeys) parent.total[key] += unit.total[key];
  }

  const exemplars = await approvedIn(db, scope, period.start, period.end, opts.timeZone, opts.achievementsLength ?? 300);
  const quotas = await quotaRows(db, scope, period, opts.timeZone, now);
  return {
    period,
    scope,
    generatedAt: now,
    timeZone: opts.timeZone,
    units,
    totals,
    byField: [...byField.values()],
    byKind: [...byKind.values()],
    byMovement: [...byMovement.values()].filter((r) => r.key !== "" || r.counts.received > 0),
    exemplars,
    quotas,
    approvalsOverTime: buckets(period, exemplars.map((e) => e.approvedOn)),
  };
}

// === Units

async function unitTree(db: DbTx, scope: ReportScope): Promise<UnitFigures[]> {
  const rows = await db.unit.findMany({
    where: unitScopeWhere(scope),
    select: { id: true, code: true, name: true, parentId: true, block: { select: { name: true } } },
    orderBy: { id: "asc" },
  });
  const inReport = new Set(rows.map((r) => r.id));
  const children = new Map<number | null, typeof rows>();
  for (const r of rows) {
    const parent = r.parentId !== null && inReport.has(r.parentId) ? r.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), r]);
  }
  const ordered: UnitFigures[] = [];
  const visit = (r: (typeof rows)[number], depth: number, parentId: number | null) => {
    const kids = children.get(r.id) ?? [];
    ordered.push({
      id: r.id,
      code: r.code,
      name: r.name,
      depth,
      parentId,
      children: kids.map((k) => k.id),
      blockName: r.block?.name ?? null,
      own: emptyCounts(),
      total: emptyCounts(),
    });
    for (const k of kids) visit(k, depth + 1, r.id);
  };
  for (const root of children.get(null) ?? []) visit(root, 0, null);
  return ordered;
}

// === Approvals

/** What `approvedIn` reads of an approved nomination. */
const approvedSelect = {
  id: true,
  code: true,
  status: true,
  nomineeName: true,
  nomineeKind: true,
  achievements: true,
  decidedAt: true,
  unit: { select: { code: true, name: true, path: true } },
  field: { select: { number: true, nameVi: true } },
  movement: { select: { nameVi: true } },
  criteria: { select: { criterion: { select: { number: true, shortVi: true } } } },
  events: {
    where: { action: { in: ["FORWARD", "APPROVE"] as ReviewAction[] } },
    select: { action: true, createdAt: true, actor: { select: { displayName: true } } },
    orderBy: { id: "asc" },
  },
} as const;

/**
 * Nominations approved (and possibly published since) between two instants, oldest approval
 * first. Approval time is `decidedAt`, or for rows written without it their APPROVE event.
 */
export async function approvedIn(db: DbTx, scope: ReportScope, from: Date, to: Date, timeZone: string, achievementsLength: number): Promise<Exemplar[]> {
  const where = {
    status: { in: ["APPROVED", "PUBLISHED"] as NominationStatus[] },
    OR: [{ decidedAt: { gte: from, lt: to } }, { decidedAt: null }],
    ...nominationScopeWhere(scope),
  };
  const found: (Exemplar & { at: number })[] = [];
  for await (const page of pages((afterId, take) =>
    db.nomination.findMany({ where: { ...where, id: { gt: afterId } }, select: approvedSelect, orderBy: { id: "asc" }, take }),
  )) {
    for (const n of page) {
      const approveEvents = n.events.filter((e) => e.action === "APPROVE").reverse();
      const at = approvalTime({ decidedAt: n.decidedAt, events: approveEvents });
      if (!at || at < from || at >= to) continue;
      found.push({
        at: at.getTime(),
        id: n.id,
        code: n.code ?? "",
        nomineeName: n.nomineeName ?? "",
        kind: n.nomineeKind ? kindLabels[n.nomineeKind as NomineeKind] : "",
        unitCode: n.unit?.code ?? "",
        unitName: n.unit?.name ?? "",
        field: n.field ? `${n.field.number}. ${n.field.nameVi}` : "",
        movement: n.movement?.nameVi ?? "",
        criteria: n.criteria.map((c) => c.criterion).sort((a, b) => a.number - b.number).map((c) => c.shortVi),
        achievements: shorten(n.achievements ?? "", achievementsLength),
        approvedOn: localDateOf(at, timeZone),
        approvers: [...new Set(n.events.map((e) => e.actor?.displayName).filter((name): name is string => !!name))],
        published: n.status === "PUBLISHED",
      });
    }
  }
  return found.sort((a, b) => a.at - b.at || a.id - b.id).map(({ at: _at, ...rest }) => rest);
}

// === Quotas

const recurrenceKinds: Partial<Record<Recurrence, PeriodKind>> = { MONTHLY: "MONTHLY", QUARTERLY: "QUARTERLY", HALF_YEARLY: "HALF_YEARLY", YEARLY: "YEARLY" };

/** The window a quota is measured over in a report, and how many exemplars it asks for. */
export function quotaWindow(period: ReportPeriod, recurrence: PeriodKind, perPeriod: number, timeZone: string): { start: Date; end: Date; label: string; target: number } {
  const months = periodMonths(recurrence);
  if (period.period && periodMonths(period.period.kind) % months === 0) {
    return { start: period.start, end: period.end, label: period.label, target: perPeriod * (periodMonths(period.period.kind) / months) };
  }
  const own = periodContaining(period.first, recurrence, timeZone);
  return { start: own.start, end: own.end, label: own.label, target: perPeriod };
}

async function quotaRows(db: DbTx, scope: ReportScope, period: ReportPeriod, timeZone: string, now: Date): Promise<QuotaRow[]> {
  const deadlines = await db.deadline.findMany({
    where: { active: true, quotaCount: { gt: 0 }, blockId: { not: null } },
    include: { block: true, unitScope: { select: { path: true } } },
    orderBy: { id: "asc" },
  });
  const rows: QuotaRow[] = [];
  const approvalsCache = new Map<string, { path: string; at: Date }[]>();
  for (const d of deadlines) {
    const kind = recurrenceKinds[d.recurrence];
    if (!kind || !d.block || !d.quotaCount) continue;
    const units = await db.unit.findMany({
      where: { active: true, blockId: d.blockId, AND: [unitScopeWhere(scope), d.unitScope ? { path: { startsWith: d.unitScope.path } } : {}] },
      select: { code: true, name: true, path: true },
      orderBy: { id: "asc" },
    });
    if (units.length === 0) continue;
    const window = quotaWindow(period, kind, d.quotaCount, timeZone);
    const key = `${window.start.getTime()}:${window.end.getTime()}`;
    let approvals = approvalsCache.get(key);
    if (!approvals) {
      const until = new Date(Math.min(window.end.getTime(), now.getTime() + 1));
      approvals = await approvalPaths(db, scope, window.start, until);
      approvalsCache.set(key, approvals);
    }
    for (const unit of units) {
      const approved = approvals.filter((a) => a.path.startsWith(unit.path)).length;
      rows.push({
        blockCode: d.block.code,
        blockName: d.block.name,
        unitCode: unit.code,
        unitName: unit.name,
        windowLabel: window.label,
        target: window.target,
        approved,
        met: approved >= window.target,
        short: Math.max(0, window.target - approved),
      });
    }
  }
  return rows;
}

/** Unit paths of the nominations approved between two instants (one entry per nomination). */
async function approvalPaths(db: DbTx, scope: ReportScope, from: Date, to: Date): Promise<{ path: string; at: Date }[]> {
  const where = {
    status: { in: ["APPROVED", "PUBLISHED"] as NominationStatus[] },
    OR: [{ decidedAt: { gte: from, lt: to } }, { decidedAt: null }],
    ...nominationScopeWhere(scope),
  };
  const out: { path: string; at: Date }[] = [];
  for await (const page of pages((afterId, take) =>
    db.nomination.findMany({
      where: { ...where, id: { gt: afterId } },
      select: {
        id: true,
        decidedAt: true,
        unit: { select: { path: true } },
        events: { where: { action: "APPROVE" }, select: { createdAt: true }, orderBy: { createdAt: "desc" }, take: 1 },
      },
      orderBy: { id: "asc" },
      take,
    }),
  )) {
    for (const n of page) {
      const at = approvalTime(n);
      if (at && at >= from && at < to && n.unit) out.push({ path: n.unit.path, at });
    }
  }
  return out;
}

// === Over time

/** Approvals per week (periods up to about a quarter) or per month (longer ones). */
export function buckets(period: ReportPeriod, dates: LocalDate[]): TimeBucket[] {
  const days = Math.round((period.end.getTime() - period.start.getTime()) / 86_400_000);
  const out: { first: LocalDate; label: string; count: number }[] = [];
  if (days <= 100) {
    for (let d = period.first, i = 1; compare(d, period.last) <= 0; d = addLocalDays(d, 7), i += 1) out.push({ first: d, label: `${pad(d.day)}/${pad(d.month)}`, count: 0 });
  } else {
    for (let d: LocalDate = { ...period.first, day: 1 }; compare(d, period.last) <= 0; d = nextMonth(d)) out.push({ first: d, label: `T${d.month}/${String(d.year).slice(2)}`, count: 0 });
  }
  for (const date of dates) {
    let index = -1;
    for (let i = 0; i < out.length; i += 1) if (compare(out[i]!.first, date) <= 0) index = i;
    if (index >= 0) out[index]!.count += 1;
  }
  return out.map(({ label, count }) => ({ label, count }));
}

function nextMonth(d: LocalDate): LocalDate {
  return d.month === 12 ? { year: d.year + 1, month: 1, day: 1 } : { year: d.year, month: d.month + 1, day: 1 };
}

function compare(a: LocalDate, b: LocalDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

/** Midnight (local) of a date, for tests that place approvals on a given day. */
export function instantOf(date: LocalDate, timeZone: string): Date {
  return startOfLocalDay(date, timeZone);
}
