// The resident's chat as Zalo shows it, on each Zalo channel the playground runs: what the bot
// sent (read from the channel's emulator: plain text with the numbered menu, photos, the OA's
// quick replies when they are on, never an edit) and what the resident sent from the page. One
// shape for both channels, so the page and the routes have one path per action, not one per
// channel.

/** The Zalo channels of the playground: the Official Account and the Bot Platform. */
export const zaloChannels = ["oa", "bot"] as const;
export type ZaloChannelKey = (typeof zaloChannels)[number];

/** One message of a Zalo chat, as the page shows it. */
export interface ZaloViewMessage {
  id: string;
  fromBot: boolean;
  text: string;
  /** Id of the photo it carries, served by the playground's file route. */
  photo?: string;
  /** A sticker or a voice message the bot sent (shown by name; Zalo plays them). */
  other?: "sticker" | "voice";
  /** The OA's quick replies (ZALO_OA_BUTTONS): pressing one sends its payload as text. */
  buttons: { title: string; payload: string }[];
  /** Milliseconds since the epoch. */
  at: number;
}

/** A photo's bytes, as the file route serves them. */
export interface ZaloViewFile {
  bytes: Buffer;
  mimeType: string;
}

/** What the page can do on one Zalo channel, whatever its emulator. */
export interface ZaloView {
  readonly channel: ZaloChannelKey;
  /** The sample resident on this channel. */
  readonly resident: { userId: string; name: string };
  /** The channel's groups the resident is in (the OA's own group when it gets the digest). */
  readonly groups: { id: string; title: string }[];
  sendText(userId: string, text: string): Promise<void>;
  sendPhotos(userId: string, photos: Buffer[]): Promise<void>;
  /** The chat with a person or a group, oldest first. */
  messages(chatId: string): ZaloViewMessage[];
  file(id: string): ZaloViewFile | undefined;
}

/** What an emulator offers a view: the bot's messages to a person and the person's actions. */
export interface ZaloViewSource {
  channel: ZaloChannelKey;
  resident: { userId: string; name: string };
  groups?: { id: string; title: string }[];
  /** Delivers a text to the bot; throws when the bot did not take it. */
  deliverText(userId: string, text: string): Promise<void>;
  deliverPhotos(userId: string, photos: Buffer[]): Promise<void>;
  botMessages(chatId: string): (ZaloViewMessage & { file?: ZaloViewFile })[];
}

/** The mime type of a photo by its first bytes (the page sends JPEG or PNG). */
function photoType(bytes: Buffer): string {
  return bytes[0] === 0x89 ? "image/png" : "image/jpeg";
}

/**
 * A view over an emulator: keeps what the resident sent (the emulators keep only what the bot
 * sent) and merges both in time order.
 */
export function zaloView(source: ZaloViewSource): ZaloView {
  const said = new Map<string, ZaloViewMessage[]>();
  const files = new Map<string, ZaloViewFile>();
  let count = 0;
  const record = (userId: string, text: string, photo?: Buffer): void => {
    const id = `u${++count}`;
    if (photo) files.set(id, { bytes: photo, mimeType: photoType(photo) });
    const list = said.get(userId) ?? [];
    list.push({ id, fromBot: false, text, ...(photo ? { photo: id } : {}), buttons: [], at: Date.now() });
    said.set(userId, list);
  };
  return {
    channel: source.channel,
    resident: source.resident,
    groups: source.groups ?? [],
    async sendText(userId, text) {
      record(userId, text);
      await source.deliverText(userId, text);
    },
    async sendPhotos(userId, photos) {
      for (const photo of photos) record(userId, "", photo);
      await source.deliverPhotos(userId, photos);
    },
    messages(chatId) {
      const fromBot = source.botMessages(chatId).map(({ file, ...message }) => {
        if (file && message.photo) files.set(message.photo, file);
        return message;
      });
      // A stable sort: a reply sent within the same millisecond as the text it answers stays after it.
      return [...(said.get(chatId) ?? []), ...fromBot].sort((a, b) => a.at - b.at);
    },
    file: (id) => files.get(id),
  };
}
