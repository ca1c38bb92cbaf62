// Commands of admins and officers: appointing reviewers, binding review groups, what waits,
// and the timeline of a nomination.
import { formatLocalDate, formatLocalDateTime } from "../../core/calendar/zoned-time";
import { choicePayload } from "../../core/channel/choice-payloads";
import type { ChannelPort, IncomingEvent } from "../../core/channel/port";
import type { Db } from "../../core/db/client";
import type { Role } from "../../core/db/generated/sqlite/enums";
import { grantRole, listOfficers, revokeRole } from "../../core/review/officers";
import { countPendingForOfficer, nominationHistory, pendingForOfficer } from "../../core/review/queries";
import { covers, isAdmin, scopesOf } from "../../core/review/scope";
import { textLimit, visibleLength } from "../../core/digest/compose";
import type { Actor } from "./decisions";
import type { ReviewDeps } from "./deps";

/** Officer commands and their Vietnamese aliases. */
export const officerCommands: Record<string, "officer_add" | "officer_remove" | "officers" | "reviewgroup" | "pending" | "history"> = {
  officer_add: "officer_add",
  officer_remove: "officer_remove",
  officers: "officers",
  reviewgroup: "reviewgroup",
  nhomduyet: "reviewgroup",
  pending: "pending",
  choduyet: "pending",
  history: "history",
  lichsu: "history",
};

/** Finds the person an admin names: a numeric user id (created if new) or an @username seen before. */
async function personNamed(db: Db, channel: "TELEGRAM" | "ZALO", who: string) {
  if (/^\d{1,20}$/.test(who)) {
    const identity = await db.channelIdentity.findUnique({ where: { channel_externalId: { channel, externalId: who } }, include: { person: true } });
    if (identity) return identity.person;
    return db.person.create({ data: { displayName: `#${who}`, identities: { create: { channel, externalId: who } } } });
  }
  const username = who.replace(/^@/, "");
  const identity = await db.channelIdentity.findFirst({ where: { channel, username }, include: { person: true } });
  return identity?.person ?? null;
}

