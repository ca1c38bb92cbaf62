// Which stories the public may read: published by the council (the digest went out), with the
// nominee's consent given or confirmed by an officer, and not withdrawn since. This module is
// the one gate between the database and every public page, feed and photo: it reads only the
// officer-approved public fields, never the contact phone, the achievements as typed, or who
// nominated.
import type { DbTx } from "../db/client";
import type { Prisma } from "../db/generated/sqlite/client";
import type { NomineeKind } from "../db/generated/sqlite/enums";

/** A photo of a public story, as stored; served only while its story stays public. */
export interface PublicPhoto {
  attachmentId: number;
  storagePath: string;
  width: number | null;
  height: number | null;
}

/** A story the public may read: public fields only. */
export interface PublicStory {
  nominationId: number;
  /** The nomination's code, e.g. "GS-2026-0042": the story's address on the site. */
  code: string;
  nomineeName: string;
  nomineeKind: NomineeKind | null;
  unit: { code: string; name: string } | null;
  field: { code: string; number: number; nameVi: string; nameEn: string } | null;
  movement: { nameVi: string; nameEn: string | null } | null;
  /** The text an officer approved for publication. */
  story: string;
  approvedAt: Date;
  publishedAt: Date;
  photos: PublicPhoto[];
}

/**
 * The filter every public read goes through. Published means the digest went out: the status
 * PUBLISHED, or APPROVED with a digest part already sent (the status follows within a minute,
 * and a reader following the digest's link must find the page). A story withdrawn by the
 * council leaves both statuses; one whose consent is revoked loses its GIVEN consent and its
 * officer's confirmation; either way it no longer matches, and its photos with it.
 */
export const publicStoryWhere = {
  code: { not: null },
  publicStory: { not: null },
  decidedAt: { not: null },
  AND: [
    { OR: [{ consent: "GIVEN" }, { consentConfirmedById: { not: null } }] },
    { OR: [{ status: "PUBLISHED" }, { status: "APPROVED", outbox: { some: { kind: "digest-story", status: "SENT" } } }] },
  ],
} satisfies Prisma.NominationWhereInput;

const publicInclude = {
  unit: { select: { code: true, name: true } },
  field: { select: { code: true, number: true, nameVi: true, nameEn: true } },
  movement: { select: { nameVi: true, nameEn: true } },
  // Photos the nominator sent with the nomination; those answering an officer's question are
  // part of the review, not of the public story.
  attachments: {
    where: { kind: "PHOTO", forEventId: null, storagePath: { not: null } },
    orderBy: { id: "asc" },
    take: 10,
    select: { id: true, storagePath: true, width: true, height: true },
  },
} satisfies Prisma.NominationInclude;

/** Every public story, newest approval first. */
export async function publicStories(db: DbTx, opts: { limit?: number } = {}): Promise<PublicStory[]> {
  const rows = await db.nomination.findMany({
    where: publicStoryWhere,
    include: publicInclude,
    orderBy: [{ decidedAt: "desc" }, { id: "desc" }],
    ...(opts.limit ? { take: opts.limit } : {}),
  });
  return rows.map((n) => ({
    nominationId: n.id,
    code: n.code!,
    nomineeName: n.nomineeName ?? "",
    nomineeKind: n.nomineeKind,
    unit: n.unit,
    field: n.field,
    movement: n.movement,
    story: n.publicStory!,
    approvedAt: n.decidedAt!,
    publishedAt: n.publishedAt ?? n.decidedAt!,
    photos: n.attachments.map((a) => ({ attachmentId: a.id, storagePath: a.storagePath!, width: a.width, height: a.height })),
  }));
}

/** A photo of a public story by its attachment id, or null when it is not (or no longer) public. */
export async function publicPhoto(db: DbTx, attachmentId: number): Promise<PublicPhoto | null> {
  const a = await db.attachment.findFirst({
    where: { id: attachmentId, kind: "PHOTO", forEventId: null, storagePath: { not: null }, nomination: publicStoryWhere },
    select: { id: true, storagePath: true, width: true, height: true },
  });
  return a ? { attachmentId: a.id, storagePath: a.storagePath!, width: a.width, height: a.height } : null;
}
