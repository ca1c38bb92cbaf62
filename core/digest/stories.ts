// Which approved stories a subscribed chat should receive: approved, with consent to publish
// recorded, inside the subscription's unit subtree and fields, and not already queued or sent
// to that chat (nor refused for it by Zalo's 7-day window: each story is tried once per
// person, so a resident who went quiet is not sent a growing backlog each week). Personal
// data never leaves this module: only the officer-approved public story.
import type { DbTx } from "../db/client";
import { outsideWindowReason } from "../outbox/errors";

/** A story ready for a digest: public fields only. */
export interface DigestStory {
  nominationId: number;
  /** The nomination's code, the address of the story's public page. */
  code: string;
  nomineeName: string;
  unitName: string;
  fieldNameVi: string;
  fieldNameEn: string;
  publicStory: string;
  photos: { path: string | null; telegramFileId: string | null }[];
}

/** The subscription of a chat, as far as story selection needs it. */
export interface DigestAudience {
  chatId: number;
  unitScopePath: string | null;
  fieldIds: number[];
}

/** Stories of APPROVED nominations this chat has not had (or been refused) yet, oldest decision first. */
export async function storiesForChat(db: DbTx, audience: DigestAudience, opts: { excludeNominationIds?: number[] } = {}): Promise<DigestStory[]> {
  const rows = await db.nomination.findMany({
    where: {
      status: "APPROVED",
      publicStory: { not: null },
      OR: [{ consent: "GIVEN" }, { consentConfirmedById: { not: null } }],
      ...(audience.unitScopePath ? { unit: { path: { startsWith: audience.unitScopePath } } } : {}),
      ...(audience.fieldIds.length > 0 ? { fieldId: { in: audience.fieldIds } } : {}),
      ...(opts.excludeNominationIds?.length ? { id: { notIn: opts.excludeNominationIds } } : {}),
      outbox: {
        none: {
          chatId: audience.chatId,
          kind: "digest-story",
          OR: [{ status: { in: ["PENDING", "SENDING", "SENT"] } }, { status: "FAILED", failureReason: outsideWindowReason }],
        },
      },
    },
    include: {
      unit: { select: { name: true } },
      field: { select: { nameVi: true, nameEn: true } },
      attachments: {
        where: { kind: "PHOTO", forEventId: null },
        orderBy: { id: "asc" },
        take: 10,
        include: { channelRefs: { where: { channel: "TELEGRAM" } } },
      },
    },
    orderBy: [{ decidedAt: "asc" }, { id: "asc" }],
  });
  return rows.map((n) => ({
    nominationId: n.id,
    code: n.code ?? "",
    nomineeName: n.nomineeName ?? "",
    unitName: n.unit?.name ?? "",
    fieldNameVi: n.field?.nameVi ?? "",
    fieldNameEn: n.field?.nameEn ?? "",
    publicStory: n.publicStory ?? "",
    photos: n.attachments.map((a) => ({ path: a.storagePath, telegramFileId: a.channelRefs[0]?.fileId ?? null })),
  }));
}
