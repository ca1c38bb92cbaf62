// The public collection from chat: /guongsang (/stories) lists the latest published stories,
// each with its page's address when PUBLIC_BASE_URL is set; /gobai (/unpublish) lets the
// council take a story down, from the site, the feeds and the digests not yet sent.
import type { Logger } from "pino";
import type { ChannelPort, IncomingEvent } from "../core/channel/port";
import { formatDayMonthYear, localDateOf } from "../core/calendar/zoned-time";
import type { Db } from "../core/db/client";
import type { Locale, Translations } from "../core/i18n";
import { minRejectReasonLength } from "../core/review/actions";
import { storyUrl } from "../core/publication/model";
import { publicStories } from "../core/publication/select";
import { withdrawStory } from "../core/publication/withdraw";
import type { Middleware } from "./chain";
import { commandOf } from "./commands";
import { identify } from "./people";

/** How many stories /guongsang lists. */
export const latestStoriesCount = 5;

/** What the publication commands need. */
export interface PublicationDeps {
  db: Db;
  i18n: Translations;
  log: Logger;
  timeZone: string;
  defaultLocale: Locale;
  /** Where the public site is reached (PUBLIC_BASE_URL); null: stories are listed without links. */
  publicBaseUrl: string | null;
  /** Called after a story is taken down (the review cards show its new status). */
  onWithdrawn?: (nominationId: number) => Promise<void>;
}

type Text = (id: string, args?: Record<string, string | number>) => string;

/** The latest stories as one message, in the reader's language. */
export async function latestStoriesText(deps: PublicationDeps, t: Text, locale: Locale): Promise<string> {
  const stories = await publicStories(deps.db, { limit: latestStoriesCount });
  if (stories.length === 0) return t("stories-empty");
  const lines = [t("stories-header"), ""];
  for (const s of stories) {
    const field = (locale === "vi" ? s.field?.nameVi : s.field?.nameEn) ?? "";
    lines.push(t("stories-item", { name: s.nomineeName, unit: s.unit?.name ?? "", field, date: formatDayMonthYear(localDateOf(s.approvedAt, deps.timeZone)) }));
    const link = storyUrl(deps.publicBaseUrl, s.code);
    if (link) lines.push(t("stories-item-link", { link }));
  }
  if (deps.publicBaseUrl) lines.push("", t("stories-site", { link: `${deps.publicBaseUrl}/` }));
  return lines.join("\n");
}

/** /gobai GS-2026-0042 <reason>: the council takes a story down. */
async function unpublish(deps: PublicationDeps, t: Text, actorId: number, args: string): Promise<string> {
  const [code = "", ...rest] = args.trim().split(/\s+/);
  const reason = rest.join(" ").trim();
  if (!code) return t("unpublish-usage", { min: minRejectReasonLength });
  if (Array.from(reason).length < minRejectReasonLength) {
    return t(/^GS-?\d{4}-?\d{1,6}$/i.test(code) ? "unpublish-reason-short" : "unpublish-bad-code", { code, min: minRejectReasonLength });
  }
  const outcome = await withdrawStory(deps.db, { code, actorId, reason });
  if (!outcome.ok) {
    if (outcome.refused === "not-public") return t("unpublish-not-public", { code: code.toUpperCase(), status: t(`status-${outcome.status}`) });
    return t(`unpublish-${outcome.refused}`, { code });
  }
  deps.log.info({ nominationId: outcome.nominationId, actorId, cancelledParts: outcome.cancelledParts }, "story withdrawn from publication");
  await deps.onWithdrawn?.(outcome.nominationId);
  return t("unpublish-done", { name: outcome.nomineeName, code: outcome.code, parts: outcome.cancelledParts });
}

/** The publication link of the handler chain: /guongsang anywhere, /gobai for the council. */
export function publicationMiddleware(deps: PublicationDeps): Middleware {
  return async (event: IncomingEvent, port: ChannelPort, next) => {
    const input = event.input;
    const action = input.kind === "command" ? commandOf("publication", input.name.toLowerCase()) : undefined;
    if (!action || input.kind !== "command") return next();
    const actor = await identify(deps.db, event.from, deps.defaultLocale);
    const t: Text = (id, args) => deps.i18n.t(actor.locale, id, args);
    const text = action === "stories" ? await latestStoriesText(deps, t, actor.locale) : await unpublish(deps, t, actor.id, input.args);
    await port.send(event.chat.externalId, { text });
  };
}
