// Zalo now serves some photos as JPEG XL (zca-js itself marks the photos it sends
// `jcp: {"convertible":"jxl"}`, src/apis/sendMessage.ts). Nothing else in the bot reads JXL, so a
// JXL photo becomes a JPEG on arrival. The sharp build in node_modules (libvips without libjxl)
// does not decode JXL; libjxl's `djxl` does, when the server has it (Debian: libjxl-tools).
// Without either, the resident is told plainly instead of the photo being stored unreadable.
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import sharp from "sharp";

const run = promisify(execFile);

/** A JPEG XL image by its magic bytes: a bare codestream (FF 0A) or the ISO BMFF container. */
export function isJxl(bytes: Buffer): boolean {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0x0a) return true;
  return bytes.length >= 12 && bytes.subarray(0, 12).equals(Buffer.from([0, 0, 0, 0x0c, 0x4a, 0x58, 0x4c, 0x20, 0x0d, 0x0a, 0x87, 0x0a]));
}

/** Turns JXL bytes into JPEG bytes; null when this machine cannot read JXL. */
export type JxlDecoder = (bytes: Buffer) => Promise<Buffer | null>;

/**
 * Decodes with sharp when its libvips was built with libjxl, otherwise with `djxl` (to PNG, then
 * sharp makes the JPEG); null when neither is there.
 */
export const decodeJxl: JxlDecoder = async (bytes) => {
  if (sharp.format.jxl?.input.buffer) return sharp(bytes).rotate().jpeg({ quality: 88 }).toBuffer();
  const dir = await mkdtemp(path.join(tmpdir(), "zalo-jxl-"));
  try {
    const input = path.join(dir, "in.jxl");
    const output = path.join(dir, "out.png");
    await writeFile(input, bytes);
    try {
      await run("djxl", [input, output], { timeout: 30_000 });
    } catch (error) {
      if ((error as { code?: unknown }).code === "ENOENT") return null;
      throw error;
    }
    return sharp(await readFile(output)).jpeg({ quality: 88 }).toBuffer();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
};
