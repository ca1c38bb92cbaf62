// The site's one stylesheet: readable from a 390 px phone to a desktop, text at WCAG AA
// contrast or better, a visible keyboard focus, and print rules for A4 (a story per sheet, the
// quarter's booklet a story per page).

/** The contents of style.css. */
export const siteStylesheet = `
:root { --ink: #1b1b1b; --muted: #4a4a4a; --paper: #ffffff; --soft: #f5f1ea; --accent: #9b1c1c; --link: #0b4f8a; --focus: #f2b705; }
* { box-sizing: border-box; }
[hidden] { display: none !important; }
html { font-size: 100%; -webkit-text-size-adjust: 100%; }
body { margin: 0; color: var(--ink); background: var(--paper); font: 1.0625rem/1.6 "Be Vietnam Pro", "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif; }
a { color: var(--link); text-underline-offset: 0.15em; }
a:hover { color: #063358; }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; box-shadow: 0 0 0 5px #1b1b1b; }
.skip { position: absolute; left: -999px; top: 0; background: var(--paper); padding: 0.5rem 1rem; z-index: 10; }
.skip:focus { left: 0.5rem; top: 0.5rem; }
.site-header { background: var(--accent); padding: 0.75rem 1rem; }
.brand { color: #ffffff; text-decoration: none; display: inline-flex; flex-wrap: wrap; gap: 0.25rem 0.5rem; align-items: baseline; }
.brand:hover { color: #ffffff; text-decoration: underline; }
.brand-name { font-weight: 700; font-size: 1.25rem; }
.brand-tagline { font-size: 0.95rem; }
main { display: block; max-width: 64rem; margin: 0 auto; padding: 1rem; }
main:focus { outline: none; }
h1 { font-size: 1.75rem; line-height: 1.25; margin: 0.5rem 0 0.75rem; color: var(--accent); overflow-wrap: anywhere; }
h2 { font-size: 1.2rem; line-height: 1.3; margin: 0.25rem 0; }
.intro { font-size: 1.1rem; color: var(--muted); max-width: 48rem; }
.meta, .count { color: var(--muted); font-size: 0.95rem; margin: 0.25rem 0; }
.search { margin: 1rem 0; display: grid; gap: 0.25rem; max-width: 36rem; }
.search input { font: inherit; padding: 0.6rem 0.75rem; border: 2px solid #5c5c5c; border-radius: 0.4rem; width: 100%; }
.filters { background: var(--soft); border-radius: 0.5rem; padding: 0.75rem 1rem; margin: 1rem 0; }
.filters .all { margin: 0 0 0.5rem; font-weight: 600; }
.filter-group h2 { font-size: 1rem; margin: 0.5rem 0 0.25rem; }
.filter-group ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; }
.filter-group a, .filters .all a { display: inline-block; padding: 0.3rem 0; min-height: 2rem; }
a[aria-current="page"] { font-weight: 700; color: var(--ink); text-decoration-thickness: 3px; }
.stories, #search-results ul { list-style: none; margin: 0; padding: 0; display: grid; gap: 1rem; grid-template-columns: repeat(auto-fill, minmax(17rem, 1fr)); }
.card { border: 1px solid #d6d0c4; border-radius: 0.5rem; padding: 0.75rem; height: 100%; background: var(--paper); }
.card img { display: block; width: 100%; height: auto; aspect-ratio: 4 / 3; object-fit: cover; border-radius: 0.3rem; margin-bottom: 0.5rem; background: var(--soft); }
.card p { margin: 0.25rem 0; }
.story { max-width: 48rem; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; margin: 0 0 1rem; }
.facts dt { font-weight: 600; color: var(--muted); }
.facts dd { margin: 0; }
.story-text p { margin: 0 0 0.9rem; }
.photos ul { list-style: none; padding: 0; margin: 1rem 0; display: grid; gap: 0.75rem; grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr)); }
.photos img { display: block; width: 100%; height: auto; border-radius: 0.3rem; }
.print-hint { color: var(--muted); font-size: 0.9rem; }
.booklets { margin-top: 1.5rem; }
.booklets ul { padding-left: 1.2rem; }
.booklet-story { border-top: 2px solid var(--soft); padding-top: 1rem; margin-top: 1.5rem; }
.site-footer { max-width: 64rem; margin: 2rem auto 0; padding: 1rem; border-top: 1px solid #d6d0c4; color: var(--muted); font-size: 0.9rem; }
@media (max-width: 30rem) {
  h1 { font-size: 1.45rem; }
  .facts { grid-template-columns: 1fr; gap: 0; }
  .facts dd { margin-bottom: 0.4rem; }
}
@page { size: A4; margin: 16mm 15mm; }
@media print {
  body { font-size: 11pt; line-height: 1.45; color: #000000; }
  .skip, .filters, .search, #search-results, .site-footer p + p, .print-hint, .back, .booklets { display: none !important; }
  .site-header { background: none; border-bottom: 2px solid #000000; padding: 0 0 4mm; }
  .brand, .brand:hover { color: #000000; text-decoration: none; }
  main { max-width: none; padding: 0; }
  h1 { color: #000000; font-size: 20pt; }
  a { color: #000000; text-decoration: none; }
  .story, .booklet-story { break-inside: auto; }
  .story-text p { orphans: 3; widows: 3; }
  .photos ul { grid-template-columns: repeat(2, 1fr); }
  .photos img { max-height: 80mm; object-fit: contain; }
  .booklet-story { break-before: page; border: none; margin: 0; padding: 0; }
  .stories { grid-template-columns: repeat(2, 1fr); }
  .card { break-inside: avoid; }
}
`;
