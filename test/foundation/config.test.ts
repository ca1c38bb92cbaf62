import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "../../app/config";

describe("configuration", () => {
  it("has working defaults for everything but the token", () => {
    const c = parseConfig({});
    expect(c.TELEGRAM_BOT_TOKEN).toBeUndefined();
    expect(c).toMatchObject({
      TELEGRAM_API_ROOT: "https://api.telegram.org",
      ADMIN_TELEGRAM_IDS: [],
      TZ: "Asia/Ho_Chi_Minh",
      DEFAULT_LOCALE: "vi",
      LOG_LEVEL: "info",
    });
    expect(c.DATABASE_URL).toEqual({ provider: "sqlite", file: path.resolve("data/guong-sang.db") });
    expect(c.MEDIA_DIR).toBe(path.resolve("data/media"));
  });

  it("reads every variable", () => {
    const c = parseConfig({
      TELEGRAM_BOT_TOKEN: "123456:ABCdef_ghi-jkl",
      TELEGRAM_API_ROOT: "http://127.0.0.1:8081/",
      DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/test",
      ADMIN_TELEGRAM_IDS: " 111, 222 ,",
      TZ: "Asia/Bangkok",
      DEFAULT_LOCALE: "en",
      MEDIA_DIR: "/tmp/media",
      LOG_LEVEL: "debug",
    });
    expect(c).toMatchObject({
      TELEGRAM_BOT_TOKEN: "123456:ABCdef_ghi-jkl",
      TELEGRAM_API_ROOT: "http://127.0.0.1:8081",
      DATABASE_URL: { provider: "postgres", url: "postgresql://postgres@127.0.0.1:5432/test" },
      ADMIN_TELEGRAM_IDS: ["111", "222"],
      TZ: "Asia/Bangkok",
      DEFAULT_LOCALE: "en",
      MEDIA_DIR: "/tmp/media",
      LOG_LEVEL: "debug",
    });
  });

  it("reads the public site's port and address, off and unlinked by default", () => {
    const defaults = parseConfig({});
    expect(defaults.PUBLIC_WEB_PORT).toBeUndefined();
    expect(defaults.PUBLIC_BASE_URL).toBeUndefined();
    expect(parseConfig({ PUBLIC_WEB_PORT: "8080", PUBLIC_BASE_URL: "https://guongsang.example.vn/" })).toMatchObject({
      PUBLIC_WEB_PORT: 8080,
      PUBLIC_BASE_URL: "https://guongsang.example.vn",
    });
    expect(() => parseConfig({ PUBLIC_WEB_PORT: "80a", PUBLIC_BASE_URL: "ftp://x" })).toThrow(/PUBLIC_WEB_PORT[\s\S]*PUBLIC_BASE_URL/);
  });

  it("keeps contact phones and unpublished photos 12 months unless RETENTION_MONTHS says otherwise", () => {
    expect(parseConfig({}).RETENTION_MONTHS).toBe(12);
    expect(parseConfig({ RETENTION_MONTHS: "24" }).RETENTION_MONTHS).toBe(24);
    for (const bad of ["0", "1.5", "abc", "241"]) expect(() => parseConfig({ RETENTION_MONTHS: bad }), bad).toThrow(/RETENTION_MONTHS[\s\S]*1 đến 240/);
  });

  it("treats empty values as unset", () => {
    expect(parseConfig({ TELEGRAM_BOT_TOKEN: "", TZ: " " }).TZ).toBe("Asia/Ho_Chi_Minh");
  });

  it("lists every problem at once, in Vietnamese and English, without echoing secrets", () => {
    let error: unknown;
    try {
      parseConfig({
        TELEGRAM_BOT_TOKEN: "not-a-token-secret",
        DATABASE_URL: "mysql://root:hunter2@db/x",
        ADMIN_TELEGRAM_IDS: "12,abc",
        TZ: "Mars/Olympus",
        DEFAULT_LOCALE: "fr",
        LOG_LEVEL: "loud",
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const { problems, message } = error as ConfigError;
    expect(problems.map((p) => p.split(":")[0])).toEqual([
      "- TELEGRAM_BOT_TOKEN",
      "- DATABASE_URL",
      "- ADMIN_TELEGRAM_IDS (= \"12,abc\")",
      "- TZ (= \"Mars/Olympus\")",
      "- DEFAULT_LOCALE (= \"fr\")",
      "- LOG_LEVEL (= \"loud\")",
    ]);
    expect(message).toContain("Cấu hình chưa hợp lệ / Invalid configuration");
    expect(message).toContain("cần một múi giờ IANA");
    expect(message).toContain("expected an IANA time zone");
    expect(message).not.toContain("not-a-token-secret");
    expect(message).not.toContain("hunter2");
  });
});
