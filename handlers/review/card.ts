// The review card: what officers see of a nomination, the decisions taken so far, and the
// buttons that apply to its current state. Rendered from the database every time, so a card
// is never out of step with the log.
import { formatLocalDateTime } from "../../core/calendar/zoned-time";
import type { ChannelName, ChatMessage, PhotoSource } from "../../core/channel/port";
import type { Db } from "../../core/db/client";
import type { Locale } from "../../core/i18n";
import { choicePayload } from "../../core/channel/choice-payloads";
import { isReviewable } from "../../core/nominations/status";
import { encodeCardPress, type CardAction } from "../../core/review/card-actions";
import { levelAt } from "../../core/review/levels";
import { draftPublicStory } from "../../core/review/story";
import { textLimit, visibleLength } from "../../core/digest/compose";
import type { ReviewDeps } from "./deps";
import { cutText } from "../../core/text/cut";

/** How much of long texts a card shows; the full text is one button away. */
const achievementsShown = 1200;
const storyShown = 800;

/** A nomination with everything a card shows. */
export async function loadForCard(db: Db, nominationId: number) {
  return db.nomination.findUnique({
    where: { id: nominationId },
    include: {
      unit: true,
      field: true,
      movement: true,
      nominator: { select: { displayName: true } },
      criteria: { include: { criterion: true }, orderBy: { criterionId: "asc" } },
      attachments: { where: { kind: "PHOTO" }, orderBy: { id: "asc" }, include: { channelRefs: true } },
      events: { orderBy: { id: "asc" }, include: { actor: { select: { displayName: true } } } },
    },
  });
}

export type CardNomination = NonNullable<Awaited<ReturnType<typeof loadForCard>>>;

function clip(text: string, max: number, more: string): string {
  return text.length <= max ? text : `${cutText(text, max).trimEnd()}${more}`;
}

/** The public story an officer would approve now: theirs if edited, else the default draft. */
export function currentStory(n: CardNomination): string {
  return n.publicStory ?? draftPublicStory(n.achievements ?? "");
}

const decisionActions = new Set(["FORWARD", "APPROVE", "REQUEST_INFO", "ANSWER_INFO", "REJECT", "EDIT_STORY", "WITHDRAW"]);

/**
 * The card of `n` as shown at review level `cardLevel`, in `locale`. A card must stay within
 * Telegram's 4096 characters or every later edit fails: when the decisions no longer fit,
 * the oldest are folded into one line pointing to /history (the newest always shows), and
 * only then is the achievements excerpt shortened.
 */
export function renderCard(deps: ReviewDeps, n: CardNomination, cardLevel: number, locale: Locale): ChatMessage {
  const t = (id: string, args?: Record<string, string | number>) => deps.i18n.t(locale, id, args);
  const more = t("review-truncated");
  const level = levelAt(deps.levels, cardLevel) ?? "COUNCIL";
  const base = (achievementsMax: number) =>
    t("review-card", {
      code: n.code ?? "",
      level: t(`review-level-${level}`),
      name: n.nomineeName ?? "",
      kind: n.nomineeKind ? t(`nominee-kind-${n.nomineeKind}`) : "",
      unit: n.unit?.name ?? "",
      field: (locale === "vi" ? n.field?.nameVi : n.field?.nameEn) ?? "",
      movement: n.movement ? (locale === "en" && n.movement.nameEn ? n.movement.nameEn : n.movement.nameVi) : t("review-movement-none"),
      criteria: n.criteria.map((c) => (locale === "vi" ? c.criterion.shortVi : c.criterion.shortEn)).join("; "),
      // A child's story needs a guardian's consent: the card says so beside the answer.
      consent: n.consent ? `${t(`review-consent-${n.consent}`)}${n.nomineeIsMinor ? t("review-consent-minor") : ""}` : "",
      nominator: n.nominator.displayName,
      photos: n.attachments.length,
      achievements: clip(n.achievements ?? "", achievementsMax, more),
      story: clip(currentStory(n), storyShown, more),
    });
  const lines = n.events
    .filter((e) => decisionActions.has(e.action))
    .map((e) =>
      t(`review-decision-${e.action}`, {
        actor: e.actor?.displayName ?? "",
        time: formatLocalDateTime(e.createdAt, deps.timeZone),
        reason: clip(e.reason ?? "", 300, "…"),
      }),
    );
  const compose = (achievementsMax: number, folded: number) =>
    [base(achievementsMax), ...(folded > 0 ? [t("review-decisions-earlier", { count: folded, code: n.code ?? "" })] : []), ...lines.slice(folded)].join("\n\n");
  let folded = 0;
  while (folded < lines.length - 1 && visibleLength(compose(achievementsShown, folded)) > textLimit) folded++;
  let text = compose(achievementsShown, folded);
  const over = visibleLength(text) - textLimit;
  if (over > 0) text = compose(Math.max(0, achievementsShown - over - more.length), folded);
  // The achievement report's draft (handlers/reports/dossier.ts): while it is reviewed, and on
  // the final card of an approved story, where officers want it for their paperwork.
  const dossier = { label: t("review-btn-dossier"), payload: choicePayload("report", "d", n.id) };
  if (!isReviewable(n.status) || n.reviewLevel !== cardLevel) return isDecidedForPublication(n.status) && n.reviewLevel === cardLevel ? { text, choices: [[dossier]] } : { text };
  const seen = { nominationId: n.id, status: n.status, reviewLevel: n.reviewLevel };
  const button = (action: CardAction) => ({ label: t(`review-btn-${action}`), payload: encodeCardPress({ action, ...seen }) });
  const first = n.status === "NEEDS_INFO" ? [button("request-info")] : [button("approve"), button("request-info")];
  return { text, choices: [first, [button("reject"), button("edit-story")], [button("view-full"), dossier]] };
}

/** Approved or published: a story whose dossier officers may want from its final card. */
function isDecidedForPublication(status: string): boolean {
  return status === "APPROVED" || status === "PUBLISHED";
}

/** The photos of a nomination as a channel can send them (its own file id when it has one). */
export function cardPhotos(n: CardNomination, channel: ChannelName): PhotoSource[] {
  return n.attachments.flatMap((a): PhotoSource[] => {
    const ref = a.channelRefs.find((r) => r.channel === channel);
    if (ref) return [{ kind: "channel-file", fileId: ref.fileId }];
    return a.storagePath ? [{ kind: "file", path: a.storagePath }] : [];
  });
}
