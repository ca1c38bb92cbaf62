import { describe, expect, it, vi } from "vitest";
import { api, ok, useEmulator } from "./helpers";

describe("content limits", () => {
  it("enforces text, caption and callback answer lengths, and can be switched off", async () => {
    const emulator = await useEmulator();
    const user = emulator.driver.createUser();
    expect((await api(emulator, "sendMessage", { chat_id: user.id, text: "x".repeat(4097) })).body.description).toBe("Bad Request: message is too long");
    expect((await api(emulator, "sendMessage", { chat_id: user.id, text: "x".repeat(4096) })).body.ok).toBe(true);
    const caption = await api(emulator, "sendDocument", { chat_id: user.id, caption: "c".repeat(1025) }, { files: { document: { bytes: Buffer.from("x") } } });
    expect(caption.body.description).toBe("Bad Request: message caption is too long");
    emulator.driver.setLimits({ content: false });
    expect((await api(emulator, "sendMessage", { chat_id: user.id, text: "x".repeat(5000) })).body.ok).toBe(true);
  });
});

describe("rate limits", () => {
  it("are off by default", async () => {
    const emulator = await useEmulator();
    const user = emulator.driver.createUser();
    for (let i = 0; i < 10; i += 1) await ok(emulator, "sendMessage", { chat_id: user.id, text: `m${i}` });
  });

  it("answer 429 with retry_after once a chat's burst is used up", async () => {
    const emulator = await useEmulator({ limits: { rate: { perChatPerSecond: 1, perChatBurst: 3, perGroupPerMinute: 20, globalPerSecond: 30 } } });
    const user = emulator.driver.createUser();
    for (let i = 0; i < 3; i += 1) await ok(emulator, "sendMessage", { chat_id: user.id, text: `m${i}` });
    expect(await api(emulator, "sendMessage", { chat_id: user.id, text: "too fast" })).toEqual({
      status: 429,
      body: { ok: false, error_code: 429, description: "Too Many Requests: retry after 1", parameters: { retry_after: 1 } },
    });
    const other = emulator.driver.createUser();
    expect((await api(emulator, "sendMessage", { chat_id: other.id, text: "another chat" })).body.ok).toBe(true);
  });

  it("limit a group per minute and all chats per second", async () => {
    const emulator = await useEmulator();
    emulator.driver.setLimits({ rate: { perChatBurst: 100, perChatPerSecond: 100, perGroupPerMinute: 2, globalPerSecond: 5 } });
    // The clock stands still, so a slow machine does not refill the buckets between sends.
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() });
    try {
      const owner = emulator.driver.createUser();
      const group = emulator.driver.createChat({ type: "group", title: "G", creator: owner.id });
      await ok(emulator, "sendMessage", { chat_id: group.id, text: "1" });
      await ok(emulator, "sendMessage", { chat_id: group.id, text: "2" });
      const limited = await api(emulator, "sendMessage", { chat_id: group.id, text: "3" });
      expect(limited.status).toBe(429);
      expect(limited.body.parameters?.retry_after).toBeGreaterThanOrEqual(29);
      const users = [1, 2, 3, 4].map(() => emulator.driver.createUser());
      for (const user of users.slice(0, 3)) await ok(emulator, "sendMessage", { chat_id: user.id, text: "x" });
      expect((await api(emulator, "sendMessage", { chat_id: users[3]!.id, text: "x" })).status).toBe(429);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe("injected faults", () => {
  it("fail the next calls with 429, 403 or 500, optionally only for a method or chat", async () => {
    const emulator = await useEmulator();
    const { driver } = emulator;
    const user = driver.createUser();
    driver.injectFault({ kind: "429", retryAfter: 7, method: "sendMessage" });
    expect((await ok(emulator, "getMe")).is_bot).toBe(true);
    expect((await api(emulator, "sendMessage", { chat_id: user.id, text: "x" })).body).toEqual({
      ok: false,
      error_code: 429,
      description: "Too Many Requests: retry after 7",
      parameters: { retry_after: 7 },
    });
    expect((await api(emulator, "sendMessage", { chat_id: user.id, text: "x" })).body.ok).toBe(true);
    driver.injectFault({ kind: "403", chatId: user.id, times: 2 });
    expect((await api(emulator, "sendMessage", { chat_id: user.id, text: "x" })).body.description).toBe("Forbidden: bot was kicked from the group chat");
    expect((await api(emulator, "sendChatAction", { chat_id: user.id, action: "typing" })).status).toBe(403);
    expect((await api(emulator, "sendMessage", { chat_id: user.id, text: "x" })).status).toBe(200);
    driver.injectFault({ kind: "500" });
    expect(await api(emulator, "getMe")).toEqual({ status: 500, body: { ok: false, error_code: 500, description: "Internal Server Error" } });
  });

  it("hang a request until the fault is cleared, or destroy the socket", async () => {
    const emulator = await useEmulator();
    const { driver } = emulator;
    const user = driver.createUser();
    driver.injectFault({ kind: "hang", method: "sendMessage" });
    let settled = false;
    const hung = api(emulator, "sendMessage", { chat_id: user.id, text: "late" }).then((answer) => ((settled = true), answer));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(settled).toBe(false);
    driver.clearFaults();
    expect((await hung).body.result.text).toBe("late");
    driver.injectFault({ kind: "destroy" });
    await expect(api(emulator, "getMe")).rejects.toThrow();
    expect((await ok(emulator, "getMe")).is_bot).toBe(true);
  });
});
