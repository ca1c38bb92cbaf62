// Turns a chat's stories into the messages of its digest: a header, each story as an album
// with its caption (or as text when it has no photo or the caption would pass Telegram's
// 1024 characters), and a closing line on how to nominate someone.
import type { Channel } from "../db/generated/sqlite/enums";
import type { Locale, Translations } from "../i18n";
import type { OutboxPayload } from "../outbox/payload";
import { storyUrl } from "../publication/model";
import type { DigestStory } from "./stories";
import { shortenText } from "../text/cut";

/** Telegram's limit on a caption's visible characters. */
export const captionLimit = 1024;
/** Telegram's limit on a message's visible characters. */
export const textLimit = 4096;

/** One message of a digest, tied to the story it carries (if any). */
export interface DigestPart {
  payload: OutboxPayload;
  nominationId?: number;
  kind: "digest-header" | "digest-story" | "digest-footer";
}

/** Visible length of HTML-subset text, as Telegram counts it after parsing entities. */
export function visibleLength(html: string): number {
  return html
    .replace(/<[^>]+>/g, "")
    .replace(/&lt;|&gt;|&amp;|&quot;/g, "x").length;
}

/** Cuts HTML-free text to `max` visible characters at a word boundary, with an ellipsis. */
function truncatePlain(text: string, max: number): string {
  return shortenText(text, max, { wordSlack: 0.2 });
}

/** The parts of one chat's digest, in sending order. */
export function composeDigest(
  stories: DigestStory[],
  opts: { i18n: Translations; locale: Locale; channel: Channel; nominateLink: string | null; publicBaseUrl?: string | null },
): DigestPart[] {
  if (stories.length === 0) return [];
  const { i18n, locale } = opts;
  const parts: DigestPart[] = [{ kind: "digest-header", payload: { type: "text", html: i18n.t(locale, "digest-header", { count: stories.length }) } }];
  for (const story of stories) {
    const field = locale === "vi" ? story.fieldNameVi : story.fieldNameEn;
    // With a public site, each story ends with the address of its page there.
    const link = storyUrl(opts.publicBaseUrl ?? null, story.code);
    const linkLine = link ? `\n\n${i18n.t(locale, "digest-story-link", { link })}` : "";
    const caption = (text: string) => i18n.t(locale, "digest-story-caption", { name: story.nomineeName, unit: story.unitName, field, story: text }) + linkLine;
    const photos = story.photos
      .map((p) => (opts.channel === "TELEGRAM" && p.telegramFileId ? { fileId: p.telegramFileId } : p.path ? { path: p.path } : null))
      .filter((p): p is { fileId: string } | { path: string } => p !== null);
    const full = caption(story.publicStory);
    if (photos.length > 0 && visibleLength(full) <= captionLimit) {
      const [first, ...rest] = photos;
      parts.push({ kind: "digest-story", nominationId: story.nominationId, payload: { type: "photos", items: [{ ...first!, caption: full }, ...rest] } });
      continue;
    }
    if (photos.length > 0) {
      parts.push({ kind: "digest-story", nominationId: story.nominationId, payload: { type: "photos", items: photos } });
    }
    const overhead = visibleLength(caption(""));
    const text = visibleLength(full) <= textLimit ? full : caption(truncatePlain(story.publicStory, textLimit - overhead));
    parts.push({ kind: "digest-story", nominationId: story.nominationId, payload: { type: "text", html: text } });
  }
  parts.push({ kind: "digest-footer", payload: { type: "text", html: i18n.t(locale, "digest-footer", { link: opts.nominateLink ?? "none" }) } });
  return parts;
}
