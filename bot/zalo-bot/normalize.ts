// Where a Zalo Bot Platform update becomes a channel-agnostic event. Everything Bot-shaped
// stops here (and in the adapter's menu lookup, which turns a typed number into a choice).
// Zalo's docs show updates wrapped in `{ok, result}` while live webhooks post them flat: both
// are read.
import { z } from "zod";
import type { IncomingEvent, Input } from "../../core/channel/port";
import { textInput } from "../zalo-oa/normalize";
import { keptPhotoPrefix } from "./receipt";

const id = z.union([z.string(), z.number()]).transform(String);

/** The fields of an update the bot reads. */
export const botUpdateSchema = z.looseObject({
  event_name: z.string().min(1),
  message: z.looseObject({
    message_id: id,
    date: z.number().optional(),
    text: z.string().optional(),
    photo: z.string().optional(),
    photo_url: z.string().optional(),
    caption: z.string().optional(),
    /** Set by the bot itself when it kept the photo at receipt (receipt.ts). */
    gs_kept_photo: z.string().optional(),
    from: z.looseObject({ id, display_name: z.string().optional(), is_bot: z.boolean().optional() }),
    chat: z.looseObject({ id, chat_type: z.string().optional() }),
  }),
});

/** A parsed update. */
export type BotUpdate = z.infer<typeof botUpdateSchema>;

/** The update inside a body, flat or wrapped in `{ok, result}`; null when it is not one. */
export function readUpdate(raw: unknown): BotUpdate | null {
  const inner = typeof raw === "object" && raw !== null && "result" in raw && !("event_name" in raw) ? (raw as { result: unknown }).result : raw;
  const parsed = botUpdateSchema.safeParse(inner);
  return parsed.success ? parsed.data : null;
}

/** What makes two deliveries the same update: its event and message id. */
export function dedupKeyOf(update: BotUpdate): string {
  return `${update.event_name}:${update.message.message_id}`;
}

// === What an update means

/** What the adapter does with an update. */
export type NormalizedBotUpdate =
  /** An event for the handlers. */
  | { kind: "event"; event: IncomingEvent }
  /** A protected account (a minor) wrote: Zalo withholds the content; the bot explains. */
  | { kind: "protected"; event: IncomingEvent }
  /** Nothing for the bot (the bot's own message, an event it has no use for). */
  | { kind: "ignored" };

/** Removes the @mentions of the bot (by any of its names) that a group message starts or ends with. */
export function stripMention(text: string, botNames: readonly string[]): string {
  let rest = text.trim();
  for (const name of botNames.filter(Boolean)) {
    const mention = `@${name}`;
    if (rest.toLowerCase().startsWith(mention.toLowerCase())) rest = rest.slice(mention.length).replace(/^[\s,:]+/, "");
    if (rest.toLowerCase().endsWith(mention.toLowerCase())) rest = rest.slice(0, rest.length - mention.length).trimEnd();
  }
  return rest;
}

function inputOf(update: BotUpdate, group: boolean, botNames: readonly string[]): Input | null {
  const { message } = update;
  switch (update.event_name) {
    case "message.text.received":
      return textInput(group ? stripMention(message.text ?? "", botNames) : (message.text ?? ""));
    case "message.image.received": {
      // A photo kept at receipt is read from disk; otherwise its (temporary) link.
      const url = message.gs_kept_photo ? `${keptPhotoPrefix}${message.gs_kept_photo}` : (message.photo ?? message.photo_url);
      if (!url) return { kind: "unsupported", what: "other" };
      const caption = group ? stripMention(message.caption ?? "", botNames) : (message.caption ?? "");
      return { kind: "photo", file: { fileId: url }, ...(caption.trim() ? { caption } : {}) };
    }
    case "message.sticker.received":
      return { kind: "unsupported", what: "sticker" };
    case "message.voice.received":
      return { kind: "unsupported", what: "voice" };
    default:
      // An event Zalo adds later: answered as a message the bot cannot read.
      return update.event_name.startsWith("message.") ? { kind: "unsupported", what: "other" } : null;
  }
}

/**
 * What an update means for the bot.
 *
 * ```ts
 * normalizeBotUpdate(readUpdate(JSON.parse(body))!, ["Bot Gương Sáng"]) // { kind: "event", event: { from, chat, input: { kind: "text", … } } }
 * ```
 */
export function normalizeBotUpdate(update: BotUpdate, botNames: readonly string[] = []): NormalizedBotUpdate {
  const { message } = update;
  if (message.from.is_bot) return { kind: "ignored" };
  const group = (message.chat.chat_type ?? "PRIVATE").toUpperCase() === "GROUP";
  const from = { channel: "ZALO_BOT" as const, externalId: message.from.id, displayName: message.from.display_name?.trim() || `Zalo …${message.from.id.slice(-4)}` };
  const chat = group ? { externalId: message.chat.id, kind: "group" as const, type: "group" as const } : { externalId: message.chat.id, kind: "private" as const, type: "private" as const };
  if (update.event_name === "message.unsupported.received") return { kind: "protected", event: { from, chat, input: { kind: "unsupported", what: "other" } } };
  const input = inputOf(update, group, botNames);
  return input ? { kind: "event", event: { from, chat, input } } : { kind: "ignored" };
}
