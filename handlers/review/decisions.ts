// Officers' buttons and typed answers turned into review decisions, and what follows each
// decision: cards edited, the next level's cards posted, the nominator told.
import type { ChannelPort, IncomingEvent } from "../../core/channel/port";
import type { Channel } from "../../core/db/generated/sqlite/enums";
import type { Locale } from "../../core/i18n";
import { isReviewable } from "../../core/nominations/status";
import { approve, authorizeDecision, editStory, minRejectReasonLength, reject, requestInfo, type ReviewOutcome, type Seen } from "../../core/review/actions";
import { decodeCardPress, type CardPress } from "../../core/review/card-actions";
import { levelAt } from "../../core/review/levels";
import { mayReview, scopesOf } from "../../core/review/scope";
import { currentStory, loadForCard } from "./card";
import { postCards, postCardTo, refreshCards } from "./cards";
import type { ReviewDeps } from "./deps";
import { noticeLatestEvent } from "./notices";
import { clearPrompt, setPrompt, type ReviewPrompt } from "./pending-prompts";
import { audit } from "../../core/privacy/audit";
import { cutText } from "../../core/text/cut";

/** Someone acting in a chat: their person id, name and language. */
export interface Actor {
  id: number;
  displayName: string;
  locale: Locale;
}

/** After a recorded decision: edit the cards, post the next level's, tell the nominator. */
export async function afterDecision(deps: ReviewDeps, nominationId: number, outcome: ReviewOutcome): Promise<void> {
  await refreshCards(deps, nominationId);
  if (outcome.ok && outcome.forwarded) await postCards(deps, nominationId);
  await noticeLatestEvent(deps, nominationId);
}

/** The explanation of a refusal, naming who decided first when someone did. */
export async function refusalText(deps: ReviewDeps, outcome: Exclude<ReviewOutcome, { ok: true }>, nominationId: number, locale: Locale): Promise<string> {
  const t = (id: string, args?: Record<string, string | number>) => deps.i18n.t(locale, id, args);
  switch (outcome.refused) {
    case "not-allowed":
      return t("review-not-allowed");
    case "own-nomination":
      return t("review-own-nomination");
    case "not-found":
      return t("review-not-found");
    case "reason-too-short":
      return t("review-reason-too-short", { min: outcome.min, length: 0 });
    case "empty":
      return t("review-prompt-text-only");
    case "stale": {
      const last = await deps.db.reviewEvent.findFirst({
        where: { nominationId, actorId: { not: null } },
        orderBy: { id: "desc" },
        include: { actor: { select: { displayName: true } } },
      });
      const status = t(`status-${outcome.status}`);
      return last?.actor ? t("review-stale-by", { actor: last.actor.displayName, status }) : t("review-stale", { status });
    }
  }
}

/** Handles a press on a card button. Forged data is refused and logged. */
export async function onCardButton(deps: ReviewDeps, event: IncomingEvent & { input: { kind: "choice" } }, port: ChannelPort, actor: Actor): Promise<void> {
  const t = (id: string, args?: Record<string, string | number>) => deps.i18n.t(actor.locale, id, args);
  const press: CardPress | null = decodeCardPress(event.input.payload);
  if (!press) {
    deps.log.warn({ payload: event.input.payload, user: event.from.externalId, channel: event.from.channel }, "forged or unknown card button refused");
    await port.answerChoice(event.input.answerId, { text: t("review-forged"), alert: true });
    return;
  }
  const seen: Seen = { nominationId: press.nominationId, status: press.status, reviewLevel: press.reviewLevel };
  const access = await authorizeDecision(deps.db, seen, actor.id, { levels: deps.levels, allowSelfReview: deps.allowSelfReview });
  if ("refused" in access) {
    if (access.refused === "not-allowed") deps.log.warn({ nominationId: press.nominationId, personId: actor.id, action: press.action }, "review action refused: out of scope");
    await port.answerChoice(event.input.answerId, { text: await refusalText(deps, { ok: false, ...access }, press.nominationId, actor.locale), alert: true });
    if (access.refused === "stale") await refreshCards(deps, press.nominationId);
    return;
  }
  const code = access.nomination.code ?? "";
  switch (press.action) {
    case "approve": {
      const n = await loadForCard(deps.db, press.nominationId);
      const outcome = await approve(deps.db, seen, actor.id, { levels: deps.levels, allowSelfReview: deps.allowSelfReview, defaultStory: n ? currentStory(n) : "" });
      if (!outcome.ok) {
        await port.answerChoice(event.input.answerId, { text: await refusalText(deps, outcome, press.nominationId, actor.locale), alert: true });
        return;
      }
      await port.answerChoice(event.input.answerId, { text: t(outcome.forwarded ? "review-done-FORWARD" : "review-done-APPROVE", { code }), messageWithoutToasts: true });
      await afterDecision(deps, press.nominationId, outcome);
      return;
    }
    case "view-full": {
      await port.answerChoice(event.input.answerId);
      const n = await loadForCard(deps.db, press.nominationId);
      if (!n) return;
      // The nominee's phone is private: shown in an officer's private chat, never in a group.
      const contact = event.chat.kind !== "private" ? t("review-contact-private-only") : (n.contactPhone ?? t("review-contact-none"));
      await audit(deps.db, { action: "VIEW_PRIVATE_DETAILS", actorId: actor.id, nominationId: press.nominationId, channel: event.from.channel });
      await port.send(event.chat.externalId, {
        text: t("review-full", { code, contact, achievements: cutText(n.achievements ?? "", 3800) }),
      });
      return;
    }
    case "reject":
    case "request-info":
    case "edit-story": {
      await port.answerChoice(event.input.answerId);
      await setPrompt(deps.db, actor.id, { flow: "review", step: press.action, data: { ...seen, chat: event.chat.externalId } });
      await port.send(event.chat.externalId, {
        text: t(`review-ask-${press.action}`, { officer: actor.displayName, code, min: minRejectReasonLength }),
      });
      if (press.action === "edit-story") {
        const n = await loadForCard(deps.db, press.nominationId);
        if (n) await port.send(event.chat.externalId, { text: t("review-current-story", { story: currentStory(n) }) });
      }
      return;
    }
  }
}

