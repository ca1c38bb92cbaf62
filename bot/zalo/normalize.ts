// Where a zca-js message becomes a channel-agnostic event. Everything Zalo-shaped stops here
// (and in the adapter's menu lookup, which turns a typed number into a choice).
import { z } from "zod";
import { ThreadType, type Message } from "zca-js";
import type { IncomingEvent, Input, UnsupportedKind } from "../../core/channel/port";

const imageExtension = /^(jpe?g|png|gif|webp|heic)$/i;

/** Media content: zca-js types it loosely, so only what is read here is checked. */
const mediaContentSchema = z.looseObject({
  href: z.string().min(1),
  title: z.string().optional(),
  thumb: z.string().optional(),
  params: z.string().optional(),
});

/** The JSON string in `content.params`: photo dimensions, file size and extension. */
const mediaParamsSchema = z.looseObject({
  width: z.coerce.number().int().positive().optional(),
  height: z.coerce.number().int().positive().optional(),
  fileSize: z.coerce.number().int().nonnegative().optional(),
  fileExt: z.string().optional(),
  /**
   * Shared by the photos of one album (Zalo's "group layout"): zca-js writes `groupLayoutId`
   * when it sends one (src/apis/sendMessage.ts); `group_layout_id` is read as well.
   */
  groupLayoutId: z.union([z.string(), z.number()]).optional(),
  group_layout_id: z.union([z.string(), z.number()]).optional(),
});

function mediaParams(raw: string | undefined): z.infer<typeof mediaParamsSchema> {
  if (!raw) return {};
  try {
    const parsed = mediaParamsSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

/** Message types zca-js reports for what the bot does not take as answers. */
const unsupportedTypes: Record<string, UnsupportedKind> = {
  "chat.sticker": "sticker",
  "chat.voice": "voice",
  "chat.video.msg": "video",
  "chat.gif": "video",
  "chat.location.new": "location",
  "chat.recommended": "contact",
  "chat.link": "other",
};

/** A text as typed: a command when it starts with "/", plain text otherwise. */
export function textInput(text: string): Input {
  const command = /^\/([\p{L}\p{N}_]+)(?:@\S+)?(?:\s+([\s\S]*))?$/u.exec(text.trim());
  if (command) return { kind: "command", name: command[1]!.toLowerCase(), args: (command[2] ?? "").trim() };
  return { kind: "text", text };
}

function messageInput(data: Message["data"]): Input {
  const { msgType, content } = data;
  if (msgType === "webchat" && typeof content === "string") return textInput(content);
  if (msgType === "chat.photo") {
    const media = mediaContentSchema.safeParse(content);
    if (!media.success) return { kind: "unsupported", what: "other" };
    const params = mediaParams(media.data.params);
    return {
      kind: "photo",
      file: { fileId: media.data.href },
      ...(params.width ? { width: params.width } : {}),
      ...(params.height ? { height: params.height } : {}),
      ...(params.fileSize ? { size: params.fileSize } : {}),
      ...((params.groupLayoutId ?? params.group_layout_id) ? { mediaGroupId: String(params.groupLayoutId ?? params.group_layout_id) } : {}),
      ...(media.data.title?.trim() ? { caption: media.data.title } : {}),
    };
  }
  if (msgType === "share.file") {
    const media = mediaContentSchema.safeParse(content);
    if (!media.success) return { kind: "unsupported", what: "document" };
    const params = mediaParams(media.data.params);
    const fileName = media.data.title ?? "";
    const ext = params.fileExt ?? fileName.split(".").pop() ?? "";
    if (!imageExtension.test(ext)) return { kind: "unsupported", what: "document" };
    return {
      kind: "photo",
      file: { fileId: media.data.href },
      ...(fileName ? { fileName } : {}),
      ...(params.fileSize ? { size: params.fileSize } : {}),
    };
  }
  return { kind: "unsupported", what: unsupportedTypes[msgType] ?? "other" };
}

/**
 * Turns a zca-js message into an event; null for the account's own messages (Zalo echoes
 * what the bot sent from other devices).
 */
export function toIncomingEvent(message: Message): IncomingEvent | null {
  if (message.isSelf) return null;
  const { data } = message;
  return {
    from: { channel: "ZALO", externalId: String(data.uidFrom), displayName: data.dName?.trim() || String(data.uidFrom) },
    chat: { externalId: String(message.threadId), ...(message.type === ThreadType.Group ? { kind: "group", type: "group" } : { kind: "private", type: "private" }) },
    input: messageInput(data),
  };
}
