import { describe, expect, it } from "vitest";
import { api, ok, useEmulator } from "./helpers";

const keyboard = (data = "go") => ({ inline_keyboard: [[{ text: "Go", callback_data: data }]] });

describe("editing and deleting", () => {
  it("edits text and markup, refuses a no-op edit, and marks deletions", async () => {
    const emulator = await useEmulator();
    const user = emulator.driver.createUser();
    const sent = await ok(emulator, "sendMessage", { chat_id: user.id, text: "Draft", reply_markup: keyboard() });
    const same = await api(emulator, "editMessageText", { chat_id: user.id, message_id: sent.message_id, text: "Draft", reply_markup: keyboard() });
    expect(same.body.description).toMatch(/^Bad Request: message is not modified: /);
    const edited = await ok(emulator, "editMessageText", { chat_id: user.id, message_id: sent.message_id, text: "<i>Final</i>", parse_mode: "HTML" });
    expect(edited).toMatchObject({ text: "Final", entities: [{ type: "italic", offset: 0, length: 5 }] });
    expect(edited.reply_markup).toBeUndefined();
    expect(edited.edit_date).toBeTypeOf("number");
    const withMarkup = await ok(emulator, "editMessageReplyMarkup", { chat_id: user.id, message_id: sent.message_id, reply_markup: keyboard("again") });
    expect(withMarkup.reply_markup).toEqual(keyboard("again"));
    expect((await api(emulator, "editMessageCaption", { chat_id: user.id, message_id: sent.message_id, caption: "x" })).body.description).toBe(
      "Bad Request: there is no caption in the message to edit",
    );
    expect(await ok(emulator, "deleteMessage", { chat_id: user.id, message_id: sent.message_id })).toBe(true);
    expect((await api(emulator, "deleteMessage", { chat_id: user.id, message_id: sent.message_id })).body.description).toBe("Bad Request: message to delete not found");
    expect((await api(emulator, "editMessageText", { chat_id: user.id, message_id: 99, text: "x" })).body.description).toBe("Bad Request: message to edit not found");
    expect(emulator.driver.botMessages(user.id)[0]).toMatchObject({ text: "Final", deleted: true, editCount: 2 });
  });

  it("copies a message with a new caption and returns only its id", async () => {
    const emulator = await useEmulator();
    const a = emulator.driver.createUser();
    const b = emulator.driver.createUser();
    const original = emulator.driver.sendText(a.id, "Look at https://example.org");
    const copy = await ok(emulator, "copyMessage", { chat_id: b.id, from_chat_id: a.id, message_id: original.message_id });
    expect(copy).toEqual({ message_id: 1 });
    expect(emulator.driver.botMessages(b.id)[0]).toMatchObject({ text: "Look at https://example.org", entities: [{ type: "url", offset: 8, length: 19 }] });
    expect((await api(emulator, "copyMessage", { chat_id: b.id, from_chat_id: a.id, message_id: 42 })).body.description).toBe("Bad Request: message to copy not found");
  });
});

