// Runs the declared steps (steps.ts) for one person at a time: asks a step's question, reads
// an answer, lets the step validate and save it, and moves on. Every effect on the person's
// chat goes through `ChatReplies`; the draft is saved after every answer.
import type { Logger } from "pino";
import { startOfDayAt } from "../calendar/zoned-time";
import { choicePayload, choicePrefixes, isChoiceFor } from "../channel/choice-payloads";
import type { ChatMessage, PhotoSource } from "../channel/port";
import type { Db } from "../db/client";
import type { Channel } from "../db/generated/sqlite/enums";
import { escapeHtml, type Translations } from "../i18n";
import { IncompleteDraftError, StaleNominationError, submitNomination } from "../nominations/lifecycle";
import { cancelDraft, countSubmissionsSince, createDraft, findOpenDraft, readScratch, readStep, saveProgress } from "./drafts";
import { matchTypedChoice, stepFilling, steps } from "./steps";
import type { DraftRow, DraftScratch, Nominator, Notice, Outcome, StepAnswer, StepChoice, StepContext, StepDefinition, StepId } from "./types";

// === Wiring

/** The person's chat, as the engine writes to it. */
export interface ChatReplies {
  send(message: ChatMessage): Promise<string>;
  edit(messageId: string, message: ChatMessage): Promise<void>;
  sendPhotos(photos: PhotoSource[]): Promise<string[]>;
  /**
   * Takes the buttons off an earlier message and leaves its `text`. Absent where the channel
   * cannot change a sent message: there a "removal" would be a second copy of the question.
   */
  dropChoices?(messageId: string, text: string): Promise<void>;
}

/** What the engine needs from the application. */
export interface WorkflowOptions {
  db: Db;
  i18n: Translations;
  log: Logger;
  /** Time zone of "a day" for the daily submission limit and of the code's year. */
  timeZone: string;
  /** Submissions allowed per person per day. */
  maxSubmissionsPerDay?: number;
  /** Quiet time after the last photo of an album was handled before it is acknowledged, in ms. */
  albumQuietMs?: number;
  /** Called after a nomination was submitted (officers are notified from here). */
  onSubmitted?: (nominationId: number) => void | Promise<void>;
  now?: () => Date;
}

/** An answer as it comes from a channel, before it is matched to the step's choices. */
export type RawAnswer =
  | { kind: "text"; text: string }
  | { kind: "choice"; value: string; step: string; messageId: string }
  | Exclude<StepAnswer, { kind: "text" } | { kind: "choice" }>;

/** Reads a step button's payload; null when the payload is not one. */
export function parseStepPayload(payload: string): { step: string; value: string } | null {
  if (!isChoiceFor(payload, "step")) return null;
  const m = /^([a-z]+):(.*)$/.exec(payload.slice(choicePrefixes.step.length));
  return m ? { step: m[1]!, value: m[2]! } : null;
}

/**
 * An album being received. Kept in memory only: a restart in the middle of an album can lose
 * its acknowledgement, never a photo, because each photo is stored on disk and recorded in the
 * database before its update counts as handled.
 */
interface AlbumState {
  /** Items whose updates are being handled now. */
  inFlight: number;
  /** Sends the acknowledgement (the latest saved item's), told how many items were refused. */
  acknowledge?: (refused: number) => Promise<void>;
  /** Items that came when no more photos could be taken: counted in the acknowledgement. */
  refused: number;
  timer?: NodeJS.Timeout;
}

/** The prompt that still carries buttons, if any. */
function currentPrompt(scratch: DraftScratch): { messageId: string; text: string } | undefined {
  return scratch.promptMessageId && scratch.promptText !== undefined ? { messageId: scratch.promptMessageId, text: scratch.promptText } : undefined;
}

/** Records the message that now carries the question, with its text while it has buttons. */
function rememberPrompt(scratch: DraftScratch, messageId: string, message: ChatMessage): void {
  scratch.promptMessageId = messageId;
  if (message.choices && message.choices.length > 0) scratch.promptText = message.text;
  else delete scratch.promptText;
}

// === Engine

/**
 * The nomination conversation engine.
 *
 * ```ts
 * const workflow = new NominationWorkflow({ db, i18n, log, timeZone: "Asia/Ho_Chi_Minh" });
 * await workflow.start(nominator, replies, "TELEGRAM");
 * await workflow.answer(nominator, replies, { kind: "text", text: "Nguyễn Văn An" });
 * ```
 */
