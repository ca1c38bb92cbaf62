// /hoso GS-… (/dossier) and the review card's dossier button: the DOCX draft of the
// nominee's achievement report, for officers whose units include the nomination's unit.
import type { ChannelPort, IncomingEvent } from "../../core/channel/port";
import { parseNominationCode } from "../../core/nominations/code";
import { docxMimeType, dossierData, dossierDocx } from "../../core/reports/dossier";
import { audit } from "../../core/privacy/audit";
import { covers } from "../../core/review/scope";
import type { ReportActor, ReportDeps } from "./middleware";

/**
 * The id of the nomination a typed code ("GS-2026-0042") or a button's id names, when it lies
 * in the officer's units; null otherwise, so another unit's nomination reads as not found and
 * an officer learns nothing of other units.
 */
export async function nominationInScope(deps: ReportDeps, actor: ReportActor, which: string | number): Promise<number | null> {
  let row: { id: number; unit: { path: string } | null } | null = null;
  const select = { id: true, unit: { select: { path: true } } } as const;
  if (typeof which === "number") row = Number.isInteger(which) ? await deps.db.nomination.findUnique({ where: { id: which }, select }) : null;
  else {
    const code = parseNominationCode(which);
    row = code ? await deps.db.nomination.findUnique({ where: { codeYear_codeSeq: { codeYear: code.year, codeSeq: code.seq } }, select }) : null;
  }
  const unitPath = row?.unit?.path;
  return row && unitPath && actor.scopes.some((s) => covers(s, unitPath)) ? row.id : null;
}

/** Sends the dossier of a nomination named by its code (typed) or its id (a button). */
export async function sendDossier(deps: ReportDeps, event: IncomingEvent, port: ChannelPort, actor: ReportActor, which: string | number): Promise<void> {
  const t = (id: string, a?: Record<string, string | number>) => deps.i18n.t(actor.locale, id, a);
  const chatId = event.chat.externalId;
  if (which === "") return void (await port.send(chatId, { text: t("reports-dossier-usage") }));
  const id = await nominationInScope(deps, actor, which);
  const data = id === null ? null : await dossierData(deps.db, id, deps.timeZone, deps.now ? deps.now() : new Date());
  if (id === null || !data) return void (await port.send(chatId, { text: t("reports-dossier-not-found", { code: typeof which === "string" ? which : "" }) }));
  if (!port.sendDocument) return void (await port.send(chatId, { text: t("reports-no-documents") }));
  const bytes = await dossierDocx(data);
  deps.log.info({ by: actor.id, code: data.code }, "dossier sent");
  await audit(deps.db, { action: "VIEW_DOSSIER", actorId: actor.id, nominationId: id, channel: event.from.channel });
  await port.sendDocument(chatId, { fileName: `bao-cao-thanh-tich-${data.code}.docx`, bytes, mimeType: docxMimeType, caption: t("reports-dossier-caption", { name: data.nomineeName, code: data.code }) });
}
