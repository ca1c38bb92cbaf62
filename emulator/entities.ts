import { badRequest } from "./errors";
import type { TgMessageEntity } from "./types";

/** Text after entity parsing: the plain text and its entities, offsets in UTF-16 code units. */
export interface FormattedText {
  text: string;
  entities: TgMessageEntity[];
}

/** Entity types a bot may send (explicitly or through a parse mode). */
export const entityTypes = new Set([
  "mention", "hashtag", "cashtag", "bot_command", "url", "email", "phone_number", "bold", "italic",
  "underline", "strikethrough", "spoiler", "blockquote", "expandable_blockquote", "code", "pre",
  "text_link", "text_mention", "custom_emoji", "date_time",
]);

/**
 * Turns what a bot sent (text + parse_mode, or text + explicit entities) into the text and
 * entities Telegram stores, with Telegram's errors for bad markup. Leading and trailing
 * whitespace is trimmed and automatic entities (links, mentions, commands) are added, as
 * Telegram does.
 *
 * @example
 * formatText("<b>Hi</b> there", "HTML"); // { text: "Hi there", entities: [{ type: "bold", offset: 0, length: 2 }] }
 */
export function formatText(input: string, parseMode?: string, explicit?: TgMessageEntity[]): FormattedText {
  let parsed: FormattedText;
  if (explicit && explicit.length > 0) parsed = { text: input, entities: checkExplicitEntities(input, explicit) };
  else if (parseMode === undefined || parseMode === "") parsed = { text: input, entities: [] };
  else if (parseMode.toLowerCase() === "html") parsed = parseHtml(input);
  else if (parseMode === "MarkdownV2" || parseMode.toLowerCase() === "markdownv2") parsed = parseMarkdownV2(input);
  else if (parseMode.toLowerCase() === "markdown") parsed = parseMarkdown(input);
  else throw badRequest(`unsupported parse_mode`);
  const trimmed = trimText(parsed);
  return { text: trimmed.text, entities: sortEntities([...trimmed.entities, ...detectEntities(trimmed.text, trimmed.entities)]) };
}

// === Shared helpers

function parseError(reason: string): Error {
  return badRequest(`can't parse entities: ${reason}`);
}

function byteOffset(input: string, index: number): number {
  return Buffer.byteLength(input.slice(0, index), "utf8");
}

function sortEntities(entities: TgMessageEntity[]): TgMessageEntity[] {
  return entities.filter((e) => e.length > 0).sort((a, b) => a.offset - b.offset || b.length - a.length);
}

function trimText({ text, entities }: FormattedText): FormattedText {
  const lead = text.length - text.trimStart().length;
  const trimmed = text.trim();
  const adjusted = entities.flatMap((e) => {
    const start = Math.max(0, e.offset - lead);
    const end = Math.min(trimmed.length, e.offset + e.length - lead);
    return end > start ? [{ ...e, offset: start, length: end - start }] : [];
  });
  return { text: trimmed, entities: adjusted };
}

function checkExplicitEntities(text: string, entities: TgMessageEntity[]): TgMessageEntity[] {
  for (const entity of entities) {
    if (!entityTypes.has(entity.type)) throw parseError(`unsupported entity type "${entity.type}"`);
    if (entity.offset < 0 || entity.length < 0 || entity.offset + entity.length > text.length) {
      throw parseError(`entity ${entity.type} at offset ${entity.offset} is out of the text`);
    }
    if (entity.type === "text_link" && !entity.url) throw badRequest("can't parse entities: text_link entity needs a url");
    if (entity.type === "text_mention" && !entity.user) throw badRequest("can't parse entities: text_mention entity needs a user");
  }
  return entities.map((e) => ({ ...e }));
}

// Automatic entities are only found outside code and links, where a client would show them.
const autoPattern = /(?<url>\bhttps?:\/\/[^\s<>"]+[^\s<>".,;:!?)\]'])|(?<email>\b[\w.+-]+@[\w-]+\.[\w.-]*\w)|(?<mention>(?<![\w@])@[A-Za-z]\w{3,31}\b)|(?<hashtag>(?<![\w#])#\w*[A-Za-z_]\w*)|(?<bot_command>(?<![\w/<>])\/[A-Za-z0-9_]{1,32}(?:@[A-Za-z]\w{3,31})?(?![\w/<>]))/g;

