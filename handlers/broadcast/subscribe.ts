// Subscribing a group or channel to the weekly digest: /subscribe by one of the chat's admins
// (asked of the channel at that moment), then buttons for the unit scope (browse the tree or
// type a code or name) and the fields, then confirm. A channel's posts carry no sender, so a
// channel is set up from a private chat: /subscribe @channel. The choices in progress live in
// the Conversation table, so a restart between two presses loses nothing.
import { z } from "zod";
import { choicePayload, choicePrefixes } from "../../core/channel/choice-payloads";
import type { ChannelPort, ChatType, Choice, Choices, IncomingEvent, MemberStatus } from "../../core/channel/port";
import type { ChatKind } from "../../core/db/generated/sqlite/enums";
import type { Locale } from "../../core/i18n";
import { foldText } from "../../core/text/fold";
import type { Actor } from "../review/decisions";
import type { BroadcastDeps } from "./deps";
import { shortenText } from "../../core/text/cut";

// === State

const setupState = z.object({
  flow: z.literal("subscription"),
  step: z.enum(["scope", "unit-search", "fields"]),
  data: z.object({
    /** The group or channel being subscribed (its external id). */
    target: z.string(),
    targetKind: z.enum(["GROUP", "SUPERGROUP", "CHANNEL"]),
    targetTitle: z.string().nullable(),
    targetUsername: z.string().nullable(),
    /** Where the set-up message is (the group itself, or the admin's private chat for a channel). */
    replyChat: z.string(),
    messageId: z.string().nullable(),
    unitScopeId: z.number().int().nullable(),
    browseUnitId: z.number().int().nullable(),
    fieldIds: z.array(z.number().int()),
  }),
});

/** A subscription being set up. */
export type SetupState = z.infer<typeof setupState>;

/** The set-up a person has open, or null (an unreadable or unrelated row counts as none). */
export async function openSetup(deps: BroadcastDeps, personId: number): Promise<SetupState | null> {
  const row = await deps.db.conversation.findUnique({ where: { personId } });
  if (!row || row.flow !== "subscription") return null;
  const parsed = setupState.safeParse({ flow: row.flow, step: row.step, data: row.data });
  return parsed.success ? parsed.data : null;
}

async function saveSetup(deps: BroadcastDeps, personId: number, state: SetupState): Promise<void> {
  const data = { flow: state.flow, step: state.step, data: state.data };
  await deps.db.conversation.upsert({ where: { personId }, create: { personId, ...data }, update: data });
}

async function clearSetup(deps: BroadcastDeps, personId: number): Promise<void> {
  await deps.db.conversation.deleteMany({ where: { personId, flow: "subscription" } });
}

// === Permissions

const adminStatuses: ReadonlySet<MemberStatus> = new Set(["creator", "administrator"]);

/** Whether `userId` administers the chat right now; false when the channel cannot tell. */
export async function isChatAdmin(port: ChannelPort, chatId: string, userId: string): Promise<boolean> {
  if (!port.memberStatus) return false;
  try {
    return adminStatuses.has(await port.memberStatus(chatId, userId));
  } catch {
    return false;
  }
}

function chatKindOf(type: ChatType | undefined): "GROUP" | "SUPERGROUP" | "CHANNEL" {
  return type === "supergroup" ? "SUPERGROUP" : type === "channel" ? "CHANNEL" : "GROUP";
}

// === Screens

const payload = (...parts: (string | number)[]) => choicePayload("subscriptionSetup", ...parts);

async function scopeName(deps: BroadcastDeps, locale: Locale, unitId: number | null): Promise<string> {
  if (unitId === null) return deps.i18n.t(locale, "subscription-scope-all");
  return (await deps.db.unit.findUnique({ where: { id: unitId } }))?.name ?? deps.i18n.t(locale, "subscription-scope-all");
}

