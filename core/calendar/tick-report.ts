// What a tick did, in words a person reads: one line per job that did something worth saying
// (or per job, when nothing happened), in the reader's language. Used by /tick and by the
// playground's clock panel.
import type { Locale, Translations } from "../i18n";
import type { TickOutcome } from "./ticker";

const count = (result: unknown): number => (typeof result === "number" ? result : 0);

/** One outcome as a sentence, or "" when it is not worth a line (nothing published). */
function describeOutcome(i18n: Translations, locale: Locale, outcome: TickOutcome): string {
  const t = (id: string, args: Record<string, string | number> = {}) => i18n.t(locale, id, args);
  if (!outcome.ok) return t("tick-failed", { name: outcome.name, error: outcome.error ?? "" });
  switch (outcome.name) {
    case "reminders":
    case "draft-nudges":
    case "review-summaries":
    case "digest-preview":
      return t(`tick-${outcome.name}`, { count: count(outcome.result) });
    case "digest-settle":
      return count(outcome.result) > 0 ? t("tick-digest-settle", { count: count(outcome.result) }) : "";
    case "weekly-digest": {
      const r = (outcome.result ?? {}) as { outcome?: string; stories?: number; chats?: number };
      if (r.outcome === "held") return t("tick-weekly-digest-held");
      return r.stories ? t("tick-weekly-digest-sent", { stories: r.stories, chats: r.chats ?? 0 }) : t("tick-weekly-digest-empty");
    }
    case "weekly-stats":
      return count(outcome.result) > 0 ? t("tick-weekly-stats", { count: count(outcome.result) }) : "";
    case "retention": {
      // Null when the day's purge already ran; a line only when something was deleted.
      const r = (outcome.result ?? { phones: 0, photos: 0 }) as { phones: number; photos: number };
      return r.phones + r.photos > 0 ? t("tick-retention", { phones: r.phones, photos: r.photos }) : "";
    }
    default:
      return t("tick-other", { name: outcome.name });
  }
}

/** The lines describing a tick's outcomes (empty ones left out). */
export function describeTick(i18n: Translations, locale: Locale, outcomes: readonly TickOutcome[]): string[] {
  return outcomes.map((o) => describeOutcome(i18n, locale, o)).filter((line) => line.trim() !== "");
}