/** An officer's typed answer to an open review prompt. */
export async function onReviewPromptText(deps: ReviewDeps, prompt: ReviewPrompt, text: string, chatId: string, port: ChannelPort, actor: Actor): Promise<void> {
  const t = (id: string, args?: Record<string, string | number>) => deps.i18n.t(actor.locale, id, args);
  const seen: Seen = { nominationId: prompt.data.nominationId, status: prompt.data.status, reviewLevel: prompt.data.reviewLevel };
  const opts = { levels: deps.levels, allowSelfReview: deps.allowSelfReview };
  if (prompt.step === "reject" && text.trim().length < minRejectReasonLength) {
    await port.send(chatId, { text: t("review-reason-too-short", { min: minRejectReasonLength, length: text.trim().length }) });
    return;
  }
  const outcome =
    prompt.step === "reject"
      ? await reject(deps.db, seen, actor.id, text, opts)
      : prompt.step === "request-info"
        ? await requestInfo(deps.db, seen, actor.id, text, opts)
        : await editStory(deps.db, seen, actor.id, text, opts);
  await clearPrompt(deps.db, actor.id);
  if (!outcome.ok) {
    await port.send(chatId, { text: await refusalText(deps, outcome, seen.nominationId, actor.locale) });
    return;
  }
  const code = (await deps.db.nomination.findUnique({ where: { id: seen.nominationId }, select: { code: true } }))?.code ?? "";
  const doneKey = prompt.step === "reject" ? "REJECT" : prompt.step === "request-info" ? "REQUEST_INFO" : "EDIT_STORY";
  await port.send(chatId, { text: t(`review-done-${doneKey}`, { code }) });
  if (prompt.step === "request-info") await openAnswerPrompt(deps, seen.nominationId);
  await afterDecision(deps, seen.nominationId, outcome);
}

/** After a request for more information, the nominator's next messages gather the answer. */
async function openAnswerPrompt(deps: ReviewDeps, nominationId: number): Promise<void> {
  const n = await deps.db.nomination.findUnique({ where: { id: nominationId }, select: { nominatorId: true } });
  const request = await deps.db.reviewEvent.findFirst({ where: { nominationId, action: "REQUEST_INFO" }, orderBy: { id: "desc" } });
  if (!n || !request) return;
  await setPrompt(deps.db, n.nominatorId, {
    flow: "answer-info",
    step: "collect",
    data: { nominationId, requestEventId: request.id, texts: [], photos: 0 },
  });
}

/** `/pending` "open" buttons: posts a fresh card in the chat where it was asked for. */
export async function openCard(deps: ReviewDeps, nominationId: number, chat: { channel: Channel; externalId: string; kind: "PRIVATE" | "GROUP" }, actor: Actor): Promise<boolean> {
  const n = await deps.db.nomination.findUnique({ where: { id: nominationId }, include: { unit: { select: { path: true } } } });
  const level = n ? levelAt(deps.levels, n.reviewLevel) : null;
  if (!n?.unit || !level || !isReviewable(n.status)) return false;
  if (!mayReview(await scopesOf(deps.db, actor.id), level, n.unit.path)) return false;
  return postCardTo(deps, nominationId, chat, actor.locale);
}
