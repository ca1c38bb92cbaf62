// Status changes of a nomination, each one atomic with its entry in the append-only review
// log. Concurrency is optimistic: the update only matches while the status is still the one
// the caller saw, so of two officers pressing at the same moment exactly one wins.
import { recordConsentGiven } from "../privacy/consent";
import { localDateOf } from "../calendar/zoned-time";
import type { Db, DbTx } from "../db/client";
import type { ReviewAction } from "../db/generated/sqlite/enums";
import { nextNominationCode } from "./code";
import { canTransition, type AllowedTarget, type NominationStatus } from "./status";

/** A move the lifecycle table forbids. */
export class IllegalTransitionError extends Error {
  constructor(
    readonly from: NominationStatus,
    readonly to: NominationStatus,
  ) {
    super(`A nomination cannot go from ${from} to ${to}`);
    this.name = "IllegalTransitionError";
  }
}

/** Someone else changed the nomination first; `current` is what they left. */
export class StaleNominationError extends Error {
  constructor(
    readonly nominationId: number,
    readonly expected: NominationStatus,
    readonly current: NominationStatus | null,
    readonly lastActorId: number | null,
  ) {
    super(`Nomination ${nominationId} is no longer ${expected} (now ${current ?? "missing"})`);
    this.name = "StaleNominationError";
  }
}

/** A move of one nomination; `to` must be a move the table allows from `from`, or it does not compile. */
export interface TransitionRequest<From extends NominationStatus = NominationStatus> {
  nominationId: number;
  from: From;
  to: AllowedTarget<From>;
  action: ReviewAction;
  actorId: number | null;
  reason?: string | null;
  /** Review level the nomination waits at afterwards (unchanged when absent). */
  level?: number;
  /** The status the move leaves when it must also match a review level. */
  atLevel?: number;
  /** Extra columns written with the move (e.g. decidedAt, publicStory). */
  set?: Record<string, unknown>;
  now?: Date;
}

/**
 * Moves a nomination `from → to` and appends the review event, in one transaction.
 * Throws IllegalTransitionError for a move the table forbids (a status read at run time),
 * StaleNominationError when the nomination is no longer in `from` (someone else acted first).
 */
export async function transition<From extends NominationStatus>(db: Db, req: TransitionRequest<From>) {
  return db.$transaction((tx) => move(tx, req));
}

/** The move itself, inside the caller's transaction: checked against the table, optimistic, logged. */
async function move<From extends NominationStatus>(tx: DbTx, req: TransitionRequest<From>) {
  if (!canTransition(req.from, req.to)) throw new IllegalTransitionError(req.from, req.to);
  const now = req.now ?? new Date();
  const moved = await tx.nomination.updateMany({
    where: { id: req.nominationId, status: req.from, ...(req.atLevel === undefined ? {} : { reviewLevel: req.atLevel }) },
    data: {
      status: req.to,
      ...(req.level === undefined ? {} : { reviewLevel: req.level }),
      lastActivityAt: now,
      ...req.set,
    },
  });
  if (moved.count === 0) {
    const current = await tx.nomination.findUnique({ where: { id: req.nominationId }, select: { status: true } });
    const last = await tx.reviewEvent.findFirst({
      where: { nominationId: req.nominationId },
      orderBy: { id: "desc" },
      select: { actorId: true },
    });
    throw new StaleNominationError(req.nominationId, req.from, current?.status ?? null, last?.actorId ?? null);
  }
  return tx.reviewEvent.create({
    data: {
      nominationId: req.nominationId,
      actorId: req.actorId,
      action: req.action,
      fromStatus: req.from,
      toStatus: req.to,
      level: req.level ?? null,
      reason: req.reason ?? null,
      createdAt: now,
    },
  });
}

/** The answers a submission requires, in the order they are asked; each is filled by one step (`fills`). */
export const requiredDraftFields = ["nomineeKind", "nomineeName", "unitId", "fieldId", "achievements", "criteria", "consent"] as const;
export type RequiredDraftField = (typeof requiredDraftFields)[number];

