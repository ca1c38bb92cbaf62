// Erasing a person's data (/xoadulieu, the Zalo OA's user_withdraw): their drafts cancelled and
// pending nominations withdrawn; every nomination loses its contact phone; what never became
// public loses its text and photos; approved and published stories stay (they belong to the
// programme) without the nominator. The Person row stays, nameless and without accounts, so the
// append-only review log keeps pointing at a row; the audit log records that an erasure
// happened, never what it erased.
import { unlink } from "node:fs/promises";
import path from "node:path";
import type { Db, DbTx } from "../db/client";
import { Prisma } from "../db/generated/sqlite/client";
import type { Channel } from "../db/generated/sqlite/enums";
import { transition } from "../nominations/lifecycle";
import { isReviewable } from "../nominations/status";
import { audit } from "./audit";

/** What an erasure did, in counts (safe to log). */
export interface ErasureSummary {
  withdrawn: number[];
  cancelledDrafts: number;
  photosDeleted: number;
}

const publicStatuses = new Set(["APPROVED", "PUBLISHED"]);

/** Drafts cancelled and pending nominations withdrawn, by the system: the person asked to leave. */
async function closeOpenNominations(db: Db, personId: number, now: Date): Promise<{ withdrawn: number[]; cancelledDrafts: number }> {
  const open = await db.nomination.findMany({ where: { nominatorId: personId, status: { in: ["DRAFT", "SUBMITTED", "IN_REVIEW", "NEEDS_INFO"] } } });
  const withdrawn: number[] = [];
  let cancelledDrafts = 0;
  for (const n of open) {
    if (n.status === "DRAFT") {
      await transition(db, { nominationId: n.id, from: "DRAFT", to: "CANCELLED", action: "CANCEL", actorId: null, now });
      cancelledDrafts += 1;
    } else if (isReviewable(n.status)) {
      await transition(db, { nominationId: n.id, from: n.status, to: "WITHDRAWN", action: "WITHDRAW", actorId: null, now });
      withdrawn.push(n.id);
    }
  }
  return { withdrawn, cancelledDrafts };
}

/** Their nominations without their personal data; returns the photo files no longer referenced. */
async function scrubNominations(tx: DbTx, personId: number, displayName: string): Promise<{ files: string[]; photos: number }> {
  const nominations = await tx.nomination.findMany({ where: { nominatorId: personId }, select: { id: true, status: true } });
  const hidden = nominations.filter((n) => !publicStatuses.has(n.status)).map((n) => n.id);
  const all = nominations.map((n) => n.id);
  await tx.nomination.updateMany({ where: { id: { in: all } }, data: { contactPhone: null, draftData: Prisma.DbNull, draftStep: null } });
  // What never became public was the person's submission only: its text and photos go.
  await tx.nomination.updateMany({ where: { id: { in: hidden } }, data: { achievements: null, nomineeName: null, nomineeNameKey: null, publicStory: null } });
  const photos = await tx.attachment.findMany({ where: { OR: [{ nominationId: { in: hidden } }, { nominationId: { in: all }, forEventId: { not: null } }] }, select: { id: true, storagePath: true } });
  await tx.attachment.deleteMany({ where: { id: { in: photos.map((p) => p.id) } } });
  // Their typed answers to officers' questions are kept in the append-only log; erasure is the
  // one reason to blank them, so it is done here, in SQL the log's guard does not intercept.
  await tx.$executeRaw`UPDATE "ReviewEvent" SET "reason" = NULL WHERE "actorId" = ${personId} AND "action" = 'ANSWER_INFO'`;
  // Sent and failed messages about these nominations that name the person.
  const outbox = await tx.outboxMessage.findMany({ where: { nominationId: { in: all } }, select: { id: true, payload: true } });
  const naming = outbox.filter((m) => displayName !== "" && JSON.stringify(m.payload).includes(JSON.stringify(displayName).slice(1, -1))).map((m) => m.id);
  await tx.outboxMessage.deleteMany({ where: { id: { in: naming } } });
  const paths = photos.map((p) => p.storagePath).filter((p): p is string => p !== null);
  const stillUsed = await tx.attachment.findMany({ where: { storagePath: { in: paths } }, select: { storagePath: true } });
  const kept = new Set(stillUsed.map((a) => a.storagePath));
  return { files: [...new Set(paths.filter((p) => !kept.has(p)))], photos: photos.length };
}

