// The Zalo adapter against the fake account, a real SQLite file and a real HTTP photo host:
// events in, sends out, numbered menus that survive a restart, the listener's lifecycle.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import QRCode from "qrcode";
import { pino } from "pino";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { CloseReason, TextStyle, ThreadType } from "zca-js";
import { ZaloAdapter, sessionClosedAlert, type ZaloAdapterOptions, type ZaloSessionClosed } from "../../bot/zalo/adapter";
import type { IncomingEvent } from "../../core/channel/port";
import { Translations } from "../../core/i18n";
import { createTempDatabase, type TempDatabase } from "../support/temp-database";
import { FakeZalo, fileMessage, otherMessage, photoMessage, startPhotoHost, textMessage, type PhotoHost } from "./fake-zalo";

const silent = pino({ level: "silent" });
const i18n = new Translations("vi");

let temp: TempDatabase;
let host: PhotoHost;
let png: Buffer;
let mediaDir: string;

beforeAll(async () => {
  temp = await createTempDatabase({ seed: false });
  host = await startPhotoHost();
  png = await QRCode.toBuffer("Gương Sáng", { width: 120 });
  mediaDir = path.join(temp.dir, "media");
  mkdirSync(mediaDir, { recursive: true });
  writeFileSync(path.join(mediaDir, "a.png"), png);
  writeFileSync(path.join(mediaDir, "b.png"), png);
});

afterAll(async () => {
  await host.close();
  await temp.cleanup();
});

/** An adapter on a fresh fake, recording the events it hands on. */
function rig(overrides: Partial<ZaloAdapterOptions> = {}) {
  const zalo = new FakeZalo();
  const events: IncomingEvent[] = [];
  const adapter = new ZaloAdapter({
    api: zalo,
    db: temp.db,
    log: silent,
    i18n,
    mediaDir,
    onEvent: async (event) => {
      events.push(event);
    },
    delay: async () => {},
    ...overrides,
  });
  adapter.start();
  const receive = async (...messages: Parameters<FakeZalo["emit"]>[0][]) => {
    for (const message of messages) zalo.emit(message);
    await adapter.idle();
  };
  return { zalo, adapter, events, receive };
}

const kindChoices = [
  [{ label: "Cá nhân", payload: "s:kind:INDIVIDUAL" }, { label: "Tập thể", payload: "s:kind:COLLECTIVE" }],
  [{ label: "Hộ gia đình", payload: "s:kind:HOUSEHOLD" }],
];

