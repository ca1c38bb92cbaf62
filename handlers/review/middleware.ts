// The review link of the handler chain: officers' commands and card buttons, officers' typed
// reasons, and nominators' additions. Everything else passes to the next link.
import { choicePrefixes, isChoiceFor, payloadId } from "../../core/channel/choice-payloads";
import type { Channel } from "../../core/db/generated/sqlite/enums";
import type { Middleware } from "../chain";
import { commandOf } from "../commands";
import { identify } from "../people";
import type { ReviewDeps } from "./deps";
import { onAddition } from "./additions";
import { onCardButton, onReviewPromptText, openCard } from "./decisions";
import { runOfficerCommand } from "./officer-commands";
import { clearPrompt, openPrompt } from "./pending-prompts";
import { runTypedDecision, typedDecisionOf } from "./zalo-commands";

/** Whether the person behind a channel account has a prompt open (a read, no write). */
async function promptOf(deps: ReviewDeps, channel: Channel, externalId: string): Promise<boolean> {
  const row = await deps.db.conversation.findFirst({
    where: { person: { identities: { some: { channel, externalId } } } },
    select: { id: true },
  });
  return row !== null;
}

/** Builds the review middleware. */
export function reviewMiddleware(deps: ReviewDeps): Middleware {
  return async (event, port, next) => {
    const input = event.input;
    const typed = typedDecisionOf(event);
    if (typed) return runTypedDecision(deps, typed, event.chat.externalId, port, await identify(deps.db, event.from, deps.defaultLocale));
    const isCardButton = input.kind === "choice" && (isChoiceFor(input.payload, "reviewCard") || isChoiceFor(input.payload, "openCard"));
    const officerCommand = input.kind === "command" ? commandOf("review", input.name) : undefined;
    const isOfficerCommand = officerCommand !== undefined;
    // Most events are residents' answers: look for an open prompt without writing anything,
    // and identify the person (a write) only when this link handles the event.
    const open = isCardButton || isOfficerCommand ? null : await promptOf(deps, event.from.channel, event.from.externalId);
    if (!isCardButton && !isOfficerCommand && !open) return next();
    const actor = await identify(deps.db, event.from, deps.defaultLocale);

    if (officerCommand && input.kind === "command") return runOfficerCommand(deps, officerCommand, { ...event, input }, port, actor);
    if (input.kind === "choice" && isChoiceFor(input.payload, "openCard")) {
      await port.answerChoice(input.answerId);
      const chat = { channel: event.from.channel, externalId: event.chat.externalId, kind: event.chat.kind === "group" ? ("GROUP" as const) : ("PRIVATE" as const) };
      const nominationId = payloadId(input.payload.slice(choicePrefixes.openCard.length));
      if (nominationId === null) return void (await port.send(event.chat.externalId, { text: deps.i18n.t(actor.locale, "choice-no-longer-valid") }));
      if (!(await openCard(deps, nominationId, chat, actor))) {
        await port.send(event.chat.externalId, { text: deps.i18n.t(actor.locale, "review-not-allowed") });
      }
      return;
    }
    if (isCardButton && input.kind === "choice") return onCardButton(deps, { ...event, input }, port, actor);

    const prompt = await openPrompt(deps.db, actor.id);
    if (prompt?.flow === "review" && prompt.data.chat === event.chat.externalId) {
      if (input.kind === "command" && commandOf("conversation", input.name) === "cancel") {
        await clearPrompt(deps.db, actor.id);
        return void (await port.send(event.chat.externalId, { text: deps.i18n.t(actor.locale, "review-prompt-cancelled") }));
      }
      if (input.kind === "text") return onReviewPromptText(deps, prompt, input.text, event.chat.externalId, port, actor);
      if (input.kind !== "command") return void (await port.send(event.chat.externalId, { text: deps.i18n.t(actor.locale, "review-prompt-text-only") }));
    }
    if (prompt?.flow === "answer-info" && event.chat.kind === "private" && (await onAddition(deps, prompt, event, port, actor))) return;
    return next();
  };
}
