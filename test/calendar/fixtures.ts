// Rows the calendar tests need, created directly with Prisma.
import type { Db } from "../../core/db/client";
import type { NominationStatus, Role } from "../../core/db/generated/sqlite/enums";

export async function unitByCode(db: Db, code: string) {
  return db.unit.findUniqueOrThrow({ where: { code } });
}

export async function person(db: Db, name: string, telegramId: string, language = "vi") {
  return db.person.create({
    data: { displayName: name, language, identities: { create: { channel: "TELEGRAM", externalId: telegramId } } },
  });
}

export async function grantRole(db: Db, personId: number, role: Role, unitCode: string | null) {
  const unitId = unitCode ? (await unitByCode(db, unitCode)).id : null;
  return db.roleAssignment.create({ data: { personId, role, unitId } });
}

export async function group(db: Db, externalId: string, title: string) {
  return db.chat.create({ data: { channel: "TELEGRAM", externalId, kind: "SUPERGROUP", title } });
}

export async function nomination(
  db: Db,
  data: {
    nominatorId: number;
    unitCode?: string;
    status: NominationStatus;
    decidedAt?: Date | null;
    lastActivityAt?: Date;
    nomineeName?: string;
    reviewLevel?: number;
    nudgeCount?: number;
  },
) {
  const unitId = data.unitCode ? (await unitByCode(db, data.unitCode)).id : null;
  return db.nomination.create({
    data: {
      nominatorId: data.nominatorId,
      channel: "TELEGRAM",
      unitId,
      status: data.status,
      nomineeName: data.nomineeName ?? "Nguyễn Văn A",
      decidedAt: data.decidedAt ?? null,
      lastActivityAt: data.lastActivityAt ?? new Date("2026-11-01T00:00:00Z"),
      reviewLevel: data.reviewLevel ?? 0,
      nudgeCount: data.nudgeCount ?? 0,
    },
  });
}
