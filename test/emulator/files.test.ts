import { describe, expect, it } from "vitest";
import { imageSize } from "../../emulator/files";
import { api, jpegBytes, ok, pngBytes, useEmulator } from "./helpers";

describe("photos, documents and albums", () => {
  it("stores an uploaded photo in several sizes read from its header, and serves it back", async () => {
    const emulator = await useEmulator();
    const user = emulator.driver.createUser();
    const bytes = jpegBytes(1280, 960);
    const message = await ok(emulator, "sendPhoto", { chat_id: user.id, caption: "<b>Ảnh</b>", parse_mode: "HTML" }, { files: { photo: { bytes, name: "p.jpg", type: "image/jpeg" } } });
    expect(message.photo.map((p: any) => [p.width, p.height])).toEqual([[90, 68], [320, 240], [1280, 960]]);
    expect(message).toMatchObject({ caption: "Ảnh", caption_entities: [{ type: "bold", offset: 0, length: 3 }] });
    const original = message.photo.at(-1);
    const file = await ok(emulator, "getFile", { file_id: original.file_id });
    expect(file).toMatchObject({ file_id: original.file_id, file_size: bytes.length });
    const download = await fetch(`${emulator.apiRoot}/file/bot${emulator.token}/${file.file_path}`);
    expect(Buffer.from(await download.arrayBuffer())).toEqual(bytes);
    expect((await fetch(`${emulator.apiRoot}/file/bot1:wrong/${file.file_path}`)).status).toBe(401);
    const again = await ok(emulator, "sendPhoto", { chat_id: user.id, photo: original.file_id });
    expect(again.photo).toEqual(message.photo);
  });

  it("refuses URLs, unknown file ids and files of another kind", async () => {
    const emulator = await useEmulator();
    const user = emulator.driver.createUser();
    expect((await api(emulator, "sendPhoto", { chat_id: user.id, photo: "https://example.org/a.jpg" })).body.description).toBe("Bad Request: wrong file identifier/HTTP URL specified");
    expect((await api(emulator, "sendPhoto", { chat_id: user.id, photo: "AgACnope" })).body.description).toBe("Bad Request: wrong file identifier/HTTP URL specified");
    expect((await api(emulator, "sendPhoto", { chat_id: user.id })).body.description).toBe("Bad Request: there is no photo in the request");
    const doc = await ok(emulator, "sendDocument", { chat_id: user.id, caption: "report" }, { files: { document: { bytes: Buffer.from("a,b\n1,2\n"), name: "data.csv", type: "text/csv" } } });
    expect(doc.document).toMatchObject({ file_name: "data.csv", mime_type: "text/csv", file_size: 8 });
    expect((await api(emulator, "sendPhoto", { chat_id: user.id, photo: doc.document.file_id })).body.description).toBe("Bad Request: can't use file of type Document as Photo");
    expect((await api(emulator, "getFile", { file_id: "missing" })).body.description).toBe("Bad Request: wrong file_id specified");
  });

  it("sends albums from attach:// parts with one media_group_id, and checks their size", async () => {
    const emulator = await useEmulator();
    const user = emulator.driver.createUser();
    const media = [
      { type: "photo", media: "attach://one", caption: "Một" },
      { type: "photo", media: "attach://two" },
    ];
    const album = await ok(emulator, "sendMediaGroup", { chat_id: user.id, media }, { files: { one: { bytes: pngBytes(200, 100) }, two: { bytes: pngBytes(50, 50) } } });
    expect(album).toHaveLength(2);
    expect(album[0].media_group_id).toBe(album[1].media_group_id);
    expect(album.map((m: any) => m.photo.at(-1).width)).toEqual([200, 50]);
    expect(album[0].caption).toBe("Một");
    const one = await api(emulator, "sendMediaGroup", { chat_id: user.id, media: [media[0]] }, { files: { one: { bytes: pngBytes(2, 2) } } });
    expect(one.body.description).toBe("Bad Request: media group must contain 2-10 items");
    const mixed = await api(emulator, "sendMediaGroup", { chat_id: user.id, media: [media[0], { type: "document", media: "attach://two" }] }, { files: { one: { bytes: pngBytes(2, 2) }, two: { bytes: Buffer.from("x") } } });
    expect(mixed.body.description).toBe("Bad Request: document can't be mixed with other media types");
  });

  it("lets test users send photos, albums, documents, stickers and voice notes", async () => {
    const emulator = await useEmulator();
    const { driver } = emulator;
    const user = driver.createUser();
    driver.sendPhoto(user.id, pngBytes(800, 600), { caption: "nominee" });
    driver.sendAlbum(user.id, [{ bytes: pngBytes(10, 10) }, { bytes: jpegBytes(20, 10), caption: "two" }]);
    driver.sendDocument(user.id, Buffer.from("%PDF-1.4"), { fileName: "cv.pdf", mimeType: "application/pdf" });
    driver.sendSticker(user.id, { emoji: "👍" });
    driver.sendVoice(user.id, Buffer.from("OggS"), { duration: 3 });
    const updates = await ok(emulator, "getUpdates");
    const messages = updates.map((u: any) => u.message);
    expect(messages[0]).toMatchObject({ caption: "nominee" });
    expect(messages[0].photo.at(-1)).toMatchObject({ width: 800, height: 600 });
    expect(messages[1].media_group_id).toBe(messages[2].media_group_id);
    expect(messages[3].document).toMatchObject({ file_name: "cv.pdf", mime_type: "application/pdf" });
    expect(messages[4].sticker).toMatchObject({ emoji: "👍", type: "regular" });
    expect(messages[5].voice).toMatchObject({ duration: 3, mime_type: "audio/ogg" });
    const file = await ok(emulator, "getFile", { file_id: messages[3].document.file_id });
    const download = await fetch(`${emulator.apiRoot}/file/bot${emulator.token}/${file.file_path}`);
    expect(await download.text()).toBe("%PDF-1.4");
  });

  it("reads sizes from PNG and JPEG headers and falls back otherwise", () => {
    expect(imageSize(pngBytes(3, 4))).toEqual({ width: 3, height: 4 });
    expect(imageSize(jpegBytes(640, 480))).toEqual({ width: 640, height: 480 });
    expect(imageSize(Buffer.from("not an image"))).toBeUndefined();
  });
});
