// Sending a file as a document through the channel port: on Telegram against the emulator
// (the bytes arrive under their name), on Zalo against the fake account (one attachment, the
// caption as its own message).
import { mkdirSync } from "node:fs";
import path from "node:path";
import { Api } from "grammy";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZaloAdapter } from "../../bot/zalo/adapter";
import { TelegramPort } from "../../bot/telegram/port";
import { Translations } from "../../core/i18n";
import { startEmulator, type Emulator } from "../../emulator/index";
import { createTempDatabase, type TempDatabase } from "../support/temp-database";
import { FakeZalo } from "../zalo/fake-zalo";

let emulator: Emulator;
let temp: TempDatabase;

beforeAll(async () => {
  emulator = await startEmulator();
  temp = await createTempDatabase({ seed: false });
});

afterAll(async () => {
  await emulator.close();
  await temp.cleanup();
});

const bytes = Buffer.from("Đơn vị;Số lượng\r\nXã Sơn Vi;3\r\n", "utf8");

describe("sendDocument", () => {
  it("delivers a named file with its caption on Telegram", async () => {
    const user = emulator.driver.createUser({ firstName: "Cán bộ" });
    const port = new TelegramPort(new Api(emulator.token, { apiRoot: emulator.apiRoot }), { apiRoot: emulator.apiRoot, token: emulator.token });
    const id = await port.sendDocument(String(user.id), { fileName: "bao-cao.csv", bytes, mimeType: "text/csv", caption: "<b>Báo cáo</b> quý IV" });
    const sent = emulator.driver.botMessages(user.id).at(-1)!;
    expect(String(sent.messageId)).toBe(id);
    expect(sent.caption).toBe("Báo cáo quý IV");
    expect(sent.document?.file_name).toBe("bao-cao.csv");
    expect(emulator.state.files.get(sent.document!.file_id)?.bytes.equals(bytes)).toBe(true);
  });

  it("sends one attachment and then the caption on Zalo", async () => {
    const zalo = new FakeZalo();
    const mediaDir = path.join(temp.dir, "media");
    mkdirSync(mediaDir, { recursive: true });
    const adapter = new ZaloAdapter({ api: zalo, db: temp.db, log: pino({ level: "silent" }), i18n: new Translations("vi"), mediaDir, onEvent: async () => {}, delay: async () => {} });
    const id = await adapter.sendDocument("u-officer", { fileName: "bao-cao.csv", bytes, mimeType: "text/csv", caption: "<b>Báo cáo</b> quý IV" });
    expect(zalo.sent).toHaveLength(2);
    expect(zalo.sent[0]!.attachments).toEqual([{ filename: "bao-cao.csv", bytes }]);
    expect(zalo.sent[0]!.msgIds).toEqual([id]);
    expect(zalo.sent[1]!.text).toBe("Báo cáo quý IV");
  });
});
