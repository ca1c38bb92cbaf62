// The guided nomination, one declarative entry per step: what it asks, how it takes the
// answer, what it saves, where it leads. The engine (engine.ts) runs them.
import { payloadId } from "../channel/choice-payloads";
import type { PhotoSource } from "../channel/port";
import type { Locale } from "../i18n";
import type { RequiredDraftField } from "../nominations/lifecycle";
import { foldText, looselyMatches, nomineeNameKey } from "../text/fold";
import { formatVietnamesePhone, parseVietnamesePhone } from "../text/phone";
import { findPossibleDuplicates } from "./duplicates";
import { loadDraftDetails } from "./drafts";
import { MediaRefusedError } from "./media";
import { stepIds, type Notice, type Outcome, type StepAnswer, type StepChoice, type StepContext, type StepDefinition, type StepId } from "./types";
import { cutText, shortenText, visibleCharacters } from "../text/cut";

// === Limits

/** Bounds the issue sets for each answer. */
export const limits = {
  nameMin: 2,
  nameMax: 120,
  achievementsMin: 30,
  achievementsMax: 4000,
  photosMax: 10,
  unitsPerPage: 8,
  /** How much of the achievements the preview shows, so the preview fits in one message. */
  previewAchievements: 2500,
} as const;

// === Helpers

function localName(locale: Locale, row: { nameVi: string; nameEn: string | null }): string {
  return locale === "en" && row.nameEn ? row.nameEn : row.nameVi;
}

/** The explanation for an answer of the wrong kind; `expected` says what the step wants. */
function unexpected(answer: StepAnswer, expected: "text" | "choice" | "photo"): Outcome {
  // A document (a certificate as a PDF, say) is what residents most often send in good faith: say where it can go.
  if (answer.kind === "unsupported" && answer.what === "document") return { kind: "invalid", notice: { id: "wrong-document" } };
  if (answer.kind === "unsupported") return { kind: "invalid", notice: { id: "wrong-unsupported", args: { what: answer.what } } };
  if (answer.kind === "photo") return { kind: "invalid", notice: { id: "wrong-photo" } };
  if (expected === "photo") return { kind: "invalid", notice: { id: "wrong-text-photos" } };
  if (expected === "choice") return { kind: "invalid", notice: { id: "wrong-pick-choice" } };
  return { kind: "invalid", notice: { id: "wrong-text-expected" } };
}

function oneColumn(choices: StepChoice[]): StepChoice[][] {
  return choices.map((c) => [c]);
}

function pairs(choices: StepChoice[]): StepChoice[][] {
  const rows: StepChoice[][] = [];
  for (let i = 0; i < choices.length; i += 2) rows.push(choices.slice(i, i + 2));
  return rows;
}

/**
 * What people type instead of pressing a button ("xong rồi", "không rõ", "rồi" to "đã đồng ý
 * chưa?"), folded. Read only when the whole message is one of them, so a story is never cut.
 */
const typedAliases = {
  done: ["xong", "xong roi", "da xong", "xong het", "roi", "het", "het roi", "ok", "okay", "done", "finished", "that's all"],
  skip: ["khong", "khong co", "khong ro", "khong biet", "chua ro", "chua biet", "bo qua", "skip", "no", "none", "not sure", "nothing"],
  GIVEN: ["co", "roi", "da roi", "co roi", "dong y", "da dong y", "yes", "agreed"],
  NOT_ASKED: ["chua", "khong", "chua hoi", "no", "not yet", "not asked"],
} as const;

function doneChoice(ctx: StepContext): StepChoice {
  return { label: ctx.t("choice-done"), value: "done", also: typedAliases.done };
}

function skipChoice(ctx: StepContext): StepChoice {
  return { label: ctx.t("choice-skip"), value: "skip", also: typedAliases.skip };
}

const nomineeKinds = ["INDIVIDUAL", "COLLECTIVE", "HOUSEHOLD", "ENTERPRISE"] as const;
/** The consent answers: for a person, also the two for a child under 16 (a guardian's consent). */
const consents = ["GIVEN", "NOT_ASKED", "MINOR_GIVEN", "MINOR_NOT_ASKED"] as const;
type ConsentAnswer = (typeof consents)[number];

/** What an answer stores: the nomination's consent, and whether the nominee is a child. */
const consentFields: Record<ConsentAnswer, { consent: "GIVEN" | "NOT_ASKED"; nomineeIsMinor: boolean }> = {
  GIVEN: { consent: "GIVEN", nomineeIsMinor: false },
  NOT_ASKED: { consent: "NOT_ASKED", nomineeIsMinor: false },
  MINOR_GIVEN: { consent: "GIVEN", nomineeIsMinor: true },
  MINOR_NOT_ASKED: { consent: "NOT_ASKED", nomineeIsMinor: true },
};

