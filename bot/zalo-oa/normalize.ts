// Where a Zalo OA webhook event becomes channel-agnostic events. Everything OA-shaped stops
// here (and in the adapter's menu lookup, which turns a typed number or a pressed quick-reply
// button into a choice).
import { z } from "zod";
import type { IncomingEvent, Input, UnsupportedKind } from "../../core/channel/port";

// === Parsing without losing ids

/**
 * Parses an event body with every id kept as a string. Zalo sends ids as strings, but an id
 * written as a bare number of 16 digits or more would lose its last digits as a JavaScript
 * number; such numbers are quoted before parsing.
 */
export function readIds(raw: string): unknown {
  return JSON.parse(raw.replace(/("(?:id|user_id|msg_id|oa_id|app_id|group_id|user_id_by_app|quote_msg_id)"\s*:\s*)(\d{16,})/g, '$1"$2"'));
}

const id = z.union([z.string(), z.number()]).transform(String);

const attachmentSchema = z.looseObject({
  type: z.string(),
  payload: z.looseObject({ url: z.string().optional(), name: z.string().optional(), id: z.unknown().optional() }).optional(),
});

/** The fields of an event the bot reads; the rest is kept in the inbox but not needed. */
export const oaEventSchema = z.looseObject({
  event_name: z.string(),
  timestamp: id.optional(),
  oa_id: id.optional(),
  user_id: id.optional(),
  sender: z.looseObject({ id }).optional(),
  recipient: z.looseObject({ id }).optional(),
  follower: z.looseObject({ id }).optional(),
  message: z
    .looseObject({
      msg_id: id.optional(),
      text: z.string().optional(),
      quote_msg_id: id.optional(),
      attachments: z.array(attachmentSchema).optional(),
    })
    .optional(),
  info: z.looseObject({ name: z.string().optional(), phone: z.union([z.string(), z.number()]).optional() }).optional(),
});

/** A parsed OA event. */
export type OaEvent = z.infer<typeof oaEventSchema>;

// === What an event means

/** What the adapter does with an event. */
export interface NormalizedOaEvent {
  /** The person the event is from (whose window it opens), when it is from one. */
  userId?: string;
  /** `follow` / `unfollow`. */
  following?: boolean;
  /** Events for the handlers, in order (one per image of an event with several). */
  events: IncomingEvent[];
  /** The message id Zalo gave the person's message (for answer ids and quotes). */
  msgId?: string;
  /** The OA message the person's message quotes ("Trả lời"), if any. */
  quotedId?: string;
  /** `user_submit_info`: the phone number the person shared through Zalo's contact card. */
  sharedPhone?: string;
  /** `user_withdraw`: the person took back their consent; the bot erases what it holds about them. */
  withdrawnUserId?: string;
}

const imageExtension = /\.(jpe?g|png|gif|webp|heic)$/i;

/** Attachment types the bot does not take as answers. */
const unsupportedTypes: Record<string, UnsupportedKind> = {
  sticker: "sticker",
  audio: "voice",
  video: "video",
  gif: "video",
  location: "location",
  link: "other",
  business_card: "contact",
};

/** A text as typed: a command when it starts with "/", plain text otherwise. */
export function textInput(text: string): Input {
  const command = /^\/([\p{L}\p{N}_]+)(?:@\S+)?(?:\s+([\s\S]*))?$/u.exec(text.trim());
  if (command) return { kind: "command", name: command[1]!.toLowerCase(), args: (command[2] ?? "").trim() };
  return { kind: "text", text };
}

/** Zalo's webhooks carry no names: a neutral one until the person is known. */
function displayNameOf(userId: string): string {
  return `Zalo …${userId.slice(-4)}`;
}

