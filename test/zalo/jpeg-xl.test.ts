// Photos Zalo serves as JPEG XL: converted to JPEG on arrival where the server can read JXL, or
// the resident is told plainly (and nothing unreadable is handed on). The fixture is a real
// 48×32 JXL made with libjxl's cjxl, served over real HTTP.
import { readFileSync } from "node:fs";
import path from "node:path";
import QRCode from "qrcode";
import sharp from "sharp";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeJxl, isJxl, type JxlDecoder } from "../../bot/zalo/jxl";
import type { DownloadedFile, IncomingEvent } from "../../core/channel/port";
import { Translations } from "../../core/i18n";
import { sniffImage } from "../../core/workflow/media";
import { createTempDatabase, type TempDatabase } from "../support/temp-database";
import { FakeZalo, photoMessage, startFakeAdapter, startPhotoHost, type PhotoHost } from "./fake-zalo";

const jxl = readFileSync(path.join(import.meta.dirname, "fixtures", "photo-48x32.jxl"));
// sharp's prebuilt libvips has no JXL decoder; libjxl's djxl (Debian: libjxl-tools) is one.
const canReadJxl = (await decodeJxl(jxl)) !== null;

const silent = pino({ level: "silent" });
const i18n = new Translations("vi");
let temp: TempDatabase;
let host: PhotoHost;

beforeAll(async () => {
  temp = await createTempDatabase({ seed: false });
  host = await startPhotoHost();
});

afterAll(async () => {
  await host.close();
  await temp.cleanup();
});

/** An adapter whose handler downloads every photo it is handed, as the nomination flow does. */
function rig(decoder?: JxlDecoder) {
  const zalo = new FakeZalo();
  const events: IncomingEvent[] = [];
  const files: DownloadedFile[] = [];
  const adapter = startFakeAdapter(temp.db, zalo, events, {
    onEvent: async (event, port) => {
      events.push(event);
      if (event.input.kind === "photo") files.push(await port.download(event.input.file));
    },
    ...(decoder ? { decodeJxl: decoder } : {}),
  });
  return { zalo, adapter, events, files };
}

describe("JPEG XL by its magic bytes", () => {
  it("knows a bare codestream and the container, and nothing else", async () => {
    expect(isJxl(jxl)).toBe(true);
    expect(isJxl(Buffer.from([0, 0, 0, 0x0c, 0x4a, 0x58, 0x4c, 0x20, 0x0d, 0x0a, 0x87, 0x0a, 0, 0, 0, 0x14]))).toBe(true);
    expect(isJxl(await QRCode.toBuffer("x"))).toBe(false);
    expect(isJxl(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe(false);
  });
});

describe("a JPEG XL photo arrives", () => {
  it.skipIf(!canReadJxl)("is handed on as a JPEG of the same size", async () => {
    const { zalo, adapter, events, files } = rig();
    zalo.emit(photoMessage("u-jxl", host.put("anh.jxl", jxl, "image/jxl"), { width: 48, height: 32 }));
    await adapter.idle();
    expect(events).toHaveLength(1);
    expect(files).toHaveLength(1);
    expect(sniffImage(files[0]!.bytes)?.ext).toBe("jpg");
    expect(files[0]!.mimeType).toBe("image/jpeg");
    expect(await sharp(files[0]!.bytes).metadata()).toMatchObject({ width: 48, height: 32, format: "jpeg" });
    expect(zalo.sentTo("u-jxl")).toHaveLength(0);
  });

  it("where the server cannot read it, tells the resident how to send it instead, and hands nothing on", async () => {
    const { zalo, adapter, events } = rig(async () => null);
    zalo.emit(photoMessage("u-nojxl", host.put("anh2.jxl", jxl, "image/jxl")));
    await adapter.idle();
    expect(events).toHaveLength(0);
    const [reply] = zalo.sentTo("u-nojxl");
    expect(reply?.text).toContain("JPEG XL");
    expect(reply?.text).toContain("chụp màn hình");
  });

  it("leaves other photos as they are", async () => {
    const png = await QRCode.toBuffer("Gương Sáng", { width: 60 });
    const { zalo, adapter, files } = rig(async () => {
      throw new Error("not a JPEG XL: must not be decoded");
    });
    zalo.emit(photoMessage("u-png", host.put("anh.png", png, "image/png")));
    await adapter.idle();
    expect(files[0]?.bytes.equals(png)).toBe(true);
  });
});
