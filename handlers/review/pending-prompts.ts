// What someone was asked to type next, kept in the Conversation table so a restart between
// the question and the answer loses nothing: an officer's reason, question or edited story,
// or a nominator's additions to a nomination an officer asked about.
import { z } from "zod";
import type { Db } from "../../core/db/client";

const reviewPrompt = z.object({
  flow: z.literal("review"),
  step: z.enum(["reject", "request-info", "edit-story"]),
  data: z.object({
    nominationId: z.number().int(),
    status: z.enum(["SUBMITTED", "IN_REVIEW", "NEEDS_INFO"]),
    reviewLevel: z.number().int(),
    chat: z.string(),
  }),
});

const answerPrompt = z.object({
  flow: z.literal("answer-info"),
  step: z.literal("collect"),
  data: z.object({
    nominationId: z.number().int(),
    requestEventId: z.number().int(),
    texts: z.array(z.string()),
    photos: z.number().int(),
    lastMediaGroupId: z.string().optional(),
  }),
});

/** An officer waiting to type a reason, a question or a story. */
export type ReviewPrompt = z.infer<typeof reviewPrompt>;
/** A nominator gathering additions for a nomination. */
export type AnswerPrompt = z.infer<typeof answerPrompt>;
export type PendingPrompt = ReviewPrompt | AnswerPrompt;

const anyPrompt = z.discriminatedUnion("flow", [reviewPrompt, answerPrompt]);

/** The prompt a person has open, or null (an unreadable row counts as none). */
export async function openPrompt(db: Db, personId: number): Promise<PendingPrompt | null> {
  const row = await db.conversation.findUnique({ where: { personId } });
  if (!row) return null;
  const parsed = anyPrompt.safeParse({ flow: row.flow, step: row.step, data: row.data });
  return parsed.success ? parsed.data : null;
}

/** Opens (or replaces) a person's prompt. */
export async function setPrompt(db: Db, personId: number, prompt: PendingPrompt): Promise<void> {
  const data = { flow: prompt.flow, step: prompt.step, data: prompt.data };
  await db.conversation.upsert({ where: { personId }, create: { personId, ...data }, update: data });
}

/** Closes a person's prompt. */
export async function clearPrompt(db: Db, personId: number): Promise<void> {
  await db.conversation.deleteMany({ where: { personId } });
}
