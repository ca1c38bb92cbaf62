// A tick that queues thousands of messages writes them in batches: every message once, a
// second tick nothing more, and one unit of work that fails costs only itself.
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { draftNudgeJob } from "../../core/calendar/jobs";
import { inBatches } from "../../core/db/batches";
import { Translations } from "../../core/i18n";
import { createTempDatabase, type TempDatabase } from "../support/temp-database";
import { person } from "./fixtures";

const silent = pino({ level: "silent" });
let t: TempDatabase;

beforeAll(async () => {
  t = await createTempDatabase({ seed: false });
});
afterAll(() => t?.cleanup());

describe("the draft-nudge job with 1,500 idle drafts", () => {
  it("queues one nudge per draft, and a second tick queues none", async () => {
    const lan = await person(t.db, "Lan", "3001");
    const idleSince = new Date("2026-11-01T03:00:00Z");
    await t.db.nomination.createMany({
      data: Array.from({ length: 1_500 }, (_, i) => ({ nominatorId: lan.id, channel: "TELEGRAM" as const, status: "DRAFT" as const, nomineeName: `Người ${i}`, lastActivityAt: idleSince })),
    });
    const job = draftNudgeJob({ db: t.db, i18n: new Translations("vi"), log: silent, timeZone: "Asia/Ho_Chi_Minh", defaultLocale: "vi", quietHours: null, continuePayload: "d:continue" });
    const now = new Date("2026-11-10T03:00:00Z");

    expect(await job.run(now)).toBe(1_500);
    expect(await t.db.outboxMessage.count({ where: { kind: "nudge" } })).toBe(1_500);
    expect(await t.db.reminderLog.count({ where: { kind: "draft-nudge" } })).toBe(1_500);
    expect(await t.db.nomination.count({ where: { nudgeCount: 1 } })).toBe(1_500);

    expect(await job.run(now)).toBe(0);
    expect(await t.db.outboxMessage.count({ where: { kind: "nudge" } })).toBe(1_500);
  }, 120_000);
});

describe("inBatches", () => {
  it("commits the other items of a batch when one of them fails", async () => {
    const keys = Array.from({ length: 25 }, (_, i) => `batch-test:${i}`);
    const done = await inBatches(
      t.db,
      keys,
      async (tx, key) => {
        await tx.reminderLog.create({ data: { key, kind: "test", recipient: "chat:1" } });
        if (key === "batch-test:7") throw new Error("this one cannot be written");
        return true;
      },
      { size: 10 },
    );
    expect(done).toBe(24);
    const written = await t.db.reminderLog.findMany({ where: { kind: "test" }, select: { key: true } });
    expect(written.map((r) => r.key).sort()).toEqual(keys.filter((k) => k !== "batch-test:7").sort());
  });
});
