// Posting and refreshing review cards. A card is posted where routing says (review group,
// officers privately, or admins) and remembered as a ReviewCard row, so every later decision
// edits each copy in place.
import type { ChannelName } from "../../core/channel/port";
import { isReviewable } from "../../core/nominations/status";
import { levelAt } from "../../core/review/levels";
import { cardDestinations } from "../../core/review/routing";
import { toLocale } from "../../core/i18n";
import { cardPhotos, loadForCard, renderCard } from "./card";
import type { ReviewDeps } from "./deps";

/** Language of a card in a chat: a person's own in private, the default in groups. */
async function cardLocale(deps: ReviewDeps, destination: { kind: string; personId?: number }) {
  if (!destination.personId) return deps.defaultLocale;
  const person = await deps.db.person.findUnique({ where: { id: destination.personId }, select: { language: true } });
  return toLocale(person?.language, deps.defaultLocale);
}

/** Language of an existing card's chat: its person's own in a private chat, the default in groups. */
async function chatLocale(deps: ReviewDeps, chat: { channel: ChannelName; externalId: string; kind: string }) {
  if (chat.kind !== "PRIVATE") return deps.defaultLocale;
  const identity = await deps.db.channelIdentity.findUnique({
    where: { channel_externalId: { channel: chat.channel, externalId: chat.externalId } },
    select: { person: { select: { language: true } } },
  });
  return toLocale(identity?.person.language, deps.defaultLocale);
}

/** Sends the photos and the card of a nomination to one chat; records the card. */
export async function postCardTo(
  deps: ReviewDeps,
  nominationId: number,
  chat: { channel: ChannelName; externalId: string; kind: "PRIVATE" | "GROUP" | "SUPERGROUP" },
  locale = deps.defaultLocale,
): Promise<boolean> {
  const port = deps.port(chat.channel);
  const n = await loadForCard(deps.db, nominationId);
  if (!port || !n) return false;
  const photos = cardPhotos(n, chat.channel);
  if (photos.length > 0) await port.sendPhotos(chat.externalId, photos);
  const messageId = await port.send(chat.externalId, renderCard(deps, n, n.reviewLevel, locale));
  const row = await deps.db.chat.upsert({
    where: { channel_externalId: { channel: chat.channel, externalId: chat.externalId } },
    create: { channel: chat.channel, externalId: chat.externalId, kind: chat.kind },
    update: {},
  });
  await deps.db.reviewCard.create({ data: { nominationId, chatId: row.id, messageId, level: n.reviewLevel } });
  return true;
}

/**
 * Posts the cards of a nomination for the level it waits at. A destination that cannot be
 * reached is logged and skipped; the others still get theirs.
 */
export async function postCards(deps: ReviewDeps, nominationId: number): Promise<number> {
  const n = await deps.db.nomination.findUnique({ where: { id: nominationId }, include: { unit: { select: { path: true } } } });
  const level = n ? levelAt(deps.levels, n.reviewLevel) : null;
  if (!n?.unit || !level || !isReviewable(n.status)) return 0;
  let posted = 0;
  const exclude = deps.allowSelfReview ? [] : [n.nominatorId];
  for (const d of await cardDestinations(deps.db, n.unit.path, level, exclude)) {
    try {
      const kind = d.kind === "group" ? "GROUP" : "PRIVATE";
      if (await postCardTo(deps, nominationId, { channel: d.channel, externalId: d.externalId, kind }, await cardLocale(deps, d))) posted++;
    } catch (err) {
      deps.log.error({ err, nominationId, destination: d }, "review card not delivered");
    }
  }
  if (posted === 0) deps.log.error({ nominationId, level }, "no reviewer could be reached for this nomination");
  return posted;
}

/** Edits every posted card of a nomination to its current state. */
export async function refreshCards(deps: ReviewDeps, nominationId: number): Promise<void> {
  const n = await loadForCard(deps.db, nominationId);
  if (!n) return;
  const cards = await deps.db.reviewCard.findMany({ where: { nominationId }, include: { chat: true } });
  for (const card of cards) {
    const port = deps.port(card.chat.channel);
    if (!port) continue;
    try {
      await port.edit(card.chat.externalId, card.messageId, renderCard(deps, n, card.level, await chatLocale(deps, card.chat)));
    } catch (err) {
      // "message is not modified" and deleted messages are expected; nothing else depends on it.
      deps.log.debug({ err, nominationId, card: card.id }, "card not edited");
    }
  }
}

/**
 * Posts the cards that should exist but do not: a nomination waiting at a level with no card
 * for that level (the process stopped between submission and posting). Run at start-up.
 */
export async function postMissingCards(deps: ReviewDeps): Promise<number> {
  const waiting = await deps.db.nomination.findMany({
    where: { status: { in: ["SUBMITTED", "IN_REVIEW", "NEEDS_INFO"] } },
    select: { id: true, reviewLevel: true, reviewCards: { select: { level: true } } },
  });
  let posted = 0;
  for (const n of waiting) {
    if (n.reviewCards.some((c) => c.level === n.reviewLevel)) continue;
    posted += await postCards(deps, n.id);
  }
  return posted;
}