/** The answer a draft's fields stand for, as the preview names it. */
export function consentAnswerOf(d: { consent: string | null; nomineeIsMinor: boolean }): string | null {
  if (!d.consent) return null;
  return d.nomineeIsMinor && d.consent !== "WITHDRAWN" ? `MINOR_${d.consent}` : d.consent;
}

function duplicateKey(draft: { nomineeNameKey: string | null; unitId: number | null }): string {
  return `${draft.nomineeNameKey ?? ""}@${draft.unitId ?? ""}`;
}

/** The consent answers offered for this draft's nominee. */
function consentChoicesFor(ctx: StepContext): readonly ConsentAnswer[] {
  return ctx.draft.nomineeKind === "INDIVIDUAL" ? consents : ["GIVEN", "NOT_ASKED"];
}

/** A question as read, without its formatting tags (kept as the consent's wording). */
function plainText(html: string): string {
  return html.replace(/<[^>]+>/g, "").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&amp;/g, "&").trim();
}

// === Unit browser

/** One page of `all` as one button a row, with ‹ › under it when there is more than one page. */
function paged(ctx: StepContext, all: StepChoice[], page: number): StepChoice[][] {
  const per = limits.unitsPerPage;
  const last = Math.max(0, Math.ceil(all.length / per) - 1);
  const current = Math.min(Math.max(page, 0), last);
  const rows = oneColumn(all.slice(current * per, (current + 1) * per));
  const paging: StepChoice[] = [];
  if (current > 0) paging.push({ label: ctx.t("unit-previous-page"), value: `page:${current - 1}` });
  if (current < last) paging.push({ label: ctx.t("unit-next-page"), value: `page:${current + 1}` });
  if (paging.length > 0) rows.push(paging);
  return rows;
}

async function unitChoices(ctx: StepContext): Promise<StepChoice[][]> {
  const { db, scratch } = ctx;
  const page = scratch.unitPage ?? 0;
  const back: StepChoice = { label: ctx.t("unit-back"), value: "up" };
  if (scratch.unitQuery !== undefined) {
    const matches = await searchUnits(ctx, scratch.unitQuery);
    return [...paged(ctx, matches.map((u) => ({ label: u.label, value: `pick:${u.id}` })), page), [back]];
  }
  const parentId = scratch.unitParentId ?? null;
  const children = await db.unit.findMany({
    where: { parentId, active: true },
    orderBy: { id: "asc" },
    include: { _count: { select: { children: { where: { active: true } } } } },
  });
  const rows = paged(
    ctx,
    children.map((u) => (u._count.children > 0 ? { label: `${u.name} ›`, value: `open:${u.id}` } : { label: u.name, value: `pick:${u.id}` })),
    page,
  );
  if (parentId !== null) rows.push([{ label: ctx.t("unit-pick-this"), value: `pick:${parentId}` }], [back]);
  return rows;
}

/**
 * Every active unit whose name the query loosely names ("son vi" → "Xã Sơn Vi"): whole-name
 * matches first, then names that start with the query, then the rest in tree order. A name
 * that several matches share ("Khu 1") is told apart by its parent's name.
 */
async function searchUnits(ctx: StepContext, query: string): Promise<{ id: number; label: string }[]> {
  const units = await ctx.db.unit.findMany({
    where: { active: true },
    orderBy: { id: "asc" },
    select: { id: true, name: true, parent: { select: { name: true } } },
  });
  const folded = foldText(query);
  const rank = (name: string) => (foldText(name) === folded ? 0 : foldText(name).startsWith(folded) ? 1 : 2);
  const matches = units.filter((u) => looselyMatches(query, u.name)).sort((a, b) => rank(a.name) - rank(b.name));
  const shared = new Set(matches.filter((u, i) => matches.findIndex((o) => o.name === u.name) !== i).map((u) => u.name));
  return matches.map((u) => ({ id: u.id, label: shared.has(u.name) && u.parent ? `${u.name} · ${u.parent.name}` : u.name }));
}

/** Opens the unit browser among the chosen unit's siblings: a correction is usually a neighbour. */
async function browseBesideChosenUnit(ctx: StepContext): Promise<void> {
  const chosen = ctx.draft.unitId ? await ctx.db.unit.findUnique({ where: { id: ctx.draft.unitId }, select: { parentId: true } }) : null;
  ctx.scratch.unitParentId = chosen?.parentId ?? null;
  ctx.scratch.unitPage = 0;
  delete ctx.scratch.unitQuery;
}

