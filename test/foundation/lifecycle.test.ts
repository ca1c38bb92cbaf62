// Nomination status changes at the data layer, on a real SQLite file through Prisma.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppendOnlyError } from "../../core/db/client";
import { formatNominationCode, parseNominationCode } from "../../core/nominations/code";
import {
  IllegalTransitionError,
  IncompleteDraftError,
  StaleNominationError,
  submitNomination,
  transition,
} from "../../core/nominations/lifecycle";
import { allowedTransitions, canTransition } from "../../core/nominations/status";
import { createTempDatabase, type TempDatabase } from "../support/temp-database";

let t: TempDatabase;
let nominatorId: number;
let officerId: number;
let otherOfficerId: number;

beforeAll(async () => {
  t = await createTempDatabase();
  const person = (name: string, id: string) =>
    t.db.person.create({
      data: { displayName: name, identities: { create: { channel: "TELEGRAM", externalId: id } } },
    });
  nominatorId = (await person("Nguyễn Thị Lan", "1001")).id;
  officerId = (await person("Trần Văn Minh", "2001")).id;
  otherOfficerId = (await person("Lê Thu Hà", "2002")).id;
});
afterAll(() => t.cleanup());

const tz = "Asia/Ho_Chi_Minh";

/** A complete draft, ready to submit. */
async function completeDraft(name = "Phạm Văn Dũng") {
  const unit = await t.db.unit.findUniqueOrThrow({ where: { code: "PT-LT" } });
  const field = await t.db.field.findUniqueOrThrow({ where: { number: 14 } });
  const criterion = await t.db.criterion.findUniqueOrThrow({ where: { number: 4 } });
  return t.db.nomination.create({
    data: {
      nominatorId,
      channel: "TELEGRAM",
      nomineeKind: "INDIVIDUAL",
      nomineeName: name,
      unitId: unit.id,
      fieldId: field.id,
      achievements: "Nhiều năm liền tự nguyện quét dọn, trồng cây xanh dọc đường làng.",
      consent: "GIVEN",
      criteria: { create: { criterionId: criterion.id } },
    },
  });
}

describe("the transition table", () => {
  it("allows the documented path and refuses going back", () => {
    expect(canTransition("DRAFT", "SUBMITTED")).toBe(true);
    expect(canTransition("SUBMITTED", "APPROVED")).toBe(true);
    expect(canTransition("APPROVED", "PUBLISHED")).toBe(true);
    expect(canTransition("PUBLISHED", "DRAFT")).toBe(false);
    expect(canTransition("PUBLISHED", "WITHDRAWN")).toBe(true);
    expect(canTransition("APPROVED", "WITHDRAWN")).toBe(true);
    expect(canTransition("PUBLISHED", "APPROVED")).toBe(false);
    expect(canTransition("REJECTED", "APPROVED")).toBe(false);
    expect(canTransition("DRAFT", "APPROVED")).toBe(false);
  });

  it("lets nothing leave a final status", () => {
    for (const s of ["REJECTED", "WITHDRAWN", "CANCELLED"] as const) {
      expect(allowedTransitions[s]).toEqual([]);
    }
  });
});

describe("nomination codes", () => {
  it("format and parse GS-yyyy-nnnn", () => {
    expect(formatNominationCode(2026, 42)).toBe("GS-2026-0042");
    expect(parseNominationCode(" gs-2026-42 ")).toEqual({ year: 2026, seq: 42 });
    expect(parseNominationCode("GS 2026 0042")).toEqual({ year: 2026, seq: 42 });
    expect(parseNominationCode("2026-42")).toBeNull();
  });
});

describe("submitting", () => {
  it("gives consecutive codes within a year, using the local year", async () => {
    const a = await completeDraft();
    const b = await completeDraft("Hội Phụ nữ khu 3");
    // 31/12/2026 18:00 UTC is already 01/01/2027 in Viet Nam.
    const c = await completeDraft("Gia đình ông Hoàng Văn Tư");
    const codeA = await submitNomination(t.db, a.id, nominatorId, { timeZone: tz, now: new Date("2026-11-23T03:00:00Z") });
    const codeB = await submitNomination(t.db, b.id, nominatorId, { timeZone: tz, now: new Date("2026-11-23T04:00:00Z") });
    const codeC = await submitNomination(t.db, c.id, nominatorId, { timeZone: tz, now: new Date("2026-12-31T18:00:00Z") });
    expect([codeA, codeB, codeC]).toEqual(["GS-2026-0001", "GS-2026-0002", "GS-2027-0001"]);
    const stored = await t.db.nomination.findUniqueOrThrow({ where: { id: a.id } });
    expect(stored).toMatchObject({ status: "SUBMITTED", code: "GS-2026-0001", draftStep: null, reviewLevel: 0 });
    const events = await t.db.reviewEvent.findMany({ where: { nominationId: a.id } });
    expect(events).toMatchObject([{ action: "SUBMIT", fromStatus: "DRAFT", toStatus: "SUBMITTED", actorId: nominatorId }]);
  });

  it("refuses an incomplete draft and says what is missing", async () => {
    const draft = await t.db.nomination.create({ data: { nominatorId, channel: "TELEGRAM", nomineeName: "Ai đó" } });
    const err = await submitNomination(t.db, draft.id, nominatorId, { timeZone: tz }).catch((e) => e);
    expect(err).toBeInstanceOf(IncompleteDraftError);
    expect(err.missing).toEqual(["nomineeKind", "unitId", "fieldId", "achievements", "criteria", "consent"]);
    expect((await t.db.nomination.findUniqueOrThrow({ where: { id: draft.id } })).code).toBeNull();
  });

  it("refuses to submit twice", async () => {
    const d = await completeDraft();
    await submitNomination(t.db, d.id, nominatorId, { timeZone: tz });
    await expect(submitNomination(t.db, d.id, nominatorId, { timeZone: tz })).rejects.toBeInstanceOf(StaleNominationError);
  });
});

