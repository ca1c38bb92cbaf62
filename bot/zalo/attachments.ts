// Photos leave for Zalo as bytes with their size and dimensions. zca-js could read a path
// itself, but only with an image-metadata plug-in (an image library); reading the few header
// bytes here keeps that out and lets a fake see exactly what would be uploaded.
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { AttachmentSource } from "zca-js";
import { maxPhotoBytes, sniffImage } from "../../core/workflow/media";

/** Width and height of a PNG, JPEG, GIF or WebP from its header; undefined when unknown. */
export function imageDimensions(bytes: Buffer): { width: number; height: number } | undefined {
  const type = sniffImage(bytes)?.ext;
  if (type === "png" && bytes.length >= 24) return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
  if (type === "gif" && bytes.length >= 10) return { width: bytes.readUInt16LE(6), height: bytes.readUInt16LE(8) };
  if (type === "jpg") return jpegDimensions(bytes);
  if (type === "webp") return webpDimensions(bytes);
  return undefined;
}

/** Walks the JPEG segments to the first start-of-frame marker. */
function jpegDimensions(bytes: Buffer): { width: number; height: number } | undefined {
  let at = 2;
  while (at + 9 < bytes.length) {
    if (bytes[at] !== 0xff) return undefined;
    const marker = bytes[at + 1]!;
    const length = bytes.readUInt16BE(at + 2);
    const isFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isFrame) return { height: bytes.readUInt16BE(at + 5), width: bytes.readUInt16BE(at + 7) };
    at += 2 + length;
  }
  return undefined;
}

function webpDimensions(bytes: Buffer): { width: number; height: number } | undefined {
  const chunk = bytes.subarray(12, 16).toString("latin1");
  if (chunk === "VP8X" && bytes.length >= 30) return { width: 1 + bytes.readUIntLE(24, 3), height: 1 + bytes.readUIntLE(27, 3) };
  if (chunk === "VP8 " && bytes.length >= 30) return { width: bytes.readUInt16LE(26) & 0x3fff, height: bytes.readUInt16LE(28) & 0x3fff };
  if (chunk === "VP8L" && bytes.length >= 25) {
    const bits = bytes.readUInt32LE(21);
    return { width: 1 + (bits & 0x3fff), height: 1 + ((bits >> 14) & 0x3fff) };
  }
  return undefined;
}

/**
 * An image as a zca-js attachment. The file name's extension follows the real type, since
 * zca-js decides from it whether a caption may ride along.
 */
export function imageAttachment(bytes: Buffer, name: string): AttachmentSource {
  const ext = sniffImage(bytes)?.ext ?? (path.extname(name).slice(1) || "jpg");
  const base = path.basename(name, path.extname(name)) || "photo";
  const size = imageDimensions(bytes);
  return {
    data: bytes,
    filename: `${base}.${ext}`,
    metadata: { totalSize: bytes.length, ...(size ?? {}) },
  };
}

/** Reads a stored photo (relative paths are under `mediaDir`) as an attachment. */
export async function fileAttachment(file: string, mediaDir: string): Promise<AttachmentSource> {
  const full = path.resolve(mediaDir, file);
  return imageAttachment(await readFile(full), full);
}

/** Fetches a photo Zalo already hosts (an incoming photo's address) as an attachment. */
export async function urlAttachment(url: string, signal?: AbortSignal): Promise<AttachmentSource> {
  const { bytes } = await fetchImage(url, signal);
  return imageAttachment(bytes, new URL(url).pathname);
}

/**
 * Downloads a file Zalo hosts (a photo's `href`), refusing more than the largest photo the
 * bot keeps.
 */
export async function fetchImage(url: string, signal?: AbortSignal): Promise<{ bytes: Buffer; mimeType?: string }> {
  const response = await fetch(url, { signal: signal ?? AbortSignal.timeout(60_000) });
  if (!response.ok) throw new Error(`Download of ${url} failed: HTTP ${response.status}`);
  const declared = Number(response.headers.get("content-length") ?? "0");
  if (declared > maxPhotoBytes) throw new Error(`Download of ${url} refused: ${declared} bytes`);
  const bytes = Buffer.from(await response.arrayBuffer());
  if (bytes.length > maxPhotoBytes) throw new Error(`Download of ${url} refused: ${bytes.length} bytes`);
  const mimeType = response.headers.get("content-type")?.split(";")[0]?.trim();
  return { bytes, ...(mimeType ? { mimeType } : {}) };
}