function detectEntities(text: string, existing: TgMessageEntity[]): TgMessageEntity[] {
  const blocked = existing.filter((e) => ["code", "pre", "text_link", "url", "email", "custom_emoji"].includes(e.type));
  const found: TgMessageEntity[] = [];
  for (const match of text.matchAll(autoPattern)) {
    const type = Object.entries(match.groups ?? {}).find(([, v]) => v !== undefined)?.[0];
    if (!type) continue;
    const offset = match.index ?? 0;
    const length = match[0].length;
    if (blocked.some((b) => offset < b.offset + b.length && b.offset < offset + length)) continue;
    found.push({ type, offset, length });
  }
  return found;
}

// === HTML

const htmlTags: Record<string, string> = {
  b: "bold", strong: "bold", i: "italic", em: "italic", u: "underline", ins: "underline",
  s: "strikethrough", strike: "strikethrough", del: "strikethrough", "tg-spoiler": "spoiler",
  span: "spoiler", a: "text_link", code: "code", pre: "pre", blockquote: "blockquote", "tg-emoji": "custom_emoji",
};

const namedEntities: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'", nbsp: "\u00a0" };

interface OpenTag {
  name: string;
  start: number;
  attributes: Record<string, string>;
  language?: string;
}

/** Parses Telegram's HTML parse mode (the tags listed in the Bot API's formatting options). */
export function parseHtml(input: string): FormattedText {
  let text = "";
  const entities: TgMessageEntity[] = [];
  const stack: OpenTag[] = [];
  let i = 0;
  while (i < input.length) {
    const c = input[i]!;
    if (c === "&") {
      const match = /^&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z]+);/.exec(input.slice(i, i + 12));
      const decoded = match ? decodeHtmlEntity(match[1]!) : undefined;
      if (!match || decoded === undefined) {
        throw parseError(`character "&" must be escaped as "&amp;" at byte offset ${byteOffset(input, i)}`);
      }
      text += decoded;
      i += match[0].length;
      continue;
    }
    if (c !== "<") {
      text += c;
      i += 1;
      continue;
    }
    const tagStart = i;
    const close = input.indexOf(">", i);
    if (input[i + 1] === "/") {
      if (close < 0) throw parseError(`Unclosed end tag at byte offset ${byteOffset(input, tagStart)}`);
      const name = input.slice(i + 2, close).trim().toLowerCase();
      const open = stack.pop();
      if (!open) throw parseError(`Unexpected end tag at byte offset ${byteOffset(input, tagStart)}`);
      if (open.name !== name) {
        throw parseError(`Unmatched end tag at byte offset ${byteOffset(input, tagStart)}, expected "</${open.name}>", found "</${name}>"`);
      }
      closeHtmlTag(open, text, stack, entities);
      i = close + 1;
      continue;
    }
    const nameMatch = /^<([a-zA-Z][a-zA-Z0-9-]*)/.exec(input.slice(i, i + 40));
    const name = nameMatch?.[1]?.toLowerCase() ?? "";
    if (!(name in htmlTags)) throw parseError(`Unsupported start tag "${name}" at byte offset ${byteOffset(input, tagStart)}`);
    i += 1 + name.length;
    const attributes: Record<string, string> = {};
    for (;;) {
      while (i < input.length && /\s/.test(input[i]!)) i += 1;
      if (i >= input.length) throw parseError(`Unclosed start tag at byte offset ${byteOffset(input, tagStart)}`);
      if (input[i] === ">") break;
      const attr = /^([a-zA-Z-]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+)))?/.exec(input.slice(i));
      if (!attr) throw parseError(`Expected equal sign in declaration of an attribute of the tag "${name}" at byte offset ${byteOffset(input, i)}`);
      attributes[attr[1]!.toLowerCase()] = decodeAttribute(attr[2] ?? attr[3] ?? attr[4] ?? "");
      i += attr[0].length;
    }
    i += 1;
    if (name === "span" && attributes.class !== "tg-spoiler") {
      throw parseError(`Tag "span" must have class "tg-spoiler" at byte offset ${byteOffset(input, tagStart)}`);
    }
    if (name === "a" && !attributes.href) throw parseError(`Tag "a" must have attribute "href" at byte offset ${byteOffset(input, tagStart)}`);
    stack.push({ name, start: text.length, attributes });
  }
  const unclosed = stack.pop();
  if (unclosed) throw parseError(`Can't find end tag corresponding to start tag "${unclosed.name}"`);
  return { text, entities };
}