async function unitPath(ctx: StepContext, unitId: number | null | undefined): Promise<string> {
  if (!unitId) return "";
  const unit = await ctx.db.unit.findUnique({ where: { id: unitId }, select: { path: true } });
  if (!unit) return "";
  const ids = unit.path.split("/").filter(Boolean).map(Number);
  const rows = await ctx.db.unit.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
  return ids.map((id) => rows.find((r) => r.id === id)?.name ?? "").join(" › ");
}

async function answerUnit(ctx: StepContext, answer: StepAnswer): Promise<Outcome> {
  const { db, scratch } = ctx;
  if (answer.kind === "text") {
    const query = cutText(answer.text.replace(/\s+/g, " ").trim(), 100);
    const matches = await searchUnits(ctx, query);
    if (matches.length === 0) return { kind: "invalid", notice: { id: "unit-not-found", args: { query } } };
    scratch.unitQuery = query;
    scratch.unitPage = 0;
    const many = matches.length > limits.unitsPerPage;
    return { kind: "stay", notice: { id: many ? "unit-search-many" : "unit-search-results", args: { query, count: matches.length } } };
  }
  if (answer.kind !== "choice") return unexpected(answer, "choice");
  const [action, arg] = answer.value.split(":");
  const id = arg === "0" ? 0 : (payloadId(arg) ?? Number.NaN);
  if (action === "up") {
    if (scratch.unitQuery !== undefined) delete scratch.unitQuery;
    else if (scratch.unitParentId) {
      const current = await db.unit.findUnique({ where: { id: scratch.unitParentId }, select: { parentId: true } });
      scratch.unitParentId = current?.parentId ?? null;
    }
    scratch.unitPage = 0;
    return { kind: "stay", edit: true };
  }
  if (action === "page" && Number.isInteger(id) && id >= 0 && id < 1000) {
    scratch.unitPage = id;
    return { kind: "stay", edit: true };
  }
  if ((action === "open" || action === "pick") && Number.isInteger(id)) {
    const unit = await db.unit.findFirst({ where: { id, active: true } });
    if (!unit) return { kind: "invalid", notice: { id: "wrong-old-button" } };
    if (action === "open") {
      scratch.unitParentId = unit.id;
      scratch.unitPage = 0;
      delete scratch.unitQuery;
      return { kind: "stay", edit: true };
    }
    await db.nomination.update({ where: { id: ctx.draft.id }, data: { unitId: unit.id } });
    ctx.draft.unitId = unit.id;
    delete scratch.unitQuery;
    delete scratch.unitParentId;
    delete scratch.unitPage;
    return { kind: "advance", notice: { id: "unit-chosen", args: { unit: await unitPath(ctx, unit.id) } } };
  }
  return { kind: "invalid", notice: { id: "wrong-old-button" } };
}

// === Achievements

/**
 * Joins a further message to the story gathered so far. People split one sentence over several
 * short messages ("Anh An hiến máu" · "20 lần trong 10 năm" · "và vận động…"), so a message that
 * goes on, in lower case or with a number, from an unfinished sentence continues its line; after
 * a full stop, a heading followed by a capitalised sentence, or for a list item, a new line.
 */
function joinStory(sofar: string, more: string): string {
  const ended = /[.!?…:;)"”»]$/u.test(sofar);
  const fresh = /^\p{Lu}/u.test(more) || /^([-–•*+]|\d+[.)])\s/u.test(more);
  return `${sofar}${ended || fresh ? "\n" : " "}${more}`;
}

async function answerAchievements(ctx: StepContext, answer: StepAnswer): Promise<Outcome> {
  const { scratch } = ctx;
  const max = limits.achievementsMax;
  if (answer.kind === "text") {
    const text = answer.text.trim();
    if (text.length > max) return { kind: "invalid", notice: { id: "achievements-message-too-long", args: { max, over: text.length - max } } };
    const combined = scratch.pendingText ? joinStory(scratch.pendingText, text) : text;
    if (combined.length > max) {
      return { kind: "invalid", notice: { id: "achievements-total-too-long", args: { max, left: max - (scratch.pendingText?.length ?? 0) } } };
    }
    scratch.pendingText = combined;
    if (combined.length < limits.achievementsMin) {
      return { kind: "stay", notice: { id: "achievements-need-more", args: { missing: limits.achievementsMin - combined.length } } };
    }
    return { kind: "stay", notice: { id: "achievements-received", args: { count: combined.length, left: max - combined.length } } };
  }
  if (answer.kind === "choice" && answer.value === "done") {
    const pending = scratch.pendingText ?? "";
    if (pending === "" && ctx.draft.achievements) return { kind: "advance" };
    if (pending.length < limits.achievementsMin) {
      return { kind: "invalid", notice: { id: "achievements-need-more", args: { missing: limits.achievementsMin - pending.length } } };
    }
    await ctx.db.nomination.update({ where: { id: ctx.draft.id }, data: { achievements: pending } });
    delete scratch.pendingText;
    return { kind: "advance" };
  }
  return unexpected(answer, "text");
}

