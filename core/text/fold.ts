// Vietnamese typed on a phone often comes without diacritics ("giao duc"), so every match
// against names the bot knows (fields, units, buttons) compares folded text.

/**
 * Lower-cases, strips diacritics (đ → d) and collapses whitespace.
 *
 * ```ts
 * foldText("  Giáo dục  và ĐÀO tạo ") // "giao duc va dao tao"
 * ```
 */
export function foldText(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

/** The key a nominee's name is compared by for duplicates (`Nomination.nomineeNameKey`). */
export function nomineeNameKey(name: string): string {
  return foldText(name);
}

/** Folded text without punctuation, so "giao duc," and "Giáo dục" compare equal. */
function searchForm(text: string): string {
  return foldText(text.replace(/[\p{P}\p{S}]+/gu, " "));
}

/**
 * Whether typed text loosely names a candidate: every typed word starts a word of the
 * candidate (in any order), ignoring case, diacritics and punctuation.
 *
 * ```ts
 * looselyMatches("giao duc", "Giáo dục và đào tạo") // true
 * ```
 */
export function looselyMatches(typed: string, candidate: string): boolean {
  const words = searchForm(typed).split(" ").filter(Boolean);
  if (words.length === 0) return false;
  const target = searchForm(candidate).split(" ");
  return words.every((w) => target.some((t) => t.startsWith(w)));
}
