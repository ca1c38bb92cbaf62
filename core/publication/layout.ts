// The frame every public page shares: the head with its Open Graph tags, a skip link, the
// site's header, the main content and the footer. One h1 per page is the content's own.
import { html, type SafeHtml } from "./html";
import { absoluteUrl, sitePaths, type SiteContext } from "./model";

/** What a page tells its head. */
export interface PageMeta {
  /** The page's path on the site (for og:url). */
  path: string;
  title: string;
  description: string;
  /** A site path of the image shared links show (the story's first photo). */
  imagePath?: string | null;
  type?: "website" | "article";
  /** Search is offered on the pages that list stories. */
  search?: boolean;
}

/** Open Graph and Twitter tags; addresses only when PUBLIC_BASE_URL makes them absolute. */
function openGraph(ctx: SiteContext, meta: PageMeta): SafeHtml {
  const url = absoluteUrl(ctx, meta.path);
  const image = meta.imagePath ? absoluteUrl(ctx, meta.imagePath) : null;
  return html`<meta property="og:type" content="${meta.type ?? "website"}">
<meta property="og:site_name" content="${ctx.i18n.t(ctx.locale, "site-name", {}, { escape: false })}">
<meta property="og:locale" content="${ctx.locale === "vi" ? "vi_VN" : "en_GB"}">
<meta property="og:title" content="${meta.title}">
<meta property="og:description" content="${meta.description}">
${url ? html`<meta property="og:url" content="${url}">\n<link rel="canonical" href="${url}">\n` : ""}${image ? html`<meta property="og:image" content="${image}">\n<meta name="twitter:card" content="summary_large_image">\n` : html`<meta name="twitter:card" content="summary">\n`}`;
}

/** A whole page around its main content. */
export function page(ctx: SiteContext, meta: PageMeta, main: SafeHtml): string {
  const t = (id: string) => ctx.i18n.t(ctx.locale, id, {}, { escape: false });
  return html`<!doctype html>
<html lang="${ctx.locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${meta.title}</title>
<meta name="description" content="${meta.description}">
${openGraph(ctx, meta)}<link rel="stylesheet" href="${sitePaths.style}">
<link rel="alternate" type="application/atom+xml" title="${t("site-feed-atom")}" href="${sitePaths.atom}">
<link rel="alternate" type="application/feed+json" title="${t("site-feed-json")}" href="${sitePaths.jsonFeed}">
${meta.search ? html`<script src="${sitePaths.script}" defer></script>\n` : ""}</head>
<body>
<a class="skip" href="#main">${t("site-skip")}</a>
<header class="site-header"><a class="brand" href="${sitePaths.index}"><span class="brand-name">${t("site-name")}</span> <span class="brand-tagline">${t("site-title")}</span></a></header>
<main id="main" tabindex="-1">
${main}
</main>
<footer class="site-footer">
<p>${t("site-footer")}</p>
<p>${t("site-feeds")}: <a href="${sitePaths.atom}">${t("site-feed-atom")}</a> · <a href="${sitePaths.jsonFeed}">${t("site-feed-json")}</a></p>
</footer>
</body>
</html>
`.value;
}