// === Photos

async function countPhotos(ctx: StepContext): Promise<number> {
  return ctx.db.attachment.count({ where: { nominationId: ctx.draft.id, kind: "PHOTO", forEventId: null } });
}

async function answerPhotos(ctx: StepContext, answer: StepAnswer): Promise<Outcome> {
  if (answer.kind === "choice") {
    if (answer.value === "done" || answer.value === "skip") return { kind: "advance" };
    if (answer.value === "clear") {
      await ctx.db.attachment.deleteMany({ where: { nominationId: ctx.draft.id, kind: "PHOTO", forEventId: null } });
      return { kind: "stay", notice: { id: "photos-cleared" } };
    }
    return { kind: "invalid", notice: { id: "wrong-old-button" } };
  }
  if (answer.kind === "unsupported" && answer.what === "document") return { kind: "invalid", notice: { id: "photo-refused-not-image" } };
  if (answer.kind !== "photo") return unexpected(answer, "photo");
  const count = await countPhotos(ctx);
  if (count >= limits.photosMax) {
    // An album past the limit is answered once, for all its refused photos, not once each.
    if (answer.photo.mediaGroupId) return { kind: "batch", key: answer.photo.mediaGroupId, refused: true };
    return { kind: "invalid", notice: { id: "photos-too-many", args: { max: limits.photosMax } } };
  }
  let stored;
  try {
    stored = await answer.store();
  } catch (err) {
    if (err instanceof MediaRefusedError) return { kind: "invalid", notice: { id: `photo-refused-${err.reason}`, args: { max: 20 } } };
    throw err;
  }
  const photo = answer.photo;
  await ctx.db.attachment.create({
    data: {
      nominationId: ctx.draft.id,
      kind: "PHOTO",
      mimeType: stored.mimeType,
      sizeBytes: stored.sizeBytes,
      width: photo.width ?? null,
      height: photo.height ?? null,
      sha256: stored.sha256,
      storagePath: stored.storagePath,
      mediaGroupId: photo.mediaGroupId ?? null,
      channelRefs: { create: { channel: ctx.draft.channel, fileId: photo.file.fileId, fileUniqueId: photo.file.fileUniqueId ?? null } },
    },
  });
  return photo.mediaGroupId ? { kind: "batch", key: photo.mediaGroupId } : { kind: "stay", notice: { id: "photos-received", args: { count: count + 1, max: limits.photosMax } } };
}

/** Counted when the album has gone quiet: what was stored for it, in all, and what found no room. */
async function acknowledgeAlbum(ctx: StepContext, albumId: string, refused: number): Promise<Notice> {
  const [album, total] = await Promise.all([
    ctx.db.attachment.count({ where: { nominationId: ctx.draft.id, kind: "PHOTO", forEventId: null, mediaGroupId: albumId } }),
    countPhotos(ctx),
  ]);
  if (refused > 0 && album === 0) return { id: "photos-too-many-album", args: { refused, max: limits.photosMax } };
  if (refused > 0) return { id: "photos-received-album-full", args: { count: album, refused, max: limits.photosMax } };
  if (album === total) return { id: "photos-received", args: { count: total, max: limits.photosMax } };
  return { id: "photos-received-album", args: { count: album, total, max: limits.photosMax } };
}

// === Preview

async function previewArgs(ctx: StepContext) {
  const d = await loadDraftDetails(ctx.db, ctx.draft.id);
  const achievements = d.achievements ?? "";
  const shown = shortenText(achievements, limits.previewAchievements + 1);
  return {
    kind: d.nomineeKind ? ctx.t(`nominee-kind-${d.nomineeKind}`) : "",
    name: d.nomineeName ?? "",
    unit: await unitPath(ctx, d.unitId),
    field: d.field ? localName(ctx.locale, d.field) : "",
    movement: d.movement ? localName(ctx.locale, d.movement) : ctx.t("preview-none"),
    achievements: shown,
    criteria: d.criteria.map((c) => `• ${ctx.locale === "en" ? c.criterion.shortEn : c.criterion.shortVi}`).join("\n"),
    photos: d.attachments.filter((a) => a.kind === "PHOTO").length,
    contact: d.contactPhone ? formatVietnamesePhone(d.contactPhone) : ctx.t("preview-none"),
    consent: consentAnswerOf(d) ? ctx.t(`consent-${consentAnswerOf(d)}`) : "",
  };
}