/** Runs an officer command; the command name must be a key of `officerCommands`. */
export async function runOfficerCommand(
  deps: ReviewDeps,
  event: IncomingEvent & { input: { kind: "command" } },
  port: ChannelPort,
  actor: Actor,
): Promise<void> {
  const command = officerCommands[event.input.name]!;
  const t = (id: string, args?: Record<string, string | number>) => deps.i18n.t(actor.locale, id, args);
  const reply = (text: string, choices?: { label: string; payload: string }[][]) =>
    port.send(event.chat.externalId, { text, ...(choices ? { choices } : {}) });
  const scopes = await scopesOf(deps.db, actor.id);
  const args = event.input.args.split(/\s+/).filter(Boolean);

  const roleText = async (role: Role, unitId: number | null) => {
    const unit = unitId ? await deps.db.unit.findUnique({ where: { id: unitId } }) : null;
    return t(`review-role-${role}`, { unit: role === "UNIT_OFFICER" ? (unit?.name ?? "") : unit ? ` (${unit.name})` : "" });
  };
  /** Reads "<unit code | council>" into a role and unit; replies and returns null if unknown. */
  const roleTarget = async (arg: string | undefined): Promise<{ role: Role; unitId: number | null } | null> => {
    if (!arg) return null;
    if (/^(council|hoidong)$/i.test(arg)) return { role: "COUNCIL_OFFICER", unitId: null };
    const unit = await deps.db.unit.findUnique({ where: { code: arg.toUpperCase() } });
    if (unit) return { role: "UNIT_OFFICER", unitId: unit.id };
    const examples = (await deps.db.unit.findMany({ take: 3, orderBy: { id: "asc" } })).map((u) => u.code).join(", ");
    await reply(t("review-unknown-unit", { code: arg, examples }));
    return null;
  };

  switch (command) {
    case "officer_add":
    case "officer_remove": {
      if (!isAdmin(scopes)) return void (await reply(t("review-admin-only")));
      const [who, unitArg] = args;
      if (!who || !unitArg) return void (await reply(t(command === "officer_add" ? "review-officer-add-usage" : "review-officer-remove-usage")));
      const target = await roleTarget(unitArg);
      if (!target) return;
      const person = await personNamed(deps.db, event.from.channel, who);
      if (!person) return void (await reply(t("review-unknown-person", { who })));
      const role = await roleText(target.role, target.unitId);
      if (command === "officer_add") {
        await grantRole(deps.db, { personId: person.id, ...target, grantedById: actor.id });
        deps.log.info({ personId: person.id, ...target, by: actor.id }, "officer added");
        return void (await reply(t("review-officer-added", { name: person.displayName, role })));
      }
      const removed = await revokeRole(deps.db, { personId: person.id, ...target });
      deps.log.info({ personId: person.id, ...target, by: actor.id, removed }, "officer removed");
      return void (await reply(t(removed > 0 ? "review-officer-removed" : "review-officer-not-held", { name: person.displayName, role })));
    }
    case "officers": {
      if (!isAdmin(scopes)) return void (await reply(t("review-admin-only")));
      const officers = await listOfficers(deps.db);
      if (officers.length === 0) return void (await reply(t("review-officers-empty")));
      const lines = await Promise.all(
        officers.map(async (o) => t("review-officers-item", { name: o.person.displayName, role: await roleText(o.role, o.unitId) })),
      );
      return void (await reply([t("review-officers-header"), ...lines].join("\n")));
    }
    case "reviewgroup": {
      if (!isAdmin(scopes)) return void (await reply(t("review-admin-only")));
      if (event.chat.kind !== "group") return void (await reply(t("review-group-only")));
      const target = args[0] ? await roleTarget(args[0]) : { role: "COUNCIL_OFFICER" as const, unitId: null };
      if (!target) return;
      const chat = await deps.db.chat.upsert({
        where: { channel_externalId: { channel: event.from.channel, externalId: event.chat.externalId } },
        create: { channel: event.from.channel, externalId: event.chat.externalId, kind: "GROUP" },
        update: {},
      });
      await deps.db.reviewGroup.upsert({
        where: { chatId: chat.id },
        create: { chatId: chat.id, unitId: target.unitId, boundById: actor.id },
        update: { unitId: target.unitId, boundById: actor.id },
      });
      const unit = target.unitId ? await deps.db.unit.findUnique({ where: { id: target.unitId } }) : null;
      deps.log.info({ chat: event.chat.externalId, unitId: target.unitId, by: actor.id }, "review group bound");
      return void (await reply(t("review-group-bound", { scope: unit?.name ?? t("review-scope-council") })));
    }
    case "pending": {
      if (scopes.length === 0) return void (await reply(t("review-officers-only")));
      const waiting = await pendingForOfficer(deps.db, actor.id, deps.levels, 20, { includeOwn: deps.allowSelfReview });
      if (waiting.length === 0) return void (await reply(t("review-pending-empty")));
      const lines = waiting.map((n) =>
        t("review-pending-item", { code: n.code ?? "", name: n.nomineeName ?? "", unit: n.unit?.name ?? "", date: formatLocalDate(n.submittedAt ?? n.createdAt, deps.timeZone) }),
      );
      const buttons = waiting.slice(0, 10).map((n) => [{ label: t("review-pending-open", { code: n.code ?? "" }), payload: choicePayload("openCard", n.id) }]);
      const total = waiting.length < 20 ? waiting.length : await countPendingForOfficer(deps.db, actor.id, deps.levels, { includeOwn: deps.allowSelfReview });
      const rest = total > waiting.length ? [t("review-pending-more", { count: total - waiting.length, total })] : [];
      return void (await reply([t("review-pending-header"), ...lines, ...rest].join("\n"), buttons));
    }
    case "history": {
      if (scopes.length === 0) return void (await reply(t("review-officers-only")));
      if (!args[0]) return void (await reply(t("review-history-usage")));
      const n = await nominationHistory(deps.db, args.join(" "));
      // An officer reads the timelines of their own units only; admins and the council all.
      if (!n || !n.unit || !scopes.some((s) => covers(s, n.unit!.path))) return void (await reply(t("review-history-not-found", { code: args.join(" ") })));
      const lines = n.events.map((e) =>
        t("review-history-item", {
          time: formatLocalDateTime(e.createdAt, deps.timeZone),
          action: t(`review-action-${e.action}`),
          actor: e.actor?.displayName ?? t("review-history-system"),
          reason: e.reason ? `: ${e.reason.length > 3000 ? `${e.reason.slice(0, 3000)}…` : e.reason}` : "",
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
      return;
    }
  }
}