describe("incoming messages", () => {
  it("turns text, commands and group messages into events, and ignores the account's own", async () => {
    const { adapter, events, receive } = rig();
    await receive(
      textMessage("u-text", "Nguyễn Văn An", { name: "Lan" }),
      textMessage("u-text", "/decu"),
      textMessage("u-text", "/start  nominate "),
      textMessage("u-text", "DUYET GS-2026-0042"),
      textMessage("u-text", "tin của chính bot", { isSelf: true }),
      textMessage("u-member", "chào cả nhóm", { group: "g-1" }),
    );
    const direct = events.filter((e) => e.chat.externalId === "u-text");
    expect(direct.map((e) => e.input)).toEqual([
      { kind: "text", text: "Nguyễn Văn An" },
      { kind: "command", name: "decu", args: "" },
      { kind: "command", name: "start", args: "nominate" },
      { kind: "text", text: "DUYET GS-2026-0042" },
    ]);
    expect(direct[0]).toMatchObject({ from: { channel: "ZALO", externalId: "u-text", displayName: "Lan" }, chat: { kind: "private" } });
    const inGroup = events.filter((e) => e.chat.externalId === "g-1");
    expect(inGroup).toEqual([{ from: expect.objectContaining({ externalId: "u-member" }), chat: { externalId: "g-1", kind: "group", type: "group" }, input: { kind: "text", text: "chào cả nhóm" } }]);
    const group = await temp.db.chat.findUniqueOrThrow({ where: { channel_externalId: { channel: "ZALO", externalId: "g-1" } } });
    expect(group.kind).toBe("GROUP");
    await adapter.stop();
  });

  it("takes a photo and an image file as photos, and names every other kind", async () => {
    const { adapter, events, receive } = rig();
    const href = host.put("photo-1.jpg", png, "image/png");
    await receive(
      photoMessage("u-media", href, { width: 120, height: 120, caption: "Ảnh bác An" }),
      photoMessage("u-media", href, { albumId: "1732345678901" }),
      fileMessage("u-media", host.put("scan.PNG", png, "image/png"), "scan.PNG"),
      fileMessage("u-media", host.put("don.pdf", Buffer.from("%PDF-1.4")), "don.pdf"),
      otherMessage("u-media", "chat.sticker"),
      otherMessage("u-media", "chat.voice"),
      otherMessage("u-media", "chat.video.msg"),
      otherMessage("u-media", "chat.location.new"),
      otherMessage("u-media", "chat.something.new"),
    );
    expect(events.map((e) => e.input)).toEqual([
      { kind: "photo", file: { fileId: href }, width: 120, height: 120, caption: "Ảnh bác An" },
      { kind: "photo", file: { fileId: href }, width: 1, height: 1, mediaGroupId: "1732345678901" },
      { kind: "photo", file: { fileId: host.put("scan.PNG", png, "image/png") }, fileName: "scan.PNG", size: 1234 },
      { kind: "unsupported", what: "document" },
      { kind: "unsupported", what: "sticker" },
      { kind: "unsupported", what: "voice" },
      { kind: "unsupported", what: "video" },
      { kind: "unsupported", what: "location" },
      { kind: "unsupported", what: "other" },
    ]);
    const photo = events[0]!.input;
    if (photo.kind !== "photo") throw new Error("expected a photo");
    const downloaded = await adapter.download(photo.file);
    expect(downloaded.bytes.equals(png)).toBe(true);
    expect(downloaded).toMatchObject({ size: png.length, mimeType: "image/png" });
    await expect(adapter.download({ fileId: `${href}-missing` })).rejects.toThrow(/HTTP 404/);
    await adapter.stop();
  });

  it("handles one chat's messages in order, one at a time", async () => {
    const order: string[] = [];
    let active = 0;
    let overlapped = false;
    const { adapter, receive } = rig({
      onEvent: async (event) => {
        active += 1;
        if (active > 1) overlapped = true;
        await new Promise((resolve) => setImmediate(resolve));
        if (event.input.kind === "text") order.push(event.input.text);
        active -= 1;
      },
    });
    await receive(...["1", "2", "3", "4"].map((n) => textMessage("u-order", `tin ${n}`)));
    expect(order).toEqual(["tin 1", "tin 2", "tin 3", "tin 4"]);
    expect(overlapped).toBe(false);
    await adapter.stop();
  });
});

