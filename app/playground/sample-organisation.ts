// The sample organisation a newcomer meets in the playground: a town of the sample unit tree
// with its unit officer and review group, the district council and its group, two community
// groups subscribed to the digest, two stories already approved (so the first digest has
// something to show) and a deadline two days away (so a reminder arrives when time moves).
import type { Db, DbTx } from "../../core/db/client";
import { nextNominationCode } from "../../core/nominations/code";
import { addLocalDays, localDateOf, toDateColumn } from "../../core/calendar/zoned-time";
import { grantRole } from "../../core/review/officers";
import { nomineeNameKey } from "../../core/text/fold";
import type { Cast, CastChat, CastRole } from "./cast";

/** The town the sample organisation works in (a commune-level unit of the sample tree). */
export const sampleUnitCode = "PT-LT-LAMTHAO";

/** Code of the sample deadline, so tests and the page can find it. */
export const sampleDeadlineCode = "PLAYGROUND-BAO-CAO-QUY";

interface SampleStory {
  nominee: string;
  kind: "INDIVIDUAL" | "COLLECTIVE";
  unitCode: string;
  fieldCode: string;
  movementCode: string;
  story: string;
}

const stories: SampleStory[] = [
  {
    nominee: "Bà Hà Thị Mận",
    kind: "INDIVIDUAL",
    unitCode: "PT-LT-LAMTHAO-K1",
    fieldCode: "F14",
    movementCode: "M11",
    story:
      "Mười năm nay, bà Mận cùng các hội viên phụ nữ Khu 1 giữ sạch con đường ven kênh, trồng hơn 300 cây hoa và mở tủ sách cho thiếu nhi ngay tại nhà văn hóa khu.",
  },
  {
    nominee: "Đội thanh niên tình nguyện Khu 3",
    kind: "COLLECTIVE",
    unitCode: "PT-LT-LAMTHAO-K3",
    fieldCode: "F14",
    movementCode: "M11",
    story:
      "Trong trận lũ tháng Chín, đội đã giúp 42 hộ gia đình chuyển đồ đạc lên nơi cao, nấu cơm cho bà con ở điểm sơ tán và dọn bùn đất suốt ba ngày sau khi nước rút.",
  },
];

const displayNames: Record<CastRole, string> = {
  resident: "Nguyễn Thị Lan",
  unitOfficer: "Trần Văn Minh",
  councilOfficer: "Lê Thị Hoa",
  admin: "Phạm Quốc Anh",
};

/** True when the database already holds the sample organisation (a restart, not a reset). */
export async function hasSampleOrganisation(db: Db): Promise<boolean> {
  return (await db.deadline.count({ where: { code: sampleDeadlineCode } })) > 0;
}

/** Seeds the sample organisation for `cast`, as of `now`; the reference data must be loaded. */
export async function seedSampleOrganisation(db: Db, cast: Cast, now: Date, timeZone: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const town = await tx.unit.findUniqueOrThrow({ where: { code: sampleUnitCode } });
    const personIds = await seedPeople(tx, cast);
    await grantRole(tx, { personId: personIds.unitOfficer, role: "UNIT_OFFICER", unitId: town.id, grantedById: personIds.admin });
    await grantRole(tx, { personId: personIds.councilOfficer, role: "COUNCIL_OFFICER", unitId: null, grantedById: personIds.admin });
    await grantRole(tx, { personId: personIds.admin, role: "ADMIN", unitId: null, grantedById: null });
    const chatIds = await seedChats(tx, cast);
    await tx.reviewGroup.create({ data: { chatId: chatIds.wardReview, unitId: town.id, boundById: personIds.admin } });
    await tx.reviewGroup.create({ data: { chatId: chatIds.councilReview, unitId: null, boundById: personIds.admin } });
    await tx.subscription.create({ data: { chatId: chatIds.community, unitScopeId: town.id, addedById: personIds.admin } });
    await tx.subscription.create({ data: { chatId: chatIds.communityWide, unitScopeId: null, addedById: personIds.admin } });
    for (const [i, story] of stories.entries()) await seedApprovedStory(tx, story, { nominatorId: personIds.resident, approverId: personIds.councilOfficer, now, daysAgo: 6 - i });
    const due = addLocalDays(localDateOf(now, timeZone), 2);
    await tx.deadline.create({
      data: {
        code: sampleDeadlineCode,
        titleVi: "Gửi danh sách gương điển hình của quý",
        titleEn: "Send the quarter's list of exemplars",
        recurrence: "ONCE",
        date: toDateColumn(due),
        audience: "UNIT_OFFICERS",
        offsetsDays: [1, 0],
        createdById: personIds.admin,
      },
    });
  });
}