describe("callback queries and keyboards", () => {
  it("delivers a pressed button and records the answer; a second answer is refused", async () => {
    const emulator = await useEmulator();
    const { driver } = emulator;
    const user = driver.createUser();
    const sent = await ok(emulator, "sendMessage", { chat_id: user.id, text: "Choose", reply_markup: keyboard("pick:1") });
    const queryId = driver.pressButton(user.id, { data: "pick:1" });
    const [update] = await ok(emulator, "getUpdates");
    expect(update.callback_query).toMatchObject({ id: queryId, data: "pick:1", from: { id: user.id }, message: { message_id: sent.message_id } });
    expect(await ok(emulator, "answerCallbackQuery", { callback_query_id: queryId, text: "Done", show_alert: true })).toBe(true);
    expect(driver.callbackAnswer(queryId)).toEqual({ text: "Done", show_alert: true });
    expect((await api(emulator, "answerCallbackQuery", { callback_query_id: queryId })).body.description).toBe(
      "Bad Request: query is too old and response timeout expired or query ID is invalid",
    );
    const forged = driver.sendCallbackQuery(user.id, { messageId: sent.message_id, data: "admin:delete-all" });
    const next = await ok(emulator, "getUpdates", { offset: update.update_id + 1 });
    expect(next[0].callback_query).toMatchObject({ id: forged, data: "admin:delete-all" });
    expect(() => driver.pressButton(user.id, { text: "Nope" })).toThrow(/Buttons present: #1 "Go" \(pick:1\)/);
  });

  it("validates inline keyboards like Telegram", async () => {
    const emulator = await useEmulator();
    const user = emulator.driver.createUser();
    const send = (button: Record<string, unknown>) => api(emulator, "sendMessage", { chat_id: user.id, text: "k", reply_markup: { inline_keyboard: [[{ text: "b", ...button }]] } });
    expect((await send({ callback_data: "x".repeat(65) })).body.description).toBe("Bad Request: BUTTON_DATA_INVALID");
    expect((await send({ callback_data: "" })).body.description).toBe("Bad Request: BUTTON_DATA_INVALID");
    expect((await send({})).body.description).toMatch(/Text buttons are unallowed/);
    expect((await send({ callback_data: "a", url: "https://x.org" })).body.description).toMatch(/exactly one/);
    expect((await send({ callback_data: "x".repeat(64) })).body.ok).toBe(true);
    const reply = await ok(emulator, "sendMessage", { chat_id: user.id, text: "r", reply_markup: { keyboard: [[{ text: "Yes" }]], resize_keyboard: true } });
    expect(reply.reply_markup).toBeUndefined();
    expect(emulator.driver.botMessages(user.id).at(-1)?.replyKeyboard).toEqual({ keyboard: [[{ text: "Yes" }]], resize_keyboard: true });
  });
});

describe("chats and members", () => {
  it("reports chats, members and admins of every chat type", async () => {
    const emulator = await useEmulator();
    const { driver } = emulator;
    const owner = driver.createUser({ firstName: "Owner" });
    const admin = driver.createUser({ firstName: "Admin" });
    const member = driver.createUser({ firstName: "Member" });
    const group = driver.createChat({ type: "supergroup", title: "Phường 5", username: "phuong5", creator: owner.id, admins: [admin.id], members: [member.id] });
    expect(group.id).toBeLessThan(-1_000_000_000_000);
    expect(await ok(emulator, "getChat", { chat_id: "@phuong5" })).toMatchObject({ id: group.id, type: "supergroup", title: "Phường 5" });
    expect(await ok(emulator, "getChatMember", { chat_id: group.id, user_id: owner.id })).toMatchObject({ status: "creator", is_anonymous: false });
    expect(await ok(emulator, "getChatMember", { chat_id: group.id, user_id: member.id })).toEqual({ status: "member", user: member });
    driver.setMemberStatus(group.id, member.id, "kicked");
    expect(await ok(emulator, "getChatMember", { chat_id: group.id, user_id: member.id })).toMatchObject({ status: "kicked", until_date: 0 });
    const stranger = driver.createUser();
    expect((await ok(emulator, "getChatMember", { chat_id: group.id, user_id: stranger.id })).status).toBe("left");
    const admins = await ok(emulator, "getChatAdministrators", { chat_id: group.id });
    expect(admins.map((m: any) => [m.user.id, m.status])).toEqual([[owner.id, "creator"], [admin.id, "administrator"]]);
    expect((await api(emulator, "getChatAdministrators", { chat_id: owner.id })).body.description).toBe("Bad Request: there are no administrators in the private chat");
    const basic = driver.createChat({ type: "group", title: "Tổ 3", creator: owner.id });
    expect((await ok(emulator, "sendMessage", { chat_id: basic.id, text: "hi" })).chat.type).toBe("group");
    const channel = driver.createChat({ type: "channel", title: "Tin", creator: owner.id });
    const post = await ok(emulator, "sendMessage", { chat_id: channel.id, text: "news" });
    expect(post.sender_chat).toMatchObject({ id: channel.id, type: "channel" });
    expect(post.from).toBeUndefined();
  });

  it("answers 403 when the bot was kicked, removed or blocked, and tells the bot", async () => {
    const emulator = await useEmulator();
    const { driver } = emulator;
    const user = driver.createUser();
    const group = driver.createChat({ type: "group", title: "G", creator: user.id });
    driver.removeBotFromChat(group.id, { kicked: true });
    expect(await api(emulator, "sendMessage", { chat_id: group.id, text: "x" })).toEqual({
      status: 403,
      body: { ok: false, error_code: 403, description: "Forbidden: bot was kicked from the group chat" },
    });
    driver.addBotToChat(group.id);
    expect((await api(emulator, "sendMessage", { chat_id: group.id, text: "back" })).body.ok).toBe(true);
    driver.removeBotFromChat(group.id);
    expect((await api(emulator, "sendMessage", { chat_id: group.id, text: "x" })).body.description).toBe("Forbidden: bot is not a member of the group chat");
    driver.blockBot(user.id);
    expect((await api(emulator, "sendMessage", { chat_id: user.id, text: "x" })).body.description).toBe("Forbidden: bot was blocked by the user");
    const updates = await ok(emulator, "getUpdates");
    expect(updates.map((u: any) => u.my_chat_member.new_chat_member.status)).toEqual(["kicked", "member", "left", "kicked"]);
  });

  it("delivers group messages to the bot and sends chat actions", async () => {
    const emulator = await useEmulator();
    const { driver } = emulator;
    const user = driver.createUser();
    const group = driver.createChat({ type: "supergroup", title: "G", members: [user.id] });
    driver.sendCommand(user.id, "report", { chatId: group.id, mention: true });
    const [update] = await ok(emulator, "getUpdates");
    expect(update.message).toMatchObject({ chat: { id: group.id }, text: `/report@${driver.botUser.username}` });
    expect(await ok(emulator, "sendChatAction", { chat_id: group.id, action: "typing" })).toBe(true);
    expect((await api(emulator, "sendChatAction", { chat_id: group.id, action: "dancing" })).status).toBe(400);
    expect(driver.chatActions(group.id)).toEqual(["typing"]);
  });
});

describe("bot commands", () => {
  it("stores commands per scope and language", async () => {
    const emulator = await useEmulator();
    const user = emulator.driver.createUser();
    const commands = [{ command: "start", description: "Bắt đầu" }];
    expect(await ok(emulator, "setMyCommands", { commands })).toBe(true);
    await ok(emulator, "setMyCommands", { commands: [{ command: "help", description: "Help" }], language_code: "en" });
    await ok(emulator, "setMyCommands", { commands: [{ command: "admin", description: "Admin" }], scope: { type: "chat", chat_id: user.id } });
    expect(await ok(emulator, "getMyCommands")).toEqual(commands);
    expect(await ok(emulator, "getMyCommands", { language_code: "en" })).toEqual([{ command: "help", description: "Help" }]);
    expect(await ok(emulator, "getMyCommands", { scope: { type: "chat", chat_id: user.id } })).toEqual([{ command: "admin", description: "Admin" }]);
    expect(emulator.driver.commands({ scope: { type: "chat", chat_id: user.id } })).toEqual([{ command: "admin", description: "Admin" }]);
    expect(await ok(emulator, "deleteMyCommands", { language_code: "en" })).toBe(true);
    expect(await ok(emulator, "getMyCommands", { language_code: "en" })).toEqual([]);
    expect((await api(emulator, "setMyCommands", { commands: [{ command: "Bad-Name", description: "x" }] })).body.description).toBe("Bad Request: BOT_COMMAND_INVALID");
  });
});