async function fieldsText(deps: BroadcastDeps, locale: Locale, fieldIds: number[]): Promise<string> {
  if (fieldIds.length === 0) return deps.i18n.t(locale, "subscription-fields-all");
  const fields = await deps.db.field.findMany({ where: { id: { in: fieldIds } }, orderBy: { number: "asc" } });
  return fields.map((f) => (locale === "vi" ? f.nameVi : f.nameEn)).join("; ");
}

function label(text: string): string {
  return shortenText(text, 40);
}

/** The scope screen: the current choice, the units under the one being browsed, and the ways on. */
async function scopeScreen(deps: BroadcastDeps, locale: Locale, state: SetupState): Promise<{ text: string; choices: Choices }> {
  const t = (id: string, args?: Record<string, string | number>) => deps.i18n.t(locale, id, args);
  const browse = state.data.browseUnitId;
  const current = browse === null ? null : await deps.db.unit.findUnique({ where: { id: browse } });
  const children = await deps.db.unit.findMany({ where: { parentId: current?.id ?? null, active: true }, orderBy: { code: "asc" }, take: 16 });
  const rows: Choices = [[{ label: t("subscription-button-all-units"), payload: payload("s", 0) }]];
  if (current) rows.push([{ label: label(t("subscription-button-choose", { unit: current.name })), payload: payload("s", current.id) }]);
  for (let i = 0; i < children.length; i += 2) {
    rows.push(children.slice(i, i + 2).map((u): Choice => ({ label: label(`📂 ${u.name}`), payload: payload("b", u.id) })));
  }
  const nav: Choice[] = [];
  if (current) nav.push({ label: t("subscription-button-up"), payload: payload("b", current.parentId ?? 0) });
  nav.push({ label: t("subscription-button-type"), payload: payload("t") });
  rows.push(nav);
  rows.push([{ label: t("subscription-button-fields"), payload: payload("f") }, { label: t("subscription-button-cancel"), payload: payload("x") }]);
  const text = t("subscription-scope-screen", {
    chat: state.data.targetTitle ?? state.data.target,
    scope: await scopeName(deps, locale, state.data.unitScopeId),
    browsing: current?.name ?? t("subscription-scope-all"),
  });
  return { text, choices: rows };
}

/** The fields screen: the 14 fields as toggles (none chosen means all). */
async function fieldsScreen(deps: BroadcastDeps, locale: Locale, state: SetupState): Promise<{ text: string; choices: Choices }> {
  const t = (id: string, args?: Record<string, string | number>) => deps.i18n.t(locale, id, args);
  const fields = await deps.db.field.findMany({ where: { active: true }, orderBy: { number: "asc" } });
  const chosen = new Set(state.data.fieldIds);
  const rows: Choices = [[{ label: `${chosen.size === 0 ? "✅ " : ""}${t("subscription-fields-all")}`, payload: payload("ga") }]];
  for (let i = 0; i < fields.length; i += 2) {
    rows.push(
      fields.slice(i, i + 2).map((f): Choice => ({
        label: label(`${chosen.has(f.id) ? "✅" : "▫️"} ${f.number}. ${locale === "vi" ? f.nameVi : f.nameEn}`),
        payload: payload("g", f.id),
      })),
    );
  }
  rows.push([{ label: t("subscription-button-scope"), payload: payload("p") }, { label: t("subscription-button-confirm"), payload: payload("ok") }]);
  rows.push([{ label: t("subscription-button-cancel"), payload: payload("x") }]);
  const text = t("subscription-fields-screen", {
    chat: state.data.targetTitle ?? state.data.target,
    scope: await scopeName(deps, locale, state.data.unitScopeId),
    fields: await fieldsText(deps, locale, state.data.fieldIds),
  });
  return { text, choices: rows };
}

/** Shows the screen of the current step: edits the set-up message, or sends it the first time. */
async function show(deps: BroadcastDeps, port: ChannelPort, actor: Actor, state: SetupState): Promise<void> {
  const screen = state.step === "fields" ? await fieldsScreen(deps, actor.locale, state) : await scopeScreen(deps, actor.locale, state);
  if (state.data.messageId) {
    await port.edit(state.data.replyChat, state.data.messageId, screen);
  } else {
    state.data.messageId = await port.send(state.data.replyChat, screen);
  }
  await saveSetup(deps, actor.id, state);
}

