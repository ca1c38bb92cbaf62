// Every user-facing string comes from locales/<locale>.ftl (Project Fluent). Arguments are
// escaped for the HTML subset the channels render, so user input can never inject markup.
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { FluentBundle, FluentResource, type FluentVariable } from "@fluent/bundle";
import { repoRoot } from "./db/paths";

/** Languages the bot speaks. */
export const locales = ["vi", "en"] as const;
export type Locale = (typeof locales)[number];

/** Narrows any string (a stored preference, a Telegram language_code) to a Locale. */
export function toLocale(value: string | null | undefined, fallback: Locale): Locale {
  const base = value?.toLowerCase().split(/[-_]/)[0] ?? "";
  return (locales as readonly string[]).includes(base) ? (base as Locale) : fallback;
}

/** Escapes text for Telegram's HTML parse mode (and is harmless elsewhere). */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Arguments of a message. Strings are escaped; numbers and dates are formatted by Fluent. */
export type MessageArgs = Record<string, string | number | Date | null | undefined>;

/** Message ids of a Fluent file, in order (attributes as `id.attr`). */
export function messageIds(source: string): string[] {
  const resource = new FluentResource(source) as unknown as {
    body: { id: string; attributes: Record<string, unknown> }[];
  };
  return resource.body.flatMap((m) => [m.id, ...Object.keys(m.attributes).map((a) => `${m.id}.${a}`)]);
}

/**
 * The Fluent sources of a locale: `locales/<locale>.ftl` and every `locales/<locale>/*.ftl`
 * (one file per feature, so features add messages without touching each other's files).
 */
export function localeSources(dir: string, locale: Locale): { file: string; source: string }[] {
  const files: string[] = [];
  const single = path.join(dir, `${locale}.ftl`);
  if (existsSync(single)) files.push(single);
  const folder = path.join(dir, locale);
  if (existsSync(folder)) {
    files.push(...readdirSync(folder).filter((f) => f.endsWith(".ftl")).sort().map((f) => path.join(folder, f)));
  }
  return files.map((file) => ({ file, source: readFileSync(file, "utf8") }));
}

/** The loaded locale bundles, and `t` to render a message. */
export class Translations {
  private readonly bundles = new Map<Locale, FluentBundle>();
  readonly sources = new Map<Locale, string>();

  constructor(
    readonly defaultLocale: Locale = "vi",
    dir = path.join(repoRoot, "locales"),
  ) {
    for (const locale of locales) {
      const bundle = new FluentBundle(locale, { useIsolating: false });
      const sources = localeSources(dir, locale);
      for (const { file, source } of sources) {
        // A message defined twice would silently keep the first: refuse it instead.
        const errors = bundle.addResource(new FluentResource(source));
        if (errors.length > 0) throw new Error(`${path.relative(dir, file)}: ${errors.map(String).join("; ")}`);
      }
      this.bundles.set(locale, bundle);
      this.sources.set(locale, sources.map((s) => s.source).join("\n"));
    }
  }

  /** Whether a message exists in a locale. */
  has(locale: Locale, id: string): boolean {
    return this.bundles.get(locale)?.hasMessage(id) ?? false;
  }

  /**
   * Renders message `id` in `locale` (falling back to the default locale). String arguments
   * are HTML-escaped, unless `escape: false` for plain-text destinations such as the
   * terminal; a missing message renders as its id so the gap is visible, not fatal.
   *
   * ```ts
   * i18n.t("vi", "start-greeting", { name: "Lan" }) // "Xin chào Lan! ..."
   * ```
   */
  t(locale: Locale, id: string, args: MessageArgs = {}, opts: { escape?: boolean } = {}): string {
    const [messageId, attribute] = id.split(".") as [string, string | undefined];
    const bundle = this.has(locale, messageId) ? this.bundles.get(locale)! : this.bundles.get(this.defaultLocale)!;
    const message = bundle.getMessage(messageId);
    const pattern = attribute ? message?.attributes[attribute] : message?.value;
    if (!pattern) return id;
    const safe: Record<string, FluentVariable> = {};
    for (const [k, v] of Object.entries(args)) {
      if (v === null || v === undefined) safe[k] = "";
      else safe[k] = typeof v === "string" && opts.escape !== false ? escapeHtml(v) : v;
    }
    // Collecting errors keeps a missing argument from throwing mid-conversation: the
    // placeholder shows as {$name}, visible in tests and harmless to the user.
    const errors: Error[] = [];
    return bundle.formatPattern(pattern, safe, errors);
  }
}
