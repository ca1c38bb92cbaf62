// Zalo's image upload takes JPEG or PNG of at most 1 MB. Anything else (a bigger photo, a WebP,
// a HEIC from an iPhone) is re-encoded with sharp (libvips, prebuilt in the npm registry):
// a JPEG, shrunk and compressed step by step until it fits.
import sharp from "sharp";

/** The largest image Zalo's upload takes. */
export const oaMaxImageBytes = 1024 * 1024;

/** An image ready for `/v2.0/oa/upload/image`. */
export interface UploadableImage {
  bytes: Buffer;
  mimeType: "image/jpeg" | "image/png";
}

function kindOf(bytes: Buffer): "image/jpeg" | "image/png" | undefined {
  if (bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return "image/jpeg";
  if (bytes.length > 8 && bytes[0] === 0x89 && bytes.subarray(1, 4).toString("latin1") === "PNG") return "image/png";
  return undefined;
}

/** Longest sides and JPEG qualities tried in turn, from the gentlest. */
const attempts: readonly { side: number; quality: number }[] = [
  { side: 2560, quality: 85 },
  { side: 1920, quality: 82 },
  { side: 1600, quality: 75 },
  { side: 1280, quality: 70 },
  { side: 1024, quality: 60 },
  { side: 800, quality: 55 },
];

/**
 * The image as Zalo takes it: unchanged when it is already a JPEG or PNG within `maxBytes`,
 * otherwise a JPEG that fits (turned upright by its EXIF orientation, transparency on white).
 *
 * ```ts
 * const { bytes, mimeType } = await uploadableImage(await readFile("anh.png")); // a 3 MB PNG → a JPEG under 1 MB
 * ```
 */
export async function uploadableImage(bytes: Buffer, maxBytes: number = oaMaxImageBytes): Promise<UploadableImage> {
  const kind = kindOf(bytes);
  if (kind && bytes.length <= maxBytes) return { bytes, mimeType: kind };
  for (const { side, quality } of attempts) {
    const jpeg = await sharp(bytes, { limitInputPixels: 100_000_000 })
      .rotate()
      .resize({ width: side, height: side, fit: "inside", withoutEnlargement: true })
      .flatten({ background: "#ffffff" })
      .jpeg({ quality, mozjpeg: true })
      .toBuffer();
    if (jpeg.length <= maxBytes) return { bytes: jpeg, mimeType: "image/jpeg" };
  }
  throw new Error(`The image cannot be brought under ${maxBytes} bytes`);
}
