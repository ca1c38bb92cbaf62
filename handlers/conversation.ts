// The one entry for everything people do in a private chat, on any channel: commands, menu
// buttons, answers to the nomination steps, /mine. It speaks only the channel port.
import type { Logger } from "pino";
import { choicePayload, choicePrefixes, isChoiceFor, payloadId } from "../core/channel/choice-payloads";
import type { ChannelPort, EventHandler, IncomingEvent, IncomingPhoto } from "../core/channel/port";
import type { Db } from "../core/db/client";
import type { Locale, Translations } from "../core/i18n";
import { checkDeclaredMedia, storeImage } from "../core/workflow/media";
import { parseStepPayload, type ChatReplies, type NominationWorkflow, type RawAnswer } from "../core/workflow/engine";
import type { Nominator } from "../core/workflow/types";
import { commandAction, nominateDeepLink, type CommandAction } from "./commands";
import { renderMine, renderWithdrawConfirmation, withdrawNomination } from "./mine";
import { identify, setLanguage } from "./people";
import { UpdateRateLimiter } from "./rate-limit";

// === Wiring

/** What the conversation handler needs. */
export interface ConversationOptions {
  db: Db;
  i18n: Translations;
  log: Logger;
  workflow: NominationWorkflow;
  defaultLocale: Locale;
  /** Folder where incoming photos are stored. */
  mediaDir: string;
  rateLimiter?: UpdateRateLimiter;
  /** Called after a nominator withdrew a nomination (its review cards show it). */
  onWithdrawn?: (nominationId: number) => void | Promise<void>;
}

/**
 * Binds the port to one chat, as the workflow engine writes to it. Buttons are taken off an
 * answered question only where an edit changes the message itself: elsewhere the edit would
 * repeat the question as a new message (and numbered replies answer the newest list anyway).
 */
function repliesFor(port: ChannelPort, chatId: string): ChatReplies {
  return {
    send: (message) => port.send(chatId, message),
    edit: (messageId, message) => port.edit(chatId, messageId, message),
    sendPhotos: (photos) => port.sendPhotos(chatId, photos),
    ...(port.capabilities.editsInPlace ? { dropChoices: (messageId: string, text: string) => port.edit(chatId, messageId, { text }) } : {}),
  };
}

/** The buttons of /start's menu, and of the open draft and language questions. */
const payloads = {
  nominate: choicePayload("menu", "nominate"),
  mine: choicePayload("menu", "mine"),
  help: choicePayload("menu", "help"),
  language: choicePayload("menu", "language"),
  continueDraft: choicePayload("draft", "continue"),
  restartDraft: choicePayload("draft", "restart"),
  vi: choicePayload("language", "vi"),
  en: choicePayload("language", "en"),
};

const menuActions: Record<string, CommandAction> = {
  [payloads.nominate]: "nominate",
  [payloads.mine]: "mine",
  [payloads.help]: "help",
  [payloads.language]: "language",
};

// === Commands and menu buttons

/** The handler's options, with the rate limiter it settled on. */
type Conversation = ConversationOptions & { limiter: UpdateRateLimiter };

function say(c: Conversation, who: Nominator, id: string, args?: Record<string, string | number>): string {
  return c.i18n.t(who.locale, id, args);
}

