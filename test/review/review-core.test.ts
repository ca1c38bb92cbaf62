// Review decisions at the data layer, on a real SQLite file: scopes, both levels, the info
// round trip, rejection, story edits, stale and forged buttons, races, routing and queries.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { submitNomination } from "../../core/nominations/lifecycle";
import { answerInfo, approve, editStory, reject, requestInfo, withdraw } from "../../core/review/actions";
import { decodeCardPress, encodeCardPress } from "../../core/review/card-actions";
import { defaultReviewLevels } from "../../core/review/levels";
import { ensureAdmins, grantRole, listOfficers, revokeRole } from "../../core/review/officers";
import { nominationHistory, pendingForOfficer } from "../../core/review/queries";
import { cardDestinations } from "../../core/review/routing";
import { draftPublicStory, maskPersonalData } from "../../core/review/story";
import { createTempDatabase, type TempDatabase } from "../support/temp-database";

let t: TempDatabase;
const levels = defaultReviewLevels;
const people: Record<string, number> = {};
const units: Record<string, { id: number; path: string }> = {};
const story = "Câu chuyện mặc định.";

async function person(key: string, name: string, telegramId: string) {
  const p = await t.db.person.create({ data: { displayName: name, identities: { create: { channel: "TELEGRAM", externalId: telegramId } } } });
  people[key] = p.id;
}

beforeAll(async () => {
  t = await createTempDatabase();
  for (const u of await t.db.unit.findMany()) units[u.code] = { id: u.id, path: u.path };
  await person("nominator", "Nguyễn Thị Lan", "1001");
  await person("wardA", "Trần Văn Minh", "2001");
  await person("wardB", "Lê Thu Hà", "2002");
  await person("council", "Phạm Quốc Việt", "3001");
  await person("outsider", "Đỗ Văn Khách", "4001");
  await person("otherUnit", "Vũ Thị Sơn La", "5001");
  const commune = (await t.db.unit.findFirstOrThrow({ where: { kind: "COMMUNE", code: { startsWith: "PT-LT-" } } })).code;
  units.commune = units[commune]!;
  await grantRole(t.db, { personId: people.wardA!, role: "UNIT_OFFICER", unitId: units.commune.id, grantedById: null });
  await grantRole(t.db, { personId: people.wardB!, role: "UNIT_OFFICER", unitId: units.commune.id, grantedById: null });
  await grantRole(t.db, { personId: people.council!, role: "COUNCIL_OFFICER", unitId: null, grantedById: null });
  await grantRole(t.db, { personId: people.otherUnit!, role: "UNIT_OFFICER", unitId: units["SL-DTN"]!.id, grantedById: null });
});
afterAll(() => t.cleanup());

/** A submitted nomination of a hamlet under the commune. */
async function submitted(name = "Phạm Văn Dũng") {
  const hamlet = await t.db.unit.findFirstOrThrow({ where: { parentId: units.commune!.id } });
  const field = await t.db.field.findUniqueOrThrow({ where: { number: 14 } });
  const n = await t.db.nomination.create({
    data: {
      nominatorId: people.nominator!,
      channel: "TELEGRAM",
      nomineeKind: "INDIVIDUAL",
      nomineeName: name,
      unitId: hamlet.id,
      fieldId: field.id,
      achievements: "Dọn rác bờ sông mỗi sáng Chủ nhật suốt ba năm, gọi 0912 345 678 để tham gia.",
      contactPhone: "+84912345678",
      consent: "GIVEN",
      criteria: { create: { criterionId: (await t.db.criterion.findFirstOrThrow()).id } },
    },
  });
  await submitNomination(t.db, n.id, people.nominator!, { timeZone: "Asia/Ho_Chi_Minh" });
  return t.db.nomination.findUniqueOrThrow({ where: { id: n.id } });
}

const seen = (n: { id: number; status: string; reviewLevel: number }) =>
  ({ nominationId: n.id, status: n.status as "SUBMITTED", reviewLevel: n.reviewLevel });