// === Commands

/** /subscribe in a group, or /subscribe @channel in private. */
export async function onSubscribe(deps: BroadcastDeps, event: IncomingEvent, args: string, port: ChannelPort, actor: Actor): Promise<void> {
  const t = (id: string, args?: Record<string, string | number>) => deps.i18n.t(actor.locale, id, args);
  const reply = (text: string) => port.send(event.chat.externalId, { text });
  if (!port.memberStatus) return void (await reply(t("subscription-unsupported")));
  if (event.chat.kind === "group") {
    if (!(await isChatAdmin(port, event.chat.externalId, event.from.externalId))) return void (await reply(t("subscription-not-admin")));
    // Zalo's messages do not carry the group's name: ask the channel, so the group is named, not numbered.
    const title = event.chat.title ?? (await port.chatInfo?.(event.chat.externalId))?.title ?? null;
    const state = newSetup({ target: event.chat.externalId, targetKind: chatKindOf(event.chat.type), targetTitle: title, targetUsername: event.chat.username ?? null }, event.chat.externalId);
    return show(deps, port, actor, state);
  }
  const handle = args.trim().split(/\s+/)[0] ?? "";
  if (!/^@[A-Za-z0-9_]{4,64}$/.test(handle)) return void (await reply(t("subscription-channel-usage")));
  const target = await channelTarget(deps, port, handle, event.from.externalId, actor.locale);
  if ("refusal" in target) return void (await reply(target.refusal));
  const state = newSetup({ target: target.externalId, targetKind: "CHANNEL", targetTitle: target.title ?? null, targetUsername: target.username ?? null }, event.chat.externalId);
  return show(deps, port, actor, state);
}

/** A channel the person administers and the bot may post in; otherwise the explanation why not. */
async function channelTarget(deps: BroadcastDeps, port: ChannelPort, handle: string, userId: string, locale: Locale) {
  const t = (id: string, args?: Record<string, string | number>) => deps.i18n.t(locale, id, args);
  const info = await port.chatInfo?.(handle);
  if (!info) return { refusal: t("subscription-channel-not-found", { channel: handle }) };
  if (info.type !== "channel") return { refusal: t("subscription-channel-not-channel", { channel: handle }) };
  const botStatus = await port.botStatus?.(info.externalId).catch(() => "left" as const);
  if (!botStatus || !adminStatuses.has(botStatus)) return { refusal: t("subscription-channel-bot-not-admin", { channel: handle }) };
  if (!(await isChatAdmin(port, info.externalId, userId))) return { refusal: t("subscription-channel-not-admin", { channel: handle }) };
  return info;
}

/** /unsubscribe in a group, or /unsubscribe @channel in private, by an admin of that chat. */
export async function onUnsubscribe(deps: BroadcastDeps, event: IncomingEvent, args: string, port: ChannelPort, actor: Actor): Promise<void> {
  const t = (id: string, a?: Record<string, string | number>) => deps.i18n.t(actor.locale, id, a);
  const reply = (text: string) => port.send(event.chat.externalId, { text });
  let target = event.chat.externalId;
  if (event.chat.kind === "group") {
    if (!(await isChatAdmin(port, target, event.from.externalId))) return void (await reply(t("subscription-not-admin")));
  } else {
    const handle = args.trim().split(/\s+/)[0] ?? "";
    if (!/^@[A-Za-z0-9_]{4,64}$/.test(handle)) return void (await reply(t("subscription-unsubscribe-usage")));
    const info = await port.chatInfo?.(handle);
    if (!info || !(await isChatAdmin(port, info.externalId, event.from.externalId))) {
      return void (await reply(t("subscription-channel-not-admin", { channel: handle })));
    }
    target = info.externalId;
  }
  const chat = await deps.db.chat.findUnique({ where: { channel_externalId: { channel: event.from.channel, externalId: target } } });
  const { count } = chat
    ? await deps.db.subscription.updateMany({
        where: { chatId: chat.id, active: true },
        data: { active: false, deactivatedAt: deps.now(), deactivationReason: `unsubscribed:${actor.displayName}` },
      })
    : { count: 0 };
  deps.log.info({ chat: target, by: actor.id, stopped: count }, "subscription ended by an admin");
  await reply(t(count > 0 ? "subscription-ended" : "subscription-none"));
}

