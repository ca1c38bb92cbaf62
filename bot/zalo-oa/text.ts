// The OA shows plain text only: the handlers' HTML subset (<b>, <i>, <code>, links, entities)
// becomes its text, and a text over Zalo's 2,000 characters is cut into several messages at
// paragraph, line or sentence boundaries, never inside a word.
import { hardCutPoint } from "../../core/text/cut";

/** The most characters one OA message takes. */
export const oaMaxTextLength = 2000;

const entities: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, body: string) => {
    if (body[0] === "#") {
      const code = body[1] === "x" || body[1] === "X" ? Number.parseInt(body.slice(2), 16) : Number.parseInt(body.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
    }
    return entities[body.toLowerCase()] ?? whole;
  });
}

/**
 * The plain text of the HTML subset: tags dropped, entities decoded, a link's address after its
 * text when they differ.
 *
 * ```ts
 * htmlToPlainText('<b>Đề cử</b> &amp; <a href="https://x.vn">thể lệ</a>') // "Đề cử & thể lệ (https://x.vn)"
 * ```
 */
export function htmlToPlainText(html: string): string {
  const withLinks = html.replace(/<a\s[^>]*href\s*=\s*"([^"]*)"[^>]*>([\s\S]*?)<\/a>/gi, (_whole, href: string, label: string) => {
    const text = label.replace(/<[^>]*>/g, "");
    const url = decodeEntities(href);
    return decodeEntities(text).trim() === url ? text : `${text} (${href})`;
  });
  return decodeEntities(withLinks.replace(/<br\s*\/?>/gi, "\n").replace(/<\/?[a-zA-Z][^>]*>/g, ""));
}

/** Where to cut `text` at or before `limit`: the best boundary, or a hard cut inside one huge word. */
function cutPoint(text: string, limit: number): number {
  const window = text.slice(0, limit + 1);
  const paragraph = window.lastIndexOf("\n\n");
  if (paragraph > 0) return paragraph;
  const line = window.lastIndexOf("\n");
  if (line > 0) return line;
  // The end of the last sentence that fits: ".", "!", "?" or "…" followed by a space.
  let sentence = -1;
  for (const match of window.matchAll(/[.!?…]["'”»)]*\s/g)) sentence = match.index + match[0].length - 1;
  if (sentence > 0) return sentence;
  const space = window.lastIndexOf(" ");
  if (space > 0) return space;
  // No break at all: cut hard, but between characters (an emoji or a letter with its mark whole).
  return hardCutPoint(text, limit);
}

/**
 * Cuts a text into messages of at most `limit` characters; whitespace at a cut is dropped.
 *
 * ```ts
 * splitText("Một.\n\nHai.", 6) // ["Một.", "Hai."]
 * ```
 */
export function splitText(text: string, limit: number = oaMaxTextLength): string[] {
  const parts: string[] = [];
  let rest = text.trim();
  while (rest.length > 0) {
    if (rest.length <= limit) {
      parts.push(rest);
      break;
    }
    const at = cutPoint(rest, limit);
    parts.push(rest.slice(0, at).trimEnd());
    rest = rest.slice(at).trimStart();
  }
  return parts;
}