/** Runs a command, typed or chosen from the menu. */
async function runCommand(c: Conversation, action: CommandAction, who: Nominator, replies: ChatReplies, port: ChannelPort, args = ""): Promise<void> {
  const { db, i18n, workflow } = c;
  const t = (w: Nominator, id: string, a?: Record<string, string | number>) => say(c, w, id, a);
  switch (action) {
    case "start":
      if (args.trim().toLowerCase() === nominateDeepLink) return runCommand(c, "nominate", who, replies, port);
      const draft = await workflow.openDraft(who);
      const greeting = t(who, "start-greeting", { name: who.displayName });
      await replies.send({
        // A draft left half-way is worth a line: the menu's first button takes them back to it.
        text: draft ? `${greeting}\n\n${t(who, "start-draft-open", { name: draft.nomineeName || "none" })}` : greeting,
        choices: [
          [{ label: t(who, draft ? "menu-continue-draft" : "menu-nominate"), payload: payloads.nominate }],
          [{ label: t(who, "menu-mine"), payload: payloads.mine }],
          [{ label: t(who, "menu-help"), payload: payloads.help }, { label: t(who, "menu-language"), payload: payloads.language }],
        ],
      });
      return;
    case "nominate": {
      const open = await workflow.openDraft(who);
      if (!open) return workflow.start(who, replies, port.channel);
      await replies.send({
        text: t(who, "draft-open", { hasName: open.nomineeName ? "yes" : "no", name: open.nomineeName ?? "" }),
        choices: [[{ label: t(who, "draft-continue"), payload: payloads.continueDraft }], [{ label: t(who, "draft-restart"), payload: payloads.restartDraft }]],
      });
      return;
    }
    case "mine":
      await replies.send(await renderMine(db, i18n, who));
      return;
    case "cancel":
      await replies.send({ text: t(who, (await workflow.cancel(who, replies)) ? "nomination-cancelled" : "cancel-nothing") });
      return;
    case "help":
      await replies.send({ text: t(who, "help") });
      return;
    case "language":
      await replies.send({
        text: t(who, "language-ask"),
        choices: [[{ label: "Tiếng Việt", payload: payloads.vi }, { label: "English", payload: payloads.en }]],
      });
      return;
  }
}

/** A pressed choice in a private chat: a step's answer, the menu, the draft and language questions, a withdrawal. */
async function onChoice(c: Conversation, event: IncomingEvent & { input: { kind: "choice" } }, who: Nominator, replies: ChatReplies, port: ChannelPort): Promise<void> {
  const { db, i18n, workflow } = c;
  const t = (w: Nominator, id: string, a?: Record<string, string | number>) => say(c, w, id, a);
  const { payload, messageId, answerId } = event.input;
  const step = parseStepPayload(payload);
  if (step) {
    await port.answerChoice(answerId);
    if (!(await workflow.answer(who, replies, { kind: "choice", step: step.step, value: step.value, messageId }))) {
      await replies.send({ text: t(who, "no-draft-hint") });
    }
    return;
  }
  const menu = menuActions[payload];
  if (menu) {
    await port.answerChoice(answerId);
    return runCommand(c, menu, who, replies, port);
  }
  if (payload === payloads.continueDraft || payload === payloads.restartDraft) {
    await port.answerChoice(answerId);
    if (payload === payloads.restartDraft) return workflow.start(who, replies, port.channel);
    if (!(await workflow.repeat(who, replies))) await replies.send({ text: t(who, "no-draft-hint") });
    return;
  }
  if (payload === payloads.vi || payload === payloads.en) {
    const locale: Locale = payload === payloads.en ? "en" : "vi";
    await setLanguage(db, who.id, locale);
    const updated = { ...who, locale };
    await port.answerChoice(answerId, { text: t(updated, "language-set") });
    await replies.send({ text: t(updated, "language-set") });
    await workflow.repeat(updated, replies);
    return;
  }
  if (isChoiceFor(payload, "withdraw")) return withdrawChoice(c, who, { payload, answerId, messageId }, port, replies);
  await port.answerChoice(answerId, { text: t(who, "choice-old-toast") });
}

/**
 * The withdraw buttons of /mine: `w:<id>` asks first, `w:<id>:yes` withdraws, `w:<id>:no`
 * goes back to the list; each edits the /mine message in place.
 */
