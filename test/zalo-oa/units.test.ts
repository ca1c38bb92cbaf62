// The OA channel's pure parts: the webhook signature, text splitting, event normalisation and
// the sorting of Zalo's error codes into outbox outcomes.
import { describe, expect, it } from "vitest";
import { OaApiError } from "../../bot/zalo-oa/api";
import { dedupKeyOf } from "../../bot/zalo-oa/inbox";
import { normalizeOaEvent, readIds } from "../../bot/zalo-oa/normalize";
import { classifyOaError, secondsUntilMorning } from "../../bot/zalo-oa/outcomes";
import { expectedSignature, verifySignature } from "../../bot/zalo-oa/signature";
import { htmlToPlainText, splitText } from "../../bot/zalo-oa/text";
import { PermanentSendError, RateLimitedError, TransientSendError } from "../../core/outbox/errors";
import { ConfigError, parseConfig } from "../../app/config";

describe("the webhook signature", () => {
  // A fixture computed by hand from the documented formula: sha256_hex(appId + body + timestamp + key).
  const appId = "3600000000000000001";
  const body = '{"app_id":"3600000000000000001","event_name":"user_send_text","timestamp":"1760000000123","sender":{"id":"2460000000000000003"},"message":{"msg_id":"a1","text":"De cu"}}';
  const key = "oa-secret";
  const mac = expectedSignature(appId, body, "1760000000123", key);

  it("is plain SHA-256 of app id, raw body, the body's timestamp and the OA secret key", () => {
    expect(mac).toMatch(/^[0-9a-f]{64}$/);
    expect(verifySignature(body, `mac=${mac}`, appId, key)).toBe(true);
    expect(verifySignature(body, mac, appId, key)).toBe(true);
    expect(verifySignature(body, `mac=${mac.toUpperCase()}`, appId, key)).toBe(true);
  });

  it("fails for another body, another key, another app, no header or a body without timestamp", () => {
    expect(verifySignature(body.replace("De cu", "De cu "), `mac=${mac}`, appId, key)).toBe(false);
    expect(verifySignature(body, `mac=${mac}`, appId, "other")).toBe(false);
    expect(verifySignature(body, `mac=${mac}`, "3600000000000000002", key)).toBe(false);
    expect(verifySignature(body, undefined, appId, key)).toBe(false);
    expect(verifySignature('{"event_name":"x"}', `mac=${mac}`, appId, key)).toBe(false);
    expect(verifySignature("not json", `mac=${mac}`, appId, key)).toBe(false);
  });
});

describe("text", () => {
  it("keeps the plain text of the HTML subset", () => {
    expect(htmlToPlainText('<b>Đề cử</b> &amp; <a href="https://x.vn">thể lệ</a><br>tiếp')).toBe("Đề cử & thể lệ (https://x.vn)\ntiếp");
  });

  it("cuts at paragraphs, then sentences, never inside a word, each part within the limit", () => {
    const sentence = "Bà Mai nhiều năm liền vận động bà con giữ gìn vệ sinh môi trường. ";
    const long = `${sentence.repeat(40)}\n\n${sentence.repeat(10)}`;
    const parts = splitText(long, 2000);
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) {
      expect(part.length).toBeLessThanOrEqual(2000);
      expect(part.endsWith(".")).toBe(true);
    }
    expect(parts.join(" ").replace(/\s+/g, " ")).toBe(long.trim().replace(/\s+/g, " "));
    const words = splitText("từ ".repeat(900), 2000);
    for (const part of words) expect(part.split(" ").every((w) => w === "từ")).toBe(true);
  });
});

describe("events", () => {
  it("keeps 19-digit ids as strings, even written as bare numbers", () => {
    const raw = '{"event_name":"user_send_text","timestamp":"1","sender":{"id":2460000000000000003},"recipient":{"id":"3880000000000000004"},"message":{"msg_id":"m1","text":"hi"}}';
    const normalized = normalizeOaEvent(readIds(raw));
    expect(normalized.userId).toBe("2460000000000000003");
    expect(normalized.events[0]!.chat.externalId).toBe("2460000000000000003");
  });

  it("takes every image of an event as one album, and names what it does not take", () => {
    const images = normalizeOaEvent({
      event_name: "user_send_image",
      timestamp: "1",
      sender: { id: "2460000000000000003" },
      message: { msg_id: "m2", text: "ảnh", attachments: [1, 2, 3].map((i) => ({ type: "image", payload: { url: `https://cdn/${i}.jpg` } })) },
    });
    expect(images.events.map((e) => e.input)).toEqual([
      { kind: "photo", file: { fileId: "https://cdn/1.jpg" }, mediaGroupId: "oa-m2", caption: "ảnh" },
      { kind: "photo", file: { fileId: "https://cdn/2.jpg" }, mediaGroupId: "oa-m2" },
      { kind: "photo", file: { fileId: "https://cdn/3.jpg" }, mediaGroupId: "oa-m2" },
    ]);
    const kinds = ["sticker", "audio", "location", "link", "file", "video"].map((k) => normalizeOaEvent({ event_name: `user_send_${k}`, sender: { id: "1" }, message: { msg_id: k, attachments: [{ type: k, payload: { url: "https://cdn/x.pdf", name: "x.pdf" } }] } }).events[0]!.input);
    expect(kinds).toEqual(["sticker", "voice", "location", "other", "document", "video"].map((what) => ({ kind: "unsupported", what })));
    expect(normalizeOaEvent({ event_name: "oa_send_text", sender: { id: "1" }, recipient: { id: "2" }, message: { msg_id: "e", text: "x" } }).events).toEqual([]);
    expect(normalizeOaEvent({ event_name: "user_send_group_text", sender: { id: "1" }, recipient: { id: "7310000000000000001" }, message: { msg_id: "g", text: "/pending" } }).events[0]!.chat).toMatchObject({ externalId: "7310000000000000001", kind: "group" });
  });

  it("de-duplicates on msg_id, else on event, time and sender", () => {
    expect(dedupKeyOf({ message: { msg_id: "abc" } })).toBe("msg:abc");
    expect(dedupKeyOf({ event_name: "follow", timestamp: "5", follower: { id: "9" } })).toBe("ev:follow:5:9");
  });
});