describe("transitions", () => {
  it("moves through review to publication, logging each step", async () => {
    const d = await completeDraft();
    await submitNomination(t.db, d.id, nominatorId, { timeZone: tz });
    await transition(t.db, { nominationId: d.id, from: "SUBMITTED", to: "IN_REVIEW", action: "FORWARD", actorId: officerId, level: 1 });
    await transition(t.db, {
      nominationId: d.id,
      from: "IN_REVIEW",
      to: "APPROVED",
      action: "APPROVE",
      actorId: officerId,
      set: { decidedAt: new Date(), publicStory: "Câu chuyện đã duyệt." },
    });
    await transition(t.db, { nominationId: d.id, from: "APPROVED", to: "PUBLISHED", action: "PUBLISH", actorId: null });
    const stored = await t.db.nomination.findUniqueOrThrow({ where: { id: d.id } });
    expect(stored).toMatchObject({ status: "PUBLISHED", reviewLevel: 1, publicStory: "Câu chuyện đã duyệt." });
    const log = await t.db.reviewEvent.findMany({ where: { nominationId: d.id }, orderBy: { id: "asc" } });
    expect(log.map((e) => `${e.action}:${e.fromStatus}>${e.toStatus}`)).toEqual([
      "SUBMIT:DRAFT>SUBMITTED",
      "FORWARD:SUBMITTED>IN_REVIEW",
      "APPROVE:IN_REVIEW>APPROVED",
      "PUBLISH:APPROVED>PUBLISHED",
    ]);
  });

  it("refuses a move the table forbids, leaving everything as it was", async () => {
    const d = await completeDraft();
    await expect(
      // @ts-expect-error The table forbids DRAFT → APPROVED, so the call does not compile; at run time it is refused too.
      transition(t.db, { nominationId: d.id, from: "DRAFT", to: "APPROVED", action: "APPROVE", actorId: officerId }),
    ).rejects.toBeInstanceOf(IllegalTransitionError);
    expect((await t.db.nomination.findUniqueOrThrow({ where: { id: d.id } })).status).toBe("DRAFT");
    expect(await t.db.reviewEvent.count({ where: { nominationId: d.id } })).toBe(0);
  });

  it("records exactly one of two simultaneous decisions and names who decided first", async () => {
    const d = await completeDraft();
    await submitNomination(t.db, d.id, nominatorId, { timeZone: tz });
    const results = await Promise.allSettled([
      transition(t.db, { nominationId: d.id, from: "SUBMITTED", to: "APPROVED", action: "APPROVE", actorId: officerId }),
      transition(t.db, { nominationId: d.id, from: "SUBMITTED", to: "REJECTED", action: "REJECT", actorId: otherOfficerId, reason: "Chưa đủ thông tin xác minh" }),
    ]);
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0]!.reason).toBeInstanceOf(StaleNominationError);
    const winner = (won[0] as PromiseFulfilledResult<{ actorId: number | null }>).value.actorId;
    expect(lost[0]!.reason.lastActorId).toBe(winner);
    expect(await t.db.reviewEvent.count({ where: { nominationId: d.id, action: { in: ["APPROVE", "REJECT"] } } })).toBe(1);
  });

  it("keeps the review log append-only", async () => {
    const d = await completeDraft();
    await submitNomination(t.db, d.id, nominatorId, { timeZone: tz });
    const [event] = await t.db.reviewEvent.findMany({ where: { nominationId: d.id } });
    await expect(t.db.reviewEvent.update({ where: { id: event!.id }, data: { reason: "sửa lại" } })).rejects.toBeInstanceOf(AppendOnlyError);
    await expect(t.db.reviewEvent.deleteMany({ where: { nominationId: d.id } })).rejects.toBeInstanceOf(AppendOnlyError);
    expect(await t.db.reviewEvent.count({ where: { nominationId: d.id } })).toBe(1);
  });
});
