// What the Zalo official channels (OA and Bot Platform) do alike with an outbox payload they
// cannot send as Telegram does: an album's captions and choices go in one text after the
// photos, a document is named in a text, and a stored file must still be on disk.
import { existsSync } from "node:fs";
import path from "node:path";
import { PermanentSendError } from "./errors";
import type { OutboxPayload } from "./payload";

type PhotosPayload = Extract<OutboxPayload, { type: "photos" }>;
type DocumentPayload = Extract<OutboxPayload, { type: "document" }>;

/** Choices as one numbered list (Zalo shows no rows of buttons). */
export interface NumberedMenu {
  choices: { label: string; payload: string }[];
}

/** A payload's rows of choices as one numbered menu, or null when it has none. */
export function numberedMenu(choices: PhotosPayload["choices"]): NumberedMenu | null {
  return choices ? { choices: choices.flat().map((c) => ({ label: c.label, payload: c.data })) } : null;
}

/** The photos' non-empty captions, and whether the first photo carries the only one. */
export function photoCaptions(payload: PhotosPayload): { captions: string[]; single: boolean } {
  const captions = payload.items.map((item) => item.caption).filter((c): c is string => Boolean(c?.trim()));
  return { captions, single: payload.items.length === 1 && !payload.choices };
}

/**
 * The text sent after the photos: an album's captions and the payload's choices as a numbered
 * menu ("⬆️" when there are choices but no caption); null when nothing follows the photos.
 */
export function afterPhotos(payload: PhotosPayload): { html: string; menu: NumberedMenu | null } | null {
  const { captions, single } = photoCaptions(payload);
  const menu = numberedMenu(payload.choices);
  const html = single ? "" : captions.join("\n\n");
  return html || menu ? { html: html || "⬆️", menu } : null;
}

/** A document named in a text, for channels that send no files. */
export function documentAsText(payload: DocumentPayload): string {
  const name = payload.fileName ?? ("path" in payload.file ? path.basename(payload.file.path) : "tệp");
  return [payload.caption, `📎 ${name}`].filter(Boolean).join("\n\n");
}

/** A stored file under MEDIA_DIR; a missing one will never appear, so the message fails for good. */
export function storedFile(mediaDir: string, file: string): string {
  const full = path.resolve(mediaDir, file);
  if (!existsSync(full)) throw new PermanentSendError("message", `file not found: ${file}`);
  return full;
}
