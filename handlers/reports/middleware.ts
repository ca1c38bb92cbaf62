// The reports link of the handler chain: /baocao (/report) sends the period's workbook or,
// with "csv", the list of nominations; /thongke (/stats) the period's chart as a picture;
// /hoso (/dossier) GS-… and the review card's button a DOCX draft of the achievement report;
// /khenthuong (/commend) GS-… the commendations that fill its section III.
// Only officers and admins get them, each for the units they cover.
import type { Logger } from "pino";
import { choicePayload, choicePrefixes, isChoiceFor, payloadId } from "../../core/channel/choice-payloads";
import type { ChannelPort, Choices, IncomingEvent } from "../../core/channel/port";
import type { Db } from "../../core/db/client";
import type { Locale, Translations } from "../../core/i18n";
import { reportFigures, type ReportFigures } from "../../core/reports/figures";
import { parseReportPeriod, periodChoices, type ReportPeriod } from "../../core/reports/period";
import { resolveReportScope, type ReportScope } from "../../core/reports/scope";
import { scopesOf, type Scope } from "../../core/review/scope";
import type { Middleware } from "../chain";
import { commandOf } from "../commands";
import { identify } from "../people";
import { onCommend } from "./commendations";
import { sendDossier } from "./dossier";
import { sendReport, type ReportKind } from "./send";

/** What the report commands need. */
export interface ReportDeps {
  db: Db;
  i18n: Translations;
  log: Logger;
  timeZone: string;
  defaultLocale: Locale;
  /** The clock ("this quarter"); tests and /tick-free trials may fix it. */
  now?: () => Date;
}

const kindCodes: Record<string, ReportKind> = { x: "xlsx", c: "csv", s: "stats" };
const codeOf: Record<ReportKind, string> = { xlsx: "x", csv: "c", stats: "s" };

/** The officer behind an event, with their scopes. */
export interface ReportActor {
  id: number;
  locale: Locale;
  scopes: Scope[];
}

/** Builds the reports middleware. */
export function reportsMiddleware(deps: ReportDeps): Middleware {
  return async (event, port, next) => {
    const input = event.input;
    const command = input.kind === "command" ? commandOf("reports", input.name.toLowerCase()) : undefined;
    const button = input.kind === "choice" && isChoiceFor(input.payload, "report");
    if (!command && !button) return next();
    const person = await identify(deps.db, event.from, deps.defaultLocale);
    const actor: ReportActor = { id: person.id, locale: person.locale, scopes: await scopesOf(deps.db, person.id) };
    const t = (id: string, args?: Record<string, string | number>) => deps.i18n.t(actor.locale, id, args);
    const reply = (text: string, choices?: Choices) => port.send(event.chat.externalId, { text, ...(choices ? { choices } : {}) });
    if (input.kind === "choice") await port.answerChoice(input.answerId);
    if (actor.scopes.length === 0) return void (await reply(t("reports-officers-only")));
    try {
      if (input.kind === "choice") return await onButton(deps, event, port, actor, input.payload.slice(choicePrefixes.report.length));
      if (input.kind !== "command") return;
      if (command === "dossier") return await sendDossier(deps, event, port, actor, input.args.trim());
      if (command === "commend") return await onCommend(deps, event, port, actor, input.args);
      return await onCommand(deps, event, port, actor, command!, input.args);
    } catch (err) {
      deps.log.error({ err, by: actor.id }, "report failed");
      await reply(t("reports-failed"));
    }
  };
}