describe("two-level approval", () => {
  it("a unit officer forwards to the council, the council approves with the default story", async () => {
    const n = await submitted();
    const first = await approve(t.db, seen(n), people.wardA!, { levels, defaultStory: story });
    expect(first).toEqual({ ok: true, status: "IN_REVIEW", reviewLevel: 1, forwarded: true });
    // The unit officer cannot decide again at the council's level.
    const again = await approve(t.db, { nominationId: n.id, status: "IN_REVIEW", reviewLevel: 1 }, people.wardA!, { levels, defaultStory: story });
    expect(again).toEqual({ ok: false, refused: "not-allowed" });
    const final = await approve(t.db, { nominationId: n.id, status: "IN_REVIEW", reviewLevel: 1 }, people.council!, { levels, defaultStory: story });
    expect(final).toEqual({ ok: true, status: "APPROVED", reviewLevel: 1, forwarded: false });
    const stored = await t.db.nomination.findUniqueOrThrow({ where: { id: n.id } });
    expect(stored.status).toBe("APPROVED");
    expect(stored.publicStory).toBe(story);
    expect(stored.decidedAt).toBeInstanceOf(Date);
  });

  it("council only: the council's approval is final at once", async () => {
    const n = await submitted();
    const r = await approve(t.db, seen(n), people.council!, { levels: ["COUNCIL"], defaultStory: story });
    expect(r).toMatchObject({ ok: true, status: "APPROVED" });
  });
});

describe("permissions and stale buttons", () => {
  it("refuses an outsider and an officer of another unit, changing nothing", async () => {
    const n = await submitted();
    expect(await approve(t.db, seen(n), people.outsider!, { levels, defaultStory: story })).toEqual({ ok: false, refused: "not-allowed" });
    expect(await reject(t.db, seen(n), people.otherUnit!, "Không thuộc phạm vi", { levels })).toEqual({ ok: false, refused: "not-allowed" });
    expect((await t.db.nomination.findUniqueOrThrow({ where: { id: n.id } })).status).toBe("SUBMITTED");
    expect(await t.db.reviewEvent.count({ where: { nominationId: n.id } })).toBe(1);
  });

  it("refuses a press on a card that no longer shows the current state", async () => {
    const n = await submitted();
    await approve(t.db, seen(n), people.wardA!, { levels, defaultStory: story });
    const old = await approve(t.db, seen(n), people.wardB!, { levels, defaultStory: story });
    expect(old).toEqual({ ok: false, refused: "stale", status: "IN_REVIEW", reviewLevel: 1 });
  });

  it("of two officers pressing at once, exactly one decision is recorded", async () => {
    const n = await submitted();
    const [a, b] = await Promise.all([
      approve(t.db, seen(n), people.wardA!, { levels, defaultStory: story }),
      reject(t.db, seen(n), people.wardB!, "Thông tin chưa được xác minh", { levels }),
    ]);
    expect([a.ok, b.ok].filter(Boolean)).toHaveLength(1);
    const loser = a.ok ? b : a;
    expect(loser).toMatchObject({ ok: false, refused: "stale" });
    const decisions = await t.db.reviewEvent.count({ where: { nominationId: n.id, action: { in: ["FORWARD", "REJECT"] } } });
    expect(decisions).toBe(1);
  });

  it("decodes only the buttons it made; forged data is null", () => {
    const data = encodeCardPress({ action: "approve", nominationId: 42, status: "IN_REVIEW", reviewLevel: 1 });
    expect(data).toBe("rv:ap:42:R1");
    expect(Buffer.byteLength(data)).toBeLessThanOrEqual(64);
    expect(decodeCardPress(data)).toEqual({ action: "approve", nominationId: 42, status: "IN_REVIEW", reviewLevel: 1 });
    for (const forged of ["rv:xx:42:R1", "rv:ap:42:A1", "rv:ap:-1:S0", "rv:ap:42:S0;drop", "approve 42", "rv:ap:99999999999:S0"]) {
      expect(decodeCardPress(forged)).toBeNull();
    }
  });
});

