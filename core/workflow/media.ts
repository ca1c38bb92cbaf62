// Photos attached to nominations are kept on disk under MEDIA_DIR, named by their sha256, so
// any channel can send them again later and the same photo is stored once.
import { createHash } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";

/** Largest photo accepted (Telegram's download limit for bots, and plenty for a story). */
export const maxPhotoBytes = 20 * 1024 * 1024;

/** Why a file was refused. */
export type MediaRefusal = "too-large" | "not-image";

/** A file the bot will not keep; `reason` picks the explanation. */
export class MediaRefusedError extends Error {
  constructor(readonly reason: MediaRefusal) {
    super(`Media refused: ${reason}`);
    this.name = "MediaRefusedError";
  }
}

/** A photo written to MEDIA_DIR. */
export interface StoredMedia {
  sha256: string;
  storagePath: string;
  mimeType: string;
  sizeBytes: number;
}

const signatures: { mime: string; ext: string; test: (b: Buffer) => boolean }[] = [
  { mime: "image/jpeg", ext: "jpg", test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { mime: "image/png", ext: "png", test: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) },
  { mime: "image/gif", ext: "gif", test: (b) => b.subarray(0, 4).toString("latin1") === "GIF8" },
  { mime: "image/webp", ext: "webp", test: (b) => b.subarray(0, 4).toString("latin1") === "RIFF" && b.subarray(8, 12).toString("latin1") === "WEBP" },
  { mime: "image/heic", ext: "heic", test: (b) => b.subarray(4, 12).toString("latin1").startsWith("ftyphei") },
];

/** The image type the bytes really are (by magic bytes), or null. */
export function sniffImage(bytes: Buffer): { mime: string; ext: string } | null {
  const found = signatures.find((s) => s.test(bytes));
  return found ? { mime: found.mime, ext: found.ext } : null;
}

/** Refuses before downloading what is plainly too big or declared as something other than an image. */
export function checkDeclaredMedia(meta: { size?: number; mimeType?: string; fileName?: string }): void {
  if (meta.size !== undefined && meta.size > maxPhotoBytes) throw new MediaRefusedError("too-large");
  if (meta.mimeType && !meta.mimeType.startsWith("image/")) throw new MediaRefusedError("not-image");
  if (meta.fileName && !/\.(jpe?g|png|gif|webp|heic)$/i.test(meta.fileName)) throw new MediaRefusedError("not-image");
}

/**
 * Checks downloaded bytes (size, image magic bytes) and writes them as
 * `<mediaDir>/<aa>/<sha256>.<ext>`; throws MediaRefusedError otherwise.
 */
export async function storeImage(mediaDir: string, bytes: Buffer): Promise<StoredMedia> {
  if (bytes.length > maxPhotoBytes) throw new MediaRefusedError("too-large");
  const kind = sniffImage(bytes);
  if (!kind) throw new MediaRefusedError("not-image");
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const dir = path.join(mediaDir, sha256.slice(0, 2));
  await mkdir(dir, { recursive: true });
  const storagePath = path.join(dir, `${sha256}.${kind.ext}`);
  await writeFile(storagePath, bytes);
  return { sha256, storagePath, mimeType: kind.mime, sizeBytes: bytes.length };
}
