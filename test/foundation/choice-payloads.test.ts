// The choice payload prefixes are one registry; a press must reach exactly one handler.
import { describe, expect, it } from "vitest";
import { choicePayload, choicePrefixes, isChoiceFor, type ChoicePurpose } from "../../core/channel/choice-payloads";

const purposes = Object.keys(choicePrefixes) as ChoicePurpose[];

describe("choice payload prefixes", () => {
  it("are apart: no prefix starts another, so every payload has one owner", () => {
    for (const a of purposes) {
      for (const b of purposes) {
        if (a !== b) expect(choicePrefixes[b].startsWith(choicePrefixes[a]), `${a} (${choicePrefixes[a]}) starts ${b} (${choicePrefixes[b]})`).toBe(false);
      }
    }
  });

  it("build payloads that only their own purpose claims, within Telegram's 64 bytes", () => {
    for (const purpose of purposes) {
      const payload = choicePayload(purpose, "x", 123456789);
      expect(purposes.filter((p) => isChoiceFor(payload, p))).toEqual([purpose]);
      expect(Buffer.byteLength(payload)).toBeLessThanOrEqual(64);
    }
    expect(choicePayload("withdraw", 17)).toBe("w:17");
    expect(choicePayload("reviewCard", "ap", 42, "S0")).toBe("rv:ap:42:S0");
  });
});