// === Buttons and typed units

/** A press of a set-up button (`sb:...`). Only the admin who started the set-up may press. */
export async function onSetupButton(deps: BroadcastDeps, event: IncomingEvent & { input: { kind: "choice" } }, port: ChannelPort, actor: Actor): Promise<void> {
  const t = (id: string, a?: Record<string, string | number>) => deps.i18n.t(actor.locale, id, a);
  const { input } = event;
  const state = await openSetup(deps, actor.id);
  if (!state || state.data.replyChat !== event.chat.externalId || state.data.messageId !== input.messageId) {
    return port.answerChoice(input.answerId, { text: t("subscription-not-yours"), alert: true });
  }
  const [action, rawArg] = input.payload.slice(choicePrefixes.subscriptionSetup.length).split(":");
  const arg = Number(rawArg ?? "0");
  if (!Number.isSafeInteger(arg) || arg < 0) return port.answerChoice(input.answerId, { text: t("subscription-invalid") });
  switch (action) {
    case "b": {
      const unit = arg === 0 ? null : await deps.db.unit.findUnique({ where: { id: arg } });
      if (arg !== 0 && !unit) return port.answerChoice(input.answerId, { text: t("subscription-invalid") });
      state.step = "scope";
      state.data.browseUnitId = unit?.id ?? null;
      break;
    }
    case "s": {
      const unit = arg === 0 ? null : await deps.db.unit.findUnique({ where: { id: arg } });
      if (arg !== 0 && !unit) return port.answerChoice(input.answerId, { text: t("subscription-invalid") });
      state.data.unitScopeId = unit?.id ?? null;
      state.step = "fields";
      break;
    }
    case "t":
      state.step = "unit-search";
      await saveSetup(deps, actor.id, state);
      await port.answerChoice(input.answerId);
      return void (await port.send(event.chat.externalId, { text: t("subscription-type-unit") }));
    case "f":
      state.step = "fields";
      break;
    case "p":
      state.step = "scope";
      break;
    case "ga":
      state.data.fieldIds = [];
      break;
    case "g": {
      const field = await deps.db.field.findUnique({ where: { id: arg } });
      if (!field) return port.answerChoice(input.answerId, { text: t("subscription-invalid") });
      const chosen = new Set(state.data.fieldIds);
      if (chosen.has(field.id)) chosen.delete(field.id);
      else chosen.add(field.id);
      state.data.fieldIds = [...chosen].sort((a, b) => a - b);
      break;
    }
    case "ok":
      await port.answerChoice(input.answerId);
      return confirm(deps, event, port, actor, state);
    case "x":
      await clearSetup(deps, actor.id);
      await port.answerChoice(input.answerId);
      return port.edit(event.chat.externalId, input.messageId, { text: t("subscription-cancelled") });
    default:
      return port.answerChoice(input.answerId, { text: t("subscription-invalid") });
  }
  await port.answerChoice(input.answerId);
  await show(deps, port, actor, state);
}

/** The unit a typed code names, or up to 8 whose names hold the typed words (accents optional). */
export async function matchUnits(deps: BroadcastDeps, typed: string) {
  const byCode = await deps.db.unit.findUnique({ where: { code: typed.toUpperCase() } });
  if (byCode) return [byCode];
  const wanted = foldText(typed);
  return (await deps.db.unit.findMany({ where: { active: true }, orderBy: { code: "asc" } })).filter((u) => foldText(u.name).includes(wanted)).slice(0, 8);
}

