// The whole public site as a list of files, each rendered when asked: `npm run site` writes
// them all to a folder, and the bot's public web server renders the one a request names from
// the stories public at that moment, so a withdrawn story (and its photos) is gone at once.
import type { Period } from "../calendar/zoned-time";
import { atomFeed, jsonFeed } from "./feeds";
import { groupBy, sitePaths, storyViews, type SiteContext, type StoryView } from "./model";
import { bookletPage, listPage, notFoundPage, storyPage } from "./pages";
import { renderPhoto } from "./photos";
import { searchIndex, searchScript } from "./search";
import type { PublicStory } from "./select";
import { siteStylesheet } from "./style";

/** One file of the site: its path from the site's root, its type, and how to render it. */
export interface SiteFile {
  path: string;
  contentType: string;
  render: () => Promise<Buffer | string> | Buffer | string;
}

const types = {
  html: "text/html; charset=utf-8",
  css: "text/css; charset=utf-8",
  js: "text/javascript; charset=utf-8",
  json: "application/json; charset=utf-8",
  atom: "application/atom+xml; charset=utf-8",
  jsonFeed: "application/feed+json; charset=utf-8",
  jpeg: "image/jpeg",
} as const;

const htmlFile = (path: string, render: () => string): SiteFile => ({ path, contentType: types.html, render });

/** The filtered list pages: one per field, unit and year that has stories. */
function filterPages(ctx: SiteContext, views: StoryView[]): SiteFile[] {
  const t = (id: string, name: string | number) => ctx.i18n.t(ctx.locale, id, id === "site-year-heading" ? { year: name } : { name }, { escape: false });
  const pages = (groups: Map<string | number, StoryView[]>, path: (v: StoryView) => string, heading: (v: StoryView) => string) =>
    [...groups.values()].map((shown) => htmlFile(path(shown[0]!), () => listPage(ctx, views, { path: path(shown[0]!), heading: heading(shown[0]!), shown })));
  return [
    ...pages(groupBy(views, (v) => v.fieldPath), (v) => v.fieldPath!, (v) => t("site-field-heading", v.fieldName ?? "")),
    ...pages(groupBy(views, (v) => v.unitPath), (v) => v.unitPath!, (v) => t("site-unit-heading", v.story.unit?.name ?? "")),
    ...pages(groupBy(views, (v) => v.year), (v) => sitePaths.year(v.year), (v) => t("site-year-heading", v.year)),
  ];
}

/** Each quarter's printable booklet, newest quarter first. */
function booklets(ctx: SiteContext, views: StoryView[]): { periods: Period[]; files: SiteFile[] } {
  const groups = [...groupBy(views, (v) => v.quarter.id).values()];
  const periods = groups.map((g) => g[0]!.quarter);
  const files = groups.map((g) => htmlFile(sitePaths.booklet(g[0]!.quarter), () => bookletPage(ctx, g[0]!.quarter, g)));
  return { periods, files };
}

/** Both renditions of every photo of the public stories. */
function photoFiles(views: StoryView[], mediaDir: string): SiteFile[] {
  return views.flatMap((v) =>
    v.photos.flatMap((p) => [
      { path: p.thumbPath, contentType: types.jpeg, render: () => renderPhoto(mediaDir, p, "thumb") },
      { path: p.fullPath, contentType: types.jpeg, render: () => renderPhoto(mediaDir, p, "full") },
    ]),
  );
}

/**
 * Every file of the site for these stories (newest approval first).
 *
 * ```ts
 * const files = siteFiles(await publicStories(db), ctx, mediaDir);
 * for (const f of files) await writeFile(path.join(out, f.path), await f.render());
 * ```
 */
export function siteFiles(stories: PublicStory[], ctx: SiteContext, mediaDir: string): SiteFile[] {
  const views = storyViews(stories, ctx);
  const quarterly = booklets(ctx, views);
  const title = ctx.i18n.t(ctx.locale, "site-title", {}, { escape: false });
  return [
    htmlFile(sitePaths.index, () => listPage(ctx, views, { path: sitePaths.index, heading: title, shown: views, booklets: quarterly.periods })),
    ...views.map((v) => htmlFile(v.path, () => storyPage(ctx, v))),
    ...filterPages(ctx, views),
    ...quarterly.files,
    htmlFile(sitePaths.notFound, () => notFoundPage(ctx)),
    { path: sitePaths.style, contentType: types.css, render: () => siteStylesheet },
    { path: sitePaths.script, contentType: types.js, render: () => searchScript },
    { path: sitePaths.searchIndex, contentType: types.json, render: () => JSON.stringify(searchIndex(views)) },
    { path: sitePaths.atom, contentType: types.atom, render: () => atomFeed(ctx, views) },
    { path: sitePaths.jsonFeed, contentType: types.jsonFeed, render: () => jsonFeed(ctx, views) },
    ...photoFiles(views, mediaDir),
  ];
}
