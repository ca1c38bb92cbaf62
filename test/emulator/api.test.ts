import { describe, expect, it } from "vitest";
import { api, ok, useEmulator } from "./helpers";

describe("Bot API surface", () => {
  it("answers getMe, and 401 for a wrong token, 404 for a method outside the spec", async () => {
    const emulator = await useEmulator({ token: "123456:TEST_token-abc", botUsername: "guong_sang_bot" });
    expect(await ok(emulator, "getMe")).toMatchObject({ id: 123456, is_bot: true, username: "guong_sang_bot" });
    expect(await ok(emulator, "GETME")).toMatchObject({ id: 123456 });
    const wrong = await api(emulator, "getMe", {}, { token: "123456:wrong" });
    expect(wrong).toEqual({ status: 401, body: { ok: false, error_code: 401, description: "Unauthorized" } });
    const unknown = await api(emulator, "sendTelepathy");
    expect(unknown).toEqual({ status: 404, body: { ok: false, error_code: 404, description: "Not Found" } });
    const unimplemented = await api(emulator, "sendDice", { chat_id: 1 });
    expect(unimplemented.status).toBe(501);
    expect(unimplemented.body.description).toContain("sendDice");
  });

  it("reads parameters from JSON, form, query string and multipart", async () => {
    const emulator = await useEmulator();
    const user = emulator.driver.createUser();
    for (const encoding of ["json", "form", "query", "multipart"] as const) {
      const message = await ok(emulator, "sendMessage", { chat_id: user.id, text: `via ${encoding}`, reply_markup: { inline_keyboard: [[{ text: "x", callback_data: "x" }]] } }, { encoding });
      expect(message.text).toBe(`via ${encoding}`);
      expect(message.reply_markup.inline_keyboard[0][0].callback_data).toBe("x");
    }
  });

  it("checks parameters against the spec: missing, wrong type, bad JSON", async () => {
    const emulator = await useEmulator();
    const user = emulator.driver.createUser();
    expect((await api(emulator, "sendMessage", { chat_id: user.id })).body).toEqual({ ok: false, error_code: 400, description: "Bad Request: message text is empty" });
    expect((await api(emulator, "sendMessage", { text: "hi" })).body.description).toBe("Bad Request: chat_id is empty");
    const badInt = await api(emulator, "deleteMessage", { chat_id: user.id, message_id: "seven" });
    expect(badInt.status).toBe(400);
    expect(badInt.body.description).toMatch(/^Bad Request: invalid message_id/);
    const badJson = await api(emulator, "sendMessage", { chat_id: user.id, text: "x", reply_markup: "{not json" }, { encoding: "form" });
    expect(badJson.body.description).toBe("Bad Request: can't parse reply_markup JSON object");
    const badShape = await api(emulator, "setMyCommands", { commands: [{ command: "start" }] });
    expect(badShape.status).toBe(400);
    expect(badShape.body.description).toContain("description");
    expect((await api(emulator, "sendMessage", { chat_id: 999, text: "x" })).body.description).toBe("Bad Request: chat not found");
    expect((await api(emulator, "sendMessage", { chat_id: "@nobody", text: "x" })).body.description).toBe("Bad Request: chat not found");
  });

  it("numbers messages per chat and dates them in seconds", async () => {
    const emulator = await useEmulator();
    const a = emulator.driver.createUser();
    const b = emulator.driver.createUser();
    const first = await ok(emulator, "sendMessage", { chat_id: a.id, text: "1" });
    const second = await ok(emulator, "sendMessage", { chat_id: a.id, text: "2" });
    const other = await ok(emulator, "sendMessage", { chat_id: b.id, text: "1" });
    expect([first.message_id, second.message_id, other.message_id]).toEqual([1, 2, 1]);
    expect(Math.abs(first.date - Date.now() / 1000)).toBeLessThan(5);
    expect(first.chat).toEqual({ id: a.id, type: "private", first_name: a.first_name });
  });

  it("keeps a call log with params, results and errors", async () => {
    const emulator = await useEmulator();
    const user = emulator.driver.createUser();
    await ok(emulator, "sendMessage", { chat_id: user.id, text: "hi" });
    await api(emulator, "sendMessage", { chat_id: user.id });
    const calls = emulator.driver.calls({ method: "sendMessage" });
    expect(calls.map((c) => c.ok)).toEqual([true, false]);
    expect(calls[0]).toMatchObject({ params: { chat_id: user.id, text: "hi" }, result: { text: "hi" } });
    expect(calls[1]?.error).toEqual({ error_code: 400, description: "Bad Request: message text is empty" });
  });
});
