import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Bot, InlineKeyboard, InputFile, InputMediaBuilder, webhookCallback } from "grammy";
import { afterEach, describe, expect, it } from "vitest";
import { jpegBytes, pngBytes, useEmulator } from "./helpers";

const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0)) await stop();
});

/** Starts long polling and resolves once grammY has made its first getUpdates call. */
async function startPolling(bot: Bot): Promise<void> {
  await new Promise<void>((resolve) => void bot.start({ onStart: () => resolve() }));
  stops.push(() => bot.stop());
}

describe("grammY against the emulator", () => {
  it("runs a long-polling bot: text, inline keyboard, callback answer, photo in and out, album, file download", async () => {
    const emulator = await useEmulator();
    const { driver, apiRoot, token } = emulator;
    const bot = new Bot(token, { client: { apiRoot } });
    bot.command("start", (ctx) =>
      ctx.reply(`Welcome, ${ctx.from?.first_name}! Payload: ${ctx.match}`, { reply_markup: new InlineKeyboard().text("Yes", "answer:yes").text("No", "answer:no") }),
    );
    bot.callbackQuery(/^answer:(.+)$/, async (ctx) => {
      await ctx.answerCallbackQuery({ text: `Noted: ${ctx.match[1]}` });
      await ctx.editMessageText(`You said ${ctx.match[1]}`);
    });
    bot.on("message:photo", async (ctx) => {
      const file = await ctx.getFile();
      const response = await fetch(`${apiRoot}/file/bot${token}/${file.file_path}`);
      const bytes = Buffer.from(await response.arrayBuffer());
      await ctx.replyWithPhoto(new InputFile(bytes, "echo.png"), { caption: `Got ${bytes.length} bytes` });
    });
    bot.command("album", (ctx) =>
      ctx.replyWithMediaGroup([
        InputMediaBuilder.photo(new InputFile(pngBytes(640, 480), "a.png"), { caption: "First" }),
        InputMediaBuilder.photo(new InputFile(jpegBytes(300, 200), "b.jpg")),
      ]),
    );
    await startPolling(bot);

    const user = driver.createUser({ firstName: "Lan" });
    driver.sendCommand(user.id, "start", { payload: "ref42" });
    const welcome = await driver.waitForBotMessage(user.id);
    expect(welcome.text).toBe("Welcome, Lan! Payload: ref42");
    expect(welcome.buttons).toEqual([[{ text: "Yes", callbackData: "answer:yes" }, { text: "No", callbackData: "answer:no" }]]);

    const queryId = driver.pressButton(user.id, { text: "Yes" });
    expect(await driver.waitForCallbackAnswer(queryId)).toEqual({ text: "Noted: yes" });
    await driver.waitUntil(() => (driver.botMessages(user.id)[0]?.text === "You said yes" ? true : undefined));
    expect(driver.botMessages(user.id)[0]).toMatchObject({ editCount: 1, buttons: [] });

    const photo = pngBytes(1000, 750);
    driver.sendPhoto(user.id, photo, { caption: "my photo" });
    const echo = await driver.waitForBotMessage(user.id);
    expect(echo.caption).toBe(`Got ${photo.length} bytes`);
    expect(echo.photo?.at(-1)).toMatchObject({ width: 1000, height: 750, file_size: photo.length });
    const sent = echo.photo!.at(-1)!;
    const fileInfo = await bot.api.getFile(sent.file_id);
    const download = await fetch(`${apiRoot}/file/bot${token}/${fileInfo.file_path}`);
    expect(Buffer.from(await download.arrayBuffer())).toEqual(photo);

    driver.sendCommand(user.id, "album");
    const album = await driver.waitForBotMessages(user.id, 2);
    expect(album[0]?.mediaGroupId).toBeDefined();
    expect(album[0]?.mediaGroupId).toBe(album[1]?.mediaGroupId);
    expect(album.map((m) => m.photo?.at(-1)?.width)).toEqual([640, 300]);
    expect(album[0]?.caption).toBe("First");

    const sends = driver.calls().filter((c) => c.method.startsWith("send"));
    expect(sends.map((c) => c.method)).toEqual(["sendMessage", "sendPhoto", "sendMediaGroup"]);
  });

  it("long polling waits on the server: 1 s polls over an idle 2.5 s make two or three calls, not a busy loop", async () => {
    const emulator = await useEmulator();
    const bot = new Bot(emulator.token, { client: { apiRoot: emulator.apiRoot } });
    await new Promise<void>((resolve) => void bot.start({ timeout: 1, onStart: () => resolve() }));
    stops.push(() => bot.stop());
    await new Promise((resolve) => setTimeout(resolve, 2500));
    const polls = emulator.driver.calls({ method: "getUpdates" });
    expect(polls.length).toBeGreaterThanOrEqual(2);
    expect(polls.length).toBeLessThanOrEqual(3);
  });

  it("delivers updates to a grammY webhook with the secret token", async () => {
    const emulator = await useEmulator();
    const { driver } = emulator;
    const bot = new Bot(emulator.token, { client: { apiRoot: emulator.apiRoot } });
    bot.on("message:text", (ctx) => ctx.reply(`Echo: ${ctx.message.text}`));
    const server = createServer(webhookCallback(bot, "http", { secretToken: "s3cret" }));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    stops.push(() => new Promise((resolve) => server.close(() => resolve())));
    const { port } = server.address() as AddressInfo;
    await bot.api.setWebhook(`http://127.0.0.1:${port}/`, { secret_token: "s3cret" });

    const user = driver.createUser();
    driver.sendText(user.id, "hello");
    expect((await driver.waitForBotMessage(user.id)).text).toBe("Echo: hello");
    await driver.waitUntil(() => (emulator.state.bot(emulator.token).updates.pendingCount === 0 ? true : undefined));
    expect((await bot.api.getWebhookInfo()).pending_update_count).toBe(0);
  });
});