function inputsOf(event: OaEvent, kind: string): Input[] {
  const message = event.message ?? {};
  const attachments = message.attachments ?? [];
  const text = message.text ?? "";
  if (kind === "text") return [textInput(text)];
  if (kind === "image") {
    const urls = attachments.filter((a) => a.type === "image" && a.payload?.url).map((a) => a.payload!.url!);
    if (urls.length === 0) return [{ kind: "unsupported", what: "other" }];
    // Several images in one event are one album; the text rides as the first one's caption.
    return urls.map((url, i) => ({
      kind: "photo",
      file: { fileId: url },
      ...(urls.length > 1 ? { mediaGroupId: `oa-${message.msg_id ?? event.timestamp}` } : {}),
      ...(i === 0 && text.trim() ? { caption: text } : {}),
    }));
  }
  if (kind === "file") {
    const file = attachments[0]?.payload;
    if (file?.url && imageExtension.test(file.name ?? "")) return [{ kind: "photo", file: { fileId: file.url }, ...(file.name ? { fileName: file.name } : {}) }];
    return [{ kind: "unsupported", what: "document" }];
  }
  return [{ kind: "unsupported", what: unsupportedTypes[kind] ?? "other" }];
}

/**
 * What an event means for the bot: the handlers' events, and whose window it opens. The OA's
 * echoes (`oa_send_*`), receipts and events the bot has no use for give no handler events.
 *
 * ```ts
 * normalizeOaEvent(readIds(raw)) // { userId: "2460…", events: [{ from, chat, input: { kind: "text", … } }] }
 * ```
 */
export function normalizeOaEvent(raw: unknown): NormalizedOaEvent {
  const parsed = oaEventSchema.safeParse(raw);
  if (!parsed.success) return { events: [] };
  const event = parsed.data;
  const name = event.event_name;
  const msgId = event.message?.msg_id;
  if (name.startsWith("oa_send_")) return { events: [] };

  if (name === "follow" || name === "unfollow") {
    const userId = event.follower?.id;
    if (!userId) return { events: [] };
    // A new follower is greeted as /start greets; an unfollow only stops promotions.
    if (name === "unfollow") return { userId, following: false, events: [] };
    return {
      userId,
      following: true,
      events: [{ from: { channel: "ZALO_OA", externalId: userId, displayName: displayNameOf(userId) }, chat: { externalId: userId, kind: "private", type: "private" }, input: { kind: "command", name: "start", args: "" } }],
    };
  }
  if (name === "user_withdraw") {
    // Not an interaction: no window opens, no contact is written, no handler answers.
    const userId = event.user_id ?? event.sender?.id ?? event.follower?.id;
    return userId ? { withdrawnUserId: userId, events: [] } : { events: [] };
  }
  if (name === "user_submit_info" || name === "user_click_chatnow") {
    const userId = event.sender?.id ?? event.user_id;
    if (!userId) return { events: [] };
    // Zalo sends the phone as a number starting with 84; kept as typed digits.
    const phone = name === "user_submit_info" && event.info?.phone !== undefined ? String(event.info.phone) : "";
    return { userId, events: [], ...(phone ? { sharedPhone: phone } : {}) };
  }

  const group = /^user_send_group_(\w+)$/.exec(name);
  const direct = /^user_send_(\w+)$/.exec(name);
  const kind = group?.[1] ?? direct?.[1];
  const userId = event.sender?.id;
  if (!kind || !userId) return { events: [] };
  const from = { channel: "ZALO_OA" as const, externalId: userId, displayName: displayNameOf(userId) };
  const chat = group ? { externalId: event.recipient?.id ?? "", kind: "group" as const, type: "group" as const } : { externalId: userId, kind: "private" as const, type: "private" as const };
  if (!chat.externalId) return { events: [] };
  // A message in a group is not known to open the person's consultation window.
  const quotedId = event.message?.quote_msg_id;
  return { ...(group ? {} : { userId }), events: inputsOf(event, kind).map((input) => ({ from, chat, input })), ...(msgId ? { msgId } : {}), ...(quotedId ? { quotedId } : {}) };
}
