// A channel gives every uploaded file an id that can be sent again without uploading. The
// digest sends the same photos to hundreds of chats: remembering the id after the first upload
// turns the other sends into a reference, which is faster and spares the channel's limits.
import type { DbTx } from "../db/client";
import type { Channel } from "../db/generated/sqlite/enums";

/** Where a sender looks up and records the ids of files it uploaded from disk. */
export interface UploadedFileIds {
  /** The channel's id of a stored file, if it was uploaded (or received) before. */
  lookup(channel: Channel, storagePath: string): Promise<string | null>;
  /** Records the id the channel gave a file uploaded from `storagePath`. */
  remember(channel: Channel, storagePath: string, fileId: string): Promise<void>;
}

/** File ids kept with the attachments they belong to (AttachmentChannelRef). */
export function attachmentFileIds(db: DbTx): UploadedFileIds {
  return {
    async lookup(channel, storagePath) {
      const ref = await db.attachmentChannelRef.findFirst({
        where: { channel, attachment: { storagePath } },
        select: { fileId: true },
      });
      return ref?.fileId ?? null;
    },
    async remember(channel, storagePath, fileId) {
      const attachments = await db.attachment.findMany({ where: { storagePath }, select: { id: true } });
      for (const { id } of attachments) {
        await db.attachmentChannelRef.upsert({
          where: { attachmentId_channel: { attachmentId: id, channel } },
          create: { attachmentId: id, channel, fileId },
          update: {},
        });
      }
    },
  };
}