function closeHtmlTag(open: OpenTag, text: string, stack: OpenTag[], entities: TgMessageEntity[]): void {
  const length = text.length - open.start;
  const type = htmlTags[open.name]!;
  const parent = stack[stack.length - 1];
  const language = open.attributes.class?.startsWith("language-") ? open.attributes.class.slice("language-".length) : undefined;
  // <pre><code class="language-x"> is one pre entity with a language, not two entities.
  if (open.name === "code" && parent?.name === "pre" && parent.start === open.start) {
    if (language) parent.language = language;
    return;
  }
  if (length === 0) return;
  const entity: TgMessageEntity = { type, offset: open.start, length };
  if (type === "text_link") entity.url = open.attributes.href;
  if (type === "pre" && open.language) entity.language = open.language;
  if (type === "blockquote" && "expandable" in open.attributes) entity.type = "expandable_blockquote";
  if (type === "custom_emoji") {
    const id = open.attributes["emoji-id"];
    if (!id) return;
    entity.custom_emoji_id = id;
  }
  entities.push(entity);
}

function decodeHtmlEntity(body: string): string | undefined {
  if (body.startsWith("#x")) return String.fromCodePoint(Number.parseInt(body.slice(2), 16));
  if (body.startsWith("#")) return String.fromCodePoint(Number.parseInt(body.slice(1), 10));
  return namedEntities[body];
}

function decodeAttribute(value: string): string {
  return value.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z]+);/g, (whole, body: string) => decodeHtmlEntity(body) ?? whole);
}

// === MarkdownV2

const reservedV2 = new Set("_*[]()~`>#+-=|{}.!".split(""));
const v2Names: Record<string, string> = { "*": "Bold", _: "Italic", __: "Underline", "~": "Strikethrough", "||": "Spoiler", "[": "TextUrl" };
const v2Types: Record<string, string> = { "*": "bold", _: "italic", __: "underline", "~": "strikethrough", "||": "spoiler" };

/** Parses Telegram's MarkdownV2 parse mode, with its rule that reserved characters must be escaped. */
export function parseMarkdownV2(input: string): FormattedText {
  let text = "";
  const entities: TgMessageEntity[] = [];
  const stack: { token: string; start: number; inputIndex: number }[] = [];
  let quoteStart: number | undefined;
  let i = 0;
  while (i < input.length) {
    const c = input[i]!;
    const atLineStart = i === 0 || input[i - 1] === "\n";
    if (atLineStart && c === ">") {
      quoteStart ??= text.length;
      i += 1;
      continue;
    }
    if (atLineStart && quoteStart !== undefined && i > 0) {
      pushEntity(entities, "blockquote", quoteStart, text.length - 1);
      quoteStart = undefined;
    }
    if (c === "\\") {
      const next = input[i + 1];
      if (next === undefined) throw parseError(`Character '\\' is reserved and must be escaped with the preceding '\\'`);
      text += next;
      i += 2;
      continue;
    }
    if (c === "`") {
      i = parseV2Code(input, i, text.length, entities, (chunk) => (text += chunk));
      continue;
    }
    const token = c === "_" && input[i + 1] === "_" ? "__" : c === "|" && input[i + 1] === "|" ? "||" : c;
    if (token in v2Types) {
      const top = stack[stack.length - 1];
      if (top?.token === token) {
        stack.pop();
        pushEntity(entities, v2Types[token]!, top.start, text.length);
      } else {
        stack.push({ token, start: text.length, inputIndex: i });
      }
      i += token.length;
      continue;
    }
    if (c === "[") {
      stack.push({ token: "[", start: text.length, inputIndex: i });
      i += 1;
      continue;
    }
    if (c === "]") {
      const top = stack[stack.length - 1];
      if (top?.token !== "[") throw parseError(`Character ']' is reserved and must be escaped with the preceding '\\'`);
      if (input[i + 1] !== "(") throw parseError(`Can't find end of TextUrl entity at byte offset ${byteOffset(input, top.inputIndex)}`);
      const end = findUnescaped(input, ")", i + 2);
      if (end < 0) throw parseError(`Can't find end of TextUrl entity at byte offset ${byteOffset(input, top.inputIndex)}`);
      stack.pop();
      const url = input.slice(i + 2, end).replace(/\\([)\\])/g, "$1");
      if (text.length > top.start) entities.push({ type: "text_link", offset: top.start, length: text.length - top.start, url });
      i = end + 1;
      continue;
    }
    if (reservedV2.has(c)) throw parseError(`Character '${c}' is reserved and must be escaped with the preceding '\\'`);
    text += c;
    i += 1;
  }
  if (quoteStart !== undefined) pushEntity(entities, "blockquote", quoteStart, text.length);
  const open = stack[0];
  if (open) throw parseError(`Can't find end of ${v2Names[open.token] ?? "the"} entity at byte offset ${byteOffset(input, open.inputIndex)}`);
  return { text, entities };
}