describe("request for information, rejection, story, withdrawal", () => {
  it("round trip: the question is logged, the answer returns it to the level that asked", async () => {
    const n = await submitted();
    expect(await requestInfo(t.db, seen(n), people.wardA!, "  ", { levels })).toEqual({ ok: false, refused: "empty" });
    expect(await requestInfo(t.db, seen(n), people.wardA!, "Xin thêm ảnh hoạt động", { levels })).toMatchObject({ ok: true, status: "NEEDS_INFO" });
    expect(await answerInfo(t.db, n.id, people.outsider!, "không phải tôi")).toEqual({ ok: false, refused: "not-allowed" });
    expect(await answerInfo(t.db, n.id, people.nominator!, "Đã gửi thêm 2 ảnh")).toMatchObject({ ok: true, status: "SUBMITTED" });
    const log = await t.db.reviewEvent.findMany({ where: { nominationId: n.id }, orderBy: { id: "asc" } });
    expect(log.map((e) => [e.action, e.reason])).toEqual([
      ["SUBMIT", null],
      ["REQUEST_INFO", "Xin thêm ảnh hoạt động"],
      ["ANSWER_INFO", "Đã gửi thêm 2 ảnh"],
    ]);
  });

  it("a further question while the first waits for its answer is recorded, as the card offers it", async () => {
    const n = await submitted();
    await requestInfo(t.db, seen(n), people.wardA!, "Xin thêm ảnh hoạt động", { levels });
    const waiting = { nominationId: n.id, status: "NEEDS_INFO" as const, reviewLevel: 0 };
    expect(await requestInfo(t.db, waiting, people.wardA!, "Và ngày diễn ra từng việc", { levels })).toMatchObject({ ok: true, status: "NEEDS_INFO" });
    const log = await t.db.reviewEvent.findMany({ where: { nominationId: n.id, action: "REQUEST_INFO" }, orderBy: { id: "asc" } });
    expect(log.map((e) => [e.fromStatus, e.toStatus, e.reason])).toEqual([
      ["SUBMITTED", "NEEDS_INFO", "Xin thêm ảnh hoạt động"],
      ["NEEDS_INFO", "NEEDS_INFO", "Và ngày diễn ra từng việc"],
    ]);
  });

  it("rejection needs a reason of at least 10 characters", async () => {
    const n = await submitted();
    expect(await reject(t.db, seen(n), people.wardA!, "Thiếu", { levels })).toEqual({ ok: false, refused: "reason-too-short", min: 10 });
    expect(await reject(t.db, seen(n), people.wardA!, "Thành tích chưa được xác minh tại địa phương", { levels })).toMatchObject({ ok: true, status: "REJECTED" });
    const last = await t.db.reviewEvent.findFirstOrThrow({ where: { nominationId: n.id }, orderBy: { id: "desc" } });
    expect(last).toMatchObject({ action: "REJECT", reason: "Thành tích chưa được xác minh tại địa phương", actorId: people.wardA });
  });

  it("an edited story is the one approved", async () => {
    const n = await submitted();
    await editStory(t.db, seen(n), people.wardA!, "Anh Dũng ba năm liền dọn rác bờ sông.", { levels });
    await approve(t.db, seen(n), people.wardA!, { levels, defaultStory: story });
    await approve(t.db, { nominationId: n.id, status: "IN_REVIEW", reviewLevel: 1 }, people.council!, { levels, defaultStory: story });
    const stored = await t.db.nomination.findUniqueOrThrow({ where: { id: n.id } });
    expect(stored).toMatchObject({ status: "APPROVED", publicStory: "Anh Dũng ba năm liền dọn rác bờ sông.", storyEditedById: people.wardA });
  });

  it("the nominator may withdraw until a decision, not after", async () => {
    const n = await submitted();
    expect(await withdraw(t.db, n.id, people.outsider!)).toEqual({ ok: false, refused: "not-allowed" });
    expect(await withdraw(t.db, n.id, people.nominator!)).toMatchObject({ ok: true, status: "WITHDRAWN" });
    expect(await approve(t.db, seen(n), people.wardA!, { levels, defaultStory: story })).toMatchObject({ ok: false, refused: "stale", status: "WITHDRAWN" });
  });

  it("the default story carries no private contact data", () => {
    const text = draftPublicStory("Gọi 0912.345.678 hoặc +84 912 345 678, email dung@example.vn.");
    expect(text).not.toMatch(/0912|345|678|@/);
    expect(maskPersonalData("Năm 2023 trồng 150 cây")).toBe("Năm 2023 trồng 150 cây");
  });
});

