import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { api, ok, useEmulator } from "./helpers";

describe("getUpdates", () => {
  it("keeps updates until a later offset confirms them, and honours limit", async () => {
    const emulator = await useEmulator();
    const user = emulator.driver.createUser();
    for (const text of ["a", "b", "c"]) emulator.driver.sendText(user.id, text);
    const all = await ok(emulator, "getUpdates");
    expect(all.map((u: any) => u.message.text)).toEqual(["a", "b", "c"]);
    expect((await ok(emulator, "getUpdates")).length).toBe(3);
    const limited = await ok(emulator, "getUpdates", { offset: all[1].update_id, limit: 1 });
    expect(limited.map((u: any) => u.message.text)).toEqual(["b"]);
    expect(await ok(emulator, "getUpdates", { offset: all[2].update_id + 1 })).toEqual([]);
  });

  it("waits for the timeout when idle and returns as soon as an update arrives", async () => {
    const emulator = await useEmulator();
    const user = emulator.driver.createUser();
    const started = Date.now();
    expect(await ok(emulator, "getUpdates", { timeout: 1 })).toEqual([]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    const polling = ok(emulator, "getUpdates", { timeout: 30 });
    setTimeout(() => emulator.driver.sendText(user.id, "wake up"), 100);
    const updates = await polling;
    expect(updates[0].message.text).toBe("wake up");
    expect(emulator.driver.calls({ method: "getUpdates" })).toHaveLength(2);
  });

  it("terminates a waiting getUpdates with 409 when another one comes", async () => {
    const emulator = await useEmulator();
    const first = api(emulator, "getUpdates", { timeout: 30 });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const second = await api(emulator, "getUpdates", { timeout: 0 });
    expect(second.body.ok).toBe(true);
    expect((await first).body).toEqual({
      ok: false,
      error_code: 409,
      description: "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running",
    });
  });

  it("filters by allowed_updates and refuses to poll while a webhook is set", async () => {
    const emulator = await useEmulator();
    const user = emulator.driver.createUser();
    await ok(emulator, "getUpdates", { allowed_updates: ["callback_query"] });
    emulator.driver.sendText(user.id, "ignored");
    expect(await ok(emulator, "getUpdates")).toEqual([]);
    await ok(emulator, "getUpdates", { allowed_updates: [] });
    emulator.driver.sendText(user.id, "seen");
    expect((await ok(emulator, "getUpdates"))[0].message.text).toBe("seen");
    await ok(emulator, "setWebhook", { url: "http://127.0.0.1:9/hook" });
    const conflict = await api(emulator, "getUpdates");
    expect(conflict.status).toBe(409);
    expect(conflict.body.description).toMatch(/^Conflict: can't use getUpdates method while webhook is active/);
  });
});

describe("webhooks", () => {
  it("POSTs updates with the secret header, reports failures and retries", async () => {
    const emulator = await useEmulator({ webhookRetryMs: 50 });
    const { driver } = emulator;
    const received: { body: any; headers: IncomingHttpHeaders }[] = [];
    let failing = true;
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        if (failing) {
          res.writeHead(500).end();
          return;
        }
        received.push({ body: JSON.parse(Buffer.concat(chunks).toString()), headers: req.headers });
        res.writeHead(200).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
      expect(await ok(emulator, "setWebhook", { url, secret_token: "abc_123" })).toBe(true);
      const user = driver.createUser();
      driver.sendText(user.id, "first");
      await driver.waitUntil(() => emulator.state.bot(emulator.token).webhook?.lastErrorDate);
      const info = await ok(emulator, "getWebhookInfo");
      expect(info).toMatchObject({ url, pending_update_count: 1, last_error_message: "Wrong response from the webhook: 500 Internal Server Error" });
      failing = false;
      await driver.waitUntil(() => (received.length > 0 ? true : undefined));
      expect(received[0]?.body.message.text).toBe("first");
      expect(received[0]?.headers["x-telegram-bot-api-secret-token"]).toBe("abc_123");
      expect((await ok(emulator, "getWebhookInfo")).pending_update_count).toBe(0);
    } finally {
      server.close();
    }
  });

  it("drops pending updates on request and returns to polling after deleteWebhook", async () => {
    const emulator = await useEmulator();
    const user = emulator.driver.createUser();
    await ok(emulator, "setWebhook", { url: "http://127.0.0.1:9/unreachable" });
    emulator.driver.sendText(user.id, "lost");
    await emulator.driver.waitUntil(() => emulator.state.bot(emulator.token).webhook?.lastErrorMessage);
    expect((await ok(emulator, "getWebhookInfo")).last_error_message).toMatch(/^Connection (refused|failed)/);
    expect(await ok(emulator, "deleteWebhook", { drop_pending_updates: true })).toBe(true);
    expect(await ok(emulator, "getWebhookInfo")).toEqual({ url: "", has_custom_certificate: false, pending_update_count: 0 });
    emulator.driver.sendText(user.id, "kept");
    expect((await ok(emulator, "getUpdates"))[0].message.text).toBe("kept");
    expect((await api(emulator, "setWebhook", { url: "ftp://x" })).status).toBe(400);
    expect((await api(emulator, "setWebhook", { url: "http://127.0.0.1:9/", secret_token: "bad token!" })).body.description).toBe(
      "Bad Request: secret token contains unallowed characters",
    );
  });
});
