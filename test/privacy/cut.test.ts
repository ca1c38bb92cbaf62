// Shortening and splitting never cut a character in two: emoji with skin tones, families joined
// by ZWJ, flags, and Vietnamese letters typed with combining marks stay whole at every cut.
import { describe, expect, it } from "vitest";
import { splitText } from "../../bot/zalo-oa/text";
import { splitStyledText } from "../../bot/zalo/format";
import { boundaryAtOrBefore, cutText, shortenText, visibleCharacters } from "../../core/text/cut";
import { shorten } from "../../core/reports/figures";

const family = "👨‍👩‍👧‍👦";
const thumb = "👍🏽";
const flag = "🇻🇳";
const nfdViet = "Nguyễn".normalize("NFD");

/** Whether every grapheme of `part` is a whole grapheme of `whole`. */
function wholeGraphemes(part: string, whole: string): boolean {
  const seg = new Intl.Segmenter("vi", { granularity: "grapheme" });
  const all = new Set([...seg.segment(whole)].map((s) => s.segment));
  return [...seg.segment(part)].every((s) => all.has(s.segment) || s.segment === "…");
}

describe("cutting text between characters", () => {
  it("finds the boundary before a cluster that does not fit", () => {
    const text = `ab${family}cd`;
    for (let i = 3; i < 2 + family.length; i += 1) expect(boundaryAtOrBefore(text, i)).toBe(2);
    expect(boundaryAtOrBefore(text, 2 + family.length)).toBe(2 + family.length);
  });

  it("cuts and shortens every kind of cluster whole, at every length", () => {
    const text = `${nfdViet} ${thumb}${flag}${family} Văn An ${family}${thumb}`;
    for (let max = 1; max <= text.length; max += 1) {
      const cut = cutText(text, max);
      expect(cut.length).toBeLessThanOrEqual(max);
      expect(text.startsWith(cut)).toBe(true);
      expect(wholeGraphemes(cut, text), `cutText at ${max}`).toBe(true);
      const short = shortenText(text, max);
      expect(short.length).toBeLessThanOrEqual(max);
      expect(wholeGraphemes(short, text), `shortenText at ${max}`).toBe(true);
      expect(wholeGraphemes(shorten(text, Math.max(2, max)), text), `reports' shorten at ${max}`).toBe(true);
    }
    expect(visibleCharacters(`${family}${flag}${nfdViet}`)).toBe(2 + "Nguyễn".length);
  });

  it("splits long messages for Zalo and the OA without halving an emoji", () => {
    const text = `${family}${thumb}`.repeat(300);
    for (const limit of [13, 50, 2000]) {
      const parts = splitText(text, limit);
      expect(parts.join("")).toBe(text);
      for (const part of parts) expect(part.length).toBeLessThanOrEqual(limit);
      for (const part of parts) expect(wholeGraphemes(part, text)).toBe(true);
      const styled = splitStyledText({ text, styles: [] }, limit);
      expect(styled.map((p) => p.text).join("")).toBe(text);
      for (const part of styled) expect(wholeGraphemes(part.text, text)).toBe(true);
    }
  });
});