export class NominationWorkflow {
  private readonly albums = new Map<string, AlbumState>();
  private readonly now: () => Date;

  constructor(private readonly options: WorkflowOptions) {
    this.now = options.now ?? (() => new Date());
  }

  /** The open draft of a person, if any. */
  openDraft(nominator: Nominator) {
    return findOpenDraft(this.options.db, nominator.id);
  }

  /** Opens a new draft (cancelling an open one) and asks the first question. */
  async start(nominator: Nominator, replies: ChatReplies, channel: Channel): Promise<void> {
    const open = await this.openDraft(nominator);
    if (open) {
      await cancelDraft(this.options.db, open.id, nominator.id, this.now());
      await this.dropChoices(replies, currentPrompt(readScratch(open)));
    }
    const draft = await createDraft(this.options.db, { nominatorId: nominator.id, channel, locale: nominator.locale, now: this.now() });
    await this.ask(this.context(nominator, draft), steps.kind, replies, { id: "nominate-intro" });
  }

  /** Asks the current question of the open draft again, after an optional notice; false when there is no draft. */
  async repeat(nominator: Nominator, replies: ChatReplies, notice?: Notice): Promise<boolean> {
    const draft = await this.openDraft(nominator);
    if (!draft) return false;
    const ctx = this.context(nominator, draft);
    await this.ask(ctx, steps[readStep(draft)], replies, notice);
    return true;
  }

  /** Cancels the open draft (taking the buttons off its question when `replies` is given); false when there was none. */
  async cancel(nominator: Nominator, replies?: ChatReplies): Promise<boolean> {
    const draft = await this.openDraft(nominator);
    if (!draft) return false;
    await cancelDraft(this.options.db, draft.id, nominator.id, this.now());
    if (replies) await this.dropChoices(replies, currentPrompt(readScratch(draft)));
    return true;
  }

  /** Takes an answer for the open draft's current step; false when there is no draft. */
  async answer(nominator: Nominator, replies: ChatReplies, raw: RawAnswer): Promise<boolean> {
    const draft = await this.openDraft(nominator);
    if (!draft) return false;
    const ctx = this.context(nominator, draft);
    const step = steps[readStep(draft)];
    let answer: StepAnswer;
    if (raw.kind === "choice") {
      if (raw.step !== step.id || raw.messageId !== ctx.scratch.promptMessageId) {
        await this.ask(ctx, step, replies, { id: "wrong-old-button" });
        return true;
      }
      answer = { kind: "choice", value: raw.value, fromPrompt: true };
    } else if (raw.kind === "text") {
      const choice = step.choices ? matchTypedChoice(step, raw.text, await step.choices(ctx)) : undefined;
      answer = choice ? { kind: "choice", value: choice.value, fromPrompt: false } : raw;
    } else {
      answer = raw;
    }
    const outcome = await step.answer(ctx, answer);
    await this.apply(ctx, step, outcome, replies, answer);
    return true;
  }

  /** Stops pending album acknowledgements (on shutdown). */
  stop(): void {
    for (const album of this.albums.values()) clearTimeout(album.timer);
    this.albums.clear();
  }

  // === Albums