/** What a draft still lacks before it can be submitted (empty when complete). */
export function missingForSubmission(draft: {
  nomineeKind: unknown;
  nomineeName: string | null;
  unitId: number | null;
  fieldId: number | null;
  achievements: string | null;
  consent: unknown;
  criteriaCount: number;
}): RequiredDraftField[] {
  const filled: Record<RequiredDraftField, boolean> = {
    nomineeKind: Boolean(draft.nomineeKind),
    nomineeName: Boolean(draft.nomineeName),
    unitId: Boolean(draft.unitId),
    fieldId: Boolean(draft.fieldId),
    achievements: Boolean(draft.achievements),
    criteria: draft.criteriaCount >= 1,
    consent: Boolean(draft.consent),
  };
  return requiredDraftFields.filter((f) => !filled[f]);
}

/** A draft that lacks required answers. */
export class IncompleteDraftError extends Error {
  constructor(readonly missing: RequiredDraftField[]) {
    super(`The draft lacks: ${missing.join(", ")}`);
    this.name = "IncompleteDraftError";
  }
}

/**
 * Submits a complete draft: gives it its code (GS-yyyy-nnnn, year in the given time zone),
 * moves it DRAFT → SUBMITTED through the same table and move as every other status change,
 * and logs the event, atomically.
 */
export async function submitNomination(db: Db, nominationId: number, actorId: number, opts: { now?: Date; timeZone: string; consentWording?: string; locale?: string }) {
  const now = opts.now ?? new Date();
  const year = localDateOf(now, opts.timeZone).year;
  return db.$transaction(async (tx) => {
    const draft = await tx.nomination.findUnique({
      where: { id: nominationId },
      include: { _count: { select: { criteria: true } } },
    });
    if (!draft) throw new StaleNominationError(nominationId, "DRAFT", null, null);
    if (draft.status !== "DRAFT") throw new StaleNominationError(nominationId, "DRAFT", draft.status, null);
    const missing = missingForSubmission({ ...draft, criteriaCount: draft._count.criteria });
    if (missing.length > 0) throw new IncompleteDraftError(missing);
    const code = await nextNominationCode(tx, year);
    await move(tx, {
      nominationId,
      from: "DRAFT",
      to: "SUBMITTED",
      action: "SUBMIT",
      actorId,
      level: 0,
      now,
      set: { code: code.code, codeYear: code.year, codeSeq: code.seq, draftStep: null, submittedAt: now },
    });
    // The nominator's word that the nominee (or, for a child, a guardian) agreed, as proof.
    if (draft.consent === "GIVEN" && opts.consentWording) {
      const source = draft.nomineeIsMinor ? "GUARDIAN" : "NOMINATOR";
      await recordConsentGiven(tx, { nominationId, source, recordedById: actorId, wording: opts.consentWording, locale: opts.locale ?? draft.locale, channel: draft.channel, now });
    }
    return code.code;
  });
}

/**
 * Records an action that leaves the status as it is (an officer editing the public story),
 * with the same optimistic check as `transition`: it only applies while the nomination is
 * still in `status`.
 */
export async function recordInPlace(
  db: Db,
  req: { nominationId: number; status: NominationStatus; action: ReviewAction; actorId: number | null; reason?: string | null; set?: Record<string, unknown>; now?: Date },
) {
  const now = req.now ?? new Date();
  return db.$transaction(async (tx) => {
    const touched = await tx.nomination.updateMany({
      where: { id: req.nominationId, status: req.status },
      data: { lastActivityAt: now, ...req.set },
    });
    if (touched.count === 0) {
      const current = await tx.nomination.findUnique({ where: { id: req.nominationId }, select: { status: true } });
      throw new StaleNominationError(req.nominationId, req.status, current?.status ?? null, null);
    }
    return tx.reviewEvent.create({
      data: {
        nominationId: req.nominationId,
        actorId: req.actorId,
        action: req.action,
        fromStatus: req.status,
        toStatus: req.status,
        reason: req.reason ?? null,
        createdAt: now,
      },
    });
  });
}
