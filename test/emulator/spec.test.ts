import { describe, expect, it } from "vitest";
import { checkValue, defaultSpecPath, loadSpec } from "../../emulator/spec";
import { ok, pngBytes, specProblems, useEmulator } from "./helpers";

describe("spec checks", () => {
  const spec = loadSpec(defaultSpecPath);

  it("loads the committed Bot API spec", () => {
    expect(spec.version).toMatch(/^Bot API \d+\.\d+/);
    expect(spec.methods.sendMessage?.returns).toEqual(["Message"]);
  });

  it("finds unknown fields, missing required fields, wrong types and wrong subtypes", () => {
    expect(checkValue(spec, { id: 1, is_bot: false, first_name: "A" }, ["User"], "u", "response")).toEqual([]);
    expect(checkValue(spec, { id: 1, is_bot: false, first_name: "A", nickname: "x" }, ["User"], "u", "response")).toEqual(["u.nickname: not a field of User"]);
    expect(checkValue(spec, { id: 1, is_bot: false }, ["User"], "u", "response")).toEqual(["u.first_name: required field of User is missing"]);
    expect(checkValue(spec, { id: "1", is_bot: false, first_name: "A" }, ["User"], "u", "response")).toEqual(["u.id: expected Integer"]);
    expect(checkValue(spec, { id: "1", is_bot: false, first_name: "A" }, ["User"], "u", "request")).toEqual([]);
    const user = { id: 1, is_bot: false, first_name: "A" };
    expect(checkValue(spec, { status: "creator", user, is_anonymous: false }, ["ChatMember"], "m", "response")).toEqual([]);
    expect(checkValue(spec, { status: "owner", user }, ["ChatMember"], "m", "response").length).toBeGreaterThan(0);
  });

  it("every response of a busy session matches the spec", async () => {
    const emulator = await useEmulator();
    const { driver } = emulator;
    const user = driver.createUser({ firstName: "A", lastName: "B", username: "ab_user", languageCode: "vi" });
    const group = driver.createChat({ type: "supergroup", title: "G", creator: user.id, bot: "administrator" });
    driver.sendCommand(user.id, "start");
    driver.sendPhoto(user.id, pngBytes(400, 300), { caption: "hi @someone #tag" });
    driver.sendText(user.id, "in group", { chatId: group.id });
    const sent = await ok(emulator, "sendMessage", { chat_id: user.id, text: "*x*", parse_mode: "MarkdownV2", reply_markup: { inline_keyboard: [[{ text: "b", callback_data: "b" }]] } });
    driver.pressButton(user.id, { data: "b" });
    driver.blockBot(user.id);
    driver.unblockBot(user.id);
    await ok(emulator, "getUpdates");
    await ok(emulator, "sendPhoto", { chat_id: group.id, reply_parameters: { message_id: 1 } }, { files: { photo: { bytes: pngBytes(10, 10) } } });
    await ok(emulator, "editMessageText", { chat_id: user.id, message_id: sent.message_id, text: "y" });
    await ok(emulator, "getChat", { chat_id: group.id });
    await ok(emulator, "getChatAdministrators", { chat_id: group.id });
    await ok(emulator, "getWebhookInfo");
    await ok(emulator, "getMyCommands");
    expect(emulator.state.calls.length).toBeGreaterThanOrEqual(8);
    expect(specProblems(emulator)).toEqual([]);
  });
});
