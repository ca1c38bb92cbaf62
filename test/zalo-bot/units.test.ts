// The Bot Platform channel's pure parts: its settings, the update reader (flat or wrapped,
// group @mentions, protected accounts), the quota cool-down and the signed media tokens.
import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "../../app/config";
import { normalizeBotUpdate, readUpdate, stripMention } from "../../bot/zalo-bot/normalize";
import { QuotaCooldown } from "../../bot/zalo-bot/quota";
import { MediaUrlSigner } from "../../core/media/signed-urls";

const message = (chat: "PRIVATE" | "GROUP", extra: Record<string, unknown> = {}) => ({
  message_id: "2d758cb5e222177a4e35",
  date: 1760000000000,
  from: { id: "6ede9afa66b88fe6d6a9", display_name: "Lan", is_bot: false },
  chat: { id: chat === "GROUP" ? "zgr-f8a7101d77709e2ec761" : "6ede9afa66b88fe6d6a9", chat_type: chat },
  ...extra,
});

describe("settings", () => {
  it("turns the channel on with a token, and webhook mode only with both its secret and port", () => {
    const polling = parseConfig({ ZALO_BOT_TOKEN: "1234567890:abc-xyz_SECRET" });
    expect(polling).toMatchObject({ ZALO_BOT_TOKEN: "1234567890:abc-xyz_SECRET", ZALO_BOT_API_ROOT: "https://bot-api.zaloplatforms.com" });
    expect(polling.ZALO_BOT_WEBHOOK_SECRET).toBeUndefined();
    expect(parseConfig({ ZALO_BOT_TOKEN: "1:abcdef", ZALO_BOT_WEBHOOK_SECRET: "8-chars!", ZALO_BOT_WEBHOOK_PORT: "8093" })).toMatchObject({ ZALO_BOT_WEBHOOK_PORT: 8093 });
    let error: unknown;
    try {
      parseConfig({ ZALO_BOT_TOKEN: "not a token", ZALO_BOT_WEBHOOK_SECRET: "only-the-secret" });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const text = (error as Error).message;
    expect(text).toContain("ZALO_BOT_TOKEN");
    expect(text).toContain("ZALO_BOT_WEBHOOK_PORT");
    // Secrets are named, never echoed.
    expect(text).not.toContain("not a token");
    expect(() => parseConfig({ ZALO_BOT_WEBHOOK_SECRET: "short", ZALO_BOT_WEBHOOK_PORT: "1" })).toThrow(/ZALO_BOT_WEBHOOK_SECRET/);
  });
});

describe("updates", () => {
  it("reads an update flat (as observed live) or wrapped in {ok, result} (as documented)", () => {
    const flat = { event_name: "message.text.received", message: message("PRIVATE", { text: "/decu" }) };
    expect(readUpdate(flat)?.message.text).toBe("/decu");
    expect(readUpdate({ ok: true, result: flat })?.message.text).toBe("/decu");
    expect(readUpdate({ ok: true, result: { nothing: 1 } })).toBeNull();
    expect(normalizeBotUpdate(readUpdate(flat)!)).toMatchObject({ kind: "event", event: { input: { kind: "command", name: "decu" }, chat: { kind: "private" } } });
  });

  it("takes the bot's @mention off a group message, and reads photos, stickers, voice and protected accounts", () => {
    const names = ["Bot Gương Sáng", "bot.a1b2c3"];
    expect(stripMention("@Bot Gương Sáng DUYET GS-2026-0001", names)).toBe("DUYET GS-2026-0001");
    expect(stripMention("1 @bot gương sáng", names)).toBe("1");
    const command = normalizeBotUpdate(readUpdate({ event_name: "message.text.received", message: message("GROUP", { text: "@Bot Gương Sáng /choduyet" }) })!, names);
    expect(command).toMatchObject({ kind: "event", event: { input: { kind: "command", name: "choduyet" }, chat: { kind: "group", externalId: "zgr-f8a7101d77709e2ec761" } } });
    const photo = normalizeBotUpdate(readUpdate({ event_name: "message.image.received", message: message("PRIVATE", { photo_url: "https://x.zdn.vn/a.jpg", caption: "anh ong A" }) })!);
    expect(photo).toMatchObject({ kind: "event", event: { input: { kind: "photo", file: { fileId: "https://x.zdn.vn/a.jpg" }, caption: "anh ong A" } } });
    expect(normalizeBotUpdate(readUpdate({ event_name: "message.sticker.received", message: message("PRIVATE", { sticker: "9c" }) })!)).toMatchObject({ event: { input: { kind: "unsupported", what: "sticker" } } });
    expect(normalizeBotUpdate(readUpdate({ event_name: "message.voice.received", message: message("PRIVATE", { voice_url: "https://x/v.aac" }) })!)).toMatchObject({ event: { input: { kind: "unsupported", what: "voice" } } });
    expect(normalizeBotUpdate(readUpdate({ event_name: "message.unsupported.received", message: message("PRIVATE") })!).kind).toBe("protected");
    expect(normalizeBotUpdate(readUpdate({ event_name: "message.text.received", message: { ...message("PRIVATE", { text: "hi" }), from: { id: "b", is_bot: true } } })!).kind).toBe("ignored");
  });
});

describe("the quota cool-down", () => {
  it("alerts once per cool-down, refuses calls while it lasts, and starts again after", async () => {
    let now = 0;
    let alerts = 0;
    const quota = new QuotaCooldown({ cooldownSeconds: 60, now: () => now, onExceeded: () => void (alerts += 1) });
    quota.assertOpen("sendMessage");
    await quota.exceeded();
    await quota.exceeded();
    expect(alerts).toBe(1);
    expect(() => quota.assertOpen("sendMessage")).toThrow(/429/);
    now += 61_000;
    expect(quota.remainingSeconds()).toBe(0);
    quota.assertOpen("sendMessage");
    await quota.exceeded();
    expect(alerts).toBe(2);
  });
});

describe("signed media tokens", () => {
  it("name one file inside MEDIA_DIR until they expire; altered tokens and paths outside are refused", () => {
    let now = 1_800_000_000_000;
    const signer = new MediaUrlSigner(Buffer.alloc(32, 7), () => now);
    const token = signer.sign("ab/abc.jpg", 60);
    expect(signer.check(token)).toEqual({ ok: true, path: "ab/abc.jpg" });
    expect(signer.url("https://gs.example.vn/", "ab/abc.jpg")).toMatch(/^https:\/\/gs\.example\.vn\/media\/[\w-]+\.[\w-]+$/);
    now += 61_000;
    expect(signer.check(token)).toEqual({ ok: false, reason: "expired" });
    expect(signer.check(`${token}x`)).toEqual({ ok: false, reason: "invalid" });
    expect(new MediaUrlSigner(Buffer.alloc(32, 8), () => now).check(signer.sign("ab/abc.jpg"))).toEqual({ ok: false, reason: "invalid" });
    for (const outside of ["../secrets.env", "/etc/passwd", "ab/../../x", "ab//x", ""]) expect(() => signer.sign(outside)).toThrow();
  });
});
