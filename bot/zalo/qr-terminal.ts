// Zalo's login gives the QR code only as a PNG (not the text it encodes), so to show it in a
// terminal the picture itself is read: decoded with Node's zlib, cut into its modules at the
// size of the top-left finder pattern, and drawn with two characters per module.
import { inflateSync } from "node:zlib";

// === PNG

/** A decoded picture: light (true) or dark (false) per pixel, row by row. */
interface Bitmap {
  width: number;
  height: number;
  light: (x: number, y: number) => boolean;
}

const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const channelsOf: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** Decodes a non-interlaced PNG of any colour type; undefined for anything else. */
function decodePng(png: Buffer): Bitmap | undefined {
  if (png.length < 33 || !png.subarray(0, 8).equals(signature)) return undefined;
  let width = 0;
  let height = 0;
  let depth = 0;
  let colour = 0;
  let palette: Buffer | undefined;
  const data: Buffer[] = [];
  for (let at = 8; at + 8 <= png.length; ) {
    const length = png.readUInt32BE(at);
    const type = png.subarray(at + 4, at + 8).toString("latin1");
    const body = png.subarray(at + 8, at + 8 + length);
    if (type === "IHDR") {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      depth = body[8]!;
      colour = body[9]!;
      if (body[12] !== 0) return undefined;
    } else if (type === "PLTE") palette = body;
    else if (type === "IDAT") data.push(body);
    else if (type === "IEND") break;
    at += 12 + length;
  }
  const channels = channelsOf[colour];
  if (!channels || width === 0 || height === 0 || depth > 8 || (colour === 3 && !palette)) return undefined;
  const raw = inflateSync(Buffer.concat(data));
  const bpp = Math.max(1, (channels * depth) / 8);
  const rowBytes = Math.ceil((width * channels * depth) / 8);
  const pixels = Buffer.alloc(rowBytes * height);
  for (let y = 0; y < height; y += 1) {
    const filter = raw[y * (rowBytes + 1)]!;
    for (let i = 0; i < rowBytes; i += 1) {
      const x = raw[y * (rowBytes + 1) + 1 + i]!;
      const a = i >= bpp ? pixels[y * rowBytes + i - bpp]! : 0;
      const b = y > 0 ? pixels[(y - 1) * rowBytes + i]! : 0;
      const c = i >= bpp && y > 0 ? pixels[(y - 1) * rowBytes + i - bpp]! : 0;
      const predicted = filter === 1 ? a : filter === 2 ? b : filter === 3 ? (a + b) >> 1 : filter === 4 ? paeth(a, b, c) : 0;
      pixels[y * rowBytes + i] = (x + predicted) & 0xff;
    }
  }
  const sample = (x: number, y: number, channel: number): number => {
    const bit = (x * channels + channel) * depth;
    const byte = pixels[y * rowBytes + (bit >> 3)]!;
    const value = (byte >> (8 - depth - (bit & 7))) & ((1 << depth) - 1);
    return depth === 8 || colour === 3 ? value : Math.round((value * 255) / ((1 << depth) - 1));
  };
  const light = (x: number, y: number): boolean => {
    let r: number, g: number, b: number;
    let alpha = 255;
    if (colour === 3) {
      const index = sample(x, y, 0);
      [r, g, b] = [palette![index * 3] ?? 0, palette![index * 3 + 1] ?? 0, palette![index * 3 + 2] ?? 0];
    } else if (colour === 0 || colour === 4) {
      r = g = b = sample(x, y, 0);
      if (colour === 4) alpha = sample(x, y, 1);
    } else {
      [r, g, b] = [sample(x, y, 0), sample(x, y, 1), sample(x, y, 2)];
      if (colour === 6) alpha = sample(x, y, 3);
    }
    // Transparent pixels sit on a white page.
    const luminance = ((0.299 * r + 0.587 * g + 0.114 * b) * alpha + 255 * (255 - alpha)) / 255;
    return luminance >= 128;
  };
  return { width, height, light };
}

// === Modules

/**
 * The QR code's modules (true = dark) read from a PNG of it, or undefined when the picture is
 * not a QR code this can read.
 */
export function qrModulesFromPng(png: Buffer): boolean[][] | undefined {
  const image = decodePng(png);
  if (!image) return undefined;
  // The top-left finder pattern: the first dark pixel, and a dark run of 7 modules from it.
  let top = -1;
  let left = -1;
  for (let y = 0; y < image.height && top < 0; y += 1) {
    for (let x = 0; x < image.width; x += 1) {
      if (!image.light(x, y)) {
        top = y;
        left = x;
        break;
      }
    }
  }
  if (top < 0) return undefined;
  let run = 0;
  while (left + run < image.width && !image.light(left + run, top)) run += 1;
  const module = run / 7;
  if (module < 1) return undefined;
  let right = image.width - 1;
  while (right > left && image.light(right, top)) right -= 1;
  const count = Math.round((right - left + 1) / module);
  if (count < 21 || (count - 17) % 4 !== 0) return undefined;
  const modules: boolean[][] = [];
  for (let row = 0; row < count; row += 1) {
    const y = Math.floor(top + (row + 0.5) * module);
    if (y >= image.height) return undefined;
    modules.push(Array.from({ length: count }, (_, col) => !image.light(Math.floor(left + (col + 0.5) * module), y)));
  }
  return modules;
}

/**
 * The QR code of a PNG drawn for a terminal (dark modules on a light quiet zone, using ANSI
 * colours so it scans on dark and light themes alike), or undefined when it cannot be read.
 */
export function qrPngToTerminal(png: Buffer): string | undefined {
  const modules = qrModulesFromPng(png);
  if (!modules) return undefined;
  const light = "\x1b[47m  \x1b[0m";
  const dark = "\x1b[40m  \x1b[0m";
  const quiet = 2;
  const size = modules.length + quiet * 2;
  const lines: string[] = [];
  for (let row = -quiet; row < modules.length + quiet; row += 1) {
    const cells = modules[row];
    lines.push(Array.from({ length: size }, (_, i) => (cells?.[i - quiet] ? dark : light)).join(""));
  }
  return lines.join("\n");
}
