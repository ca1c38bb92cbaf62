// An album arrives as one update per photo and is acknowledged once, with the number of
// photos really stored, even when each item takes longer to handle than the album's quiet
// time (a slow download here). The bot is composed from its real parts, with a port whose
// downloads are slow, over the emulator and a real SQLite file.
import path from "node:path";
import { setTimeout as delay } from "node:timers/promises";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTelegramBot, type TelegramBot } from "../../bot/telegram/bot";
import type { ChannelPort } from "../../core/channel/port";
import { Translations } from "../../core/i18n";
import { NominationWorkflow } from "../../core/workflow/engine";
import { startEmulator, type Emulator } from "../../emulator/index";
import { commandMenus } from "../../handlers/commands";
import { createConversationHandler } from "../../handlers/conversation";
import { jpegBytes } from "../emulator/helpers";
import { ChatUser, labels } from "../support/bot-app";
import { fillDraftUpTo } from "../support/drafts";
import { createTempDatabase, type TempDatabase } from "../support/temp-database";

/** Shorter than one download: with a plain debounce the album would be acknowledged piecemeal. */
const albumQuietMs = 100;
const downloadMs = 300;

let emulator: Emulator;
let temp: TempDatabase;
let workflow: NominationWorkflow;
let telegram: TelegramBot;

/** The same port, with every download taking `ms` longer. */
function withSlowDownloads(port: ChannelPort, ms: number): ChannelPort {
  return {
    channel: port.channel,
    capabilities: port.capabilities,
    send: (chatId, message) => port.send(chatId, message),
    sendPhotos: (chatId, photos, caption) => port.sendPhotos(chatId, photos, caption),
    edit: (chatId, messageId, message) => port.edit(chatId, messageId, message),
    answerChoice: (answerId, notice) => port.answerChoice(answerId, notice),
    download: async (file) => {
      await delay(ms);
      return port.download(file);
    },
  };
}

beforeAll(async () => {
  temp = await createTempDatabase();
  emulator = await startEmulator();
  const i18n = new Translations("vi");
  const log = pino({ level: "silent" });
  workflow = new NominationWorkflow({ db: temp.db, i18n, log, timeZone: "Asia/Ho_Chi_Minh", albumQuietMs });
  const conversation = createConversationHandler({ db: temp.db, i18n, log, workflow, defaultLocale: "vi", mediaDir: path.join(temp.dir, "media") });
  telegram = await startTelegramBot({
    token: emulator.token,
    apiRoot: emulator.apiRoot,
    commands: commandMenus,
    i18n,
    log,
    handler: (event, port) => conversation(event, withSlowDownloads(port, downloadMs)),
  });
});

afterAll(async () => {
  await telegram.stop();
  workflow.stop();
  await emulator.close();
  await temp.cleanup();
});

describe("an album", () => {
  it("is acknowledged once, with the count of photos stored for it, though each photo is slow to fetch", async () => {
    const user = new ChatUser(emulator, emulator.driver.createUser({ firstName: "Sương" }).id);
    await user.command("decu");
    const draftId = await fillDraftUpTo(temp.db, user.id, "photos");
    expect((await user.command("xyz")).text).toContain("Gửi ảnh minh họa");

    const sent = emulator.driver.sendAlbum(user.id, [640, 800, 1024, 1280, 1600].map((w) => ({ bytes: jpegBytes(w, 480) })));
    const ack = await user.reply(10_000);
    expect(ack.text).toContain("Đã nhận 5 ảnh");
    expect(labels(ack)).toEqual(["Xong"]);
    const stored = await temp.db.attachment.findMany({ where: { nominationId: draftId, mediaGroupId: sent[0]!.media_group_id! } });
    expect(stored).toHaveLength(5);

    // A second album on top: its own count, and the total.
    emulator.driver.sendAlbum(user.id, [{ bytes: jpegBytes(300, 200) }, { bytes: jpegBytes(200, 300) }]);
    expect((await user.reply(10_000)).text).toContain("Đã nhận 2 ảnh của album, tổng cộng 7 ảnh");

    expect((await user.press("Xong")).text).toContain("Số điện thoại liên hệ");
    const acks = user.driver.botMessages(user.id).filter((m) => m.text?.includes("Đã nhận"));
    expect(acks).toHaveLength(2);
  });
});
