// The feeds portals and readers follow: Atom (feed.xml) and JSON Feed 1.1 (feed.json), the
// newest stories first, with the same public fields as the pages and nothing more.
import { escapeAttr } from "./html";
import { absoluteUrl, sitePaths, type SiteContext, type StoryView } from "./model";

/** How many stories a feed carries. */
const feedSize = 50;

/** An address for a feed: absolute when PUBLIC_BASE_URL is set, relative to the feed otherwise. */
function link(ctx: SiteContext, path: string): string {
  return absoluteUrl(ctx, path) ?? path;
}

/** The Atom feed. */
export function atomFeed(ctx: SiteContext, views: StoryView[]): string {
  const t = (id: string) => ctx.i18n.t(ctx.locale, id, {}, { escape: false });
  const updated = (views[0]?.story.publishedAt ?? ctx.generatedAt).toISOString();
  const entries = views.slice(0, feedSize).map((v) => {
    const categories = [v.fieldName, v.story.unit?.name].filter((c): c is string => Boolean(c));
    return `  <entry>
    <id>urn:guong-sang:${escapeAttr(v.story.code)}</id>
    <title>${escapeAttr(v.story.nomineeName)}</title>
    <link rel="alternate" type="text/html" href="${escapeAttr(link(ctx, v.path))}"/>
    <published>${v.story.approvedAt.toISOString()}</published>
    <updated>${v.story.publishedAt.toISOString()}</updated>
    <summary>${escapeAttr(v.summary)}</summary>
    <content type="text">${escapeAttr(v.text)}</content>
${categories.map((c) => `    <category term="${escapeAttr(c)}"/>\n`).join("")}  </entry>`;
  });
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${ctx.locale}">
  <id>${escapeAttr(link(ctx, sitePaths.atom))}</id>
  <title>${escapeAttr(`${t("site-name")}: ${t("site-title")}`)}</title>
  <subtitle>${escapeAttr(t("site-intro"))}</subtitle>
  <link rel="self" type="application/atom+xml" href="${escapeAttr(link(ctx, sitePaths.atom))}"/>
  <link rel="alternate" type="text/html" href="${escapeAttr(link(ctx, sitePaths.index))}"/>
  <updated>${updated}</updated>
${entries.join("\n")}
</feed>
`;
}

/** The JSON Feed (https://jsonfeed.org/version/1.1). */
export function jsonFeed(ctx: SiteContext, views: StoryView[]): string {
  const t = (id: string) => ctx.i18n.t(ctx.locale, id, {}, { escape: false });
  const feed = {
    version: "https://jsonfeed.org/version/1.1",
    title: `${t("site-name")}: ${t("site-title")}`,
    description: t("site-intro"),
    language: ctx.locale,
    home_page_url: link(ctx, sitePaths.index),
    feed_url: link(ctx, sitePaths.jsonFeed),
    items: views.slice(0, feedSize).map((v) => ({
      id: v.story.code,
      url: link(ctx, v.path),
      title: v.story.nomineeName,
      summary: v.summary,
      content_text: v.text,
      date_published: v.story.approvedAt.toISOString(),
      date_modified: v.story.publishedAt.toISOString(),
      ...(v.photos[0] ? { image: link(ctx, v.photos[0].fullPath) } : {}),
      tags: [v.fieldName, v.story.unit?.name, v.story.movement?.nameVi].filter((x): x is string => Boolean(x)),
    })),
  };
  return `${JSON.stringify(feed, null, 2)}\n`;
}
