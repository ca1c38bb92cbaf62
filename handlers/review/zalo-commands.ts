// Officers' typed decisions, for channels without buttons (Zalo) and harmless elsewhere:
// "DUYET GS-2026-0042", "TUCHOI GS-2026-0042 <lý do>", "BOSUNG GS-2026-0042 <câu hỏi>",
// "SUABAI GS-2026-0042 <bài>", with or without diacritics, spaces or a leading "/". They run
// the same core actions as the card buttons, against what the nomination is at that moment.
import type { ChannelPort, IncomingEvent } from "../../core/channel/port";
import { parseNominationCode } from "../../core/nominations/code";
import { isReviewable } from "../../core/nominations/status";
import { approve, minRejectReasonLength } from "../../core/review/actions";
import { foldText } from "../../core/text/fold";
import { currentStory, loadForCard } from "./card";
import { afterDecision, onReviewPromptText, refusalText, type Actor } from "./decisions";
import type { ReviewDeps } from "./deps";

// === Reading a typed decision

/** What a typed decision asks for. */
export type TypedAction = "approve" | "reject" | "request-info" | "edit-story";

/** A typed decision: the action, the nomination code as typed, and the text after it. */
export interface TypedDecision {
  action: TypedAction;
  code: { year: number; seq: number };
  text: string;
}

/** The verbs, folded and without spaces. */
const verbs: ReadonlyMap<string, TypedAction> = new Map([
  ["duyet", "approve"],
  ["tuchoi", "reject"],
  ["bosung", "request-info"],
  ["suabai", "edit-story"],
]);

const codeAndRest = /^\s*(gs[\s-]*\d{4}[\s-]*\d{1,6})(?=\s|$)\s*([\s\S]*)$/i;

/**
 * Reads a typed decision; null when the text is not one (most texts are answers to the
 * nomination steps, so anything without a verb and a code passes untouched).
 *
 * ```ts
 * parseTypedDecision("từ chối gs-2026-42 Trùng với hồ sơ khác") // { action: "reject", code: { year: 2026, seq: 42 }, text: "Trùng với hồ sơ khác" }
 * ```
 */
export function parseTypedDecision(typed: string): TypedDecision | null {
  const words = /^\s*\/?(\S+)(\s+(\S+))?/u.exec(typed);
  if (!words) return null;
  const one = verbs.get(foldText(words[1]!));
  const two = words[3] ? verbs.get(foldText(words[1]! + words[3])) : undefined;
  const action = one ?? two;
  const consumed = one ? words[0].length - (words[2]?.length ?? 0) : words[0].length;
  if (!action) return null;
  const rest = codeAndRest.exec(typed.slice(consumed));
  if (!rest) return null;
  const code = parseNominationCode(rest[1]!);
  return code ? { action, code, text: rest[2]!.trim() } : null;
}

/** The typed decision an event carries: plain text, or a command such as "/duyet GS-2026-1". */
export function typedDecisionOf(event: IncomingEvent): TypedDecision | null {
  const input = event.input;
  if (input.kind === "text") return parseTypedDecision(input.text);
  if (input.kind === "command" && verbs.has(foldText(input.name).replace(/_/g, ""))) return parseTypedDecision(`${input.name} ${input.args}`);
  return null;
}

// === Running it

/**
 * Runs a typed decision as `actor`, replying in the chat it came from in the actor's language.
 * The decision applies to the nomination's state as it is now; a concurrent decision on the
 * same state still wins only once (the lifecycle's optimistic check).
 */
export async function runTypedDecision(deps: ReviewDeps, decision: TypedDecision, chatId: string, port: ChannelPort, actor: Actor): Promise<void> {
  const t = (id: string, args?: Record<string, string | number>) => deps.i18n.t(actor.locale, id, args);
  const reply = (text: string) => port.send(chatId, { text });
  const n = await deps.db.nomination.findUnique({
    where: { codeYear_codeSeq: { codeYear: decision.code.year, codeSeq: decision.code.seq } },
    select: { id: true, code: true, status: true, reviewLevel: true },
  });
  if (!n) return void (await reply(t("zalo-review-unknown-code", { code: `GS-${decision.code.year}-${String(decision.code.seq).padStart(4, "0")}` })));
  if (!isReviewable(n.status)) {
    return void (await reply(await refusalText(deps, { ok: false, refused: "stale", status: n.status, reviewLevel: n.reviewLevel }, n.id, actor.locale)));
  }
  const seen = { nominationId: n.id, status: n.status, reviewLevel: n.reviewLevel };
  const code = n.code ?? "";

  if (decision.action === "approve") {
    const card = await loadForCard(deps.db, n.id);
    const outcome = await approve(deps.db, seen, actor.id, { levels: deps.levels, allowSelfReview: deps.allowSelfReview, defaultStory: card ? currentStory(card) : "" });
    if (!outcome.ok) {
      if (outcome.refused === "not-allowed") deps.log.warn({ nominationId: n.id, personId: actor.id, action: "approve" }, "typed review action refused: out of scope");
      return void (await reply(await refusalText(deps, outcome, n.id, actor.locale)));
    }
    await reply(t(outcome.forwarded ? "review-done-FORWARD" : "review-done-APPROVE", { code }));
    await afterDecision(deps, n.id, outcome);
    return;
  }
  if (!decision.text) return void (await reply(t(`zalo-review-usage-${decision.action}`, { code, min: minRejectReasonLength })));
  // The same path as a reason typed after pressing a card button: checks, log, notices.
  await onReviewPromptText(deps, { flow: "review", step: decision.action, data: { ...seen, chat: chatId } }, decision.text, chatId, port, actor);
}