  /**
   * Marks an item of an album as being handled, from the moment its update arrives; call the
   * returned function when it is done. The album is acknowledged once no item of it is in
   * hand and none has come for `albumQuietMs`, so a slow download cannot split it into
   * several acknowledgements with wrong counts.
   *
   * ```ts
   * const release = workflow.holdAlbum(photo.mediaGroupId);
   * try { await handle(event); } finally { release(); }
   * ```
   */
  holdAlbum(albumId: string): () => void {
    const album = this.album(albumId);
    album.inFlight += 1;
    clearTimeout(album.timer);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      album.inFlight -= 1;
      this.settleAlbum(albumId);
    };
  }

  // === Outcomes

  private async apply(ctx: StepContext, step: StepDefinition, outcome: Outcome, replies: ChatReplies, answer: StepAnswer): Promise<void> {
    const { db } = this.options;
    switch (outcome.kind) {
      case "advance": {
        const next = await this.following(ctx, step);
        if (next.id === "preview") delete ctx.scratch.editing;
        await this.ask(ctx, next, replies, outcome.notice);
        return;
      }
      case "stay":
        if (outcome.edit && answer.kind === "choice" && answer.fromPrompt && ctx.scratch.promptMessageId) {
          const message = await this.render(ctx, step, outcome.notice);
          rememberPrompt(ctx.scratch, ctx.scratch.promptMessageId, message);
          await saveProgress(db, ctx.draft.id, step.id, ctx.scratch, ctx.now);
          await replies.edit(ctx.scratch.promptMessageId, message);
        } else {
          await this.ask(ctx, step, replies, outcome.notice);
        }
        return;
      case "invalid":
        // The question is asked again right under the answer: its photos are already above.
        await this.ask(ctx, step, replies, outcome.notice, { photos: false });
        return;
      case "batch": {
        await saveProgress(db, ctx.draft.id, step.id, ctx.scratch, ctx.now);
        const { nominator, draft } = ctx;
        if (outcome.refused) this.album(outcome.key).refused += 1;
        this.albumItemSaved(outcome.key, async (refused) => {
          const now = await this.openDraft(nominator);
          // Moved on or cancelled meanwhile: the photos are saved, and there is nothing to add.
          if (!now || now.id !== draft.id || readStep(now) !== step.id) return;
          const fresh = this.context(nominator, now);
          await this.ask(fresh, step, replies, step.acknowledgeBatch ? await step.acknowledgeBatch(fresh, outcome.key, refused) : undefined);
        });
        return;
      }
      case "goto":
        ctx.scratch.editing = true;
        await this.ask(ctx, steps[outcome.step], replies);
        return;
      case "cancel":
        await cancelDraft(db, ctx.draft.id, ctx.nominator.id, ctx.now);
        await replies.send({ text: ctx.t("nomination-cancelled") });
        await this.dropChoices(replies, currentPrompt(ctx.scratch));
        return;
      case "submit":
        await this.submit(ctx, replies);
        return;
    }
  }

  /**
   * The step after `step`: the next declared one that applies. While editing from the preview
   * only follow-up checks are asked, wherever they stand after the edited step, and only when
   * they apply (a new name or a new unit may now match an earlier nomination); then the preview.
   */
  private async following(ctx: StepContext, step: StepDefinition): Promise<StepDefinition> {
    let id: StepId | null = step.next;
    while (id) {
      const candidate = steps[id];
      const asked = !ctx.scratch.editing || candidate.followUp === true;
      if (asked && (!candidate.when || (await candidate.when(ctx)))) return candidate;
      id = candidate.next;
    }
    return steps.preview;
  }

  private async submit(ctx: StepContext, replies: ChatReplies): Promise<void> {
    const { db, timeZone } = this.options;
    const max = this.options.maxSubmissionsPerDay ?? 20;
    if ((await countSubmissionsSince(db, ctx.nominator.id, startOfDayAt(ctx.now, timeZone))) >= max) {
      await this.ask(ctx, steps.preview, replies, { id: "submit-daily-limit", args: { max } }, { photos: false });
      return;
    }
    let code: string;
    try {
      code = await submitNomination(db, ctx.draft.id, ctx.nominator.id, {
        timeZone,
        now: ctx.now,
        locale: ctx.locale,
        ...(ctx.scratch.consentWording ? { consentWording: ctx.scratch.consentWording } : {}),
      });
    } catch (err) {
      if (err instanceof IncompleteDraftError) {
        ctx.scratch.editing = true;
        await this.ask(ctx, stepFilling(err.missing[0] ?? "nomineeKind"), replies, { id: "submit-incomplete" });
        return;
      }
      if (err instanceof StaleNominationError) {
        await replies.send({ text: ctx.t("nomination-not-draft") });
        return;
      }
      throw err;
    }
    this.options.log.info({ nominationId: ctx.draft.id, code }, "nomination submitted");
    const preview = currentPrompt(ctx.scratch);
    try {
      await this.options.onSubmitted?.(ctx.draft.id);
    } catch (err) {
      // The submission stands whatever a listener does; the nominator still gets the receipt.
      this.options.log.error({ err, nominationId: ctx.draft.id }, "onSubmitted failed");
    }
    await replies.send({ text: ctx.t("submit-receipt", { code }) });
    await this.dropChoices(replies, preview);
  }

  // === Asking

  private async render(ctx: StepContext, step: StepDefinition, notice?: Notice): Promise<ChatMessage> {
    const args = step.questionArgs ? await step.questionArgs(ctx) : {};
    const rendered = new Set(step.renderedArgs ?? []);
    const escaped = Object.fromEntries(Object.entries(args).map(([k, v]) => [k, typeof v === "string" && !rendered.has(k) ? escapeHtml(v) : v]));
    const question = ctx.i18n.t(ctx.locale, step.question, escaped, { escape: false });
    const text = notice ? `${ctx.t(notice.id, notice.args)}\n\n${question}` : question;
    const rows: StepChoice[][] = step.choices ? await step.choices(ctx) : [];
    const choices = rows.map((row) => row.map((c) => ({ label: c.label, payload: choicePayload("step", step.id, c.value) })));
    return choices.length > 0 ? { text, choices } : { text };
  }

  /**
   * Sends a step's question as the new prompt, saves where the draft stands, then takes the
   * buttons off the previous prompt so an old button is not pressed by mistake.
   */
  private async ask(ctx: StepContext, step: StepDefinition, replies: ChatReplies, notice?: Notice, opts: { photos?: boolean } = {}): Promise<void> {
    let current = step;
    if (current.when && !(await current.when(ctx))) current = await this.following(ctx, current);
    if (current.id === "preview") delete ctx.scratch.editing;
    const previous = currentPrompt(ctx.scratch);
    // Save first: a prompt that went out must always belong to the stored step.
    await saveProgress(this.options.db, ctx.draft.id, current.id, ctx.scratch, ctx.now);
    if (current.photos && opts.photos !== false && notice?.id !== "wrong-old-button" && !notice?.id.startsWith("wrong-")) {
      const photos = await current.photos(ctx);
      if (photos.length > 0) await replies.sendPhotos(photos);
    }
    const message = await this.render(ctx, current, notice);
    rememberPrompt(ctx.scratch, await replies.send(message), message);
    await saveProgress(this.options.db, ctx.draft.id, current.id, ctx.scratch, ctx.now);
    await this.dropChoices(replies, previous);
  }

  /**
   * One edit per new question, after the question itself went out, and never retried: if it
   * fails (a rate limit, a message the person deleted), the old buttons stay, and pressing one
   * still gets the "old message" explanation.
   */
  private async dropChoices(replies: ChatReplies, prompt: { messageId: string; text: string } | undefined): Promise<void> {
    if (!prompt || !replies.dropChoices) return;
    try {
      await replies.dropChoices(prompt.messageId, prompt.text);
    } catch (err) {
      this.options.log.warn({ err, messageId: prompt.messageId }, "could not take the buttons off an old question");
    }
  }

  // === Album bookkeeping

  private album(albumId: string): AlbumState {
    let album = this.albums.get(albumId);
    if (!album) {
      album = { inFlight: 0, refused: 0 };
      this.albums.set(albumId, album);
    }
    return album;
  }

  /** A photo of the album was saved: its acknowledgement is due once the album is quiet. */
  private albumItemSaved(albumId: string, acknowledge: (refused: number) => Promise<void>): void {
    this.album(albumId).acknowledge = acknowledge;
    this.settleAlbum(albumId);
  }

  /** Starts the quiet time of an album nobody holds, or forgets an album with nothing to say. */
  private settleAlbum(albumId: string): void {
    const album = this.albums.get(albumId);
    if (!album || album.inFlight > 0) return;
    clearTimeout(album.timer);
    const acknowledge = album.acknowledge;
    if (!acknowledge) {
      this.albums.delete(albumId);
      return;
    }
    album.timer = setTimeout(() => {
      this.albums.delete(albumId);
      acknowledge(album.refused).catch((err: unknown) => this.options.log.error({ err, albumId }, "album acknowledgement failed"));
    }, this.options.albumQuietMs ?? 1000);
  }

  private context(nominator: Nominator, draft: DraftRow): StepContext {
    const { db, i18n } = this.options;
    const scratch: DraftScratch = readScratch(draft);
    return {
      db,
      i18n,
      locale: nominator.locale,
      draft,
      scratch,
      nominator,
      now: this.now(),
      t: (id, args) => i18n.t(nominator.locale, id, args),
    };
  }
}
