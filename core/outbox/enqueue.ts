// The way into the outbox. Whatever should reach a chat is written here first, under a key
// that names it uniquely (e.g. broadcast 12, chat 5, part 2), so writing it twice is harmless.
import { z } from "zod";
import type { DbTx } from "../db/client";
import { Channel, ChatKind } from "../db/generated/sqlite/enums";
import { outboxPayloadSchema } from "./payload";

// === Input

/** What a caller hands to {@link enqueue}. */
export const enqueueInputSchema = z.strictObject({
  idempotencyKey: z.string().min(1).max(200),
  chat: z.strictObject({
    channel: z.enum(Channel),
    externalId: z.string().min(1),
    kind: z.enum(ChatKind),
    title: z.string().optional(),
  }),
  /** What the message is for, e.g. "digest", "story", "reminder". */
  kind: z.string().min(1).max(64),
  payload: outboxPayloadSchema,
  broadcastId: z.number().int().positive().optional(),
  nominationId: z.number().int().positive().optional(),
  /** Not before this moment (a scheduled reminder); default now. */
  notBefore: z.date().optional(),
});

/** Input of {@link enqueue}. */
export type EnqueueInput = z.input<typeof enqueueInputSchema>;

/** The stored row and whether this call created it. */
export interface EnqueueResult {
  message: { id: number; idempotencyKey: string; chatId: number; status: string };
  created: boolean;
}

/**
 * Builds an idempotency key from its parts, so every caller spells keys the same way.
 *
 * @example
 * outboxKey("broadcast", 12, "chat", chat.id, "part", 2) // "broadcast:12:chat:5:part:2"
 */
export function outboxKey(...parts: (string | number)[]): string {
  return parts.map(String).join(":");
}

/**
 * The key of a message sent again on another of the person's channels after the first was
 * refused (the Zalo OA's 7-day window): one detour per message and channel.
 *
 * @example
 * detourKey("reminder:3:2026-Q4:7:person:12", "TELEGRAM") // "reminder:3:2026-Q4:7:person:12:via:TELEGRAM"
 */
export function detourKey(key: string, channel: string): string {
  return `${key}:via:${channel}`;
}

// === Enqueue

/**
 * Writes a message to the outbox: creates the chat row when the bot has not seen the chat,
 * then the outbox row. A second call with the same key returns the existing row and writes
 * nothing. Pass a transaction client to commit the message together with the caller's own
 * rows (a reminder log entry, a broadcast), or roll both back.
 *
 * Two concurrent calls with the same key outside a transaction resolve to the same row. Inside
 * a PostgreSQL transaction the loser's unique violation aborts that transaction, as any
 * constraint error does there; the caller's retry then finds the row.
 */
export async function enqueue(db: DbTx, input: EnqueueInput): Promise<EnqueueResult> {
  const data = enqueueInputSchema.parse(input);
  const existing = await findByKey(db, data.idempotencyKey);
  if (existing) return { message: existing, created: false };

  const chatKey = { channel_externalId: { channel: data.chat.channel, externalId: data.chat.externalId } };
  // Reading first spares a write (and a commit) for the usual case of a chat already known.
  const chat = (await db.chat.findUnique({ where: chatKey, select: { id: true } })) ?? await db.chat.upsert({
    where: chatKey,
    create: {
      channel: data.chat.channel,
      externalId: data.chat.externalId,
      kind: data.chat.kind,
      ...(data.chat.title === undefined ? {} : { title: data.chat.title }),
    },
    update: {},
    select: { id: true },
  });
  try {
    const message = await db.outboxMessage.create({
      data: {
        idempotencyKey: data.idempotencyKey,
        chatId: chat.id,
        kind: data.kind,
        payload: data.payload,
        nextAttemptAt: data.notBefore ?? new Date(),
        ...(data.broadcastId === undefined ? {} : { broadcastId: data.broadcastId }),
        ...(data.nominationId === undefined ? {} : { nominationId: data.nominationId }),
      },
      select: messageSelect,
    });
    return { message, created: true };
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const winner = await findByKey(db, data.idempotencyKey);
    if (!winner) throw error;
    return { message: winner, created: false };
  }
}

const messageSelect = { id: true, idempotencyKey: true, chatId: true, status: true } as const;

function findByKey(db: DbTx, idempotencyKey: string) {
  return db.outboxMessage.findUnique({ where: { idempotencyKey }, select: messageSelect });
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}
