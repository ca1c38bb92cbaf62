// Photos leave for Zalo as bytes with their dimensions, read from the image headers.
import { describe, expect, it } from "vitest";
import QRCode from "qrcode";
import { imageAttachment, imageDimensions } from "../../bot/zalo/attachments";

function gif(width: number, height: number): Buffer {
  const b = Buffer.alloc(13);
  b.write("GIF89a", 0, "latin1");
  b.writeUInt16LE(width, 6);
  b.writeUInt16LE(height, 8);
  return b;
}

function jpeg(width: number, height: number): Buffer {
  const app0 = Buffer.from([0xff, 0xe0, 0x00, 0x10, ...Buffer.from("JFIF\0", "latin1"), 1, 1, 0, 0, 1, 0, 1, 0, 0]);
  const sof = Buffer.alloc(19);
  sof.set([0xff, 0xc0, 0x00, 0x11, 0x08]);
  sof.writeUInt16BE(height, 5);
  sof.writeUInt16BE(width, 7);
  return Buffer.concat([Buffer.from([0xff, 0xd8]), app0, sof]);
}

function webp(width: number, height: number): Buffer {
  const b = Buffer.alloc(30);
  b.write("RIFF", 0, "latin1");
  b.write("WEBPVP8X", 8, "latin1");
  b.writeUIntLE(width - 1, 24, 3);
  b.writeUIntLE(height - 1, 27, 3);
  return b;
}

describe("image dimensions", () => {
  it("reads PNG, JPEG (past other segments), GIF and WebP headers", async () => {
    expect(imageDimensions(await QRCode.toBuffer("x", { width: 150 }))).toEqual({ width: 150, height: 150 });
    expect(imageDimensions(jpeg(1280, 720))).toEqual({ width: 1280, height: 720 });
    expect(imageDimensions(gif(320, 200))).toEqual({ width: 320, height: 200 });
    expect(imageDimensions(webp(4000, 3000))).toEqual({ width: 4000, height: 3000 });
    expect(imageDimensions(Buffer.from("not an image"))).toBeUndefined();
  });

  it("names the attachment by what the bytes are, whatever the stored name says", () => {
    const photo = imageAttachment(jpeg(800, 600), "/media/ab/cd1234.bin");
    expect(photo).toMatchObject({ filename: "cd1234.jpg", metadata: { totalSize: jpeg(800, 600).length, width: 800, height: 600 } });
    expect(imageAttachment(gif(1, 1), "a.png")).toMatchObject({ filename: "a.gif" });
  });
});