async function seedPeople(tx: DbTx, cast: Cast): Promise<Record<CastRole, number>> {
  const ids = {} as Record<CastRole, number>;
  for (const person of Object.values(cast.people)) {
    const created = await tx.person.create({
      data: {
        displayName: displayNames[person.role],
        language: "vi",
        identities: { create: { channel: "TELEGRAM", externalId: String(person.userId) } },
      },
    });
    ids[person.role] = created.id;
  }
  return ids;
}

async function seedChats(tx: DbTx, cast: Cast): Promise<Record<CastChat, number>> {
  const ids = {} as Record<CastChat, number>;
  for (const [key, chat] of Object.entries(cast.chats) as [CastChat, Cast["chats"][CastChat]][]) {
    const created = await tx.chat.create({ data: { channel: "TELEGRAM", externalId: String(chat.chatId), kind: "SUPERGROUP", title: chat.title } });
    ids[key] = created.id;
  }
  return ids;
}

async function seedApprovedStory(tx: DbTx, story: SampleStory, who: { nominatorId: number; approverId: number; now: Date; daysAgo: number }): Promise<void> {
  const [unit, field, movement] = await Promise.all([
    tx.unit.findUniqueOrThrow({ where: { code: story.unitCode } }),
    tx.field.findUniqueOrThrow({ where: { code: story.fieldCode } }),
    tx.movement.findUniqueOrThrow({ where: { code: story.movementCode } }),
  ]);
  const decidedAt = new Date(who.now.getTime() - who.daysAgo * 86_400_000);
  const submittedAt = new Date(decidedAt.getTime() - 2 * 86_400_000);
  const code = await nextNominationCode(tx, submittedAt.getUTCFullYear());
  const nomination = await tx.nomination.create({
    data: {
      code: code.code,
      codeYear: code.year,
      codeSeq: code.seq,
      nominatorId: who.nominatorId,
      channel: "TELEGRAM",
      nomineeKind: story.kind,
      nomineeName: story.nominee,
      nomineeNameKey: nomineeNameKey(story.nominee),
      unitId: unit.id,
      fieldId: field.id,
      movementId: movement.id,
      achievements: story.story,
      publicStory: story.story,
      consent: "GIVEN",
      status: "APPROVED",
      reviewLevel: 1,
      submittedAt,
      decidedAt,
      lastActivityAt: decidedAt,
    },
  });
  await tx.reviewEvent.createMany({
    data: [
      { nominationId: nomination.id, actorId: who.nominatorId, action: "SUBMIT", fromStatus: "DRAFT", toStatus: "SUBMITTED", level: 0, createdAt: submittedAt },
      { nominationId: nomination.id, actorId: who.approverId, action: "APPROVE", fromStatus: "IN_REVIEW", toStatus: "APPROVED", level: 1, createdAt: decidedAt },
    ],
  });
}

/**
 * Subscribes the OA's own group to the whole organisation's digest (ZALO_OA_GROUP_DIGEST), as an
 * admin's /dangky in the group would; again after a restart, where it changes nothing.
 */
export async function subscribeZaloOaGroup(db: Db, group: { id: string; title: string }): Promise<void> {
  const chat = await db.chat.upsert({
    where: { channel_externalId: { channel: "ZALO_OA", externalId: group.id } },
    create: { channel: "ZALO_OA", externalId: group.id, kind: "GROUP", title: group.title },
    update: {},
  });
  await db.subscription.upsert({ where: { chatId: chat.id }, create: { chatId: chat.id }, update: {} });
}
