// The saved Zalo session (owner-only file, checked on the way back in) and the Zalo settings.
import { chmodSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "../../app/config";
import { readZaloCredentials, writeZaloCredentials, ZaloCredentialsError, type ZaloCredentials } from "../../bot/zalo/credentials";

const dir = mkdtempSync(path.join(os.tmpdir(), "gs-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const session: ZaloCredentials = {
  cookie: [
    { key: "zpw_sek", value: "secret-session", domain: "chat.zalo.me", path: "/", httpOnly: true },
    { key: "zpsid", value: "another", domain: ".zalo.me" },
  ],
  imei: "3a1b2c3d-4e5f-6789-abcd-ef0123456789-1f2e3d4c5b6a",
  userAgent: "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0",
  language: "vi",
};

describe("the Zalo session file", () => {
  it("round-trips through a file only its owner can read, in a folder it creates", async () => {
    const file = path.join(dir, "nested", "data", "zalo-credentials.json");
    await writeZaloCredentials(file, session);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(await readZaloCredentials(file)).toEqual(session);
    expect(readdirSync(path.dirname(file))).toEqual(["zalo-credentials.json"]);

    await writeZaloCredentials(file, { ...session, imei: "other-device" });
    expect((await readZaloCredentials(file)).imei).toBe("other-device");
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it("narrows a file others can read back to 0600", async () => {
    const file = path.join(dir, "loose.json");
    writeFileSync(file, JSON.stringify(session));
    chmodSync(file, 0o644);
    await readZaloCredentials(file);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it("says in both languages how to log in when the file is missing", async () => {
    const file = path.join(dir, "absent.json");
    const error = await readZaloCredentials(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ZaloCredentialsError);
    expect((error as Error).message).toContain(`Chưa có phiên đăng nhập Zalo tại ${file}`);
    expect((error as Error).message).toContain('No Zalo session at');
    expect((error as Error).message).toContain("npm run zalo:login");
  });

  it("names what is wrong in a malformed file", async () => {
    const notJson = path.join(dir, "broken.json");
    writeFileSync(notJson, "{ cookie: ");
    await expect(readZaloCredentials(notJson)).rejects.toThrow(/không phải JSON hợp lệ.* is not valid JSON/);

    const incomplete = path.join(dir, "incomplete.json");
    writeFileSync(incomplete, JSON.stringify({ cookie: [], imei: "", userAgent: "UA" }));
    const error = await readZaloCredentials(incomplete).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ZaloCredentialsError);
    expect((error as Error).message).toMatch(/thiếu hoặc sai: cookie, imei;.*bad fields: cookie, imei;/);
    expect((error as Error).message).not.toContain("secret-session");
  });

  it("refuses to write an incomplete session", async () => {
    await expect(writeZaloCredentials(path.join(dir, "never.json"), { ...session, imei: "" })).rejects.toThrow();
    expect(readdirSync(dir)).not.toContain("never.json");
  });
});

describe("Zalo settings", () => {
  it("are off by default, with conservative limits and files under ./data", () => {
    const c = parseConfig({});
    expect(c).toMatchObject({
      ZALO_ENABLED: false,
      ZALO_CREDENTIALS_PATH: path.resolve("data/zalo-credentials.json"),
      ZALO_QR_PATH: path.resolve("data/zalo-qr.png"),
      ZALO_SEND_INTERVAL_SECONDS: 3,
      ZALO_GROUP_INTERVAL_SECONDS: 3,
      ZALO_COOLDOWN_MINUTES: 240,
    });
  });

  it("reads every Zalo variable", () => {
    const c = parseConfig({
      ZALO_ENABLED: "1",
      ZALO_CREDENTIALS_PATH: "/srv/gs/zalo.json",
      ZALO_QR_PATH: "/tmp/qr.png",
      ZALO_SEND_INTERVAL_SECONDS: "5",
      ZALO_GROUP_INTERVAL_SECONDS: "60",
      ZALO_COOLDOWN_MINUTES: "720",
    });
    expect(c).toMatchObject({
      ZALO_ENABLED: true,
      ZALO_CREDENTIALS_PATH: "/srv/gs/zalo.json",
      ZALO_QR_PATH: "/tmp/qr.png",
      ZALO_SEND_INTERVAL_SECONDS: 5,
      ZALO_GROUP_INTERVAL_SECONDS: 60,
      ZALO_COOLDOWN_MINUTES: 720,
    });
  });

  it("lists bad Zalo values in Vietnamese and English", () => {
    let error: unknown;
    try {
      parseConfig({ ZALO_ENABLED: "yes", ZALO_SEND_INTERVAL_SECONDS: "0", ZALO_COOLDOWN_MINUTES: "soon" });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const { problems } = error as ConfigError;
    expect(problems.map((p) => p.split(":")[0])).toEqual(['- ZALO_ENABLED (= "yes")', '- ZALO_SEND_INTERVAL_SECONDS (= "0")', '- ZALO_COOLDOWN_MINUTES (= "soon")']);
    expect(problems[0]).toContain("cần 0 (tắt kênh Zalo) hoặc 1 (bật) / expected 0 (Zalo channel off) or 1 (on)");
  });
});