/** A typed unit code or name while the set-up waits for one; false when it was not for us. */
export async function onSetupText(deps: BroadcastDeps, event: IncomingEvent, text: string, port: ChannelPort, actor: Actor, state: SetupState): Promise<boolean> {
  if (state.step !== "unit-search" || state.data.replyChat !== event.chat.externalId) return false;
  const t = (id: string, a?: Record<string, string | number>) => deps.i18n.t(actor.locale, id, a);
  const typed = text.trim();
  const matches = await matchUnits(deps, typed);
  if (matches.length === 0) {
    await port.send(event.chat.externalId, { text: t("subscription-unit-not-found", { text: typed }) });
    return true;
  }
  if (matches.length === 1) {
    state.data.unitScopeId = matches[0]!.id;
    state.step = "fields";
    state.data.messageId = null;
    await show(deps, port, actor, state);
    return true;
  }
  state.step = "scope";
  state.data.messageId = await port.send(event.chat.externalId, {
    text: t("subscription-unit-pick", { text: typed }),
    choices: matches.map((u) => [{ label: label(`${u.name} (${u.code})`), payload: payload("s", u.id) }]),
  });
  await saveSetup(deps, actor.id, state);
  return true;
}

/** Saves the subscription, after asking the channel once more that the person is still an admin. */
async function confirm(deps: BroadcastDeps, event: IncomingEvent, port: ChannelPort, actor: Actor, state: SetupState): Promise<void> {
  const t = (id: string, a?: Record<string, string | number>) => deps.i18n.t(actor.locale, id, a);
  const { data } = state;
  if (!(await isChatAdmin(port, data.target, event.from.externalId))) {
    await clearSetup(deps, actor.id);
    return port.edit(data.replyChat, data.messageId!, { text: t("subscription-not-admin") });
  }
  const channel = event.from.channel;
  const kind: ChatKind = data.targetKind;
  const chat = await deps.db.chat.upsert({
    where: { channel_externalId: { channel, externalId: data.target } },
    create: { channel, externalId: data.target, kind, title: data.targetTitle, username: data.targetUsername },
    update: { kind, title: data.targetTitle, username: data.targetUsername },
  });
  await deps.db.$transaction(async (tx) => {
    const sub = await tx.subscription.upsert({
      where: { chatId: chat.id },
      create: { chatId: chat.id, unitScopeId: data.unitScopeId, addedById: actor.id },
      update: { unitScopeId: data.unitScopeId, addedById: actor.id, active: true, deactivatedAt: null, deactivationReason: null },
    });
    await tx.subscriptionField.deleteMany({ where: { subscriptionId: sub.id } });
    if (data.fieldIds.length > 0) await tx.subscriptionField.createMany({ data: data.fieldIds.map((fieldId) => ({ subscriptionId: sub.id, fieldId })) });
    await tx.conversation.deleteMany({ where: { personId: actor.id, flow: "subscription" } });
  });
  deps.log.info({ chat: data.target, unitScopeId: data.unitScopeId, fields: data.fieldIds, by: actor.id }, "chat subscribed");
  await port.edit(data.replyChat, data.messageId!, {
    text: t("subscription-saved", {
      chat: data.targetTitle ?? data.target,
      scope: await scopeName(deps, actor.locale, data.unitScopeId),
      fields: await fieldsText(deps, actor.locale, data.fieldIds),
    }),
  });
}

/** A subscription set-up at its first step, for the chat `target` answered in `replyChat`. */
function newSetup(
  target: Pick<SetupState["data"], "target" | "targetKind" | "targetTitle" | "targetUsername">,
  replyChat: string,
): SetupState {
  return {
    flow: "subscription",
    step: "scope",
    data: { ...target, replyChat, messageId: null, unitScopeId: null, browseUnitId: null, fieldIds: [] },
  };
}
