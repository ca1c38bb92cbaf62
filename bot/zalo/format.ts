// Zalo shows plain text with style ranges, not HTML. The handlers write the HTML subset every
// channel renders (<b>, <i>, <code>, entities); this turns it into Zalo's text and styles and
// cuts texts longer than a Zalo message into several.
import { TextStyle, type Style } from "zca-js";
import { hardCutPoint } from "../../core/text/cut";

/** Zalo's message length limit (the official API's 2000 characters; zca-js publishes none). */
export const zaloMaxMessageLength = 2000;

/** Text as Zalo takes it: plain characters and style ranges in UTF-16 code units. */
export interface StyledText {
  text: string;
  styles: Style[];
}

// === HTML → styled text

const namedEntities: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

function decodeEntity(body: string): string | undefined {
  if (body.startsWith("#x") || body.startsWith("#X")) {
    const code = Number.parseInt(body.slice(2), 16);
    return Number.isFinite(code) ? String.fromCodePoint(code) : undefined;
  }
  if (body.startsWith("#")) {
    const code = Number.parseInt(body.slice(1), 10);
    return Number.isFinite(code) ? String.fromCodePoint(code) : undefined;
  }
  return namedEntities[body.toLowerCase()];
}

/** Tags that become a Zalo style; the rest of the subset keeps its text and loses the markup. */
const styleOfTag: Record<string, TextStyle.Bold | TextStyle.Italic | TextStyle.Underline | TextStyle.StrikeThrough> = {
  b: TextStyle.Bold,
  strong: TextStyle.Bold,
  i: TextStyle.Italic,
  em: TextStyle.Italic,
  u: TextStyle.Underline,
  ins: TextStyle.Underline,
  s: TextStyle.StrikeThrough,
  strike: TextStyle.StrikeThrough,
  del: TextStyle.StrikeThrough,
};

const tagPattern = /^<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^>]*)?)\/?>/;

/**
 * Converts the HTML subset to Zalo text with styles. Bold and italic (and underline,
 * strike-through) become style ranges; <code> and <pre> keep their text (Zalo has no
 * monospace); a link shows its text followed by the address in brackets when they differ.
 *
 * ```ts
 * htmlToStyledText("<b>Đề cử</b> &amp; duyệt")
 * // { text: "Đề cử & duyệt", styles: [{ start: 0, len: 6, st: "b" }] }
 * ```
 */
export function htmlToStyledText(html: string): StyledText {
  let text = "";
  const styles: Style[] = [];
  const open: { tag: string; start: number; href?: string }[] = [];

  const close = (tag: string) => {
    const at = open.map((o) => o.tag).lastIndexOf(tag);
    if (at < 0) return;
    const [entry] = open.splice(at, 1);
    if (!entry) return;
    const style = styleOfTag[tag];
    if (style && text.length > entry.start) styles.push({ start: entry.start, len: text.length - entry.start, st: style });
    if (tag === "a" && entry.href) {
      const label = text.slice(entry.start);
      if (label.trim() !== entry.href) text += ` (${entry.href})`;
    }
  };

  let i = 0;
  while (i < html.length) {
    const ch = html[i]!;
    if (ch === "<") {
      const match = tagPattern.exec(html.slice(i));
      if (match) {
        const [whole, slash, rawName, attributes] = match;
        const tag = rawName!.toLowerCase();
        if (tag === "br") text += "\n";
        else if (slash) close(tag);
        else {
          const href = tag === "a" ? /href\s*=\s*"([^"]*)"/i.exec(attributes ?? "")?.[1] : undefined;
          open.push({ tag, start: text.length, ...(href ? { href: decodeEntities(href) } : {}) });
        }
        i += whole.length;
        continue;
      }
    }
    if (ch === "&") {
      const end = html.indexOf(";", i);
      if (end > i && end - i <= 10) {
        const decoded = decodeEntity(html.slice(i + 1, end));
        if (decoded !== undefined) {
          text += decoded;
          i = end + 1;
          continue;
        }
      }
    }
    text += ch;
    i += 1;
  }
  // Unclosed tags still style up to the end, as a browser would render them.
  while (open.length > 0) close(open[open.length - 1]!.tag);
  styles.sort((a, b) => a.start - b.start || a.len - b.len);
  return { text, styles };
}

function decodeEntities(text: string): string {
  return htmlToStyledText(text).text;
}

// === Splitting

/** Where to cut `text` at or before `limit`: a paragraph break, else a line break, else a space. */
function cutPoint(text: string, limit: number): number {
  const window = text.slice(0, limit + 1);
  for (const separator of ["\n\n", "\n", " "]) {
    const at = window.lastIndexOf(separator);
    if (at > 0) return at;
  }
  // No break at all: cut hard, but between characters (an emoji or a letter with its mark whole).
  return hardCutPoint(text, limit);
}

/** The part of `styles` inside [start, end), moved to start at 0. */
function sliceStyles(styles: Style[], start: number, end: number): Style[] {
  const out: Style[] = [];
  for (const style of styles) {
    const from = Math.max(style.start, start);
    const to = Math.min(style.start + style.len, end);
    if (to > from) out.push({ ...style, start: from - start, len: to - from });
  }
  return out;
}

/**
 * Cuts a styled text into messages of at most `limit` characters, on paragraph boundaries
 * where it can, then on lines, then on spaces. Whitespace at a cut is dropped.
 *
 * ```ts
 * splitStyledText({ text: "a\n\nb", styles: [] }, 2) // [{ text: "a", ... }, { text: "b", ... }]
 * ```
 */
export function splitStyledText(styled: StyledText, limit: number = zaloMaxMessageLength): StyledText[] {
  const parts: StyledText[] = [];
  let offset = 0;
  const { text } = styled;
  while (offset < text.length) {
    while (offset < text.length && /\s/.test(text[offset]!)) offset += 1;
    if (offset >= text.length) break;
    const rest = text.slice(offset);
    const length = rest.length <= limit ? rest.length : cutPoint(rest, limit);
    const chunk = rest.slice(0, length).trimEnd();
    parts.push({ text: chunk, styles: sliceStyles(styled.styles, offset, offset + chunk.length) });
    offset += length;
  }
  return parts;
}
