// The nomination draft: a Nomination row in status DRAFT whose `draftStep` and `draftData`
// hold where the conversation stands. Saved after every answer, so a restarted process
// carries on at the same question.
import { z } from "zod";
import type { ChannelName } from "../channel/port";
import type { Db } from "../db/client";
import { transition } from "../nominations/lifecycle";
import { stepIds, type DraftRow, type DraftScratch, type StepId } from "./types";

const scratchSchema = z
  .object({
    promptMessageId: z.string().optional(),
    promptText: z.string().optional(),
    editing: z.boolean().optional(),
    pendingText: z.string().optional(),
    unitParentId: z.number().int().nullable().optional(),
    unitPage: z.number().int().nonnegative().optional(),
    unitQuery: z.string().optional(),
    duplicateAccepted: z.string().optional(),
    consentWording: z.string().max(2000).optional(),
  })
  .catch({});

/** Reads the scratch state stored with a draft; anything unreadable starts empty. */
export function readScratch(draft: Pick<DraftRow, "draftData">): DraftScratch {
  return scratchSchema.parse(draft.draftData ?? {}) as DraftScratch;
}

/** The step a draft stands at (the first one when the stored value is unknown). */
export function readStep(draft: Pick<DraftRow, "draftStep">): StepId {
  const parsed = z.enum(stepIds).safeParse(draft.draftStep);
  return parsed.success ? parsed.data : stepIds[0];
}

/** The open draft of a person, if any (one at a time). */
export function findOpenDraft(db: Db, nominatorId: number) {
  return db.nomination.findFirst({ where: { nominatorId, status: "DRAFT" }, orderBy: { id: "desc" } });
}

/**
 * Whether the person behind a channel account has a draft waiting at `step`: a channel's own
 * way of giving an answer (the Zalo OA's shared contact details) is used only where it fits.
 */
export async function draftWaitsAt(db: Db, account: { channel: ChannelName; externalId: string }, step: StepId): Promise<boolean> {
  const identity = await db.channelIdentity.findUnique({ where: { channel_externalId: account }, select: { personId: true } });
  const draft = identity ? await findOpenDraft(db, identity.personId) : null;
  return draft !== null && readStep(draft) === step;
}

/** Starts an empty draft at the first step. */
export function createDraft(db: Db, input: { nominatorId: number; channel: ChannelName; locale: string; now: Date }) {
  return db.nomination.create({
    data: {
      nominatorId: input.nominatorId,
      channel: input.channel,
      locale: input.locale,
      status: "DRAFT",
      draftStep: stepIds[0],
      draftData: {},
      lastActivityAt: input.now,
    },
  });
}

/** Saves where the conversation stands. */
export async function saveProgress(db: Db, draftId: number, step: StepId, scratch: DraftScratch, now: Date): Promise<void> {
  await db.nomination.update({
    where: { id: draftId },
    data: { draftStep: step, draftData: scratch as object, lastActivityAt: now },
  });
}

/** Cancels a draft (logged like every other status change). */
export async function cancelDraft(db: Db, draftId: number, actorId: number, now: Date): Promise<void> {
  await transition(db, { nominationId: draftId, from: "DRAFT", to: "CANCELLED", action: "CANCEL", actorId, set: { draftStep: null }, now });
}

/** Submissions of a person since `since` (for the daily limit). */
export function countSubmissionsSince(db: Db, nominatorId: number, since: Date): Promise<number> {
  return db.nomination.count({ where: { nominatorId, submittedAt: { gte: since } } });
}

/** Everything the preview shows. */
export function loadDraftDetails(db: Db, draftId: number) {
  return db.nomination.findUniqueOrThrow({
    where: { id: draftId },
    include: {
      unit: true,
      field: true,
      movement: true,
      criteria: { include: { criterion: true }, orderBy: { criterionId: "asc" } },
      attachments: { include: { channelRefs: true }, orderBy: { id: "asc" } },
    },
  });
}
