// What the public pages show of a story, worked out once: its addresses on the site, its text
// with any phone number masked, a short summary, its local approval date and quarter, and its
// photos with their alt text. Every page, feed and index reads these views, never the rows.
import { formatDayMonthYear, formatIsoDate, localDateOf, periodContaining, type Period } from "../calendar/zoned-time";
import type { Locale, Translations } from "../i18n";
import { foldText } from "../text/fold";
import type { PublicStory } from "./select";

/** What every page of the site needs besides the stories. */
export interface SiteContext {
  i18n: Translations;
  locale: Locale;
  timeZone: string;
  /** Where the public reaches the site (PUBLIC_BASE_URL), for absolute links in Open Graph and feeds. */
  baseUrl: string | null;
  /** When the pages were rendered, for the feeds' "updated". */
  generatedAt: Date;
}

/** A photo as the pages show it. */
export interface PhotoView {
  attachmentId: number;
  storagePath: string;
  thumbPath: string;
  fullPath: string;
  alt: string;
  width: number | null;
  height: number | null;
}

/** A story as the pages show it. */
export interface StoryView {
  story: PublicStory;
  path: string;
  text: string;
  summary: string;
  approvedOn: string;
  /** The approval's local date as yyyy-mm-dd, for <time datetime>. */
  approvedIso: string;
  year: number;
  quarter: Period;
  fieldName: string | null;
  fieldPath: string | null;
  unitPath: string | null;
  photos: PhotoView[];
}

// === Addresses (relative to the site's root, so the folder works on any host and path)

/** Lower-case ASCII words joined by dashes: "Y tế" → "y-te", "GS-2026-0042" → "gs-2026-0042". */
export function slug(text: string): string {
  return foldText(text).replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "x";
}

export const sitePaths = {
  index: "index.html",
  story: (code: string) => `${slug(code)}.html`,
  field: (nameVi: string) => `linh-vuc-${slug(nameVi)}.html`,
  unit: (code: string) => `don-vi-${slug(code)}.html`,
  year: (year: number) => `nam-${year}.html`,
  booklet: (period: Period) => `so-tay-${slug(period.id)}.html`,
  thumb: (attachmentId: number) => `anh/${attachmentId}-nho.jpg`,
  photo: (attachmentId: number) => `anh/${attachmentId}.jpg`,
  style: "style.css",
  script: "search.js",
  searchIndex: "search-index.json",
  atom: "feed.xml",
  jsonFeed: "feed.json",
  notFound: "404.html",
} as const;

/** The absolute address of a site path, or null when PUBLIC_BASE_URL is not set. */
export function absoluteUrl(ctx: SiteContext, path: string): string | null {
  return ctx.baseUrl ? `${ctx.baseUrl}/${path === sitePaths.index ? "" : path}` : null;
}

/** The address of a story's page for links in chat, or null when PUBLIC_BASE_URL is not set. */
export function storyUrl(baseUrl: string | null, code: string): string | null {
  return baseUrl ? `${baseUrl}/${sitePaths.story(code)}` : null;
}

// === Text

// Digit runs that look like a Vietnamese phone number (0912 345 678, +84 912.345.678, 024 3825 1234).
const phoneLike = /(?:\+\s?84|\b84|\b0)(?:[\s.\-]?\d){8,10}\b/g;

/** The approved text with anything shaped like a phone number masked: officers edit the story, this is the last guard. */
export function maskPhoneNumbers(text: string, mask: string): string {
  return text.replace(phoneLike, mask);
}

/** The first `max` characters of text at a word boundary, with an ellipsis; never cuts inside a character. */
export function summarize(text: string, max = 200): string {
  const flat = text.replace(/\s+/g, " ").trim();
  const chars = Array.from(flat);
  if (chars.length <= max) return flat;
  const cut = chars.slice(0, max - 1).join("");
  const space = cut.lastIndexOf(" ");
  return `${space > cut.length * 0.6 ? cut.slice(0, space) : cut}…`;
}

// === Views

/** The views of the stories, in their order (newest approval first). */
export function storyViews(stories: PublicStory[], ctx: SiteContext): StoryView[] {
  const mask = ctx.i18n.t(ctx.locale, "site-phone-hidden", {}, { escape: false });
  return stories.map((story) => {
    const text = maskPhoneNumbers(story.story, mask);
    const summary = summarize(text);
    const date = localDateOf(story.approvedAt, ctx.timeZone);
    const fieldName = story.field ? (ctx.locale === "vi" ? story.field.nameVi : story.field.nameEn) : null;
    return {
      story,
      path: sitePaths.story(story.code),
      text,
      summary,
      approvedOn: formatDayMonthYear(date),
      approvedIso: formatIsoDate(date),
      year: date.year,
      quarter: periodContaining(date, "QUARTERLY", ctx.timeZone),
      fieldName,
      fieldPath: story.field ? sitePaths.field(story.field.nameVi) : null,
      unitPath: story.unit ? sitePaths.unit(story.unit.code) : null,
      photos: story.photos.map((p, i) => ({
        attachmentId: p.attachmentId,
        storagePath: p.storagePath,
        thumbPath: sitePaths.thumb(p.attachmentId),
        fullPath: sitePaths.photo(p.attachmentId),
        alt: ctx.i18n.t(ctx.locale, "site-photo-alt", { number: i + 1, name: story.nomineeName, summary: summarize(text, 120) }, { escape: false }),
        width: p.width,
        height: p.height,
      })),
    };
  });
}

/** Stories grouped by a key, groups in first-seen order (so newest first). */
export function groupBy<K>(views: StoryView[], key: (v: StoryView) => K | null): Map<K, StoryView[]> {
  const groups = new Map<K, StoryView[]>();
  for (const v of views) {
    const k = key(v);
    if (k === null) continue;
    groups.set(k, [...(groups.get(k) ?? []), v]);
  }
  return groups;
}
