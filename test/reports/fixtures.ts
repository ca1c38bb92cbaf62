// Nominations written straight into the database in any status and at any date, for report
// tests: what the figures count must not depend on walking each one through the chat.
import type { Db } from "../../core/db/client";
import type { NominationStatus, NomineeKind } from "../../core/db/generated/sqlite/enums";

/** Vietnamese local noon of a day, as an instant (UTC+7). */
export function vnNoon(year: number, month: number, day: number): Date {
  return new Date(Date.UTC(year, month - 1, day, 5, 0, 0));
}

/** What a seeded nomination looks like. */
export interface SeedNomination {
  unit: string;
  status: NominationStatus;
  submittedAt: Date;
  decidedAt?: Date;
  name?: string;
  kind?: NomineeKind;
  field?: number;
  movement?: string;
  criteria?: number[];
  achievements?: string;
  approverId?: number;
  publicStory?: string;
}

let seq = 0;

/** A person, e.g. a nominator or the officer who approved. */
export async function person(db: Db, displayName: string): Promise<number> {
  return (await db.person.create({ data: { displayName } })).id;
}

/** Writes one nomination with its submit and decision events; returns its id and code. */
export async function seedNomination(db: Db, nominatorId: number, n: SeedNomination): Promise<{ id: number; code: string }> {
  seq += 1;
  const year = n.submittedAt.getUTCFullYear();
  const code = `GS-${year}-${String(seq).padStart(4, "0")}`;
  const unit = await db.unit.findUniqueOrThrow({ where: { code: n.unit } });
  const field = await db.field.findUniqueOrThrow({ where: { number: n.field ?? 1 } });
  const movement = n.movement ? await db.movement.findUniqueOrThrow({ where: { code: n.movement } }) : null;
  const criteria = await db.criterion.findMany({ where: { number: { in: n.criteria ?? [1] } } });
  const decided = ["APPROVED", "PUBLISHED", "REJECTED"].includes(n.status);
  const created = await db.nomination.create({
    data: {
      code,
      codeYear: year,
      codeSeq: seq,
      nominatorId,
      channel: "TELEGRAM",
      nomineeKind: n.kind ?? "INDIVIDUAL",
      nomineeName: n.name ?? `Người số ${seq}`,
      nomineeNameKey: (n.name ?? `nguoi so ${seq}`).toLowerCase(),
      unitId: unit.id,
      fieldId: field.id,
      movementId: movement?.id ?? null,
      achievements: n.achievements ?? `Thành tích của người số ${seq}: giúp đỡ bà con trong khu phố.`,
      contactPhone: "0912345678",
      consent: "GIVEN",
      status: n.status,
      submittedAt: n.submittedAt,
      decidedAt: decided ? (n.decidedAt ?? n.submittedAt) : null,
      publishedAt: n.status === "PUBLISHED" ? (n.decidedAt ?? n.submittedAt) : null,
      publicStory: n.publicStory ?? null,
      criteria: { create: criteria.map((c) => ({ criterionId: c.id })) },
    },
  });
  await db.reviewEvent.create({ data: { nominationId: created.id, actorId: nominatorId, action: "SUBMIT", fromStatus: "DRAFT", toStatus: "SUBMITTED", createdAt: n.submittedAt } });
  if (n.status === "APPROVED" || n.status === "PUBLISHED") {
    await db.reviewEvent.create({
      data: { nominationId: created.id, actorId: n.approverId ?? null, action: "APPROVE", fromStatus: "SUBMITTED", toStatus: "APPROVED", createdAt: n.decidedAt ?? n.submittedAt },
    });
  }
  return { id: created.id, code };
}

/** A quota rule like the shipped calendar's: `count` exemplars per quarter for a block's units. */
export async function quarterlyQuota(db: Db, blockCode: string, count: number): Promise<void> {
  const block = await db.emulationBlock.findUniqueOrThrow({ where: { code: blockCode } });
  await db.deadline.create({
    data: { code: `quota-${blockCode}-${count}`, titleVi: "Giới thiệu gương điển hình", recurrence: "QUARTERLY", month: 3, day: 25, audience: "UNIT_OFFICERS", blockId: block.id, quotaCount: count, offsetsDays: [7, 1] },
  });
}