async function previewPhotos(ctx: StepContext): Promise<PhotoSource[]> {
  const photos = await ctx.db.attachment.findMany({
    where: { nominationId: ctx.draft.id, kind: "PHOTO", storagePath: { not: null } },
    orderBy: { id: "asc" },
    take: limits.photosMax,
  });
  return photos.map((p) => ({ kind: "file", path: p.storagePath! }));
}

/** Selects a criterion for the draft, or unselects it when it was selected (a button press). */
async function toggleCriterion(ctx: StepContext, criterionId: number): Promise<void> {
  const key = { nominationId_criterionId: { nominationId: ctx.draft.id, criterionId } };
  const existing = await ctx.db.nominationCriterion.findUnique({ where: key });
  if (existing) await ctx.db.nominationCriterion.delete({ where: key });
  else await ctx.db.nominationCriterion.create({ data: { nominationId: ctx.draft.id, criterionId } });
}

/**
 * The criteria numbers in a message that is only numbers ("1, 4", "1 4", "1 và 4", "số 1; 3",
 * "1 and 4"), in order, without repeats; undefined for anything else, which stays a
 * misunderstood answer. One number alone is already read by `matchTypedChoice`.
 */
export function typedNumbers(text: string): number[] | undefined {
  const folded = foldText(text)
    .replace(/[.!?…]+$/, "")
    .replace(/^(?:chon |tieu chuan |so |criteria |criterion |numbers? )+/, "")
    .trim();
  const parts = folded.split(/\s*(?:[,;/&+]|\bva\b|\band\b|\s)\s*/).filter((p) => p !== "");
  if (parts.length === 0 || !parts.every((p) => /^\d{1,2}$/.test(p))) return undefined;
  return [...new Set(parts.map(Number))];
}

/**
 * Criteria typed as numbers become the selection: a person typing "1, 4" means "these", where
 * a button press toggles one. Unknown numbers change nothing.
 */
async function setTypedCriteria(ctx: StepContext, numbers: number[] | undefined): Promise<Outcome> {
  if (!numbers) return { kind: "invalid", notice: { id: "wrong-pick-choice" } };
  const all = await ctx.db.criterion.findMany({ orderBy: { number: "asc" } });
  const unknown = numbers.filter((n) => !all.some((c) => c.number === n));
  if (unknown.length > 0) {
    return { kind: "invalid", notice: { id: "criteria-unknown-numbers", args: { numbers: unknown.join(", "), max: all.length } } };
  }
  const chosen = numbers.map((n) => all.find((c) => c.number === n)!.id);
  await ctx.db.$transaction([
    ctx.db.nominationCriterion.deleteMany({ where: { nominationId: ctx.draft.id, criterionId: { notIn: chosen } } }),
    ...chosen.map((criterionId) =>
      ctx.db.nominationCriterion.upsert({
        where: { nominationId_criterionId: { nominationId: ctx.draft.id, criterionId } },
        create: { nominationId: ctx.draft.id, criterionId },
        update: {},
      }),
    ),
  ]);
  return { kind: "stay", notice: { id: "criteria-typed", args: { numbers: numbers.join(", ") } } };
}

// === The steps

/**
 * The nomination conversation. Order of `stepIds` is the order of asking; `next` links them.
 * A step is its entry: what it asks, its input kind, how it validates and saves, which
 * required field it fills (`fills`, what a submission checks) and whether the preview offers
 * to change it (`editable`); the preview's buttons and the return to a missing answer derive
 * from these entries.
 */