async function onButton(deps: ReportDeps, event: IncomingEvent, port: ChannelPort, actor: ReportActor, payload: string): Promise<void> {
  const [code, first, second] = payload.split(":");
  const old = () => port.send(event.chat.externalId, { text: deps.i18n.t(actor.locale, "choice-no-longer-valid") });
  if (code === "d") {
    const id = payloadId(first);
    return id === null ? void (await old()) : sendDossier(deps, event, port, actor, id);
  }
  const kind = kindCodes[code ?? ""];
  if (!kind || !first) return void (await old());
  const period = parseReportPeriod(first, clock(deps), deps.timeZone);
  if (!period.ok) return void (await old());
  const unitId = second ? payloadId(second) : null;
  if (second && unitId === null) return void (await old());
  const unit = unitId !== null ? await deps.db.unit.findUnique({ where: { id: unitId }, select: { code: true } }) : null;
  const scope = await resolveReportScope(deps.db, actor.scopes, unit?.code);
  if (!scope.ok) return void (await port.send(event.chat.externalId, { text: deps.i18n.t(actor.locale, "reports-outside-scope", { code: unit?.code ?? "" }) }));
  await sendReport(deps, event, port, actor, kind, scope.scope, period.period);
}

/**
 * `/baocao [csv] [period] [unit code]`: without a period, a menu of periods; a unit code
 * (any word naming a unit) narrows the report to that unit.
 */
async function onCommand(deps: ReportDeps, event: IncomingEvent, port: ChannelPort, actor: ReportActor, command: ReportKind, args: string): Promise<void> {
  const t = (id: string, a?: Record<string, string | number>) => deps.i18n.t(actor.locale, id, a);
  const reply = (text: string, choices?: Choices) => port.send(event.chat.externalId, { text, ...(choices ? { choices } : {}) });
  let kind = command;
  const words = args.split(/\s+/).filter(Boolean);
  const rest: string[] = [];
  let unitCode: string | undefined;
  for (const word of words) {
    if (kind === "xlsx" && /^(csv|xlsx|excel)$/i.test(word)) {
      kind = word.toLowerCase() === "csv" ? "csv" : "xlsx";
      continue;
    }
    if (!unitCode && /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/i.test(word) && !/^(q[1-4]|h[12]|quy|quý|nam|năm|thang|tháng)$/i.test(word) && (await deps.db.unit.findUnique({ where: { code: word.toUpperCase() }, select: { id: true } }))) {
      unitCode = word;
      continue;
    }
    if (!unitCode && /^[A-Z]{2,}(-[A-Z0-9]+)+$/.test(word)) return void (await reply(t("reports-unknown-unit", { code: word })));
    rest.push(word);
  }
  const scope = await resolveReportScope(deps.db, actor.scopes, unitCode);
  if (!scope.ok) return void (await reply(t(scope.error === "scope-outside" ? "reports-outside-scope" : "reports-unknown-unit", { code: unitCode ?? "" })));
  const text = rest.join(" ");
  if (text === "" && !unitCode) return void (await reply(t("reports-pick-period", { what: kind }), periodMenu(deps, actor, kind, scope.scope)));
  const period = parseReportPeriod(text, clock(deps), deps.timeZone);
  if (!period.ok) return void (await reply(t(`reports-${period.error}`, { text })));
  await sendReport(deps, event, port, actor, kind, scope.scope, period.period);
}

/** This quarter, the last, this half-year, this year and last year, one per row. */
function periodMenu(deps: ReportDeps, actor: ReportActor, kind: ReportKind, scope: ReportScope): Choices {
  const unit = scope.unit ? String(scope.unit.id) : "";
  return periodChoices(clock(deps), deps.timeZone).map((p) => [
    { label: deps.i18n.t(actor.locale, "reports-period-choice", { label: actor.locale === "en" ? p.labelEn : p.label }), payload: choicePayload("report", codeOf[kind], p.id, unit) },
  ]);
}

function clock(deps: ReportDeps): Date {
  return deps.now ? deps.now() : new Date();
}

/** The figures of a scope and period, as the chat commands compute them. */
export function figuresFor(deps: ReportDeps, scope: ReportScope, period: ReportPeriod): Promise<ReportFigures> {
  return reportFigures(deps.db, scope, period, { timeZone: deps.timeZone, now: clock(deps) });
}