async function withdrawChoice(c: Conversation, who: Nominator, press: { payload: string; answerId: string; messageId: string }, port: ChannelPort, replies: ChatReplies): Promise<void> {
  const { db, i18n } = c;
  const t = (id: string, a?: Record<string, string | number>) => say(c, who, id, a);
  const [rawId, answer] = press.payload.slice(choicePrefixes.withdraw.length).split(":");
  const nominationId = payloadId(rawId);
  if (nominationId === null || (answer !== undefined && answer !== "yes" && answer !== "no")) return port.answerChoice(press.answerId, { text: t("choice-old-toast") });
  if (answer === undefined) {
    const question = await renderWithdrawConfirmation(db, i18n, who, nominationId);
    await port.answerChoice(press.answerId, question ? undefined : { text: t("withdraw-not-allowed"), alert: true });
    await replies.edit(press.messageId, question ?? (await renderMine(db, i18n, who)));
    return;
  }
  if (answer === "no") {
    await port.answerChoice(press.answerId);
    await replies.edit(press.messageId, await renderMine(db, i18n, who));
    return;
  }
  const result = await withdrawNomination(db, who.id, nominationId);
  if (result.ok) await c.onWithdrawn?.(nominationId);
  await port.answerChoice(press.answerId, {
    text: result.ok ? t("withdrawn-toast", { code: result.code }) : t("withdraw-not-allowed"),
    alert: !result.ok,
  });
  await replies.edit(press.messageId, await renderMine(db, i18n, who));
}

/** A photo as the workflow takes it: stored only once a step wants it. */
function photoAnswer(c: Conversation, photo: IncomingPhoto, port: ChannelPort): RawAnswer {
  return {
    kind: "photo",
    photo,
    store: async () => {
      checkDeclaredMedia(photo);
      const file = await port.download(photo.file);
      return storeImage(c.mediaDir, file.bytes);
    },
  };
}

// === Handler

/** One event of a private chat, once past the album hold: rate limit, then by input kind. */
async function handleEvent(c: Conversation, event: IncomingEvent, port: ChannelPort): Promise<void> {
  const { db, i18n, log, workflow, limiter } = c;
  const album = event.input.kind === "photo" ? event.input.mediaGroupId : undefined;
  const decision = limiter.check(`${event.from.channel}:${event.from.externalId}`, album);
  if (decision !== "allow") {
    if (event.input.kind === "choice") await port.answerChoice(event.input.answerId);
    if (decision === "notify") {
      log.warn({ channel: event.from.channel, user: event.from.externalId }, "rate limited");
      const locale = (await identify(db, event.from, c.defaultLocale)).locale;
      await port.send(event.chat.externalId, { text: i18n.t(locale, "slow-down") });
    }
    return;
  }
  const who = await identify(db, event.from, c.defaultLocale);
  const replies = repliesFor(port, event.chat.externalId);
  const input = event.input;
  switch (input.kind) {
    case "command": {
      const action = commandAction(input.name);
      if (action) return runCommand(c, action, who, replies, port, input.args);
      if (!(await workflow.repeat(who, replies, { id: "wrong-unknown-command", args: { command: `/${input.name}` } }))) {
        await runCommand(c, "help", who, replies, port);
      }
      return;
    }
    case "choice":
      return onChoice(c, { ...event, input }, who, replies, port);
    case "photo":
    case "text":
    case "unsupported": {
      const answer: RawAnswer = input.kind === "photo" ? photoAnswer(c, input, port) : input;
      if (!(await workflow.answer(who, replies, answer))) await replies.send({ text: say(c, who, "no-draft-hint") });
      return;
    }
  }
}

/**
 * Builds the channel-agnostic event handler that adapters call with each normalized event.
 *
 * ```ts
 * const handle = createConversationHandler({ db, i18n, log, workflow, defaultLocale: "vi", mediaDir });
 * startTelegram({ handler: handle, ... });
 * ```
 */
export function createConversationHandler(options: ConversationOptions): EventHandler {
  const c: Conversation = { ...options, limiter: options.rateLimiter ?? new UpdateRateLimiter() };
  return async (event, port) => {
    if (event.chat.kind !== "private") return;
    // An album item is held from the moment it arrives, so the album is not acknowledged while
    // this item is still on its way (rate check, download, saving).
    const release = event.input.kind === "photo" && event.input.mediaGroupId ? c.workflow.holdAlbum(event.input.mediaGroupId) : undefined;
    try {
      await handleEvent(c, event, port);
    } finally {
      release?.();
    }
  };
}