describe("numbered menus", () => {
  it("sends choices as a numbered list with a hint, and turns a number or a label into the choice", async () => {
    const { zalo, adapter, events, receive } = rig();
    await receive(textMessage("u-menu", "/decu"));
    const menuId = await adapter.send("u-menu", { text: "<b>Người được đề cử là ai?</b>", choices: kindChoices });

    const [sent] = zalo.sentTo("u-menu");
    expect(sent?.text).toBe("Người được đề cử là ai?\n\n1. Cá nhân\n2. Tập thể\n3. Hộ gia đình\n\nTrả lời 1–3 (gõ số hoặc tên lựa chọn)");
    expect(sent?.styles.map((st) => [st.st, sent.text.slice(st.start, st.start + st.len)])).toEqual([
      [TextStyle.Bold, "Người được đề cử là ai?"],
      [TextStyle.Italic, "Trả lời 1–3 (gõ số hoặc tên lựa chọn)"],
    ]);
    expect(sent?.type).toBe(ThreadType.User);
    expect(menuId).toBe(sent?.msgIds[0]);

    events.length = 0;
    await receive(textMessage("u-menu", "2"), textMessage("u-menu", "tap the"), textMessage("u-menu", "Tập thể"), textMessage("u-menu", "Hộ gia đình."), textMessage("u-menu", "7"));
    expect(events.map((e) => e.input)).toEqual([
      { kind: "choice", payload: "s:kind:COLLECTIVE", messageId: menuId, answerId: expect.stringMatching(/^u-menu:/) },
      { kind: "choice", payload: "s:kind:COLLECTIVE", messageId: menuId, answerId: expect.stringMatching(/^u-menu:/) },
      { kind: "choice", payload: "s:kind:COLLECTIVE", messageId: menuId, answerId: expect.stringMatching(/^u-menu:/) },
      { kind: "choice", payload: "s:kind:HOUSEHOLD", messageId: menuId, answerId: expect.stringMatching(/^u-menu:/) },
      { kind: "text", text: "7" },
    ]);
    await adapter.stop();
  });

  it("in a group, each person's number answers their own menu, or the one their reply quotes", async () => {
    const fieldChoices = [[{ label: "Y tế", payload: "s:field:6" }, { label: "Giáo dục", payload: "s:field:7" }]];
    const { zalo, adapter, events, receive } = rig({
      // Answers a command in the group with a menu, as the conversation handler would.
      onEvent: async (event, port) => {
        events.push(event);
        if (event.input.kind !== "command") return;
        await port.send(event.chat.externalId, { text: "Chọn", choices: event.input.name === "decu" ? kindChoices : fieldChoices });
      },
    });
    // A review card sent outside any conversation: anyone in the group may answer it.
    const cardId = await adapter.send("g-menus", { text: "Thẻ duyệt", choices: [[{ label: "Duyệt", payload: "r:approve" }]] });
    await receive(textMessage("u-an", "/decu", { group: "g-menus" }), textMessage("u-binh", "/linhvuc", { group: "g-menus" }));
    const [card, anMenu, binhMenu] = zalo.sentTo("g-menus");
    events.length = 0;

    await receive(
      textMessage("u-an", "1", { group: "g-menus" }),
      textMessage("u-binh", "1", { group: "g-menus" }),
      textMessage("u-binh", "2", { group: "g-menus", quote: anMenu!.msgIds[0]! }),
      textMessage("u-an", "2", { group: "g-menus", quote: binhMenu!.msgIds[0]! }),
      textMessage("u-an", "1", { group: "g-menus", quote: card!.msgIds[0]! }),
      textMessage("u-chi", "1", { group: "g-menus" }),
    );
    const chosen = events.map((e) => [e.from.externalId, e.input.kind === "choice" ? e.input.payload : null]);
    expect(chosen).toEqual([
      ["u-an", "s:kind:INDIVIDUAL"],
      ["u-binh", "s:field:6"],
      // Quoting someone else's menu does not answer it: the sender's own menu does.
      ["u-binh", "s:field:7"],
      ["u-an", "s:kind:COLLECTIVE"],
      // Quoting the card answers the card, though An has a menu of her own.
      ["u-an", "r:approve"],
      // Someone without a menu of their own answers the card meant for anyone.
      ["u-chi", "r:approve"],
    ]);
    expect(events.at(-1)?.input).toMatchObject({ messageId: cardId });
    await adapter.stop();
  });

  it("forgets the menu once a message asks nothing, so a number is text again", async () => {
    const { adapter, events, receive } = rig();
    await adapter.send("u-forget", { text: "Chọn", choices: kindChoices });
    await adapter.send("u-forget", { text: "Năm sinh của người được đề cử?" });
    await receive(textMessage("u-forget", "2"));
    expect(events.map((e) => e.input)).toEqual([{ kind: "text", text: "2" }]);
    await adapter.stop();
  });

  it("still resolves a number after a restart: a new adapter on the same database", async () => {
    const first = rig();
    const menuId = await first.adapter.send("u-restart", { text: "Chọn", choices: kindChoices });
    await first.adapter.stop();

    const second = rig();
    await second.receive(textMessage("u-restart", "1"));
    expect(second.events.map((e) => e.input)).toEqual([{ kind: "choice", payload: "s:kind:INDIVIDUAL", messageId: menuId, answerId: expect.any(String) }]);
    await second.adapter.stop();
  });

  it("writes the hint in the person's language, and in groups in the default language", async () => {
    const person = await temp.db.person.create({ data: { displayName: "Mai", language: "en" } });
    await temp.db.channelIdentity.create({ data: { personId: person.id, channel: "ZALO", externalId: "u-english" } });
    const { zalo, adapter, receive } = rig();
    await adapter.send("u-english", { text: "Pick", choices: [[{ label: "Yes", payload: "y" }]] });
    expect(zalo.sentTo("u-english")[0]?.text).toBe("Pick\n\n1. Yes\n\nReply 1 (the number or the option's name)");

    await receive(textMessage("u-english", "hello", { group: "g-menu" }));
    await adapter.send("g-menu", { text: "Chọn", choices: kindChoices });
    const [groupSend] = zalo.sentTo("g-menu");
    expect(groupSend?.type).toBe(ThreadType.Group);
    expect(groupSend?.text).toContain("Trả lời 1–3");
    await adapter.stop();
  });

  it("sends an edit as a new message whose choices answer to the edited message", async () => {
    const { zalo, adapter, events, receive } = rig();
    const original = await adapter.send("u-edit", { text: "Tiêu chuẩn", choices: [[{ label: "☐ Gương mẫu", payload: "s:c:1" }]] });
    await adapter.edit("u-edit", original, { text: "Tiêu chuẩn", choices: [[{ label: "☑ Gương mẫu", payload: "s:c:1" }], [{ label: "Xong", payload: "s:c:done" }]] });
    expect(zalo.sentTo("u-edit")).toHaveLength(2);
    await receive(textMessage("u-edit", "2"));
    expect(events.map((e) => e.input)).toEqual([{ kind: "choice", payload: "s:c:done", messageId: original, answerId: expect.any(String) }]);
    await adapter.stop();
  });

  it("sends an alert or a toast worth a message as a message, and lets a plain acknowledgement pass silently", async () => {
    const { zalo, adapter, events, receive } = rig();
    await adapter.send("u-alert", { text: "Chọn", choices: kindChoices });
    await receive(textMessage("u-alert", "1"));
    const choice = events[0]!.input;
    if (choice.kind !== "choice") throw new Error("expected a choice");
    await adapter.answerChoice(choice.answerId);
    await adapter.answerChoice(choice.answerId, { text: "Đã ghi nhận" });
    expect(zalo.sentTo("u-alert")).toHaveLength(1);
    await adapter.answerChoice(choice.answerId, { text: "Không thể rút đề cử này", alert: true });
    await adapter.answerChoice(choice.answerId, { text: "Đã duyệt hồ sơ GS-2026-0042.", messageWithoutToasts: true });
    expect(zalo.sentTo("u-alert").map((m) => m.text)).toEqual([expect.stringContaining("1. Cá nhân"), "Không thể rút đề cử này", "Đã duyệt hồ sơ GS-2026-0042."]);
    // The alert is no answer to the menu: "2" still picks from it.
    await receive(textMessage("u-alert", "2"));
    expect(events[1]?.input).toMatchObject({ kind: "choice", payload: "s:kind:COLLECTIVE" });
    await adapter.stop();
  });

  it("cuts a long text into several messages and returns the last one's id", async () => {
    const { zalo, adapter } = rig();
    const long = Array.from({ length: 6 }, (_, i) => `<b>Đoạn ${i + 1}</b> ${"chữ ".repeat(120)}`).join("\n\n");
    const id = await adapter.send("u-long", { text: long, choices: kindChoices });
    const sent = zalo.sentTo("u-long");
    expect(sent.length).toBeGreaterThan(1);
    for (const m of sent) expect(m.text.length).toBeLessThanOrEqual(2000);
    expect(sent.at(-1)?.text).toContain("3. Hộ gia đình");
    expect(id).toBe(sent.at(-1)?.msgIds[0]);
    await adapter.stop();
  });
});