describe("routing, roles and queries", () => {
  it("sends cards to officers in scope privately when no review group exists, then to the group once bound", async () => {
    const hamlet = await t.db.unit.findFirstOrThrow({ where: { parentId: units.commune!.id } });
    const privately = await cardDestinations(t.db, hamlet.path, "UNIT");
    expect(privately.map((d) => d.kind === "officer" && d.externalId).sort()).toEqual(["2001", "2002"]);
    const chat = await t.db.chat.create({ data: { channel: "TELEGRAM", externalId: "-100777", kind: "SUPERGROUP", title: "Tổ thi đua" } });
    await t.db.reviewGroup.create({ data: { chatId: chat.id, unitId: units["PT-LT"]!.id } });
    const viaGroup = await cardDestinations(t.db, hamlet.path, "UNIT");
    expect(viaGroup).toEqual([{ kind: "group", chatId: chat.id, channel: "TELEGRAM", externalId: "-100777", unitId: units["PT-LT"]!.id }]);
    expect((await cardDestinations(t.db, hamlet.path, "COUNCIL")).map((d) => d.kind)).toEqual(["officer"]);
  });

  it("falls back to the admins when nobody is in scope", async () => {
    await ensureAdmins(t.db, ["9001"]);
    await ensureAdmins(t.db, ["9001"]);
    const dest = await cardDestinations(t.db, units["SL-DTN"]!.path, "COUNCIL");
    expect(dest.length).toBe(1);
    await revokeRole(t.db, { personId: people.council!, role: "COUNCIL_OFFICER", unitId: null });
    const admins = await cardDestinations(t.db, units["SL-DTN"]!.path, "COUNCIL");
    expect(admins).toEqual([expect.objectContaining({ kind: "admin", externalId: "9001" })]);
    await grantRole(t.db, { personId: people.council!, role: "COUNCIL_OFFICER", unitId: null, grantedById: null });
    expect((await listOfficers(t.db)).filter((o) => o.role === "COUNCIL_OFFICER")).toHaveLength(1);
  });

  it("/pending lists what waits in the officer's scope, oldest first", async () => {
    const a = await submitted("Người thứ nhất");
    const b = await submitted("Người thứ hai");
    const mine = await pendingForOfficer(t.db, people.wardA!, levels);
    const ids = mine.map((n) => n.id);
    expect(ids.indexOf(a.id)).toBeLessThan(ids.indexOf(b.id));
    expect(mine.every((n) => n.reviewLevel === 0 && ["SUBMITTED", "NEEDS_INFO"].includes(n.status))).toBe(true);
    expect(await pendingForOfficer(t.db, people.otherUnit!, levels)).toEqual([]);
    expect(await pendingForOfficer(t.db, people.outsider!, levels)).toEqual([]);
  });

  it("/history shows the timeline with who acted", async () => {
    const n = await submitted();
    await approve(t.db, seen(n), people.wardA!, { levels, defaultStory: story });
    const h = await nominationHistory(t.db, n.code!.toLowerCase());
    expect(h!.events.map((e) => [e.action, e.actor?.displayName])).toEqual([
      ["SUBMIT", "Nguyễn Thị Lan"],
      ["FORWARD", "Trần Văn Minh"],
    ]);
    expect(await nominationHistory(t.db, "GS-1999-0001")).toBeNull();
    expect(await nominationHistory(t.db, "rubbish")).toBeNull();
  });
});

describe("nobody judges their own nomination", () => {
  it("refuses an officer's decision on a nomination they made, unless the deployment allows it", async () => {
    const hamlet = await t.db.unit.findFirstOrThrow({ where: { parentId: units.commune!.id } });
    const n = await t.db.nomination.create({
      data: {
        nominatorId: people.wardA!,
        channel: "TELEGRAM",
        nomineeKind: "COLLECTIVE",
        nomineeName: "Tổ dân phố số 5",
        unitId: hamlet.id,
        fieldId: (await t.db.field.findUniqueOrThrow({ where: { number: 14 } })).id,
        achievements: "Cả tổ cùng làm sạch kênh mương và trồng 300 cây xanh.",
        consent: "GIVEN",
        criteria: { create: { criterionId: (await t.db.criterion.findFirstOrThrow()).id } },
      },
    });
    await submitNomination(t.db, n.id, people.wardA!, { timeZone: "Asia/Ho_Chi_Minh" });
    const state = { nominationId: n.id, status: "SUBMITTED" as const, reviewLevel: 0 };
    expect(await approve(t.db, state, people.wardA!, { levels, defaultStory: story })).toEqual({ ok: false, refused: "own-nomination" });
    expect(await reject(t.db, state, people.wardA!, "Tự mình từ chối hồ sơ này", { levels })).toEqual({ ok: false, refused: "own-nomination" });
    expect((await pendingForOfficer(t.db, people.wardA!, levels)).map((p) => p.id)).not.toContain(n.id);
    expect((await pendingForOfficer(t.db, people.wardB!, levels)).map((p) => p.id)).toContain(n.id);
    const privately = await cardDestinations(t.db, hamlet.path, "UNIT", [people.wardA!]);
    expect(privately.every((d) => d.kind !== "officer" || d.personId !== people.wardA)).toBe(true);
    expect(await approve(t.db, state, people.wardA!, { levels, defaultStory: story, allowSelfReview: true })).toMatchObject({ ok: true });
  });
});
