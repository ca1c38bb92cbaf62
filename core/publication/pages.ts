// The public pages: the index (newest first) and its filtered copies by field, unit and year,
// plain pages linked from one another so filtering works without JavaScript; a page per story;
// a printable booklet per quarter; and the page for what is not (or no longer) there.
import type { Period } from "../calendar/zoned-time";
import { html, paragraphs, SafeHtml } from "./html";
import { page } from "./layout";
import { groupBy, sitePaths, type SiteContext, type StoryView } from "./model";

type Text = (id: string, args?: Record<string, string | number>) => string;

function textOf(ctx: SiteContext): Text {
  return (id, args = {}) => ctx.i18n.t(ctx.locale, id, args, { escape: false });
}

// === Pieces

/** A story's field, unit and approval date in one line. */
function metaLine(v: StoryView): SafeHtml {
  const parts = [v.fieldName, v.story.unit?.name].filter((p): p is string => Boolean(p));
  return html`<p class="meta">${parts.join(" · ")}${parts.length ? " · " : ""}<time datetime="${v.approvedIso}">${v.approvedOn}</time></p>`;
}

/** A story in a list: its first photo, its name linking to its page, its summary. */
function card(v: StoryView): SafeHtml {
  const photo = v.photos[0];
  return html`<li><article class="card" data-code="${v.story.code}">
${photo ? html`<img src="${photo.thumbPath}" alt="${photo.alt}" loading="lazy"${photo.width && photo.height ? html` width="${photo.width}" height="${photo.height}"` : ""}>\n` : ""}<h2><a href="${v.path}">${v.story.nomineeName}</a></h2>
${metaLine(v)}
<p>${v.summary}</p>
</article></li>`;
}

/** One group of filter links, the current one marked for assistive technology. */
function filterGroup(title: string, links: { href: string; label: string; count: number }[], currentPath: string): SafeHtml {
  return html`<div class="filter-group"><h2>${title}</h2><ul>${links.map(
    (l) => html`<li><a href="${l.href}"${l.href === currentPath ? html` aria-current="page"` : ""}>${l.label} <span class="count">(${l.count})</span></a></li>`,
  )}</ul></div>`;
}

/** The filters: every field, unit and year that has stories, each a plain link to its page. */
function filters(ctx: SiteContext, all: StoryView[], currentPath: string): SafeHtml {
  const t = textOf(ctx);
  const links = <K,>(groups: Map<K, StoryView[]>, href: (v: StoryView) => string, label: (v: StoryView) => string) =>
    [...groups.values()].map((g) => ({ href: href(g[0]!), label: label(g[0]!), count: g.length }));
  const byField = links(groupBy(all, (v) => v.fieldPath), (v) => v.fieldPath!, (v) => v.fieldName ?? "");
  const byUnit = links(groupBy(all, (v) => v.unitPath), (v) => v.unitPath!, (v) => v.story.unit?.name ?? "");
  const byYear = links(groupBy(all, (v) => v.year), (v) => sitePaths.year(v.year), (v) => String(v.year));
  const sort = <L extends { label: string }>(l: L[]) => l.sort((a, b) => a.label.localeCompare(b.label, "vi"));
  return html`<nav class="filters" aria-label="${t("site-filters")}">
<p class="all"><a href="${sitePaths.index}"${currentPath === sitePaths.index ? html` aria-current="page"` : ""}>${t("site-filter-all")} <span class="count">(${all.length})</span></a></p>
${filterGroup(t("site-filter-field"), sort(byField), currentPath)}
${filterGroup(t("site-filter-unit"), sort(byUnit), currentPath)}
${filterGroup(t("site-filter-year"), byYear, currentPath)}
</nav>`;
}

/** The search box, hidden until the script shows it (without JavaScript the filters remain). */
function searchBox(ctx: SiteContext): SafeHtml {
  const t = textOf(ctx);
  return html`<form class="search" role="search" id="search" hidden data-none="${t("site-search-none")}" data-count="${t("site-search-count", { count: "{n}" })}">
<label for="q">${t("site-search-label")}</label>
<input id="q" name="q" type="search" autocomplete="off">
</form>
<div id="search-results" hidden aria-live="polite"></div>`;
}

// === List pages

/** The index, or a filtered copy of it. */
export function listPage(ctx: SiteContext, all: StoryView[], opts: { path: string; heading: string; shown: StoryView[]; booklets?: Period[] }): string {
  const t = textOf(ctx);
  const isIndex = opts.path === sitePaths.index;
  const main = html`<h1>${opts.heading}</h1>
${isIndex ? html`<p class="intro">${t("site-intro")}</p>\n${searchBox(ctx)}\n` : ""}${filters(ctx, all, opts.path)}
<section class="results" aria-label="${opts.heading}">
<p class="count" id="story-count">${opts.shown.length === 0 ? t("site-empty") : t("site-count", { count: opts.shown.length })}</p>
<ul class="stories" id="stories">
${opts.shown.map(card)}
</ul>
</section>
${opts.booklets?.length ? bookletLinks(ctx, opts.booklets) : ""}`;
  const first = opts.shown.find((v) => v.photos.length > 0);
  return page(ctx, { path: opts.path, title: isIndex ? t("site-title") : `${opts.heading} · ${t("site-title")}`, description: t("site-intro"), imagePath: first?.photos[0]?.thumbPath ?? null, search: isIndex }, main);
}

