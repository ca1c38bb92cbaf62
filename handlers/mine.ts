// "My nominations": what a person submitted, where each stands, and a way to withdraw one
// until an officer decides.
import { choicePayload } from "../core/channel/choice-payloads";
import type { ChatMessage } from "../core/channel/port";
import type { Db } from "../core/db/client";
import type { Locale, Translations } from "../core/i18n";
import { withdraw } from "../core/review/actions";
import { isReviewable } from "../core/nominations/status";

/** How many nominations the list shows (newest first). */
const shown = 15;

/** The list message of a person's nominations, with withdraw buttons where allowed. */
export async function renderMine(db: Db, i18n: Translations, person: { id: number; locale: Locale }): Promise<ChatMessage> {
  const t = (id: string, args?: Record<string, string>) => i18n.t(person.locale, id, args);
  const rows = await db.nomination.findMany({
    where: { nominatorId: person.id, status: { notIn: ["DRAFT", "CANCELLED"] } },
    orderBy: { id: "desc" },
    take: shown,
  });
  if (rows.length === 0) return { text: t("mine-empty") };
  const lines = rows.map((n) => t("mine-item", { code: n.code ?? "", name: n.nomineeName ?? "", status: t(`status-${n.status}`) }));
  const choices = rows
    .filter((n) => isReviewable(n.status))
    .map((n) => [{ label: t("mine-withdraw", { code: n.code ?? "" }), payload: choicePayload("withdraw", n.id) }]);
  return { text: [t("mine-header"), ...lines].join("\n"), ...(choices.length > 0 ? { choices } : {}) };
}

/** The question before a withdrawal: withdrawing cannot be undone, so one more press says so. */
export async function renderWithdrawConfirmation(db: Db, i18n: Translations, person: { id: number; locale: Locale }, nominationId: number): Promise<ChatMessage | null> {
  const n = await db.nomination.findFirst({ where: { id: nominationId, nominatorId: person.id }, select: { code: true, nomineeName: true, status: true } });
  if (!n || !isReviewable(n.status)) return null;
  const t = (id: string, args?: Record<string, string>) => i18n.t(person.locale, id, args);
  return {
    text: t("mine-withdraw-confirm", { code: n.code ?? "", name: n.nomineeName ?? "" }),
    choices: [
      [
        { label: t("mine-withdraw-yes"), payload: choicePayload("withdraw", nominationId, "yes") },
        { label: t("mine-withdraw-no"), payload: choicePayload("withdraw", nominationId, "no") },
      ],
    ],
  };
}

/** Result of a withdraw press. */
export type WithdrawResult = { ok: true; code: string } | { ok: false };

/** Withdraws a person's own nomination while it is still reviewable. */
export async function withdrawNomination(db: Db, personId: number, nominationId: number): Promise<WithdrawResult> {
  const outcome = await withdraw(db, nominationId, personId);
  if (!outcome.ok) return { ok: false };
  const n = await db.nomination.findUnique({ where: { id: nominationId }, select: { code: true } });
  return { ok: true, code: n?.code ?? "" };
}
