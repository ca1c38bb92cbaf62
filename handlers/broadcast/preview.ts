// The council's preview of the weekly digest, ahead of the send: the stories that will go out,
// a button per story to drop it (or take it back), and a button to hold the whole digest or,
// once held, to send it. Without action the digest goes out as planned.
import { formatLocalDateTime } from "../../core/calendar/zoned-time";
import { choicePayload, choicePrefixes } from "../../core/channel/choice-payloads";
import type { ChannelPort, Choices, IncomingEvent } from "../../core/channel/port";
import { enqueue, outboxKey } from "../../core/outbox/enqueue";
import { holdBroadcast, prepareBroadcast, previewItems, previewRecipients, setDropped } from "../../core/digest/preview";
import { sendBroadcast } from "../../core/digest/weekly";
import type { Locale } from "../../core/i18n";
import { scopesOf } from "../../core/review/scope";
import type { Actor } from "../review/decisions";
import type { BroadcastDeps } from "./deps";
import type { ProgressFollower } from "./progress";
import { cutText } from "../../core/text/cut";

/** Stories listed with a button each; Telegram keyboards stay usable up to about this many. */
const maxListed = 30;

/** The preview of a run: its text and buttons as they are now. */
export async function previewMessage(deps: BroadcastDeps, locale: Locale, broadcastId: number): Promise<{ text: string; choices?: Choices }> {
  const t = (id: string, a?: Record<string, string | number>) => deps.i18n.t(locale, id, a);
  const broadcast = await deps.db.broadcast.findUniqueOrThrow({ where: { id: broadcastId } });
  const items = (await previewItems(deps.db, broadcastId)).slice(0, maxListed);
  const chats = await deps.db.subscription.count({ where: { active: true } });
  const lines = items.map((item, i) =>
    t(item.dropped ? "broadcast-preview-item-dropped" : "broadcast-preview-item", { n: i + 1, name: item.nomineeName, unit: item.unitName, code: item.code ?? "" }),
  );
  const state = broadcast.status === "PLANNED" ? "planned" : broadcast.status === "HELD" ? "held" : "sent";
  const text = [
    t("broadcast-preview-header", { id: broadcastId, time: formatLocalDateTime(broadcast.scheduledFor, deps.timeZone), chats, count: items.filter((i) => !i.dropped).length }),
    ...(lines.length > 0 ? lines : [t("broadcast-preview-empty")]),
    t(`broadcast-preview-state-${state}`),
  ].join("\n");
  if (state === "sent") return { text };
  const choices: Choices = items.map((item, i) => [
    item.dropped
      ? { label: cutText(t("broadcast-preview-keep", { n: i + 1, name: item.nomineeName }), 64), payload: choicePayload("broadcastPreview", "k", broadcastId, item.nominationId) }
      : { label: cutText(t("broadcast-preview-drop", { n: i + 1, name: item.nomineeName }), 64), payload: choicePayload("broadcastPreview", "d", broadcastId, item.nominationId) },
  ]);
  choices.push(
    state === "planned"
      ? [{ label: t("broadcast-preview-hold"), payload: choicePayload("broadcastPreview", "h", broadcastId) }]
      : [{ label: t("broadcast-preview-release"), payload: choicePayload("broadcastPreview", "r", broadcastId) }],
  );
  return { text, choices };
}

/**
 * The preview job, as of `now`: prepares the open run (stories chosen now, the officers'
 * drops kept) and queues its preview to the council, once per run and chat.
 */
export async function sendPreview(deps: BroadcastDeps, now: Date, scheduledFor: Date): Promise<number> {
  // `now` names the tick (logged); the preview itself leaves at once.
  const broadcast = await prepareBroadcast(deps.db, { kind: "WEEKLY_DIGEST", scheduledFor });
  const items = await previewItems(deps.db, broadcast.id);
  if (items.length === 0) return 0;
  const message = await previewMessage(deps, deps.digestLocale, broadcast.id);
  let queued = 0;
  for (const to of await previewRecipients(deps.db)) {
    const { created } = await enqueue(deps.db, {
      idempotencyKey: outboxKey("preview", broadcast.id, "chat", to.channel, to.externalId),
      chat: to,
      kind: "digest-preview",
      payload: { type: "text", html: message.text, ...(message.choices ? { choices: message.choices.map((row) => row.map((c) => ({ label: c.label, data: c.payload }))) } : {}) },
    });
    if (created) queued++;
  }
  deps.log.info({ broadcastId: broadcast.id, stories: items.length, queued, at: now.toISOString() }, "digest preview queued");
  if (queued > 0) deps.wakeOutbox();
  return queued;
}

/** A press on a preview button; only council officers and admins may. */
export async function onPreviewButton(
  deps: BroadcastDeps,
  event: IncomingEvent & { input: { kind: "choice" } },
  port: ChannelPort,
  actor: Actor,
  progress: ProgressFollower,
): Promise<void> {
  const t = (id: string, a?: Record<string, string | number>) => deps.i18n.t(actor.locale, id, a);
  const { input } = event;
  const scopes = await scopesOf(deps.db, actor.id);
  if (!scopes.some((s) => s.role === "ADMIN" || s.role === "COUNCIL_OFFICER")) {
    return port.answerChoice(input.answerId, { text: t("broadcast-council-only"), alert: true });
  }
  const match = /^([dkhr]):(\d{1,9})(?::(\d{1,9}))?$/.exec(input.payload.slice(choicePrefixes.broadcastPreview.length));
  if (!match) return port.answerChoice(input.answerId, { text: t("broadcast-invalid"), alert: true });
  const [, action, rawBroadcast, rawNomination] = match;
  const broadcastId = Number(rawBroadcast);
  let ok: boolean;
  switch (action) {
    case "d":
    case "k":
      ok = rawNomination !== undefined && (await setDropped(deps.db, broadcastId, Number(rawNomination), action === "d"));
      break;
    case "h":
      ok = await holdBroadcast(deps.db, broadcastId);
      break;
    default: {
      const plan = await sendBroadcast(deps.db, broadcastId, deps.now(), { i18n: deps.i18n, locale: deps.digestLocale, nominateLink: deps.nominateLink, publicBaseUrl: deps.publicBaseUrl });
      ok = plan !== null;
      if (plan) {
        deps.log.info({ by: actor.id, ...plan }, "held digest released");
        deps.wakeOutbox();
        const messageId = await port.send(event.chat.externalId, { text: t("broadcast-started", { id: broadcastId, chats: plan.chats, parts: plan.parts }) });
        progress.follow(port, event.chat.externalId, messageId, broadcastId, actor.locale);
      }
    }
  }
  if (ok && action !== "r") deps.log.info({ broadcastId, action, nomination: rawNomination, by: actor.id }, "digest preview changed");
  await port.answerChoice(input.answerId, ok ? undefined : { text: t("broadcast-preview-stale"), alert: true });
  await port.edit(event.chat.externalId, input.messageId, await previewMessage(deps, deps.digestLocale, broadcastId));
}
