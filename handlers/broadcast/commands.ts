// Officers' and admins' commands around the digest: send the pending digest now with a live
// count, the last runs with their counts, and every subscribed chat with its state.
import { formatLocalDateTime } from "../../core/calendar/zoned-time";
import type { ChannelPort, IncomingEvent } from "../../core/channel/port";
import { broadcastProgress } from "../../core/digest/plan";
import { sendDigestNow } from "../../core/digest/weekly";
import type { Locale } from "../../core/i18n";
import { isAdmin, scopesOf } from "../../core/review/scope";
import type { Actor } from "../review/decisions";
import type { BroadcastDeps } from "./deps";
import type { ProgressFollower } from "./progress";

async function mayBroadcast(deps: BroadcastDeps, personId: number): Promise<boolean> {
  const scopes = await scopesOf(deps.db, personId);
  return scopes.some((s) => s.role === "ADMIN" || s.role === "COUNCIL_OFFICER");
}

/** /broadcast_now: sends the pending digest at once and follows it in one edited message. */
export async function onBroadcastNow(deps: BroadcastDeps, event: IncomingEvent, port: ChannelPort, actor: Actor, progress: ProgressFollower): Promise<void> {
  const t = (id: string, a?: Record<string, string | number>) => deps.i18n.t(actor.locale, id, a);
  if (!(await mayBroadcast(deps, actor.id))) return void (await port.send(event.chat.externalId, { text: t("broadcast-council-only") }));
  // With nobody subscribed there is nobody to send to: say so, and use up no digest number.
  if ((await deps.db.subscription.count({ where: { active: true } })) === 0) return void (await port.send(event.chat.externalId, { text: t("broadcast-no-subscribers") }));
  const plan = await sendDigestNow(deps.db, deps.now(), actor.id, { i18n: deps.i18n, locale: deps.digestLocale, nominateLink: deps.nominateLink, publicBaseUrl: deps.publicBaseUrl });
  deps.log.info({ by: actor.id, ...plan }, "digest sent on request");
  deps.wakeOutbox();
  const pending = (await broadcastProgress(deps.db, plan.broadcastId)).pending;
  if (plan.parts === 0 && pending === 0) return void (await port.send(event.chat.externalId, { text: t("broadcast-nothing", { id: plan.broadcastId }) }));
  const messageId = await port.send(event.chat.externalId, { text: t("broadcast-started", { id: plan.broadcastId, chats: plan.chats, parts: plan.parts }) });
  progress.follow(port, event.chat.externalId, messageId, plan.broadcastId, actor.locale);
}

/** /broadcasts: the last runs with their counts. */
export async function onBroadcasts(deps: BroadcastDeps, event: IncomingEvent, port: ChannelPort, actor: Actor): Promise<void> {
  const t = (id: string, a?: Record<string, string | number>) => deps.i18n.t(actor.locale, id, a);
  if (!(await mayBroadcast(deps, actor.id))) return void (await port.send(event.chat.externalId, { text: t("broadcast-council-only") }));
  const runs = await deps.db.broadcast.findMany({ orderBy: { id: "desc" }, take: 10 });
  if (runs.length === 0) return void (await port.send(event.chat.externalId, { text: t("broadcast-list-empty") }));
  const lines = await Promise.all(
    runs.map(async (b) => {
      const p = await broadcastProgress(deps.db, b.id);
      const line = t("broadcast-list-item", {
        id: b.id,
        kind: t(`broadcast-kind-${b.kind}`),
        status: t(`broadcast-status-${b.status}`),
        time: formatLocalDateTime(b.startedAt ?? b.scheduledFor, deps.timeZone),
        sent: p.sent,
        failed: p.failed,
        pending: p.pending,
        chats: p.chats,
      });
      return p.outsideWindow > 0 ? `${line}\n   ${t("broadcast-outside-window", { count: p.outsideWindow })}` : line;
    }),
  );
  await port.send(event.chat.externalId, { text: [t("broadcast-list-header"), ...lines].join("\n") });
}

/** A stored deactivation reason in the reader's language. */
function reasonText(deps: BroadcastDeps, locale: Locale, reason: string | null): string {
  if (!reason) return deps.i18n.t(locale, "subscription-reason-unknown");
  const [kind, ...rest] = reason.split(":");
  const who = rest.join(":");
  if (kind === "unsubscribed") return deps.i18n.t(locale, "subscription-reason-unsubscribed", { name: who });
  if (kind === "removed") return deps.i18n.t(locale, "subscription-reason-removed", { name: who });
  return reason;
}

/** /subscriptions (admins): every subscribed chat with scope, fields, and state. */
export async function onSubscriptions(deps: BroadcastDeps, event: IncomingEvent, port: ChannelPort, actor: Actor): Promise<void> {
  const t = (id: string, a?: Record<string, string | number>) => deps.i18n.t(actor.locale, id, a);
  if (!isAdmin(await scopesOf(deps.db, actor.id))) return void (await port.send(event.chat.externalId, { text: t("subscription-admins-only") }));
  // Residents' own subscriptions are counted, never listed: a private chat names a person.
  const personal = await deps.db.subscription.count({ where: { active: true, chat: { kind: "PRIVATE" } } });
  const subs = await deps.db.subscription.findMany({
    where: { chat: { kind: { not: "PRIVATE" } } },
    include: { chat: true, unitScope: true, fields: { include: { field: true }, orderBy: { field: { number: "asc" } } } },
    orderBy: [{ active: "desc" }, { id: "asc" }],
    take: 50,
  });
  const personalLine = personal > 0 ? [t("subscription-list-personal", { count: personal })] : [];
  if (subs.length === 0) return void (await port.send(event.chat.externalId, { text: [t("subscription-list-empty"), ...personalLine].join("\n") }));
  const lines = subs.map((s) =>
    t(s.active ? "subscription-list-item-active" : "subscription-list-item-inactive", {
      chat: s.chat.title ?? (s.chat.username ? `@${s.chat.username}` : s.chat.externalId),
      kind: t(`subscription-kind-${s.chat.kind}`),
      scope: s.unitScope?.name ?? t("subscription-scope-all"),
      fields: s.fields.length === 0 ? t("subscription-fields-all") : s.fields.map((f) => String(f.field.number)).join(", "),
      reason: reasonText(deps, actor.locale, s.deactivationReason),
      since: s.deactivatedAt ? formatLocalDateTime(s.deactivatedAt, deps.timeZone) : "",
    }),
  );
  await port.send(event.chat.externalId, { text: [t("subscription-list-header", { count: subs.length }), ...lines, ...personalLine].join("\n") });
}
