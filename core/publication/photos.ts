// The photos the site serves, re-encoded from the stored originals: a thumbnail for lists and
// a full image capped in size. Re-encoding drops every metadata block, so a phone photo's GPS
// position (often the nominee's home) never reaches the public.
import path from "node:path";
import sharp from "sharp";
import type { PhotoView } from "./model";

/** Which rendition of a photo. */
export type PhotoVariant = "thumb" | "full";

const longestSide: Record<PhotoVariant, number> = { thumb: 640, full: 1600 };

/** The JPEG of a photo in the given rendition, turned upright by its EXIF orientation. */
export async function renderPhoto(mediaDir: string, photo: Pick<PhotoView, "storagePath">, variant: PhotoVariant): Promise<Buffer> {
  const size = longestSide[variant];
  return sharp(path.resolve(mediaDir, photo.storagePath))
    .rotate()
    .resize({ width: size, height: size, fit: "inside", withoutEnlargement: true })
    .jpeg({ quality: variant === "thumb" ? 76 : 84, progressive: true })
    .toBuffer();
}
