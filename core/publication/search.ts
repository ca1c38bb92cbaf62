// Search without a server: a small index prebuilt with the pages (each story's name, unit,
// field, year, summary and its words folded without diacritics) and a tiny script that shows
// the search box, folds what is typed the same way ("nguyen" finds "Nguyễn") and lists matches.
import { foldText } from "../text/fold";
import type { StoryView } from "./model";

/** One entry of search-index.json. */
export interface SearchEntry {
  url: string;
  name: string;
  meta: string;
  summary: string;
  thumb: string | null;
  alt: string | null;
  /** Folded name, unit, field, movement, year and text: what a query is matched against. */
  words: string;
}

/** The search index of the stories, newest first. */
export function searchIndex(views: StoryView[]): SearchEntry[] {
  return views.map((v) => {
    const meta = [v.fieldName, v.story.unit?.name, v.approvedOn].filter(Boolean).join(" · ");
    const haystack = [v.story.nomineeName, v.story.unit?.name, v.fieldName, v.story.movement?.nameVi, String(v.year), v.text].filter(Boolean).join(" ");
    return {
      url: v.path,
      name: v.story.nomineeName,
      meta,
      summary: v.summary,
      thumb: v.photos[0]?.thumbPath ?? null,
      alt: v.photos[0]?.alt ?? null,
      words: foldText(haystack.replace(/[\p{P}\p{S}]+/gu, " ")),
    };
  });
}

/**
 * The contents of search.js. It folds queries as `foldText` does, keeps entries that contain
 * every typed word, and builds results with text nodes only (never markup from the index).
 */
export const searchScript = `"use strict";
(function () {
  var form = document.getElementById("search");
  var input = document.getElementById("q");
  var out = document.getElementById("search-results");
  var list = document.getElementById("stories");
  var total = document.getElementById("story-count");
  var showList = function (show) { list.hidden = !show; if (total) total.hidden = !show; };
  if (!form || !input || !out || !list || !window.fetch) return;
  var fold = function (s) {
    return s.normalize("NFD").replace(/\\p{M}/gu, "").replace(/[đĐ]/g, "d").toLowerCase().replace(/[\\p{P}\\p{S}]+/gu, " ").replace(/\\s+/g, " ").trim();
  };
  var el = function (tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text) e.textContent = text;
    return e;
  };
  fetch("search-index.json").then(function (r) { return r.json(); }).then(function (entries) {
    form.hidden = false;
    form.addEventListener("submit", function (e) { e.preventDefault(); });
    input.addEventListener("input", function () {
      var words = fold(input.value).split(" ").filter(Boolean);
      out.textContent = "";
      if (words.length === 0) { out.hidden = true; showList(true); return; }
      var found = entries.filter(function (en) { return words.every(function (w) { return en.words.indexOf(w) !== -1; }); });
      out.appendChild(el("p", { "class": "count" }, found.length ? form.dataset.count.replace("{n}", String(found.length)) : form.dataset.none));
      var ul = el("ul", {});
      found.forEach(function (en) {
        var li = el("li", {});
        var art = el("article", { "class": "card" });
        if (en.thumb) art.appendChild(el("img", { src: en.thumb, alt: en.alt || "", loading: "lazy" }));
        var h = el("h2", {});
        h.appendChild(el("a", { href: en.url }, en.name));
        art.appendChild(h);
        art.appendChild(el("p", { "class": "meta" }, en.meta));
        art.appendChild(el("p", {}, en.summary));
        li.appendChild(art);
        ul.appendChild(li);
      });
      out.appendChild(ul);
      out.hidden = false;
      showList(false);
    });
  }).catch(function () { form.hidden = true; });
})();
`;
