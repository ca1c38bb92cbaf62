// HTML from template literals with every interpolated value escaped unless it is already HTML,
// so a nominee's name or a story's text can never become markup on the public pages.

/** Markup that is already safe (built by `html` or escaped on purpose). */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

/** Escapes text for HTML element content and double- or single-quoted attributes. */
export function escapeAttr(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

/** A value inside `html`: text is escaped, SafeHtml kept, lists joined, nothing for null/false. */
type Interpolation = SafeHtml | string | number | null | undefined | false | readonly Interpolation[];

function render(value: Interpolation): string {
  if (value === null || value === undefined || value === false) return "";
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join("");
  return escapeAttr(String(value));
}

/**
 * Builds safe HTML.
 *
 * ```ts
 * html`<h1 title="${name}">${name}</h1>` // name escaped in both places
 * ```
 */
export function html(strings: TemplateStringsArray, ...values: Interpolation[]): SafeHtml {
  let out = strings[0]!;
  values.forEach((v, i) => (out += render(v) + strings[i + 1]!));
  return new SafeHtml(out);
}

/** Plain text as paragraphs: blank lines part paragraphs, single line breaks stay breaks. */
export function paragraphs(text: string): SafeHtml {
  const parts = text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  return new SafeHtml(parts.map((p) => `<p>${p.split("\n").map(escapeAttr).join("<br>")}</p>`).join("\n"));
}
