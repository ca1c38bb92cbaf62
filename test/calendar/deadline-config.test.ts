import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  DeadlineConfigError,
  loadDeadlineConfig,
  parseDeadlineConfig,
  syncDeadlines,
  UnknownReferenceError,
} from "../../core/calendar/deadline-config";
import { addDeadline, DuplicateDeadlineError, freeDeadlineCode, removeDeadline, upcomingDeadlines } from "../../core/calendar/deadlines";
import { zonedInstant } from "../../core/calendar/zoned-time";
import { createTempDatabase, type TempDatabase } from "../support/temp-database";

const VN = "Asia/Ho_Chi_Minh";
const shipped = path.resolve("config/deadlines.json");
let t: TempDatabase;
let dir: string;

beforeAll(async () => {
  t = await createTempDatabase();
  dir = mkdtempSync(path.join(os.tmpdir(), "gs-"));
});
afterAll(async () => {
  await t.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

describe("the deadline config file", () => {
  it("ships the plans' dates, valid", async () => {
    const config = await loadDeadlineConfig(shipped);
    const byCode = new Map(config.deadlines.map((d) => [d.code, d]));
    expect(byCode.get("dang-ky-dien-hinh")).toMatchObject({ recurrence: "YEARLY", month: 8, day: 15, offsets: [7, 3, 1, 0] });
    expect(byCode.get("gioi-thieu-dien-hinh-quy")).toMatchObject({ recurrence: "QUARTERLY", month: 3, day: "last", quota: { count: 3 } });
    expect(byCode.get("gioi-thieu-dien-hinh-6-thang")).toMatchObject({ recurrence: "HALF_YEARLY", quota: { count: 2 } });
    expect(byCode.get("bao-cao-ket-qua-nam")).toMatchObject({ month: 12, day: 30 });
    expect(byCode.get("ke-hoach-nam")).toMatchObject({ month: 4, day: 15 });
    expect(byCode.get("ky-niem-11-6")).toMatchObject({ month: 6, day: 11, audience: "SUBSCRIBED_GROUPS" });
  });

  it("lists every problem with its place", async () => {
    const file = path.join(dir, "bad.json");
    writeFileSync(
      file,
      JSON.stringify({
        deadlines: [
          { code: "a-b", title: { vi: "X" }, recurrence: "YEARLY", month: 2, day: 30, audience: "UNIT_OFFICERS" },
          { code: "a-b", title: { vi: "Y" }, recurrence: "QUARTERLY", month: 4, audience: "EVERYONE" },
          { code: "q", title: { vi: "" }, recurrence: "MONTHLY", audience: "UNIT_OFFICERS", quota: { count: 3, period: "YEARLY" } },
        ],
      }),
    );
    const error = await loadDeadlineConfig(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeadlineConfigError);
    const problems = (error as DeadlineConfigError).problems.join("\n");
    expect(problems).toContain("deadlines[0].day: no day 30 in month 2");
    expect(problems).toContain("deadlines[1].month");
    expect(problems).toContain("deadlines[1].audience");
    expect(problems).toContain("deadlines[2].code");
    expect(problems).toContain("deadlines[2].title.vi");
    expect(problems).toContain("deadlines[2].quota.period");
  });

  it("refuses a file that is not JSON", async () => {
    const file = path.join(dir, "broken.json");
    writeFileSync(file, "{ deadlines: ");
    await expect(loadDeadlineConfig(file)).rejects.toThrow(/not valid JSON/);
  });
});

describe("syncDeadlines", () => {
  it("upserts config deadlines, deactivates removed ones and never touches chat-created ones", async () => {
    const config = await loadDeadlineConfig(shipped);
    const first = await syncDeadlines(t.db, config);
    expect(first.created).toHaveLength(config.deadlines.length);
    const quarterly = await t.db.deadline.findUniqueOrThrow({ where: { code: "gioi-thieu-dien-hinh-quy" }, include: { block: true, unitScope: true } });
    expect(quarterly).toMatchObject({ month: 3, day: 31, quotaCount: 3, fromConfig: true, offsetsDays: [7, 3, 1, 0] });
    expect(quarterly.block?.code).toBe("KHOI-XA");
    expect(quarterly.unitScope?.code).toBe("PT-LT");

    await addDeadline(t.db, { code: "hop-so-ket", title: { vi: "Họp sơ kết" }, recurrence: "ONCE", date: "2026-12-20", audience: "COUNCIL_OFFICERS" }, null);
    const trimmed = parseDeadlineConfig({
      deadlines: [
        ...config.deadlines.filter((d) => d.code !== "ky-niem-11-6"),
        { code: "hop-so-ket", title: { vi: "Khác" }, recurrence: "YEARLY", month: 1, day: 1, audience: "UNIT_OFFICERS" },
      ],
    });
    const second = await syncDeadlines(t.db, trimmed);
    expect(second.deactivated).toEqual(["ky-niem-11-6"]);
    expect(second.conflicts).toEqual(["hop-so-ket"]);
    expect(second.created).toEqual([]);
    const chat = await t.db.deadline.findUniqueOrThrow({ where: { code: "hop-so-ket" } });
    expect(chat).toMatchObject({ titleVi: "Họp sơ kết", recurrence: "ONCE", fromConfig: false, active: true });
    expect((await t.db.deadline.findUniqueOrThrow({ where: { code: "ky-niem-11-6" } })).active).toBe(false);
  });

  it("refuses unknown unit and block codes without writing anything", async () => {
    const before = await t.db.deadline.count();
    const config = parseDeadlineConfig({
      deadlines: [{ code: "x-y", title: { vi: "X" }, recurrence: "MONTHLY", audience: "UNIT_OFFICERS", unit: "NOWHERE", block: "NO-BLOCK" }],
    });
    const error = await syncDeadlines(t.db, config).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnknownReferenceError);
    expect((error as UnknownReferenceError).problems).toEqual(["unknown unit NOWHERE", "unknown block NO-BLOCK"]);
    expect(await t.db.deadline.count()).toBe(before);
  });

  it("lists upcoming deadlines soonest first with days left", async () => {
    const now = zonedInstant({ year: 2026, month: 11, day: 23, hour: 9, minute: 0 }, VN);
    const upcoming = await upcomingDeadlines(t.db, now, VN);
    expect(upcoming.map((u) => [u.deadline.code, u.occurrence.id, u.daysLeft])).toEqual([
      ["hop-so-ket", "2026-12-20", 27],
      ["bao-cao-ket-qua-nam", "2026", 37],
      ["dien-hinh-phong-chuyen-mon", "2026", 37],
      ["gioi-thieu-dien-hinh-6-thang", "2026-H2", 38],
      ["gioi-thieu-dien-hinh-quy", "2026-Q4", 38],
      ["ke-hoach-nam", "2027", 143],
      ["dang-ky-dien-hinh", "2027", 265],
    ]);
  });

  it("names chat-created deadlines from their titles, refuses duplicates and removes by code", async () => {
    expect(await freeDeadlineCode(t.db, "Họp sơ kết quý")).toBe("hop-so-ket-quy");
    expect(await freeDeadlineCode(t.db, "Đăng ký điển hình!")).toBe("dang-ky-dien-hinh-2");
    expect(await freeDeadlineCode(t.db, "??")).toBe("deadline");
    await expect(
      addDeadline(t.db, { code: "hop-so-ket", title: { vi: "Lại" }, recurrence: "YEARLY", month: 1, day: 5, audience: "UNIT_OFFICERS" }, null),
    ).rejects.toBeInstanceOf(DuplicateDeadlineError);
    await expect(addDeadline(t.db, { code: "x", title: { vi: "X" }, recurrence: "YEARLY", month: 13, day: 1, audience: "UNIT_OFFICERS" }, null)).rejects.toThrow();
    const now = zonedInstant({ year: 2026, month: 11, day: 23, hour: 9, minute: 0 }, VN);
    expect(await removeDeadline(t.db, "hop-so-ket")).toBe(true);
    expect(await removeDeadline(t.db, "hop-so-ket")).toBe(false);
    expect((await upcomingDeadlines(t.db, now, VN)).map((u) => u.deadline.code)).not.toContain("hop-so-ket");
  });
});
