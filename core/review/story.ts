// The public story an officer edits and approves. It is built from the nomination without its
// private data: the contact number never appears, and phone numbers or e-mail addresses
// typed into the achievements are masked, since a broadcast must carry no personal data.

const phonePattern = /(?:\+?84|0)(?:[\s.-]?\d){8,10}\b/g;
const emailPattern = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;

/** Masks phone numbers and e-mail addresses in free text. */
export function maskPersonalData(text: string): string {
  return text.replace(emailPattern, "…").replace(phonePattern, "…");
}

/**
 * The first draft of the public story: the nominator's own account, with personal data
 * masked. Name, unit and field are not repeated in it, because the card and the digest show
 * them above the story; officers are expected to edit it, and stay truthful by starting from
 * what the nominator wrote.
 */
export function draftPublicStory(achievements: string): string {
  return maskPersonalData(achievements.trim());
}
