import { describe, expect, it } from "vitest";
import { ok, pngBytes, useEmulator } from "./helpers";

async function control(apiRoot: string, method: string, path: string, body?: unknown): Promise<any> {
  const response = await fetch(`${apiRoot}/_emulator${path}`, {
    method,
    ...(body !== undefined ? { headers: { "content-type": "application/json" }, body: JSON.stringify(body) } : {}),
  });
  return response.json();
}

describe("HTTP control API", () => {
  it("drives users, chats, messages, buttons, waits, faults, limits, calls and reset", async () => {
    const emulator = await useEmulator();
    const root = emulator.apiRoot;
    const info = await control(root, "GET", "");
    expect(info.result.bots[0].token).toBe(emulator.token);
    const user = (await control(root, "POST", "/users", { firstName: "Hoa" })).result;
    const group = (await control(root, "POST", "/chats", { type: "supergroup", title: "G", creator: user.id })).result;
    expect(group.type).toBe("supergroup");
    await control(root, "POST", "/send", { userId: user.id, command: "start", payload: "x" });
    await control(root, "POST", "/send", { userId: user.id, photo: pngBytes(30, 20).toString("base64"), caption: "p" });
    const updates = await ok(emulator, "getUpdates");
    expect(updates.map((u: any) => u.message.text ?? u.message.caption)).toEqual(["/start x", "p"]);

    const waiting = control(root, "POST", "/wait", { chatId: user.id, timeout: 2000 });
    const sent = await ok(emulator, "sendMessage", { chat_id: user.id, text: "Pick", reply_markup: { inline_keyboard: [[{ text: "A", callback_data: "a" }]] } });
    expect((await waiting).result).toMatchObject({ messageId: sent.message_id, text: "Pick", buttons: [[{ text: "A", callbackData: "a" }]] });
    const unnamed = await control(root, "POST", "/press", { userId: user.id, messageId: sent.message_id });
    expect(unnamed).toEqual({ ok: false, error: 'Give the button\'s "text" or its "data" (its callback_data)' });
    const pressed = (await control(root, "POST", "/press", { userId: user.id, text: "A" })).result;
    await ok(emulator, "answerCallbackQuery", { callback_query_id: pressed.callbackQueryId, text: "ok" });
    expect((await control(root, "POST", "/callback-answer", { callbackQueryId: pressed.callbackQueryId })).result).toEqual({ text: "ok" });
    expect((await control(root, "GET", `/messages?chatId=${user.id}`)).result).toHaveLength(3);
    const timeout = await control(root, "POST", "/wait", { chatId: user.id, timeout: 50 });
    expect(timeout.ok).toBe(false);
    expect(timeout.error).toMatch(/The bot sent: #3 "Pick"/);

    await control(root, "POST", "/faults", { kind: "500", method: "getMe" });
    expect((await control(root, "GET", "/faults")).result).toHaveLength(1);
    await control(root, "DELETE", "/faults");
    expect((await control(root, "POST", "/limits", { rate: true })).result.rate.perChatPerSecond).toBe(1);
    expect((await control(root, "GET", "/calls?method=sendMessage")).result).toHaveLength(1);
    expect((await control(root, "POST", "/reset")).ok).toBe(true);
    expect(emulator.state.users.size).toBe(0);
    expect((await control(root, "POST", "/send", { userId: user.id, text: "gone" })).ok).toBe(false);
  });
});