export const steps: Record<StepId, StepDefinition> = {
  kind: {
    id: "kind",
    fills: "nomineeKind",
    editable: true,
    question: "ask-kind",
    input: "choice",
    choices: async (ctx) => pairs(nomineeKinds.map((k) => ({ label: ctx.t(`nominee-kind-${k}`), value: k }))),
    answer: async (ctx, answer) => {
      if (answer.kind !== "choice") return unexpected(answer, "choice");
      const kind = nomineeKinds.find((k) => k === answer.value);
      if (!kind) return { kind: "invalid", notice: { id: "wrong-old-button" } };
      // Only a person can be a child under 16; another kind drops that answer.
      await ctx.db.nomination.update({ where: { id: ctx.draft.id }, data: { nomineeKind: kind, ...(kind === "INDIVIDUAL" ? {} : { nomineeIsMinor: false }) } });
      return { kind: "advance" };
    },
    next: "name",
  },

  name: {
    id: "name",
    fills: "nomineeName",
    editable: true,
    question: "ask-name",
    input: "text",
    questionArgs: async () => ({ min: limits.nameMin, max: limits.nameMax }),
    answer: async (ctx, answer) => {
      if (answer.kind !== "text") return unexpected(answer, "text");
      const name = answer.text.replace(/\s+/g, " ").trim();
      // A name is made of letters: "🌟🌟" or "..." would pass a length check and name nobody.
      if (!/\p{L}/u.test(name)) return { kind: "invalid", notice: { id: "name-no-letters" } };
      if (visibleCharacters(name) < limits.nameMin) return { kind: "invalid", notice: { id: "name-too-short", args: { min: limits.nameMin } } };
      if (visibleCharacters(name) > limits.nameMax) return { kind: "invalid", notice: { id: "name-too-long", args: { max: limits.nameMax, length: visibleCharacters(name) } } };
      const key = nomineeNameKey(name);
      await ctx.db.nomination.update({ where: { id: ctx.draft.id }, data: { nomineeName: name, nomineeNameKey: key } });
      ctx.draft.nomineeName = name;
      ctx.draft.nomineeNameKey = key;
      return { kind: "advance" };
    },
    next: "unit",
  },

  unit: {
    id: "unit",
    fills: "unitId",
    editable: true,
    question: "ask-unit",
    input: "unit-tree",
    questionArgs: async (ctx) => ({
      browsing: ctx.scratch.unitQuery !== undefined ? "search" : ctx.scratch.unitParentId ? "yes" : "no",
      current: await unitPath(ctx, ctx.scratch.unitParentId),
      query: ctx.scratch.unitQuery ?? "",
    }),
    choices: unitChoices,
    answer: answerUnit,
    next: "duplicate",
  },

  duplicate: {
    id: "duplicate",
    question: "ask-duplicate",
    input: "confirm",
    followUp: true,
    when: async (ctx) =>
      ctx.scratch.duplicateAccepted !== duplicateKey(ctx.draft) && (await findPossibleDuplicates(ctx.db, ctx.draft, ctx.now)).length > 0,
    questionArgs: async (ctx) => {
      const found = await findPossibleDuplicates(ctx.db, ctx.draft, ctx.now);
      const list = found.map((n) =>
        ctx.t("duplicate-item", { code: n.code ?? "", name: n.nomineeName ?? "", unit: n.unit?.name ?? "", status: ctx.t(`status-${n.status}`) }),
      );
      return { list: list.join("\n") };
    },
    renderedArgs: ["list"],
    choices: async (ctx) => [[{ label: ctx.t("duplicate-continue"), value: "continue" }], [{ label: ctx.t("duplicate-cancel"), value: "cancel" }]],
    answer: async (ctx, answer) => {
      if (answer.kind !== "choice") return unexpected(answer, "choice");
      if (answer.value === "cancel") return { kind: "cancel" };
      if (answer.value !== "continue") return { kind: "invalid", notice: { id: "wrong-old-button" } };
      ctx.scratch.duplicateAccepted = duplicateKey(ctx.draft);
      return { kind: "advance" };
    },
    next: "field",
  },

  field: {
    id: "field",
    fills: "fieldId",
    editable: true,
    question: "ask-field",
    input: "choice",
    choices: async (ctx) => {
      const fields = await ctx.db.field.findMany({ where: { active: true }, orderBy: { number: "asc" } });
      return oneColumn(fields.map((f) => ({ label: `${f.number}. ${localName(ctx.locale, f)}`, value: String(f.number) })));
    },
    answer: async (ctx, answer) => {
      if (answer.kind !== "choice") return unexpected(answer, "choice");
      const number = payloadId(answer.value);
      const field = number === null ? null : await ctx.db.field.findFirst({ where: { number, active: true } });
      if (!field) return { kind: "invalid", notice: { id: "wrong-old-button" } };
      await ctx.db.nomination.update({ where: { id: ctx.draft.id }, data: { fieldId: field.id } });
      const help = (ctx.locale === "en" ? field.helpEn : field.helpVi) ?? "";
      return { kind: "advance", notice: { id: help ? "field-chosen-help" : "field-chosen", args: { name: localName(ctx.locale, field), help } } };
    },
    next: "movement",
  },

  movement: {
    id: "movement",
    editable: true,
    question: "ask-movement",
    input: "choice",
    choices: async (ctx) => {
      const movements = await ctx.db.movement.findMany({
        where: {
          active: true,
          AND: [{ OR: [{ startsOn: null }, { startsOn: { lte: ctx.now } }] }, { OR: [{ endsOn: null }, { endsOn: { gte: ctx.now } }] }],
        },
        orderBy: { id: "asc" },
      });
      return [...oneColumn(movements.map((m) => ({ label: localName(ctx.locale, m), value: String(m.id) }))), [skipChoice(ctx)]];
    },
    answer: async (ctx, answer) => {
      if (answer.kind !== "choice") return unexpected(answer, "choice");
      if (answer.value === "skip") {
        await ctx.db.nomination.update({ where: { id: ctx.draft.id }, data: { movementId: null } });
        return { kind: "advance" };
      }
      const id = payloadId(answer.value);
      const movement = id === null ? null : await ctx.db.movement.findFirst({ where: { id, active: true } });
      if (!movement) return { kind: "invalid", notice: { id: "wrong-old-button" } };
      await ctx.db.nomination.update({ where: { id: ctx.draft.id }, data: { movementId: movement.id } });
      return { kind: "advance" };
    },
    next: "achievements",
  },

  achievements: {
    id: "achievements",
    fills: "achievements",
    editable: true,
    question: "ask-achievements",
    input: "multi-text",
    questionArgs: async (ctx) => ({
      min: limits.achievementsMin,
      max: limits.achievementsMax,
      replacing: ctx.scratch.editing && ctx.draft.achievements ? "yes" : "no",
    }),
    choices: async (ctx) => [[doneChoice(ctx)]],
    answer: answerAchievements,
    next: "criteria",
  },

  criteria: {
    id: "criteria",
    fills: "criteria",
    editable: true,
    question: "ask-criteria",
    input: "toggle",
    questionArgs: async (ctx) => {
      const all = await ctx.db.criterion.findMany({ orderBy: { number: "asc" } });
      return { list: all.map((c) => `${c.number}. ${ctx.locale === "en" ? c.nameEn : c.nameVi}`).join("\n") };
    },
    choices: async (ctx) => {
      const all = await ctx.db.criterion.findMany({ orderBy: { number: "asc" } });
      const picked = new Set((await ctx.db.nominationCriterion.findMany({ where: { nominationId: ctx.draft.id } })).map((c) => c.criterionId));
      return [
        ...oneColumn(all.map((c) => ({ label: `${picked.has(c.id) ? "✅" : "⬜"} ${c.number}. ${ctx.locale === "en" ? c.shortEn : c.shortVi}`, value: `t:${c.number}` }))),
        [doneChoice(ctx)],
      ];
    },
    answer: async (ctx, answer) => {
      if (answer.kind === "text") return setTypedCriteria(ctx, typedNumbers(answer.text));
      if (answer.kind !== "choice") return unexpected(answer, "choice");
      if (answer.value === "done") {
        const count = await ctx.db.nominationCriterion.count({ where: { nominationId: ctx.draft.id } });
        return count > 0 ? { kind: "advance" } : { kind: "invalid", notice: { id: "criteria-none" } };
      }
      const number = payloadId(answer.value.replace(/^t:/, ""));
      // One number typed rather than pressed is a selection too ("2" means criterion 2 alone).
      if (number !== null && !answer.fromPrompt) return setTypedCriteria(ctx, [number]);
      const criterion = number === null ? null : await ctx.db.criterion.findUnique({ where: { number } });
      if (!criterion) return { kind: "invalid", notice: { id: "wrong-old-button" } };
      await toggleCriterion(ctx, criterion.id);
      return { kind: "stay", edit: true };
    },
    next: "photos",
  },

  photos: {
    id: "photos",
    editable: true,
    question: "ask-photos",
    input: "photos",
    questionArgs: async () => ({ max: limits.photosMax }),
    choices: async (ctx) => {
      const count = await countPhotos(ctx);
      if (count === 0) return [[skipChoice(ctx)]];
      const rows: StepChoice[][] = [[doneChoice(ctx)]];
      if (ctx.scratch.editing) rows.push([{ label: ctx.t("photos-clear"), value: "clear" }]);
      return rows;
    },
    answer: answerPhotos,
    acknowledgeBatch: acknowledgeAlbum,
    next: "contact",
  },

  contact: {
    id: "contact",
    editable: true,
    question: "ask-contact",
    input: "phone",
    choices: async (ctx) => [[skipChoice(ctx)]],
    answer: async (ctx, answer) => {
      if (answer.kind === "choice" && answer.value === "skip") {
        await ctx.db.nomination.update({ where: { id: ctx.draft.id }, data: { contactPhone: null } });
        return { kind: "advance" };
      }
      if (answer.kind !== "text") return unexpected(answer, "text");
      const phone = parseVietnamesePhone(answer.text);
      if (!phone) return { kind: "invalid", notice: { id: "phone-invalid" } };
      await ctx.db.nomination.update({ where: { id: ctx.draft.id }, data: { contactPhone: phone } });
      return { kind: "advance" };
    },
    next: "consent",
  },

  consent: {
    id: "consent",
    fills: "consent",
    editable: true,
    question: "ask-consent",
    input: "choice",
    // Only a person can be a child: the two answers for a guardian's consent are offered then.
    questionArgs: async (ctx) => ({ person: ctx.draft.nomineeKind === "INDIVIDUAL" ? "yes" : "no" }),
    choices: async (ctx) => oneColumn(consentChoicesFor(ctx).map((c) => ({ label: ctx.t(`consent-${c}`), value: c, ...(c in typedAliases ? { also: typedAliases[c as keyof typeof typedAliases] } : {}) }))),
    answer: async (ctx, answer) => {
      if (answer.kind !== "choice") return unexpected(answer, "choice");
      const chosen = consentChoicesFor(ctx).find((c) => c === answer.value);
      if (!chosen) return { kind: "invalid", notice: { id: "wrong-old-button" } };
      await ctx.db.nomination.update({ where: { id: ctx.draft.id }, data: consentFields[chosen] });
      // The proof keeps what the nominator saw and chose, in their language.
      const question = plainText(ctx.t("ask-consent", { person: ctx.draft.nomineeKind === "INDIVIDUAL" ? "yes" : "no" }));
      ctx.scratch.consentWording = `${question}\n→ ${ctx.t(`consent-${chosen}`)}`;
      return { kind: "advance" };
    },
    next: "preview",
  },

  preview: {
    id: "preview",
    question: "preview",
    input: "preview",
    questionArgs: previewArgs,
    photos: previewPhotos,
    choices: async (ctx) => [
      ...pairs(editableSteps.map((s) => ({ label: ctx.t(`preview-edit-${s}`), value: `edit:${s}` }))),
      [{ label: ctx.t("preview-submit"), value: "submit" }],
      [{ label: ctx.t("preview-cancel"), value: "cancel" }],
    ],
    answer: async (ctx, answer) => {
      if (answer.kind !== "choice") return { kind: "invalid", notice: { id: "preview-use-buttons" } };
      if (answer.value === "submit") return { kind: "submit" };
      if (answer.value === "cancel") return { kind: "cancel" };
      const target = editableSteps.find((s) => answer.value === `edit:${s}`);
      if (!target) return { kind: "invalid", notice: { id: "wrong-old-button" } };
      if (target === "unit") await browseBesideChosenUnit(ctx);
      return { kind: "goto", step: target };
    },
    next: null,
  },
};

