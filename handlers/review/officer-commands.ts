// Commands of admins and officers: appointing reviewers, binding review groups, what waits,
// and the timeline of a nomination.
import { formatLocalDate, formatLocalDateTime } from "../../core/calendar/zoned-time";
import { choicePayload } from "../../core/channel/choice-payloads";
import type { ChannelPort, IncomingEvent } from "../../core/channel/port";
import type { Db } from "../../core/db/client";
import type { Channel, Role } from "../../core/db/generated/sqlite/enums";
import { grantRole, listOfficers, revokeRole } from "../../core/review/officers";
import { refreshRoleMenu } from "./role-menus";
import { countPendingForOfficer, nominationHistory, pendingForOfficer } from "../../core/review/queries";
import { covers, isAdmin, scopesOf } from "../../core/review/scope";
import { textLimit, visibleLength } from "../../core/digest/compose";
import type { CommandOf } from "../commands";
import type { Actor } from "./decisions";
import type { ReviewDeps } from "./deps";
import { cutText } from "../../core/text/cut";

/** Finds the person an admin names: a numeric user id (created if new) or an @username seen before. */
async function personNamed(db: Db, channel: Channel, who: string) {
  if (/^\d{1,20}$/.test(who)) {
    const identity = await db.channelIdentity.findUnique({ where: { channel_externalId: { channel, externalId: who } }, include: { person: true } });
    if (identity) return identity.person;
    return db.person.create({ data: { displayName: `#${who}`, identities: { create: { channel, externalId: who } } } });
  }
  const username = who.replace(/^@/, "");
  const identity = await db.channelIdentity.findFirst({ where: { channel, username }, include: { person: true } });
  return identity?.person ?? null;
}

// === Commands

type OfficerCommand = CommandOf<"review">;

/** What every officer command works with. */
interface CommandContext {
  deps: ReviewDeps;
  event: IncomingEvent & { input: { kind: "command" } };
  actor: Actor;
  scopes: Awaited<ReturnType<typeof scopesOf>>;
  args: string[];
  t(id: string, args?: Record<string, string | number>): string;
  reply(text: string, choices?: { label: string; payload: string }[][]): Promise<unknown>;
}

/** A role in words: "cán bộ thi đua xã X", "Hội đồng". */
async function roleText(c: CommandContext, role: Role, unitId: number | null): Promise<string> {
  const unit = unitId ? await c.deps.db.unit.findUnique({ where: { id: unitId } }) : null;
  return c.t(`review-role-${role}`, { unit: role === "UNIT_OFFICER" ? (unit?.name ?? "") : unit ? ` (${unit.name})` : "" });
}

/** Reads "<unit code | council>" into a role and unit; replies and returns null if unknown. */
async function roleTarget(c: CommandContext, arg: string | undefined): Promise<{ role: Role; unitId: number | null } | null> {
  if (!arg) return null;
  if (/^(council|hoidong)$/i.test(arg)) return { role: "COUNCIL_OFFICER", unitId: null };
  const unit = await c.deps.db.unit.findUnique({ where: { code: arg.toUpperCase() } });
  if (unit) return { role: "UNIT_OFFICER", unitId: unit.id };
  const examples = (await c.deps.db.unit.findMany({ take: 3, orderBy: { id: "asc" } })).map((u) => u.code).join(", ");
  await c.reply(c.t("review-unknown-unit", { code: arg, examples }));
  return null;
}

/** /officer_add and /officer_remove: an admin appoints or removes a reviewer. */
async function appointOfficer(c: CommandContext, command: "officer_add" | "officer_remove"): Promise<void> {
  const { deps, t, reply } = c;
  if (!isAdmin(c.scopes)) return void (await reply(t("review-admin-only")));
  const [who, unitArg] = c.args;
  if (!who || !unitArg) return void (await reply(t(command === "officer_add" ? "review-officer-add-usage" : "review-officer-remove-usage")));
  const target = await roleTarget(c, unitArg);
  if (!target) return;
  const person = await personNamed(deps.db, c.event.from.channel, who);
  if (!person) return void (await reply(t("review-unknown-person", { who })));
  const role = await roleText(c, target.role, target.unitId);
  if (command === "officer_add") {
    await grantRole(deps.db, { personId: person.id, ...target, grantedById: c.actor.id });
    deps.log.info({ personId: person.id, ...target, by: c.actor.id }, "officer added");
    await refreshRoleMenu(deps, person.id);
    return void (await reply(t("review-officer-added", { name: person.displayName, role })));
  }
  const removed = await revokeRole(deps.db, { personId: person.id, ...target });
  if (removed > 0) await refreshRoleMenu(deps, person.id);
  deps.log.info({ personId: person.id, ...target, by: c.actor.id, removed }, "officer removed");
  await reply(t(removed > 0 ? "review-officer-removed" : "review-officer-not-held", { name: person.displayName, role }));
}

/** /officers: the list of reviewers. */
async function listReviewers(c: CommandContext): Promise<void> {
  const { t, reply } = c;
  if (!isAdmin(c.scopes)) return void (await reply(t("review-admin-only")));
  const officers = await listOfficers(c.deps.db);
  if (officers.length === 0) return void (await reply(t("review-officers-empty")));
  const lines = await Promise.all(officers.map(async (o) => t("review-officers-item", { name: o.person.displayName, role: await roleText(c, o.role, o.unitId) })));
  await reply([t("review-officers-header"), ...lines].join("\n"));
}

