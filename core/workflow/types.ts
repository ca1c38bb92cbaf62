// The vocabulary of the nomination workflow: steps declared as data (steps.ts), run by the
// engine (engine.ts) against a draft saved after every answer (drafts.ts).
import type { IncomingPhoto, PhotoSource, UnsupportedKind } from "../channel/port";
import type { Db } from "../db/client";
import type { Locale, MessageArgs, Translations } from "../i18n";
import type { RequiredDraftField } from "../nominations/lifecycle";
import type { StoredMedia } from "./media";

/** Every step of the guided nomination, in the order they are asked. */
export const stepIds = [
  "kind",
  "name",
  "unit",
  "duplicate",
  "field",
  "movement",
  "achievements",
  "criteria",
  "photos",
  "contact",
  "consent",
  "preview",
] as const;
export type StepId = (typeof stepIds)[number];

/** How a step takes its answer; decides how typed text is read against its choices. */
export type InputKind = "choice" | "text" | "multi-text" | "toggle" | "photos" | "phone" | "unit-tree" | "confirm" | "preview";

/** Scratch state of a draft conversation, stored in `Nomination.draftData`. */
export interface DraftScratch {
  /** The message that carries the current question; buttons of other messages are stale. */
  promptMessageId?: string;
  /** The text of that message while it has buttons, so they can be taken off it when the next question goes out. */
  promptText?: string;
  /** Answering a step picked from the preview: return to the preview afterwards. */
  editing?: boolean;
  /** Achievements text gathered over several messages, committed with "Xong". */
  pendingText?: string;
  /** Where the unit browser stands. */
  unitParentId?: number | null;
  unitPage?: number;
  unitQuery?: string;
  /** The name key + unit for which the duplicate warning was accepted. */
  duplicateAccepted?: string;
  /** The consent question and the answer chosen, as shown: recorded as proof once submitted. */
  consentWording?: string;
}

/** A localized message: id in locales/ plus arguments (strings are escaped by `t`). */
export interface Notice {
  id: string;
  args?: MessageArgs;
}

/** A button of a step: the engine prefixes `value` into a payload for this step. */
export interface StepChoice {
  label: string;
  value: string;
  /** Other words that, typed on their own, mean this choice (folded: lower case, no diacritics). */
  also?: readonly string[];
}

/** The person answering. */
export interface Nominator {
  id: number;
  displayName: string;
  locale: Locale;
}

/** The draft as a step sees it: the Nomination row. */
export type DraftRow = NonNullable<Awaited<ReturnType<Db["nomination"]["findFirst"]>>>;

/** What a step can read and write while asking or taking an answer. */
export interface StepContext {
  db: Db;
  i18n: Translations;
  locale: Locale;
  draft: DraftRow;
  scratch: DraftScratch;
  nominator: Nominator;
  now: Date;
  /** Renders a message in the nominator's locale. */
  t(id: string, args?: MessageArgs): string;
}

/** An answer as a step receives it, after the engine matched typed text to choices. */
export type StepAnswer =
  | { kind: "text"; text: string }
  | { kind: "choice"; value: string; fromPrompt: boolean }
  | { kind: "photo"; photo: IncomingPhoto; store: () => Promise<StoredMedia> }
  | { kind: "unsupported"; what: UnsupportedKind };

/** What a step decided; the engine carries it out. */
export type Outcome =
  /** Answered: go to the next step, optionally saying something first. */
  | { kind: "advance"; notice?: Notice }
  /** Not done yet: ask again; `edit` redraws the prompt in place (browsing, toggles). */
  | { kind: "stay"; notice?: Notice; edit?: boolean }
  /** Wrong answer: explain and ask the same question again. */
  | { kind: "invalid"; notice: Notice }
  /**
   * One item of a batch (an album) was saved, or `refused` (no room left): acknowledge the
   * batch once, after the last one.
   */
  | { kind: "batch"; key: string; refused?: boolean }
  /** Jump to a step (editing from the preview). */
  | { kind: "goto"; step: StepId }
  | { kind: "submit" }
  | { kind: "cancel" };

/**
 * One step of the nomination, declared as data: the question, how it takes its answer, and
 * where it leads. Adding a step is adding one of these to `steps`.
 */
export interface StepDefinition {
  id: StepId;
  /** Message id of the question in locales/. */
  question: string;
  input: InputKind;
  /** Skipped when this says false (the duplicate warning when there is none). */
  when?: (ctx: StepContext) => Promise<boolean>;
  /** Arguments of the question message. */
  questionArgs?: (ctx: StepContext) => Promise<MessageArgs>;
  /** Arguments that are messages rendered with `t` (escaped there), passed on as they are. */
  renderedArgs?: readonly string[];
  /** Buttons under the question. */
  choices?: (ctx: StepContext) => Promise<StepChoice[][]>;
  /** Photos shown before the question. */
  photos?: (ctx: StepContext) => Promise<PhotoSource[]>;
  /** Validates and saves an answer. */
  answer: (ctx: StepContext, answer: StepAnswer) => Promise<Outcome>;
  /**
   * The acknowledgement of a batch this step answered with `batch`, read once the batch has
   * gone quiet, so it reports what was really saved rather than what one item saw.
   */
  acknowledgeBatch?: (ctx: StepContext, key: string, refused: number) => Promise<Notice>;
  /** The draft field this step's answer fills that a submission requires (see `requiredDraftFields`). */
  fills?: RequiredDraftField;
  /** Offered as a button on the preview, to change the answer. */
  editable?: boolean;
  /** The step after this one; null for the last. */
  next: StepId | null;
  /** A check that follows its predecessor even when editing from the preview. */
  followUp?: boolean;
}