describe("Zalo's codes as outbox outcomes", () => {
  const now = new Date("2026-12-01T16:30:00Z"); // 23:30 in Vietnam
  const of = (code: number) => classifyOaError(new OaApiError(code, "", "/v3.0/oa/message/cs"), now);

  it("outside the window is final for the message and says so", () => {
    for (const code of [-230, -232]) {
      const outcome = of(code);
      expect(outcome).toBeInstanceOf(PermanentSendError);
      expect(outcome).toMatchObject({ scope: "message", reason: "outside-window" });
    }
  });

  it("night waits for 06:00, -32 rests the channel, configuration errors pause it, others retry", () => {
    expect(secondsUntilMorning(now)).toBe(6.5 * 3600);
    expect(of(-234)).toMatchObject({ scope: "chat", retryAfterSeconds: 6.5 * 3600 });
    expect(of(-32)).toBeInstanceOf(RateLimitedError);
    expect(of(-32)).toMatchObject({ scope: "channel", retryAfterSeconds: 60 });
    for (const code of [-209, -212, -219, -221, -223, -224, -235]) expect(of(code)).toMatchObject({ scope: "channel" });
    expect(of(-403)).toMatchObject({ scope: "chat" });
    expect(of(-201)).toMatchObject({ scope: "message" });
    expect(of(-200)).toBeInstanceOf(TransientSendError);
  });
});

describe("configuration", () => {
  it("is off without an app id, on with it, and then needs both secrets, never echoing them", () => {
    expect(parseConfig({}).ZALO_OA_APP_ID).toBeUndefined();
    const on = parseConfig({ ZALO_OA_APP_ID: "3600000000000000001", ZALO_OA_APP_SECRET: "s", ZALO_OA_SECRET_KEY: "k", ZALO_OA_BUTTONS: "1" });
    expect(on).toMatchObject({ ZALO_OA_APP_ID: "3600000000000000001", ZALO_OA_WEBHOOK_PATH: "/zalo-oa/webhook", ZALO_OA_WEBHOOK_PORT: 8090, ZALO_OA_API_ROOT: "https://openapi.zalo.me", ZALO_OA_OAUTH_ROOT: "https://oauth.zaloapp.com", ZALO_OA_BUTTONS: true });
    expect(parseConfig({ ZALO_OA_APP_ID: "1", ZALO_OA_APP_SECRET: "s", ZALO_OA_SECRET_KEY: "k" }).ZALO_OA_BUTTONS).toBe(false);
    // OA-owned groups subscribed to the digest: off unless asked for.
    expect(parseConfig({ ZALO_OA_APP_ID: "1", ZALO_OA_APP_SECRET: "s", ZALO_OA_SECRET_KEY: "k" }).ZALO_OA_GROUP_DIGEST).toBe(false);
    expect(parseConfig({ ZALO_OA_APP_ID: "1", ZALO_OA_APP_SECRET: "s", ZALO_OA_SECRET_KEY: "k", ZALO_OA_GROUP_DIGEST: "1" }).ZALO_OA_GROUP_DIGEST).toBe(true);
    let error: unknown;
    try {
      parseConfig({ ZALO_OA_APP_ID: "3600000000000000001", ZALO_OA_SECRET_KEY: "very-secret", ZALO_OA_WEBHOOK_PORT: "99999", ZALO_OA_API_ROOT: "ftp://x" });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const text = (error as ConfigError).message;
    for (const key of ["ZALO_OA_APP_SECRET", "ZALO_OA_WEBHOOK_PORT", "ZALO_OA_API_ROOT"]) expect(text).toContain(key);
    expect(text).not.toContain("very-secret");
    expect(() => parseConfig({ ZALO_OA_APP_ID: "1", ZALO_OA_APP_SECRET: "s", ZALO_OA_SECRET_KEY: "k", ZALO_OA_GROUP_DIGEST: "yes" })).toThrow(/ZALO_OA_GROUP_DIGEST \(= "yes"\)/);
  });
});
