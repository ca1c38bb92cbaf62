import { randomBytes } from "node:crypto";
import type { TgPhotoSize } from "./types";

/** What kind of content a stored file was sent as; Telegram refuses to reuse a file as another kind. */
export type FileKind = "photo" | "document" | "sticker" | "voice";

/** A file kept in memory, addressable by file_id and by its download path. */
export interface StoredFile {
  fileId: string;
  uniqueId: string;
  kind: FileKind;
  bytes: Buffer;
  path: string;
  fileName?: string;
  mimeType?: string;
  width?: number;
  height?: number;
  /** For photos: every size of the photo this file is one size of. */
  sizes?: TgPhotoSize[];
}

/** A file part of a multipart request, before it is stored. */
export interface UploadedFile {
  bytes: Buffer;
  fileName?: string;
  mimeType?: string;
}

/** Size used when the bytes are not a PNG or JPEG the emulator can measure. */
export const defaultImageSize = { width: 800, height: 600 } as const;

const folders: Record<FileKind, string> = { photo: "photos", document: "documents", sticker: "stickers", voice: "voice" };

/**
 * In-memory file storage shared by all bots of one emulator: uploads from bots and from
 * test users land here, getFile and the download path read from here.
 */
export class FileStore {
  private readonly byId = new Map<string, StoredFile>();
  private readonly byPath = new Map<string, StoredFile>();
  private counter = 0;

  /** Stores bytes as a new file and returns its record. */
  put(kind: FileKind, upload: UploadedFile, size?: { width: number; height: number }): StoredFile {
    this.counter += 1;
    const extension = extensionOf(kind, upload);
    const file: StoredFile = {
      fileId: `${kind.slice(0, 2).toUpperCase()}ACAg${randomBytes(24).toString("base64url")}`,
      uniqueId: `AQAD${randomBytes(8).toString("base64url")}`,
      kind,
      bytes: upload.bytes,
      path: `${folders[kind]}/file_${this.counter}${extension}`,
      ...(upload.fileName ? { fileName: upload.fileName } : {}),
      ...(upload.mimeType ? { mimeType: upload.mimeType } : {}),
      ...(size ?? {}),
    };
    this.byId.set(file.fileId, file);
    this.byPath.set(file.path, file);
    return file;
  }

  /** Looks a file up by file_id. */
  get(fileId: string): StoredFile | undefined {
    return this.byId.get(fileId);
  }

  /** Looks a file up by the file_path getFile returned. */
  getByPath(path: string): StoredFile | undefined {
    return this.byPath.get(path);
  }

  /** Forgets every file. */
  clear(): void {
    this.byId.clear();
    this.byPath.clear();
  }

  /**
   * Stores a photo the way Telegram does: a few sizes, smallest first, the last one the
   * original. The smaller sizes share the original bytes (the emulator does not resample).
   */
  putPhoto(upload: UploadedFile): TgPhotoSize[] {
    const { width, height } = imageSize(upload.bytes) ?? defaultImageSize;
    const sides = [90, 320].filter((side) => Math.max(width, height) > side);
    const sizes = [...sides.map((side) => scaleTo(width, height, side)), { width, height }];
    const stored = sizes.map((size) => this.put("photo", upload, size));
    const photo = stored.map(photoSize);
    for (const file of stored) file.sizes = photo;
    return photo;
  }
}

/** The PhotoSize object of a stored photo file. */
export function photoSize(file: StoredFile): TgPhotoSize {
  return {
    file_id: file.fileId,
    file_unique_id: file.uniqueId,
    width: file.width ?? defaultImageSize.width,
    height: file.height ?? defaultImageSize.height,
    file_size: file.bytes.length,
  };
}

function scaleTo(width: number, height: number, side: number): { width: number; height: number } {
  const ratio = side / Math.max(width, height);
  return { width: Math.max(1, Math.round(width * ratio)), height: Math.max(1, Math.round(height * ratio)) };
}

function extensionOf(kind: FileKind, upload: UploadedFile): string {
  const fromName = /\.[A-Za-z0-9]{1,8}$/.exec(upload.fileName ?? "")?.[0];
  if (fromName) return fromName.toLowerCase();
  if (kind === "photo") return ".jpg";
  if (kind === "sticker") return ".webp";
  if (kind === "voice") return ".oga";
  return "";
}

// === Image headers

/** Width and height read from PNG, JPEG, GIF or WebP headers; undefined for anything else. */
export function imageSize(bytes: Buffer): { width: number; height: number } | undefined {
  if (bytes.length >= 24 && bytes.readUInt32BE(0) === 0x89504e47 && bytes.toString("latin1", 12, 16) === "IHDR") {
    return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
  }
  if (bytes.length >= 10 && bytes.toString("latin1", 0, 4) === "GIF8") {
    return { width: bytes.readUInt16LE(6), height: bytes.readUInt16LE(8) };
  }
  if (bytes.length >= 30 && bytes.toString("latin1", 0, 4) === "RIFF" && bytes.toString("latin1", 8, 12) === "WEBP") {
    return webpSize(bytes);
  }
  if (bytes.length >= 4 && bytes[0] === 0xff && bytes[1] === 0xd8) return jpegSize(bytes);
  return undefined;
}

function jpegSize(bytes: Buffer): { width: number; height: number } | undefined {
  let i = 2;
  while (i + 9 < bytes.length) {
    if (bytes[i] !== 0xff) return undefined;
    const marker = bytes[i + 1]!;
    const length = bytes.readUInt16BE(i + 2);
    // SOF0..SOF15 carry the frame size, except DHT (C4), JPG (C8) and DAC (CC).
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: bytes.readUInt16BE(i + 5), width: bytes.readUInt16BE(i + 7) };
    }
    i += 2 + length;
  }
  return undefined;
}

function webpSize(bytes: Buffer): { width: number; height: number } | undefined {
  const chunk = bytes.toString("latin1", 12, 16);
  if (chunk === "VP8X") return { width: 1 + bytes.readUIntLE(24, 3), height: 1 + bytes.readUIntLE(27, 3) };
  if (chunk === "VP8 ") return { width: bytes.readUInt16LE(26) & 0x3fff, height: bytes.readUInt16LE(28) & 0x3fff };
  if (chunk === "VP8L") {
    const bits = bytes.readUInt32LE(21);
    return { width: 1 + (bits & 0x3fff), height: 1 + ((bits >> 14) & 0x3fff) };
  }
  return undefined;
}
