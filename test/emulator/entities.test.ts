import { describe, expect, it } from "vitest";
import { formatText } from "../../emulator/entities";
import { api, ok, useEmulator } from "./helpers";

describe("parse modes", () => {
  it("parses HTML into plain text and UTF-16 entities", () => {
    expect(formatText('👍 <b>Bold <i>both</i></b> <a href="https://x.org/?a=1&amp;b=2">link</a> &lt;3', "HTML")).toEqual({
      text: "👍 Bold both link <3",
      entities: [
        { type: "bold", offset: 3, length: 9 },
        { type: "italic", offset: 8, length: 4 },
        { type: "text_link", offset: 13, length: 4, url: "https://x.org/?a=1&b=2" },
      ],
    });
    expect(formatText('<pre><code class="language-ts">let a</code></pre>', "HTML").entities).toEqual([{ type: "pre", offset: 0, length: 5, language: "ts" }]);
    expect(formatText('<span class="tg-spoiler">s</span><blockquote expandable>q</blockquote>', "HTML").entities.map((e) => e.type)).toEqual(["spoiler", "expandable_blockquote"]);
  });

  it("rejects bad HTML with Telegram's wording", () => {
    expect(() => formatText("<b>open", "HTML")).toThrow(`Bad Request: can't parse entities: Can't find end tag corresponding to start tag "b"`);
    expect(() => formatText("<blink>x</blink>", "HTML")).toThrow(`Unsupported start tag "blink" at byte offset 0`);
    expect(() => formatText("a < b", "HTML")).toThrow(/Unsupported start tag "" at byte offset 2/);
    expect(() => formatText("Tom & Jerry", "HTML")).toThrow(/"&" must be escaped/);
    expect(() => formatText("<b>x</i>", "HTML")).toThrow(/Unmatched end tag/);
  });

  it("parses MarkdownV2 and insists on escaping", () => {
    expect(formatText("*bold* _it_ __u__ ~s~ ||sp|| `c` [l](https://x.org) 1\\.5", "MarkdownV2")).toEqual({
      text: "bold it u s sp c l 1.5",
      entities: [
        { type: "bold", offset: 0, length: 4 },
        { type: "italic", offset: 5, length: 2 },
        { type: "underline", offset: 8, length: 1 },
        { type: "strikethrough", offset: 10, length: 1 },
        { type: "spoiler", offset: 12, length: 2 },
        { type: "code", offset: 15, length: 1 },
        { type: "text_link", offset: 17, length: 1, url: "https://x.org" },
      ],
    });
    expect(() => formatText("Version 1.5", "MarkdownV2")).toThrow("Bad Request: can't parse entities: Character '.' is reserved and must be escaped with the preceding '\\'");
    expect(() => formatText("*open", "MarkdownV2")).toThrow("Can't find end of Bold entity at byte offset 0");
  });

  it("parses legacy Markdown", () => {
    expect(formatText("*b* _i_ `c` [t](https://x.org)", "Markdown").entities.map((e) => e.type)).toEqual(["bold", "italic", "code", "text_link"]);
    expect(() => formatText("*open", "Markdown")).toThrow("Can't find end of the entity starting at byte offset 0");
  });

  it("finds bot commands as Telegram does: not inside an HTML-looking tag like </i>", () => {
    expect(formatText("Gõ /decu hoặc /start@guong_sang_bot").entities).toEqual([
      { type: "bot_command", offset: 3, length: 5 },
      { type: "bot_command", offset: 14, length: 21 },
    ]);
    // Telegram skips a slash right after "<" or ">", and a command followed by either.
    expect(formatText("<i>raw</i> a>/b /c<d").entities).toEqual([]);
  });

  it("answers 400 through the API and keeps explicit entities", async () => {
    const emulator = await useEmulator();
    const user = emulator.driver.createUser();
    const bad = await api(emulator, "sendMessage", { chat_id: user.id, text: "<b>x", parse_mode: "HTML" });
    expect(bad).toEqual({ status: 400, body: { ok: false, error_code: 400, description: `Bad Request: can't parse entities: Can't find end tag corresponding to start tag "b"` } });
    const explicit = await ok(emulator, "sendMessage", { chat_id: user.id, text: "Hello", entities: [{ type: "underline", offset: 0, length: 5 }] });
    expect(explicit.entities).toEqual([{ type: "underline", offset: 0, length: 5 }]);
    expect((await api(emulator, "sendMessage", { chat_id: user.id, text: "<b> </b>", parse_mode: "HTML" })).body.description).toBe("Bad Request: message text is empty");
  });
});
