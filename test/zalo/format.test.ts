// The HTML subset the handlers write, as Zalo's plain text with style ranges, and long texts
// cut on paragraph boundaries.
import { describe, expect, it } from "vitest";
import { TextStyle } from "zca-js";
import { htmlToStyledText, splitStyledText, zaloMaxMessageLength } from "../../bot/zalo/format";
import { numberedList, resolveReply, type ZaloMenu } from "../../bot/zalo/menu";

/** The text each style covers, to read assertions at a glance. */
function covered(html: string): [string, string][] {
  const { text, styles } = htmlToStyledText(html);
  return styles.map((s) => [s.st, text.slice(s.start, s.start + s.len)]);
}

describe("HTML to Zalo styles", () => {
  it("turns bold and italic into ranges over the plain text", () => {
    const styled = htmlToStyledText("<b>Đề cử</b> gương <i>người tốt</i>, việc tốt");
    expect(styled.text).toBe("Đề cử gương người tốt, việc tốt");
    expect(styled.styles).toEqual([
      { start: 0, len: 5, st: TextStyle.Bold },
      { start: 12, len: 9, st: TextStyle.Italic },
    ]);
  });

  it("decodes entities before counting offsets", () => {
    const styled = htmlToStyledText("A &amp; B &lt;3&gt; <b>&quot;C&quot;</b> &#272;&#x1EA1;");
    expect(styled.text).toBe('A & B <3> "C" Đạ');
    expect(covered("A &amp; B &lt;3&gt; <b>&quot;C&quot;</b>")).toEqual([[TextStyle.Bold, '"C"']]);
  });

  it("counts offsets in UTF-16 code units, so emoji before a style shift it by two", () => {
    const styled = htmlToStyledText("🏅 <b>Mã GS-2026-0042</b>");
    expect(styled.styles).toEqual([{ start: 3, len: 15, st: TextStyle.Bold }]);
    expect(styled.text.slice(3, 18)).toBe("Mã GS-2026-0042");
  });

  it("nests bold and italic, and keeps the text of code and unknown tags", () => {
    expect(covered("<b>Rất <i>đáng</i> khen</b>")).toEqual([
      [TextStyle.Bold, "Rất đáng khen"],
      [TextStyle.Italic, "đáng"],
    ]);
    expect(htmlToStyledText("Gõ <code>DUYET GS-2026-0042</code> <span>để duyệt</span>")).toEqual({ text: "Gõ DUYET GS-2026-0042 để duyệt", styles: [] });
  });

  it("shows a link's address after its text, and keeps a lone < as text", () => {
    expect(htmlToStyledText('Xem <a href="https://example.org/a?x=1&amp;y=2">trang</a>').text).toBe("Xem trang (https://example.org/a?x=1&y=2)");
    expect(htmlToStyledText("1 < 2 và 3 > 2").text).toBe("1 < 2 và 3 > 2");
  });

  it("styles an unclosed tag to the end rather than dropping it", () => {
    expect(covered("Chú ý: <b>hạn chót 15/8")).toEqual([[TextStyle.Bold, "hạn chót 15/8"]]);
  });
});

describe("splitting long texts", () => {
  it("leaves a text within the limit whole", () => {
    const styled = htmlToStyledText("<b>Ngắn</b>");
    expect(splitStyledText(styled)).toEqual([styled]);
  });

  it("cuts on paragraph boundaries and moves styles into each part", () => {
    const paragraph = (n: number) => `<b>Đoạn ${n}</b> ${"chữ ".repeat(150).trim()}`;
    const styled = htmlToStyledText([1, 2, 3, 4].map(paragraph).join("\n\n"));
    expect(styled.text.length).toBeGreaterThan(zaloMaxMessageLength);
    const parts = splitStyledText(styled);
    expect(parts.length).toBe(2);
    for (const part of parts) expect(part.text.length).toBeLessThanOrEqual(zaloMaxMessageLength);
    expect(parts.map((p) => p.text).join("\n\n")).toBe(styled.text);
    expect(parts[1]!.text.startsWith("Đoạn 4")).toBe(true);
    for (const part of parts) {
      for (const style of part.styles) expect(part.text.slice(style.start, style.start + style.len)).toMatch(/^Đoạn \d$/);
    }
    expect(parts.flatMap((p) => p.styles)).toHaveLength(4);
  });

  it("cuts a paragraph with no break on spaces, and a word longer than the limit hard", () => {
    const words = splitStyledText({ text: "một hai ba bốn", styles: [] }, 8);
    expect(words.map((p) => p.text)).toEqual(["một hai", "ba bốn"]);
    const hard = splitStyledText({ text: "x".repeat(25), styles: [{ start: 5, len: 10, st: TextStyle.Bold }] }, 10);
    expect(hard.map((p) => p.text.length)).toEqual([10, 10, 5]);
    expect(hard.map((p) => p.styles)).toEqual([[{ start: 5, len: 5, st: TextStyle.Bold }], [{ start: 0, len: 5, st: TextStyle.Bold }], []]);
  });
});

describe("numbered menus", () => {
  const menu: ZaloMenu = {
    messageId: "1",
    choices: [
      { label: "Cá nhân", payload: "s:kind:INDIVIDUAL" },
      { label: "Tập thể", payload: "s:kind:COLLECTIVE" },
      { label: "Hộ gia đình", payload: "s:kind:HOUSEHOLD" },
      { label: "Hộ <gia> đình", payload: "odd" },
    ],
  };

  it("numbers the labels, escaped for HTML, above the hint", () => {
    expect(numberedList(menu.choices.slice(0, 2), "Trả lời 1–2")).toBe("1. Cá nhân\n2. Tập thể\n\n<i>Trả lời 1–2</i>");
    expect(htmlToStyledText(numberedList(menu.choices.slice(3), "Trả lời 1")).text).toBe("1. Hộ <gia> đình\n\nTrả lời 1");
  });

  it("reads a number, or a label typed without diacritics or with punctuation", () => {
    expect(resolveReply(menu, "2")?.payload).toBe("s:kind:COLLECTIVE");
    expect(resolveReply(menu, " 3. ")?.payload).toBe("s:kind:HOUSEHOLD");
    expect(resolveReply(menu, "tap the")?.payload).toBe("s:kind:COLLECTIVE");
    expect(resolveReply(menu, "CÁ NHÂN!")?.payload).toBe("s:kind:INDIVIDUAL");
  });

  it("names nothing for a number out of range, a partial label or a label two choices share", () => {
    expect(resolveReply(menu, "0")).toBeNull();
    expect(resolveReply(menu, "5")).toBeNull();
    expect(resolveReply(menu, "tap")).toBeNull();
    expect(resolveReply(menu, "Nguyễn Văn An")).toBeNull();
    expect(resolveReply(menu, "hộ gia đình")).toBeNull();
  });
});
