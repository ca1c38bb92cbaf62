// A resident's own subscription to the weekly stories: /nhanbantin (/getdigest) in their
// private chat, optionally naming a unit to hear only of it, and /ngungnhan (/stopdigest) to
// stop. It is an ordinary Subscription of their private Chat, so the digest planner serves
// it as it serves a group, in the resident's language.
import type { ChannelPort, IncomingEvent } from "../../core/channel/port";
import type { Actor } from "../review/decisions";
import type { BroadcastDeps } from "./deps";
import { matchUnits } from "./subscribe";

type Reply = (id: string, args?: Record<string, string | number>) => Promise<string>;

function replier(deps: BroadcastDeps, event: IncomingEvent, port: ChannelPort, actor: Actor): Reply {
  return (id, args) => port.send(event.chat.externalId, { text: deps.i18n.t(actor.locale, id, args) });
}

/** The unit a resident named after /nhanbantin: null for all of them, or the reason it was not found. */
async function scopeFromArgs(deps: BroadcastDeps, args: string, reply: Reply): Promise<{ unitId: number | null; name: string | null } | undefined> {
  const typed = args.trim();
  if (typed === "") return { unitId: null, name: null };
  const matches = await matchUnits(deps, typed);
  if (matches.length === 1) return { unitId: matches[0]!.id, name: matches[0]!.name };
  if (matches.length === 0) await reply("personal-digest-unit-not-found", { text: typed });
  else await reply("personal-digest-unit-pick", { text: typed, units: matches.map((u) => `• ${u.name} (${u.code})`).join("\n") });
  return undefined;
}

/** /nhanbantin [unit]: subscribes the resident's private chat (again, with a new scope, if it was). */
export async function onPersonalSubscribe(deps: BroadcastDeps, event: IncomingEvent, args: string, port: ChannelPort, actor: Actor): Promise<void> {
  const reply = replier(deps, event, port, actor);
  if (event.chat.kind !== "private") return void (await reply("personal-digest-private-only"));
  const scope = await scopeFromArgs(deps, args, reply);
  if (!scope) return;
  const { channel } = event.from;
  const externalId = event.chat.externalId;
  // A private chat carries no title: nothing personal is stored with the subscription.
  const chat = await deps.db.chat.upsert({
    where: { channel_externalId: { channel, externalId } },
    create: { channel, externalId, kind: "PRIVATE" },
    update: {},
  });
  await deps.db.$transaction(async (tx) => {
    const sub = await tx.subscription.upsert({
      where: { chatId: chat.id },
      create: { chatId: chat.id, unitScopeId: scope.unitId, addedById: actor.id },
      update: { unitScopeId: scope.unitId, addedById: actor.id, active: true, deactivatedAt: null, deactivationReason: null },
    });
    await tx.subscriptionField.deleteMany({ where: { subscriptionId: sub.id } });
  });
  deps.log.info({ personId: actor.id, channel, unitScopeId: scope.unitId }, "resident subscribed to the digest");
  const scopeName = scope.name ?? deps.i18n.t(actor.locale, "subscription-scope-all");
  const windowDays = port.capabilities.replyWindowDays;
  const saved = deps.i18n.t(actor.locale, "personal-digest-on", { scope: scopeName });
  const note = windowDays ? `\n\n${deps.i18n.t(actor.locale, "personal-digest-window", { days: windowDays })}` : "";
  await port.send(event.chat.externalId, { text: saved + note });
}

/** /ngungnhan: stops the resident's own subscription. */
export async function onPersonalUnsubscribe(deps: BroadcastDeps, event: IncomingEvent, port: ChannelPort, actor: Actor): Promise<void> {
  const reply = replier(deps, event, port, actor);
  if (event.chat.kind !== "private") return void (await reply("personal-digest-private-only"));
  const chat = await deps.db.chat.findUnique({ where: { channel_externalId: { channel: event.from.channel, externalId: event.chat.externalId } } });
  const { count } = chat
    ? await deps.db.subscription.updateMany({
        where: { chatId: chat.id, active: true },
        data: { active: false, deactivatedAt: deps.now(), deactivationReason: "resident-stopped" },
      })
    : { count: 0 };
  deps.log.info({ personId: actor.id, stopped: count }, "resident's digest subscription ended");
  await reply(count > 0 ? "personal-digest-off" : "personal-digest-none");
}