function bookletLinks(ctx: SiteContext, periods: Period[]): SafeHtml {
  const t = textOf(ctx);
  return html`<section class="booklets"><h2>${t("site-booklets")}</h2><ul>${periods.map(
    (p) => html`<li><a href="${sitePaths.booklet(p)}">${ctx.locale === "vi" ? p.label : p.labelEn}</a></li>`,
  )}</ul></section>`;
}

// === A story

/** A story's facts: field, unit, movement, approval date. */
function facts(ctx: SiteContext, v: StoryView): SafeHtml {
  const t = textOf(ctx);
  const movement = v.story.movement ? (ctx.locale === "vi" ? v.story.movement.nameVi : (v.story.movement.nameEn ?? v.story.movement.nameVi)) : null;
  return html`<dl class="facts">
${v.fieldName ? html`<dt>${t("site-story-field")}</dt><dd><a href="${v.fieldPath!}">${v.fieldName}</a></dd>\n` : ""}${v.story.unit ? html`<dt>${t("site-story-unit")}</dt><dd><a href="${v.unitPath!}">${v.story.unit.name}</a></dd>\n` : ""}${movement ? html`<dt>${t("site-story-movement")}</dt><dd>${movement}</dd>\n` : ""}<dt>${t("site-story-approved")}</dt><dd><time datetime="${v.approvedIso}">${v.approvedOn}</time></dd>
</dl>`;
}

/** The photos of a story: thumbnails, each a link to the full image. */
function photoList(ctx: SiteContext, v: StoryView, limit = v.photos.length): SafeHtml {
  const t = textOf(ctx);
  if (v.photos.length === 0) return new SafeHtml("");
  return html`<section class="photos" aria-label="${t("site-photos")}"><ul>${v.photos.slice(0, limit).map(
    (p) => html`<li><a href="${p.fullPath}" title="${t("site-photo-full")}"><img src="${p.thumbPath}" alt="${p.alt}"${p.width && p.height ? html` width="${p.width}" height="${p.height}"` : ""}></a></li>`,
  )}</ul></section>`;
}

/** The page of one story, printable on one A4 sheet. */
export function storyPage(ctx: SiteContext, v: StoryView): string {
  const t = textOf(ctx);
  const main = html`<article class="story" data-code="${v.story.code}">
<p class="back"><a href="${sitePaths.index}">← ${t("site-back")}</a></p>
<h1>${v.story.nomineeName}</h1>
${facts(ctx, v)}
<div class="story-text">${paragraphs(v.text)}</div>
${photoList(ctx, v)}
<p class="print-hint">${t("site-print-hint")}</p>
</article>`;
  return page(ctx, { path: v.path, title: `${v.story.nomineeName} · ${t("site-title")}`, description: v.summary, imagePath: v.photos[0]?.fullPath ?? null, type: "article" }, main);
}

/** The quarter's exemplars in full, one per printed page. */
export function bookletPage(ctx: SiteContext, period: Period, views: StoryView[]): string {
  const t = textOf(ctx);
  const label = ctx.locale === "vi" ? period.label : period.labelEn;
  const heading = t("site-booklet-title", { period: label });
  const main = html`<div class="booklet">
<h1>${heading}</h1>
<p class="intro">${t("site-booklet-intro", { count: views.length, period: label })}</p>
${[...views].reverse().map(
  (v) => html`<article class="booklet-story" data-code="${v.story.code}">
<h2><a href="${v.path}">${v.story.nomineeName}</a></h2>
${facts(ctx, v)}
<div class="story-text">${paragraphs(v.text)}</div>
${photoList(ctx, v, 2)}
</article>`,
)}
</div>`;
  return page(ctx, { path: sitePaths.booklet(period), title: heading, description: t("site-intro") }, main);
}

/** What a missing or withdrawn story's address shows. */
export function notFoundPage(ctx: SiteContext): string {
  const t = textOf(ctx);
  const main = html`<h1>${t("site-not-found-title")}</h1>
<p>${t("site-not-found")}</p>
<p><a href="${sitePaths.index}">← ${t("site-back")}</a></p>`;
  return page(ctx, { path: sitePaths.notFound, title: t("site-not-found-title"), description: t("site-not-found") }, main);
}
