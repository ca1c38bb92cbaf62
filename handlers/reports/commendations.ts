// /khenthuong (/commend) GS-…: the commendations a nominee already received, recorded by an
// officer of the nomination's unit from the decisions, for section III of the dossier draft.
//   /khenthuong GS-2026-0042                      → the list, and how to add
//   /khenthuong GS-2026-0042 2025 | Giấy khen | Quyết định số 12/QĐ-UBND ngày 15/01/2025 | UBND xã Sơn Vi
//   /khenthuong GS-2026-0042 xoa 2                → removes the second of the list
import type { ChannelPort, IncomingEvent } from "../../core/channel/port";
import { localDateOf } from "../../core/calendar/zoned-time";
import { parseCommendation, recordCommendation, recordedCommendations, removeCommendation, type RecordedCommendation } from "../../core/reports/commendations";
import { nominationInScope } from "./dossier";
import type { ReportActor, ReportDeps } from "./middleware";

/** Lists, records or removes a nomination's commendations, as the typed arguments say. */
export async function onCommend(deps: ReportDeps, event: IncomingEvent, port: ChannelPort, actor: ReportActor, args: string): Promise<void> {
  const t = (id: string, a?: Record<string, string | number>) => deps.i18n.t(actor.locale, id, a);
  const reply = (text: string) => port.send(event.chat.externalId, { text });
  const [code = "", ...restWords] = args.trim().split(/\s+/);
  const rest = restWords.join(" ");
  if (code === "") return void (await reply(t("commend-usage")));
  const id = await nominationInScope(deps, actor, code);
  if (id === null) return void (await reply(t("reports-dossier-not-found", { code })));
  const shown = code.toUpperCase();
  const removal = /^(xoa|xóa|remove|delete)\s+(\S+)$/i.exec(rest);
  if (removal) {
    const number = /^\d+$/.test(removal[2]!) ? Number(removal[2]) : NaN;
    const removed = Number.isInteger(number) ? await removeCommendation(deps.db, id, number) : null;
    if (!removed) return void (await reply(t("commend-no-such", { number: removal[2]!, code: shown })));
    deps.log.info({ by: actor.id, nominationId: id }, "commendation removed");
    return void (await reply(`${t("commend-removed", { form: removed.form, year: String(removed.year) })}\n\n${listText(deps, actor, shown, await recordedCommendations(deps.db, id))}`));
  }
  if (rest !== "") {
    const parsed = parseCommendation(rest, localDateOf(deps.now ? deps.now() : new Date(), deps.timeZone));
    if (!parsed.ok) return void (await reply(t(`commend-error-${parsed.error}`)));
    await recordCommendation(deps.db, id, parsed.row, actor.id);
    deps.log.info({ by: actor.id, nominationId: id, year: parsed.row.year }, "commendation recorded");
    return void (await reply(`${t("commend-added", { form: parsed.row.form, year: String(parsed.row.year) })}\n\n${listText(deps, actor, shown, await recordedCommendations(deps.db, id))}`));
  }
  await reply(listText(deps, actor, shown, await recordedCommendations(deps.db, id)));
}

function listText(deps: ReportDeps, actor: ReportActor, code: string, rows: readonly RecordedCommendation[]): string {
  const t = (id: string, a?: Record<string, string | number>) => deps.i18n.t(actor.locale, id, a);
  if (rows.length === 0) return t("commend-list-empty", { code });
  return [t("commend-list-header", { code, count: rows.length }), ...rows.map((r) => t("commend-list-item", { number: r.number, year: String(r.year), form: r.form, decision: r.decision, issuer: r.issuer })), t("commend-list-footer", { code })].join("\n");
}
