// Calendar commands: /deadlines for officers and admins; /deadline_add and /deadline_remove for
// admins; /tick, which runs the periodic jobs as if it were a given local moment, only when
// ALLOW_TIME_TRAVEL=1 (refused and logged otherwise).
import type { Logger } from "pino";
import type { ChannelPort, IncomingEvent } from "../../core/channel/port";
import { addDeadline, freeDeadlineCode, removeDeadline, upcomingDeadlines } from "../../core/calendar/deadlines";
import { occurrenceKey, windowMisses } from "../../core/calendar/window-misses";
import { runTick, type TickJob } from "../../core/calendar/ticker";
import { describeTick } from "../../core/calendar/tick-report";
import { formatDayMonthYear, parseDayMonth, parseLocalDateTime, zonedInstant } from "../../core/calendar/zoned-time";
import type { Db } from "../../core/db/client";
import type { Locale, Translations } from "../../core/i18n";
import { isAdmin, scopesOf } from "../../core/review/scope";
import type { Middleware } from "../chain";
import { commandOf, type CommandOf } from "../commands";
import { identify } from "../people";

/** What the calendar commands need. */
export interface CalendarCommandDeps {
  db: Db;
  i18n: Translations;
  log: Logger;
  timeZone: string;
  defaultLocale: Locale;
  allowTimeTravel: boolean;
  /** The jobs /tick runs (calendar jobs, and the digest's when it runs). */
  jobs: () => readonly TickJob[];
  /** Called after /tick queued messages, so they go out at once. */
  afterTick?: () => void;
}

const audiences = {
  groups: "SUBSCRIBED_GROUPS",
  officers: "UNIT_OFFICERS",
  council: "COUNCIL_OFFICERS",
  nominators: "UNIT_NOMINATORS",
} as const;

/** Builds the calendar middleware. */
export function calendarMiddleware(deps: CalendarCommandDeps): Middleware {
  return async (event, port, next) => {
    const input = event.input;
    const command = input.kind === "command" ? commandOf("calendar", input.name) : undefined;
    if (!command || input.kind !== "command") return next();
    const actor = await identify(deps.db, event.from, deps.defaultLocale);
    await run(deps, command, input.args, event, port, actor);
  };
}

async function run(
  deps: CalendarCommandDeps,
  command: CommandOf<"calendar">,
  args: string,
  event: IncomingEvent,
  port: ChannelPort,
  actor: { id: number; locale: Locale },
): Promise<void> {
  const t = (id: string, a?: Record<string, string | number>) => deps.i18n.t(actor.locale, id, a);
  const reply = (text: string) => port.send(event.chat.externalId, { text });
  const scopes = await scopesOf(deps.db, actor.id);
  const left = (days: number) => t("calendar-days-left", { days });

  if (command === "deadlines") {
    if (scopes.length === 0) return void (await reply(t("deadlines-officers-only")));
    const upcoming = await upcomingDeadlines(deps.db, new Date(), deps.timeZone, { limit: 15 });
    if (upcoming.length === 0) return void (await reply(t("deadlines-empty")));
    const misses = await windowMisses(deps.db, upcoming.map((u) => ({ deadlineId: u.deadline.id, occurrence: u.occurrence.id })));
    const lines = upcoming.map((u) => {
      const line = t("deadlines-item", {
        date: formatDayMonthYear(u.occurrence.due),
        title: actor.locale === "en" && u.deadline.titleEn ? u.deadline.titleEn : u.deadline.titleVi,
        left: left(u.daysLeft),
        code: u.deadline.code,
      });
      // Reminders Zalo refused for its 7-day window: officers see who was not reminded on the OA.
      const missed = misses.get(occurrenceKey(u.deadline.id, u.occurrence.id));
      return missed ? `${line}\n   ${t("deadlines-outside-window", { count: missed.outside, elsewhere: missed.reachedElsewhere })}` : line;
    });
    return void (await reply([t("deadlines-header"), ...lines].join("\n")));
  }

  if (!isAdmin(scopes)) return void (await reply(t("review-admin-only")));

  if (command === "deadline_add") {
    const [dateText, title, audienceText] = args.split("|").map((p) => p.trim());
    if (!dateText || !title || !audienceText) return void (await reply(t("deadline-add-usage")));
    const date = parseDayMonth(dateText);
    if (!date.ok) return void (await reply(t("deadline-add-bad-date", { text: dateText })));
    const audience = audiences[audienceText.toLowerCase() as keyof typeof audiences];
    if (!audience) return void (await reply(t("deadline-add-bad-audience", { text: audienceText })));
    const code = await freeDeadlineCode(deps.db, title);
    const { day, month, year } = date.value;
    const common = { code, title: { vi: title }, audience };
    const input =
      year === undefined
        ? { ...common, recurrence: "YEARLY" as const, month, day }
        : { ...common, recurrence: "ONCE" as const, date: `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}` };
    await addDeadline(deps.db, input, actor.id);
    deps.log.info({ code, by: actor.id }, "deadline added in chat");
    const next = (await upcomingDeadlines(deps.db, new Date(), deps.timeZone)).find((u) => u.deadline.code === code);
    return void (await reply(
      t("deadline-added", { title, code, date: next ? formatDayMonthYear(next.occurrence.due) : dateText, left: next ? left(next.daysLeft) : "" }),
    ));
  }

  if (command === "deadline_remove") {
    const code = args.trim();
    if (!code) return void (await reply(t("deadline-remove-usage")));
    const removed = await removeDeadline(deps.db, code);
    if (removed) deps.log.info({ code, by: actor.id }, "deadline removed in chat");
    return void (await reply(t(removed ? "deadline-removed" : "deadline-not-found", { code })));
  }

  // /tick
  if (!deps.allowTimeTravel) {
    deps.log.warn({ by: actor.id }, "/tick refused: ALLOW_TIME_TRAVEL is off");
    return void (await reply(t("tick-disabled")));
  }
  const moment = parseLocalDateTime(args.trim());
  if (!moment.ok) return void (await reply(t("tick-usage")));
  const now = zonedInstant(moment.value, deps.timeZone);
  deps.log.info({ at: now.toISOString(), by: actor.id }, "/tick");
  const outcomes = await runTick(deps.jobs(), now, deps.log);
  deps.afterTick?.();
  // One sentence per job, in the admin's language (each already escaped by the translations).
  await reply([t("tick-done", { time: args.trim() }), ...describeTick(deps.i18n, actor.locale, outcomes).map((line) => `• ${line}`)].join("\n"));
}
