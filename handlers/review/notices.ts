// What the nominator is told about their nomination, in their language, through the outbox:
// the message survives a crash and is sent once, keyed by the review event it reports.
import type { Db } from "../../core/db/client";
import { toLocale } from "../../core/i18n";
import { enqueue, outboxKey } from "../../core/outbox/enqueue";
import { storyUrl } from "../../core/publication/model";
import type { ReviewDeps } from "./deps";

/** Actions the nominator hears about. */
const told = new Set(["FORWARD", "APPROVE", "REJECT", "REQUEST_INFO", "PUBLISH"]);

/** The nominator's private chat on the channel they nominated from. */
async function nominatorChat(db: Db, nominationId: number) {
  const n = await db.nomination.findUnique({
    where: { id: nominationId },
    include: { nominator: { include: { identities: true } } },
  });
  if (!n) return null;
  const identity = n.nominator.identities.find((i) => i.channel === n.channel) ?? n.nominator.identities[0];
  return identity ? { n, identity, locale: n.nominator.language } : null;
}

/** Queues the notice of the latest review event of a nomination, if it is one people hear of. */
export async function noticeLatestEvent(deps: ReviewDeps, nominationId: number): Promise<void> {
  const event = await deps.db.reviewEvent.findFirst({ where: { nominationId }, orderBy: { id: "desc" } });
  if (!event || !told.has(event.action)) return;
  const target = await nominatorChat(deps.db, nominationId);
  if (!target) return;
  const locale = toLocale(target.locale, deps.defaultLocale);
  const notice = deps.i18n.t(locale, `review-notice-${event.action}`, {
    code: target.n.code ?? "",
    name: target.n.nomineeName ?? "",
    reason: event.reason ?? "",
  });
  // A published story is on the public site: the nominator gets its address to share.
  const link = event.action === "PUBLISH" && target.n.code ? storyUrl(deps.publicBaseUrl, target.n.code) : null;
  const html = link ? `${notice}\n\n${deps.i18n.t(locale, "review-notice-PUBLISH-link", { link })}` : notice;
  await enqueue(deps.db, {
    idempotencyKey: outboxKey("notice", "event", event.id),
    chat: { channel: target.identity.channel, externalId: target.identity.externalId, kind: "PRIVATE" },
    kind: "notice",
    payload: { type: "text", html },
    nominationId,
  });
}