/** The person's accounts, chats and traces in other tables. */
async function scrubPerson(tx: DbTx, personId: number, now: Date): Promise<void> {
  const identities = await tx.channelIdentity.findMany({ where: { personId } });
  for (const identity of identities) {
    await tx.chat.deleteMany({ where: { channel: identity.channel, externalId: identity.externalId, kind: "PRIVATE" } });
    if (identity.channel === "ZALO_OA") {
      await tx.zaloOaContact.deleteMany({ where: { userId: identity.externalId } });
      await tx.zaloOaInboxEvent.deleteMany({ where: { body: { contains: identity.externalId } } });
    }
    // A group's numbered menu may be addressed to them ("forUser").
    const menus = await tx.chat.findMany({ where: { channel: identity.channel, kind: { not: "PRIVATE" }, lastMenu: { not: Prisma.DbNull } }, select: { id: true, lastMenu: true } });
    const theirs = menus.filter((c) => JSON.stringify(c.lastMenu).includes(`"forUser":${JSON.stringify(identity.externalId)}`)).map((c) => c.id);
    await tx.chat.updateMany({ where: { id: { in: theirs } }, data: { lastMenu: Prisma.DbNull } });
  }
  await tx.channelIdentity.deleteMany({ where: { personId } });
  await tx.linkCode.deleteMany({ where: { personId } });
  await tx.conversation.deleteMany({ where: { personId } });
  await tx.roleAssignment.deleteMany({ where: { personId } });
  await tx.roleAssignment.updateMany({ where: { grantedById: personId }, data: { grantedById: null } });
  await tx.subscription.updateMany({ where: { addedById: personId }, data: { addedById: null } });
  await tx.reviewGroup.updateMany({ where: { boundById: personId }, data: { boundById: null } });
  await tx.deadline.updateMany({ where: { createdById: personId }, data: { createdById: null } });
  await tx.consentRecord.updateMany({ where: { recordedById: personId }, data: { recordedById: null } });
  await tx.person.update({ where: { id: personId }, data: { displayName: "", erasedAt: now } });
}

/**
 * Erases a person's personal data. Safe to run twice (the second run finds nothing to do).
 *
 * ```ts
 * const summary = await erasePersonalData(db, person.id, { mediaDir, channel: "TELEGRAM" });
 * ```
 */
export async function erasePersonalData(db: Db, personId: number, opts: { mediaDir: string; channel?: Channel | null; now?: Date }): Promise<ErasureSummary> {
  const now = opts.now ?? new Date();
  const person = await db.person.findUnique({ where: { id: personId }, select: { displayName: true } });
  if (!person) return { withdrawn: [], cancelledDrafts: 0, photosDeleted: 0 };
  const closed = await closeOpenNominations(db, personId, now);
  const { files, photos } = await db.$transaction(async (tx) => {
    const scrubbed = await scrubNominations(tx, personId, person.displayName);
    await scrubPerson(tx, personId, now);
    await audit(tx, { action: "ERASE_PERSONAL_DATA", channel: opts.channel ?? null, now });
    return scrubbed;
  });
  await deleteFiles(opts.mediaDir, files);
  return { ...closed, photosDeleted: photos };
}

/** Deletes stored photo files; one already gone is not an error. */
export async function deleteFiles(mediaDir: string, files: readonly string[]): Promise<void> {
  for (const file of files) {
    await unlink(path.isAbsolute(file) ? file : path.join(mediaDir, file)).catch((err: NodeJS.ErrnoException) => {
      if (err.code !== "ENOENT") throw err;
    });
  }
}