/** /reviewgroup: binds the group it is sent in to a unit's (or the council's) review. */
async function bindReviewGroup(c: CommandContext): Promise<void> {
  const { deps, event, t, reply } = c;
  if (!isAdmin(c.scopes)) return void (await reply(t("review-admin-only")));
  if (event.chat.kind !== "group") return void (await reply(t("review-group-only")));
  const target = c.args[0] ? await roleTarget(c, c.args[0]) : { role: "COUNCIL_OFFICER" as const, unitId: null };
  if (!target) return;
  const chat = await deps.db.chat.upsert({
    where: { channel_externalId: { channel: event.from.channel, externalId: event.chat.externalId } },
    create: { channel: event.from.channel, externalId: event.chat.externalId, kind: "GROUP" },
    update: {},
  });
  await deps.db.reviewGroup.upsert({
    where: { chatId: chat.id },
    create: { chatId: chat.id, unitId: target.unitId, boundById: c.actor.id },
    update: { unitId: target.unitId, boundById: c.actor.id },
  });
  const unit = target.unitId ? await deps.db.unit.findUnique({ where: { id: target.unitId } }) : null;
  deps.log.info({ chat: event.chat.externalId, unitId: target.unitId, by: c.actor.id }, "review group bound");
  await reply(t("review-group-bound", { scope: unit?.name ?? t("review-scope-council") }));
}

/** /pending: what waits in the officer's scope, oldest first, with buttons to open the first ten. */
async function listPending(c: CommandContext): Promise<void> {
  const { deps, t, reply } = c;
  if (c.scopes.length === 0) return void (await reply(t("review-officers-only")));
  const waiting = await pendingForOfficer(deps.db, c.actor.id, deps.levels, 20, { includeOwn: deps.allowSelfReview });
  if (waiting.length === 0) return void (await reply(t("review-pending-empty")));
  const lines = waiting.map((n) =>
    t("review-pending-item", { code: n.code ?? "", name: n.nomineeName ?? "", unit: n.unit?.name ?? "", date: formatLocalDate(n.submittedAt ?? n.createdAt, deps.timeZone) }),
  );
  const buttons = waiting.slice(0, 10).map((n) => [{ label: t("review-pending-open", { code: n.code ?? "" }), payload: choicePayload("openCard", n.id) }]);
  const total = waiting.length < 20 ? waiting.length : await countPendingForOfficer(deps.db, c.actor.id, deps.levels, { includeOwn: deps.allowSelfReview });
  const rest = total > waiting.length ? [t("review-pending-more", { count: total - waiting.length, total })] : [];
  await reply([t("review-pending-header"), ...lines, ...rest].join("\n"), buttons);
}

/** /history <code>: the timeline of a nomination in the officer's scope. */
async function showHistory(c: CommandContext): Promise<void> {
  const { deps, t, reply, args } = c;
  if (c.scopes.length === 0) return void (await reply(t("review-officers-only")));
  if (!args[0]) return void (await reply(t("review-history-usage")));
  const n = await nominationHistory(deps.db, args.join(" "));
  // An officer reads the timelines of their own units only; admins and the council all.
  if (!n || !n.unit || !c.scopes.some((s) => covers(s, n.unit!.path))) return void (await reply(t("review-history-not-found", { code: args.join(" ") })));
  const lines = n.events.map((e) =>
    t("review-history-item", {
      time: formatLocalDateTime(e.createdAt, deps.timeZone),
      action: t(`review-action-${e.action}`),
      actor: e.actor?.displayName ?? t("review-history-system"),
      reason: e.reason ? `: ${e.reason.length > 3000 ? `${cutText(e.reason, 3000)}…` : e.reason}` : "",
    }),
  );
  // A long timeline (many rounds of questions and answers) goes as several messages.
  const messages: string[] = [t("review-history-header", { code: n.code ?? "", name: n.nomineeName ?? "" })];
  for (const line of lines) {
    const joined = `${messages[messages.length - 1]}\n${line}`;
    if (visibleLength(joined) <= textLimit) messages[messages.length - 1] = joined;
    else messages.push(line);
  }
  for (const text of messages) await reply(text);
}

const commandRuns: Record<OfficerCommand, (c: CommandContext) => Promise<void>> = {
  officer_add: (c) => appointOfficer(c, "officer_add"),
  officer_remove: (c) => appointOfficer(c, "officer_remove"),
  officers: listReviewers,
  reviewgroup: bindReviewGroup,
  pending: listPending,
  history: showHistory,
};

/** Runs an officer command, one of the registry's `review` commands. */
export async function runOfficerCommand(
  deps: ReviewDeps,
  command: OfficerCommand,
  event: IncomingEvent & { input: { kind: "command" } },
  port: ChannelPort,
  actor: Actor,
): Promise<void> {
  await commandRuns[command]({
    deps,
    event,
    actor,
    scopes: await scopesOf(deps.db, actor.id),
    args: event.input.args.split(/\s+/).filter(Boolean),
    t: (id, args) => deps.i18n.t(actor.locale, id, args),
    reply: (text, choices) => port.send(event.chat.externalId, { text, ...(choices ? { choices } : {}) }),
  });
}