/** Steps the preview offers to change, in the order of asking (the order of its buttons). */
export const editableSteps: readonly StepId[] = stepIds.filter((id) => steps[id].editable);

/** The step that fills a field a submission requires (the one to go back to when it is missing). */
export function stepFilling(field: RequiredDraftField): StepDefinition {
  const step = stepIds.map((id) => steps[id]).find((s) => s.fills === field);
  if (!step) throw new Error(`No step fills ${field}`);
  return step;
}

/**
 * Reads typed text as one of a step's choices: its number in the list (for choice-like
 * steps), its whole label, or, for choice steps, the one label the words loosely match.
 */
export function matchTypedChoice(step: StepDefinition, text: string, choices: StepChoice[][]): StepChoice | undefined {
  const flat = choices.flat();
  const folded = foldText(text).replace(/[.!?…]+$/, "").trim();
  const clean = (label: string) => foldText(label.replace(/^[✅⬜]\s*/u, ""));
  const choiceLike = step.input === "choice" || step.input === "toggle" || step.input === "confirm" || step.input === "preview";
  if (choiceLike && /^\d{1,2}$/.test(folded)) return flat[Number(folded) - 1];
  const exact = flat.find((c) => clean(c.label) === folded || clean(c.label).replace(/^\d+\.\s*/, "") === folded || c.also?.includes(folded));
  if (exact || !choiceLike) return exact;
  const loose = flat.filter((c) => looselyMatches(text, c.label.replace(/^\d+\.\s*/, "")));
  return loose.length === 1 ? loose[0] : undefined;
}
