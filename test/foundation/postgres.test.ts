// The same data layer on PostgreSQL: the operations every feature relies on (submission codes,
// optimistic review decisions, the append-only log, unit-subtree queries, once-only reminder
// claims, idempotent outbox writes and claims, digest selection) run on a real PostgreSQL
// database migrated with the committed PostgreSQL migrations.
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runOnce } from "../../core/calendar/record";
import { AppendOnlyError } from "../../core/db/client";
import { storiesForChat } from "../../core/digest/stories";
import { submitNomination } from "../../core/nominations/lifecycle";
import { enqueue } from "../../core/outbox/enqueue";
import type { Sender } from "../../core/outbox/sender";
import { unlimited } from "../../core/outbox/rate-limiter";
import { OutboxWorker } from "../../core/outbox/worker";
import { approve, reject } from "../../core/review/actions";
import { defaultReviewLevels } from "../../core/review/levels";
import { grantRole } from "../../core/review/officers";
import { pendingForOfficer } from "../../core/review/queries";
import { createTempPostgres, postgresReachable } from "../support/temp-postgres";

describe.runIf(postgresReachable)("on PostgreSQL", () => {
  let t: Awaited<ReturnType<typeof createTempPostgres>>;
  const people: Record<string, number> = {};

  beforeAll(async () => {
    t = await createTempPostgres();
    for (const [key, id] of [["nominator", "1"], ["wardA", "2"], ["wardB", "3"], ["council", "4"]] as const) {
      people[key] = (await t.db.person.create({ data: { displayName: key, identities: { create: { channel: "TELEGRAM", externalId: id } } } })).id;
    }
    const sonVi = await t.db.unit.findUniqueOrThrow({ where: { code: "PT-LT-SONVI" } });
    await grantRole(t.db, { personId: people.wardA!, role: "UNIT_OFFICER", unitId: sonVi.id, grantedById: null });
    await grantRole(t.db, { personId: people.wardB!, role: "UNIT_OFFICER", unitId: sonVi.id, grantedById: null });
    await grantRole(t.db, { personId: people.council!, role: "COUNCIL_OFFICER", unitId: null, grantedById: null });
  });
  afterAll(() => t?.cleanup());

  async function submitted(name: string) {
    const unit = await t.db.unit.findFirstOrThrow({ where: { parent: { code: "PT-LT-SONVI" } } });
    const n = await t.db.nomination.create({
      data: {
        nominatorId: people.nominator!,
        channel: "TELEGRAM",
        nomineeKind: "INDIVIDUAL",
        nomineeName: name,
        unitId: unit.id,
        fieldId: (await t.db.field.findUniqueOrThrow({ where: { number: 14 } })).id,
        achievements: "Nhiều năm liền quét dọn đường làng, trồng cây xanh.",
        consent: "GIVEN",
        criteria: { create: { criterionId: (await t.db.criterion.findFirstOrThrow()).id } },
      },
    });
    await submitNomination(t.db, n.id, people.nominator!, { timeZone: "Asia/Ho_Chi_Minh", now: new Date("2026-11-23T03:00:00Z") });
    return t.db.nomination.findUniqueOrThrow({ where: { id: n.id } });
  }

  it("submits with consecutive codes and keeps the review log append-only", async () => {
    const a = await submitted("Một");
    const b = await submitted("Hai");
    expect([a.code, b.code]).toEqual(["GS-2026-0001", "GS-2026-0002"]);
    const [event] = await t.db.reviewEvent.findMany({ where: { nominationId: a.id } });
    await expect(t.db.reviewEvent.delete({ where: { id: event!.id } })).rejects.toBeInstanceOf(AppendOnlyError);
  });

  it("records exactly one of two simultaneous decisions, and approves through both levels", async () => {
    const n = await submitted("Ba");
    const seen = { nominationId: n.id, status: "SUBMITTED" as const, reviewLevel: 0 };
    const opts = { levels: defaultReviewLevels, defaultStory: "Câu chuyện." };
    const [x, y] = await Promise.all([approve(t.db, seen, people.wardA!, opts), reject(t.db, seen, people.wardB!, "Chưa xác minh được thành tích", opts)]);
    expect([x.ok, y.ok].filter(Boolean)).toHaveLength(1);
    const now = await t.db.nomination.findUniqueOrThrow({ where: { id: n.id } });
    if (now.status === "IN_REVIEW") {
      const done = await approve(t.db, { nominationId: n.id, status: "IN_REVIEW", reviewLevel: 1 }, people.council!, opts);
      expect(done).toMatchObject({ ok: true, status: "APPROVED" });
    } else {
      expect(now.status).toBe("REJECTED");
    }
  });

  it("finds what waits in an officer's unit subtree", async () => {
    const waiting = await pendingForOfficer(t.db, people.wardA!, defaultReviewLevels);
    expect(waiting.length).toBeGreaterThan(0);
    expect(waiting.every((n) => n.reviewLevel === 0)).toBe(true);
  });

  it("claims a reminder once, with its outbox message in the same transaction", async () => {
    const chat = { channel: "TELEGRAM" as const, externalId: "2", kind: "PRIVATE" as const };
    const send = (key: string) =>
      runOnce(t.db, key, { kind: "deadline-reminder", recipient: "person:2", now: new Date() }, (tx) =>
        enqueue(tx, { idempotencyKey: key, chat, kind: "reminder", payload: { type: "text", html: "Nhắc hạn" } }),
      );
    const claims = await Promise.all([send("reminder:x:2026-Q4:7:person:2"), send("reminder:x:2026-Q4:7:person:2")]);
    expect(claims.filter(Boolean)).toHaveLength(1);
    expect(await t.db.reminderLog.count({ where: { key: "reminder:x:2026-Q4:7:person:2" } })).toBe(1);
    expect(await t.db.outboxMessage.count({ where: { idempotencyKey: "reminder:x:2026-Q4:7:person:2" } })).toBe(1);
  });

  it("delivers an outbox message once, even with two workers", async () => {
    const delivered: string[] = [];
    const sender: Sender = {
      channel: "TELEGRAM",
      async send(message) {
        delivered.push(message.idempotencyKey);
        return { messageIds: [String(delivered.length)] };
      },
    };
    for (let i = 0; i < 6; i++) {
      await enqueue(t.db, { idempotencyKey: `pg:${i}`, chat: { channel: "TELEGRAM", externalId: `-100${i % 2}`, kind: "GROUP" }, kind: "test", payload: { type: "text", html: `#${i}` } });
    }
    const log = pino({ level: "silent" });
    const workers = [0, 1].map(() => new OutboxWorker({ db: t.db, log, senders: [sender], limits: { TELEGRAM: unlimited }, pollIntervalMs: 20 }));
    await Promise.all(workers.map((w) => w.drain()));
    const ours = delivered.filter((k) => k.startsWith("pg:"));
    expect(ours.sort()).toEqual(["pg:0", "pg:1", "pg:2", "pg:3", "pg:4", "pg:5"]);
    expect(await t.db.outboxMessage.count({ where: { idempotencyKey: { startsWith: "pg:" }, status: "SENT" } })).toBe(6);
  });

  it("selects digest stories by unit subtree and consent", async () => {
    const opts = { levels: defaultReviewLevels, defaultStory: "Câu chuyện đã duyệt." };
    const n = await submitted("Bốn");
    await approve(t.db, { nominationId: n.id, status: "SUBMITTED", reviewLevel: 0 }, people.wardA!, opts);
    await approve(t.db, { nominationId: n.id, status: "IN_REVIEW", reviewLevel: 1 }, people.council!, opts);
    const chat = await t.db.chat.create({ data: { channel: "TELEGRAM", externalId: "-100999", kind: "SUPERGROUP" } });
    const district = await t.db.unit.findUniqueOrThrow({ where: { code: "PT-LT" } });
    const stories = await storiesForChat(t.db, { chatId: chat.id, unitScopePath: district.path, fieldIds: [] });
    const approved = await t.db.nomination.findMany({ where: { status: "APPROVED" } });
    expect(approved.map((a) => a.id)).toContain(n.id);
    expect(stories.map((s) => s.nominationId).sort()).toEqual(approved.map((a) => a.id).sort());
    const elsewhere = await t.db.unit.findUniqueOrThrow({ where: { code: "SL-DTN" } });
    expect(await storiesForChat(t.db, { chatId: chat.id, unitScopePath: elsewhere.path, fieldIds: [] })).toEqual([]);
  });
});
