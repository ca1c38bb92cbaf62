// The council's weekly chart as the ticker runs it, on a real SQLite file with a fake clock:
// Monday from eight (local), once per council group and week, the picture written under the
// media folder where the outbox will read it, nothing for unit groups or in quiet hours.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { zonedInstant } from "../../core/calendar/zoned-time";
import { Translations } from "../../core/i18n";
import { parsePayload } from "../../core/outbox/payload";
import { weeklyStatsJob } from "../../core/reports/weekly-stats";
import { createTempDatabase, type TempDatabase } from "../support/temp-database";
import { person, seedNomination, vnNoon } from "./fixtures";

const VN = "Asia/Ho_Chi_Minh";
const at = (day: number, month: number, hour: number, minute = 0) => zonedInstant({ year: 2026, month, day, hour, minute }, VN);
let t: TempDatabase;

beforeAll(async () => {
  t = await createTempDatabase();
});
afterAll(async () => {
  await t.cleanup();
});

function job(quietHours: { start: string; end: string } | null = { start: "21:00", end: "07:00" }) {
  return weeklyStatsJob({ db: t.db, i18n: new Translations("vi"), log: pino({ level: "silent" }), timeZone: VN, defaultLocale: "vi", quietHours, mediaDir: t.dir });
}

async function groupChat(externalId: string, unitCode: string | null) {
  const chat = await t.db.chat.create({ data: { channel: "TELEGRAM", externalId, kind: "SUPERGROUP", title: externalId } });
  const unitId = unitCode ? (await t.db.unit.findUniqueOrThrow({ where: { code: unitCode } })).id : null;
  await t.db.reviewGroup.create({ data: { chatId: chat.id, unitId } });
  return chat;
}

const charts = () => t.db.outboxMessage.findMany({ where: { kind: "weekly-stats" }, include: { chat: true }, orderBy: { id: "asc" } });

describe("the council's weekly chart", () => {
  it("does nothing while no council group is bound", async () => {
    await groupChat("-5001", "PT-LT");
    expect(await job().run(at(7, 12, 9))).toBe(0);
    expect(await charts()).toHaveLength(0);
  });

  it("goes out on Monday from eight, once per council group and week, with the quarter's figures", async () => {
    const council = await groupChat("-5002", null);
    const nominator = await person(t.db, "Lan");
    await seedNomination(t.db, nominator, { unit: "PT-LT-SONVI", status: "APPROVED", submittedAt: vnNoon(2026, 10, 20), decidedAt: vnNoon(2026, 10, 25), name: "Bà Hoa" });
    await seedNomination(t.db, nominator, { unit: "PT-LT-SONVI", status: "SUBMITTED", submittedAt: vnNoon(2026, 11, 2) });
    // Last quarter's nomination is not this quarter's figure.
    await seedNomination(t.db, nominator, { unit: "PT-LT-SONVI", status: "APPROVED", submittedAt: vnNoon(2026, 9, 2), decidedAt: vnNoon(2026, 9, 5) });

    const weekly = job();
    expect(await weekly.run(at(6, 12, 20))).toBe(0); // Sunday
    expect(await weekly.run(at(7, 12, 7, 59))).toBe(0); // Monday, before eight
    expect(await weekly.run(at(7, 12, 8, 5))).toBe(1);
    expect(await weekly.run(at(7, 12, 16))).toBe(0); // same day again
    expect(await weekly.run(at(8, 12, 8, 5))).toBe(0); // Tuesday

    const [row] = await charts();
    expect(row?.chat).toMatchObject({ channel: "TELEGRAM", externalId: council.externalId });
    const payload = parsePayload(row!.payload);
    if (payload.type !== "photos") throw new Error(`expected photos, got ${payload.type}`);
    const [item] = payload.items;
    if (!item || !("path" in item)) throw new Error("expected a stored picture");
    expect(item.caption).toBe(
      "📊 Thống kê đầu tuần, quý IV/2026, toàn bộ các đơn vị: 2 hồ sơ tiếp nhận, 1 gương được duyệt. Gửi /baocao để nhận bảng tính, /thongke để xem một đơn vị.",
    );
    const png = await readFile(path.join(t.dir, item.path));
    expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
    expect(png.readUInt32BE(16)).toBe(1080);

    expect(await weekly.run(at(14, 12, 8, 5))).toBe(1);
    expect(await charts()).toHaveLength(2);
  });

  it("waits for the end of quiet hours when they reach past eight on Monday", async () => {
    const late = job({ start: "21:00", end: "09:00" });
    expect(await late.run(at(21, 12, 8, 30))).toBe(0);
    expect(await late.run(at(21, 12, 9, 0))).toBe(1);
  });
});
