// Downloading a file a channel hosts at a plain URL (Zalo's temporary photo links), refusing
// anything larger than the largest photo the bot keeps, before and after reading it.
import type { DownloadedFile } from "../channel/port";
import { maxPhotoBytes } from "../workflow/media";

/**
 * Downloads `url`; throws on an HTTP error or a file over the photo limit.
 *
 * ```ts
 * const { bytes, mimeType } = await fetchFile("https://f6.photo.talk.zdn.vn/xxxx.jpg");
 * ```
 */
export async function fetchFile(url: string, signal?: AbortSignal): Promise<DownloadedFile> {
  const response = await fetch(url, { signal: signal ?? AbortSignal.timeout(60_000) });
  if (!response.ok) throw new Error(`Download failed: HTTP ${response.status}`);
  const declared = Number(response.headers.get("content-length") ?? "0");
  if (declared > maxPhotoBytes) throw new Error(`Download refused: ${declared} bytes`);
  const bytes = Buffer.from(await response.arrayBuffer());
  if (bytes.length > maxPhotoBytes) throw new Error(`Download refused: ${bytes.length} bytes`);
  const mimeType = response.headers.get("content-type")?.split(";")[0]?.trim();
  return { bytes, size: bytes.length, ...(mimeType ? { mimeType } : {}) };
}
