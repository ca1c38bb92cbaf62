// What an outbox row asks a channel to deliver. Payloads are stored as JSON and read back
// by a worker that may run a newer build, so they are validated on the way in and out.
import { z } from "zod";

// === Parts

/**
 * One button of a choice row. Telegram shows it as an inline button carrying `data` as
 * callback_data (at most 64 bytes); Zalo, which has no buttons, renders a numbered list.
 */
export const choiceSchema = z.object({
  label: z.string().min(1).max(64),
  data: z
    .string()
    .min(1)
    .refine((data) => Buffer.byteLength(data, "utf8") <= 64, "choice data is at most 64 bytes"),
});

/** A photo or document source: a file on disk (MEDIA_DIR) or a channel's own file id. */
export const fileSourceSchema = z.union([
  z.strictObject({ path: z.string().min(1) }),
  z.strictObject({ fileId: z.string().min(1) }),
]);

const captionSchema = z.string().max(1024);

const photoItemSchema = z.union([
  z.strictObject({ path: z.string().min(1), caption: captionSchema.optional() }),
  z.strictObject({ fileId: z.string().min(1), caption: captionSchema.optional() }),
]);

// === Payloads

/** A text message in Telegram's HTML subset, with optional rows of choices. */
export const textPayloadSchema = z.strictObject({
  type: z.literal("text"),
  html: z.string().min(1).max(4096),
  choices: z.array(z.array(choiceSchema).min(1)).min(1).optional(),
});

/**
 * One photo, or an album of 2–10. Choices ride only with a single photo: Telegram albums
 * cannot carry buttons.
 */
export const photosPayloadSchema = z
  .strictObject({
    type: z.literal("photos"),
    items: z.array(photoItemSchema).min(1).max(10),
    choices: z.array(z.array(choiceSchema).min(1)).min(1).optional(),
  })
  .refine((p) => p.items.length === 1 || p.choices === undefined, {
    message: "an album cannot carry choices",
    path: ["choices"],
  });

/** A document (e.g. a report file), with an optional caption. */
export const documentPayloadSchema = z.strictObject({
  type: z.literal("document"),
  file: fileSourceSchema,
  fileName: z.string().min(1).optional(),
  caption: captionSchema.optional(),
});

/** Any payload a channel sender must be able to render. */
export const outboxPayloadSchema = z.discriminatedUnion("type", [textPayloadSchema, photosPayloadSchema, documentPayloadSchema]);

/** A validated outbox payload. */
export type OutboxPayload = z.infer<typeof outboxPayloadSchema>;
/** A button of a choice row. */
export type Choice = z.infer<typeof choiceSchema>;
/** A photo of a photos payload. */
export type PhotoItem = z.infer<typeof photoItemSchema>;
/** Where a file comes from. */
export type FileSource = z.infer<typeof fileSourceSchema>;

/** Reads a stored payload; throws a ZodError when it is not one the channels can render. */
export function parsePayload(value: unknown): OutboxPayload {
  return outboxPayloadSchema.parse(value);
}
