// Shortening people's text without breaking a character. Channel limits are counted in UTF-16
// units (Telegram and Zalo both count that way), but a cut must fall between grapheme clusters:
// never between the halves of an emoji, a flag's two letters, a family joined by ZWJ, or a
// Vietnamese letter and its combining tone mark.

const graphemes = new Intl.Segmenter("vi", { granularity: "grapheme" });

/**
 * The largest grapheme boundary at or before `index` (a UTF-16 offset into `text`).
 *
 * ```ts
 * boundaryAtOrBefore("ab👍🏽", 3) // 2: the thumb and its skin tone stay together
 * ```
 */
export function boundaryAtOrBefore(text: string, index: number): number {
  if (index >= text.length) return text.length;
  if (index <= 0) return 0;
  let boundary = 0;
  // Whether a cluster breaks before a position depends only on what comes before and at it, so
  // the text up to the code point at `index` decides every boundary at or before it.
  for (const { index: start } of graphemes.segment(text.slice(0, index + 2))) {
    if (start > index) break;
    boundary = start;
  }
  return boundary;
}

/**
 * The longest prefix of `text` of at most `max` UTF-16 units that ends between characters.
 *
 * ```ts
 * cutText("Chúc mừng 🎉", 11) // "Chúc mừng " (the emoji does not fit, and is not halved)
 * ```
 */
export function cutText(text: string, max: number): string {
  return text.length <= max ? text : text.slice(0, boundaryAtOrBefore(text, max));
}

/**
 * `text` in at most `max` UTF-16 units, ending with `more` (an ellipsis by default) when it was
 * shortened; at a word boundary when one lies in the last `wordSlack` share of the room.
 *
 * ```ts
 * shortenText("Nguyễn Văn An hiến máu 20 lần", 16) // "Nguyễn Văn An…"
 * ```
 */
export function shortenText(text: string, max: number, opts: { more?: string; wordSlack?: number } = {}): string {
  if (text.length <= max) return text;
  const more = opts.more ?? "…";
  const cut = cutText(text, Math.max(0, max - more.length));
  const space = cut.lastIndexOf(" ");
  const room = max - more.length;
  const atWord = opts.wordSlack !== undefined && space > room * (1 - opts.wordSlack) ? cut.slice(0, space) : cut;
  return `${atWord.trimEnd()}${more}`;
}

/** How many characters a person sees in `text` (grapheme clusters), for limits said to people. */
export function visibleCharacters(text: string): number {
  let count = 0;
  for (const _ of graphemes.segment(text)) count += 1;
  return count;
}

/**
 * Where to cut `text` hard at or before `limit` when no word boundary fits: between grapheme
 * clusters, or, for a single cluster longer than the limit, between code points (never
 * between the halves of a surrogate pair). Always at least one code point, so a loop advances.
 */
export function hardCutPoint(text: string, limit: number): number {
  const boundary = boundaryAtOrBefore(text, limit);
  if (boundary > 0) return boundary;
  const code = text.charCodeAt(limit - 1);
  const cut = code >= 0xd800 && code <= 0xdbff ? limit - 1 : limit;
  return Math.max(cut, (text.codePointAt(0) ?? 0) > 0xffff ? 2 : 1);
}
