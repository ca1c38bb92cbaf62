// Zalo's photo links are temporary, so a photo is kept the moment its update arrives, before
// the update is stored in the inbox: downloaded, checked and written under MEDIA_DIR like every
// channel's photos, its place noted in the stored update. The handlers then read it from disk,
// however late they come to it (after a backlog, after a restart), and the bot sends it again
// later from there rather than from a link that no longer works.
import path from "node:path";
import type { Logger } from "pino";
import { fetchFile } from "../../core/media/fetch-file";
import { storeImage } from "../../core/workflow/media";
import type { BotUpdate } from "./normalize";

/** The project's own field in a stored update: where its photo was kept (relative to MEDIA_DIR). */
export const keptPhotoField = "gs_kept_photo";

/** The file id of a kept photo, as the handlers and the outbox carry it. */
export const keptPhotoPrefix = "kept:";

/**
 * The update with its photo kept, or unchanged when it has none or the photo cannot be had now
 * (then the handlers fetch the link themselves and explain a refusal).
 *
 * ```ts
 * const update = await keepPhotoAtReceipt(readUpdate(body)!, mediaDir, log);
 * await inbox.store(JSON.stringify(update), update.event_name, dedupKeyOf(update));
 * ```
 */
export async function keepPhotoAtReceipt(update: BotUpdate, mediaDir: string, log: Logger): Promise<BotUpdate> {
  if (update.event_name !== "message.image.received") return update;
  const url = update.message.photo ?? update.message.photo_url;
  if (!url || !/^https?:\/\//i.test(url)) return update;
  try {
    const stored = await storeImage(mediaDir, (await fetchFile(url, AbortSignal.timeout(15_000))).bytes);
    return { ...update, message: { ...update.message, [keptPhotoField]: path.relative(mediaDir, path.resolve(mediaDir, stored.storagePath)) } };
  } catch (err) {
    log.warn({ err }, "zalo bot: a photo could not be kept at receipt; it is fetched when handled");
    return update;
  }
}
