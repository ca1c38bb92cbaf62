// The login QR code, read back from its PNG and drawn for a terminal.
import { crc32, deflateSync } from "node:zlib";
import QRCode from "qrcode";
import { describe, expect, it } from "vitest";
import { qrModulesFromPng, qrPngToTerminal } from "../../bot/zalo/qr-terminal";

function expected(text: string): boolean[][] {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: "M" });
  return Array.from({ length: modules.size }, (_, r) => Array.from({ length: modules.size }, (_, c) => Boolean(modules.get(r, c))));
}

/** A 1-bit palette PNG (as optimizers write them) of a module matrix, with a filter per row. */
function palettePng(modules: boolean[][], scale: number): Buffer {
  const margin = 2;
  const size = (modules.length + margin * 2) * scale;
  const rowBytes = Math.ceil(size / 8);
  const rows: Buffer[] = [];
  for (let y = 0; y < size; y += 1) {
    const row = Buffer.alloc(rowBytes + 1);
    row[0] = 0;
    for (let x = 0; x < size; x += 1) {
      const dark = modules[Math.floor(y / scale) - margin]?.[Math.floor(x / scale) - margin] ?? false;
      // Palette entry 1 is white: set bits are light.
      if (!dark) row[1 + (x >> 3)]! |= 0x80 >> (x & 7);
    }
    rows.push(row);
  }
  const chunk = (type: string, body: Buffer) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(body.length, 0);
    head.write(type, 4, "latin1");
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), body])));
    return Buffer.concat([head, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([1, 3, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("PLTE", Buffer.from([0, 0, 0, 255, 255, 255])),
    chunk("IDAT", deflateSync(Buffer.concat(rows))),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

describe("the login QR code in a terminal", () => {
  it("reads every module back from PNGs of several sizes and margins", async () => {
    const text = "https://id.zalo.me/account/authen?code=gs-2026-login-0042";
    for (const options of [{ scale: 4, margin: 4 }, { scale: 7, margin: 1 }, { width: 333, margin: 3 }]) {
      const png = await QRCode.toBuffer(text, { errorCorrectionLevel: "M", ...options });
      expect(qrModulesFromPng(png)).toEqual(expected(text));
    }
  });

  it("reads a 1-bit palette PNG too", () => {
    const modules = expected("zalo-qr-palette");
    expect(qrModulesFromPng(palettePng(modules, 3))).toEqual(modules);
  });

  it("draws two characters per module with a quiet zone", async () => {
    const png = await QRCode.toBuffer("Gương Sáng", { errorCorrectionLevel: "M", scale: 3 });
    const drawing = qrPngToTerminal(png)!;
    const size = expected("Gương Sáng").length;
    const lines = drawing.split("\n");
    expect(lines).toHaveLength(size + 4);
    // The first row of the code starts with the finder pattern: 7 dark modules after the quiet zone.
    const cells = lines[2]!.split("\x1b[0m").filter(Boolean);
    expect(cells.slice(2, 9).every((c) => c.startsWith("\x1b[40m"))).toBe(true);
    expect(cells[9]?.startsWith("\x1b[47m")).toBe(true);
  });

  it("gives up on pictures that are not a QR code", () => {
    expect(qrPngToTerminal(Buffer.from("not a png"))).toBeUndefined();
    const blank = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");
    expect(qrModulesFromPng(blank)).toBeUndefined();
  });
});