describe("photos out", () => {
  it("sends one photo with its caption riding along", async () => {
    const { zalo, adapter } = rig();
    const ids = await adapter.sendPhotos("u-photo", [{ kind: "file", path: "a.png" }], "<b>Bác An</b> dọn rác");
    const [sent] = zalo.sentTo("u-photo");
    expect(zalo.sentTo("u-photo")).toHaveLength(1);
    expect(sent?.text).toBe("Bác An dọn rác");
    expect(sent?.attachments).toEqual([{ filename: "a.png", bytes: png, width: 120, height: 120 }]);
    expect(ids).toEqual(sent?.msgIds);
    await adapter.stop();
  });

  it("sends several photos as one album, then the story as its own message", async () => {
    const { zalo, adapter } = rig();
    const href = host.put("again.jpg", png, "image/png");
    const ids = await adapter.sendPhotos(
      "u-album",
      [{ kind: "file", path: "a.png" }, { kind: "file", path: path.join(mediaDir, "b.png") }, { kind: "channel-file", fileId: href }],
      "<b>Gương sáng tuần này</b>\n\nBác An dọn rác mỗi sáng.",
    );
    const sent = zalo.sentTo("u-album");
    expect(sent).toHaveLength(2);
    expect(sent[0]?.text).toBe("");
    expect(sent[0]?.attachments.map((a) => a.filename)).toEqual(["a.png", "b.png", "again.png"]);
    expect(sent[0]?.attachments.every((a) => a.bytes.equals(png))).toBe(true);
    expect(sent[1]).toMatchObject({ text: "Gương sáng tuần này\n\nBác An dọn rác mỗi sáng.", styles: [{ start: 0, len: 19, st: TextStyle.Bold }], attachments: [] });
    expect(ids).toEqual([...sent[0]!.msgIds, ...sent[1]!.msgIds]);
    expect(ids).toHaveLength(4);
    await adapter.stop();
  });
});

