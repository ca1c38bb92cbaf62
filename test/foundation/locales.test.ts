import path from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../../core/db/paths";
import { Translations, escapeHtml, localeSources, locales, messageIds, toLocale, type Locale } from "../../core/i18n";

const source = (locale: Locale) =>
  localeSources(path.join(repoRoot, "locales"), locale)
    .map((s) => s.source)
    .join("\n");

/** Variables a message uses, e.g. { $name } → "name". */
function variables(ftl: string): Map<string, string[]> {
  const result = new Map<string, string[]>();
  let current = "";
  for (const line of ftl.split("\n")) {
    const head = /^([a-zA-Z][\w-]*)\s*=/.exec(line);
    if (head) current = head[1]!;
    if (!current || line.startsWith("#")) continue;
    const vars = [...line.matchAll(/\{\s*\$([\w-]+)/g)].map((m) => m[1]!);
    result.set(current, [...new Set([...(result.get(current) ?? []), ...vars])].sort());
  }
  return result;
}

describe("locales", () => {
  it("define the same messages in every language", () => {
    const [first, ...rest] = locales.map((l) => ({ locale: l, ids: messageIds(source(l)) }));
    for (const other of rest) {
      const missingThere = first!.ids.filter((id) => !other.ids.includes(id));
      const missingHere = other.ids.filter((id) => !first!.ids.includes(id));
      expect({ [`missing in ${other.locale}`]: missingThere, [`missing in ${first!.locale}`]: missingHere }).toEqual({
        [`missing in ${other.locale}`]: [],
        [`missing in ${first!.locale}`]: [],
      });
    }
  });

  it("use the same variables in every language", () => {
    const vi = variables(source("vi"));
    const en = variables(source("en"));
    for (const [id, vars] of vi) expect({ id, vars: en.get(id) }).toEqual({ id, vars });
  });

  it("have no message the parser had to skip (a syntax error drops a message silently)", () => {
    for (const locale of locales) {
      const written = [...source(locale).matchAll(/^([a-zA-Z][\w-]*)\s*=/gm)].map((m) => m[1]!);
      const parsed = new Set(messageIds(source(locale)));
      expect({ locale, skipped: written.filter((id) => !parsed.has(id)) }).toEqual({ locale, skipped: [] });
    }
  });

  it("define no message twice", () => {
    for (const locale of locales) {
      const ids = messageIds(source(locale));
      expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    }
  });

  it("load without syntax errors and render every message", () => {
    const i18n = new Translations("vi");
    for (const locale of locales) {
      for (const id of messageIds(source(locale))) expect(i18n.t(locale, id)).not.toBe("");
    }
  });

  it("escape user input in arguments", () => {
    const i18n = new Translations("vi");
    const out = i18n.t("vi", "setup-database-error", { database: "<b>x</b>", reason: "a & b" });
    expect(out).toContain("&lt;b&gt;x&lt;/b&gt;");
    expect(out).toContain("a &amp; b");
    expect(escapeHtml("<i>")).toBe("&lt;i&gt;");
  });

  it("speak Vietnamese by default with full diacritics, English on request", () => {
    const i18n = new Translations("vi");
    expect(i18n.t("vi", "status-REJECTED")).toBe("Không được duyệt");
    expect(i18n.t("en", "status-REJECTED")).toBe("Not approved");
    expect(i18n.t("en", "no-such-message")).toBe("no-such-message");
  });

  it("map channel language codes to a supported locale", () => {
    expect(toLocale("en-US", "vi")).toBe("en");
    expect(toLocale("vi", "en")).toBe("vi");
    expect(toLocale("fr", "vi")).toBe("vi");
    expect(toLocale(undefined, "en")).toBe("en");
  });
});