function parseV2Code(input: string, i: number, offset: number, entities: TgMessageEntity[], append: (chunk: string) => void): number {
  const isPre = input.startsWith("```", i);
  const fence = isPre ? "```" : "`";
  let start = i + fence.length;
  let language: string | undefined;
  if (isPre) {
    const newline = input.indexOf("\n", start);
    const end = input.indexOf("```", start);
    if (newline >= 0 && (end < 0 || newline < end)) {
      language = input.slice(start, newline).trim() || undefined;
      start = newline + 1;
    }
  }
  const end = findUnescaped(input, fence, start);
  if (end < 0) throw parseError(`Can't find end of ${isPre ? "Pre" : "Code"} entity at byte offset ${byteOffset(input, i)}`);
  const body = input.slice(start, end).replace(/\\([`\\])/g, "$1");
  append(body);
  if (body.length > 0) {
    const entity: TgMessageEntity = { type: isPre ? "pre" : "code", offset, length: body.length };
    if (language) entity.language = language;
    entities.push(entity);
  }
  return end + fence.length;
}

function findUnescaped(input: string, needle: string, from: number): number {
  for (let i = from; i < input.length; i += 1) {
    if (input[i] === "\\") {
      i += 1;
      continue;
    }
    if (input.startsWith(needle, i)) return i;
  }
  return -1;
}

function pushEntity(entities: TgMessageEntity[], type: string, start: number, end: number): void {
  if (end > start) entities.push({ type, offset: start, length: end - start });
}

// === Markdown (legacy)

const legacyTypes: Record<string, string> = { "*": "bold", _: "italic" };

/** Parses the legacy Markdown parse mode: *bold*, _italic_, `code`, ```pre```, [text](url). */
export function parseMarkdown(input: string): FormattedText {
  let text = "";
  const entities: TgMessageEntity[] = [];
  let i = 0;
  while (i < input.length) {
    const c = input[i]!;
    if (c === "\\" && "_*`[".includes(input[i + 1] ?? "")) {
      text += input[i + 1];
      i += 2;
      continue;
    }
    if (c === "*" || c === "_" || c === "`" || c === "[") {
      const isPre = c === "`" && input.startsWith("```", i);
      const closer = isPre ? "```" : c === "[" ? "]" : c;
      const open = isPre ? 3 : 1;
      const end = input.indexOf(closer, i + open);
      if (end < 0) throw parseError(`Can't find end of the entity starting at byte offset ${byteOffset(input, i)}`);
      let body = input.slice(i + open, end);
      let next = end + closer.length;
      let entity: TgMessageEntity;
      if (c === "[") {
        const urlMatch = /^\(([^)]*)\)/.exec(input.slice(next));
        if (!urlMatch) throw parseError(`Can't find end of the entity starting at byte offset ${byteOffset(input, i)}`);
        next += urlMatch[0].length;
        entity = { type: "text_link", offset: text.length, length: body.length, url: urlMatch[1]! };
      } else if (isPre) {
        const newline = body.indexOf("\n");
        const language = newline > 0 ? body.slice(0, newline).trim() : "";
        if (language && !/\s/.test(language)) body = body.slice(newline + 1);
        entity = { type: "pre", offset: text.length, length: body.length, ...(language && !/\s/.test(language) ? { language } : {}) };
      } else {
        entity = { type: c === "`" ? "code" : legacyTypes[c]!, offset: text.length, length: body.length };
      }
      text += body;
      if (entity.length > 0) entities.push(entity);
      i = next;
      continue;
    }
    text += c;
    i += 1;
  }
  return { text, entities };
}