describe("groups", () => {
  it("tells creator, deputies, members and strangers apart, and the account's own standing", async () => {
    const { zalo, adapter } = rig();
    zalo.groups.set("g-khu-3", { name: "Khu 3 – Xã Sơn Vi", creatorId: "u-truong-khu", adminIds: ["u-pho-khu"], memberIds: ["u-dan"], memVerList: ["bot-uid_12", "u-dan-2_3"] });
    expect(await adapter.memberStatus("g-khu-3", "u-truong-khu")).toBe("creator");
    expect(await adapter.memberStatus("g-khu-3", "u-pho-khu")).toBe("administrator");
    expect(await adapter.memberStatus("g-khu-3", "u-dan")).toBe("member");
    expect(await adapter.memberStatus("g-khu-3", "u-dan-2")).toBe("member");
    expect(await adapter.memberStatus("g-khu-3", "u-nguoi-la")).toBe("left");
    expect(await adapter.memberStatus("g-khac", "u-dan")).toBe("left");
    expect(await adapter.botStatus("g-khu-3")).toBe("member");
    expect(await adapter.chatInfo("g-khu-3")).toEqual({ externalId: "g-khu-3", type: "group", title: "Khu 3 – Xã Sơn Vi" });
    expect(await adapter.chatInfo("g-khac")).toBeNull();
    await adapter.stop();
  });
});

describe("listener lifecycle", () => {
  it("reconnects after a disconnection with growing waits, and starts over once connected", async () => {
    const waits: number[] = [];
    const { zalo, adapter } = rig({ delay: async (ms) => void waits.push(ms), reconnect: { baseMs: 1000, maxMs: 5000 } });
    expect(zalo.events.starts).toBe(1);
    for (let i = 0; i < 4; i += 1) {
      zalo.close(CloseReason.AbnormalClosure, "network");
      await adapter.idle();
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(zalo.events.starts).toBe(5);
    expect(waits).toEqual([1000, 2000, 4000, 5000]);

    zalo.events.emit("connected");
    zalo.events.failNextStart = new Error("Already started");
    zalo.close(CloseReason.AbnormalClosure, "network");
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    expect(waits.slice(4)).toEqual([1000, 2000]);
    expect(zalo.events.starts).toBe(6);
    await adapter.stop();
    expect(zalo.events.stops).toBe(1);
  });

  it("stops for good and calls onSessionClosed when Zalo Web takes the session", async () => {
    const closures: ZaloSessionClosed[] = [];
    const { zalo, adapter } = rig({ onSessionClosed: (c) => void closures.push(c) });
    zalo.close(CloseReason.DuplicateConnection, "duplicate");
    await new Promise((resolve) => setImmediate(resolve));
    expect(closures).toEqual([{ code: 3000, reason: "duplicate" }]);
    expect(zalo.events.starts).toBe(1);
    expect(sessionClosedAlert(i18n, "vi", closures[0]!)).toContain("Kênh Zalo đã ngắt");
    expect(sessionClosedAlert(i18n, "en", { code: 3003, reason: "" })).toContain("(Code 3003: -)");
    await adapter.stop();
    expect(zalo.events.stops).toBe(1);
    expect(zalo.events.listenerCount("message")).toBe(0);

    const kicked: ZaloSessionClosed[] = [];
    const other = rig({ onSessionClosed: (c) => void kicked.push(c) });
    other.zalo.close(CloseReason.KickConnection, "kicked");
    await new Promise((resolve) => setImmediate(resolve));
    expect(kicked).toEqual([{ code: 3003, reason: "kicked" }]);
    await other.adapter.stop();
  });

  it("hands nothing on after stop", async () => {
    const { zalo, adapter, events } = rig();
    await adapter.stop();
    zalo.emit(textMessage("u-stopped", "còn ai không?"));
    await adapter.idle();
    expect(events).toEqual([]);
  });
});
