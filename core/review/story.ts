// The public story an officer edits and approves. It is built from the nomination without its
// private data: the contact number never appears, and phone numbers or e-mail addresses
// typed into the achievements are masked, since a broadcast must carry no personal data.
import type { Locale } from "../i18n";

const phonePattern = /(?:\+?84|0)(?:[\s.-]?\d){8,10}\b/g;
const emailPattern = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;

/** Masks phone numbers and e-mail addresses in free text. */
export function maskPersonalData(text: string): string {
  return text.replace(emailPattern, "…").replace(phonePattern, "…");
}

/** What the default story is made of. */
export interface StorySource {
  nomineeName: string;
  unitName: string;
  fieldName: string;
  achievements: string;
}

/**
 * A plain-text first draft of the public story: who, where, which field, what they did.
 * Officers are expected to edit it; it stays truthful by quoting the nominator's account.
 */
export function draftPublicStory(source: StorySource, locale: Locale): string {
  const heading =
    locale === "vi"
      ? `${source.nomineeName} (${source.unitName}) — lĩnh vực ${source.fieldName}`
      : `${source.nomineeName} (${source.unitName}) — ${source.fieldName}`;
  return `${heading}\n\n${maskPersonalData(source.achievements.trim())}`;
}
