// /baocao on Zalo: the periods come as a numbered list, the officer types a number, and the
// workbook arrives as a file attachment; the whole bot on the fake account and a SQLite file.
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sheetNames } from "../../core/reports/xlsx";
import { numberedChoices, startZaloApp, ZaloInbox, type AppUnderTest } from "../support/zalo-app";
import { createTempDatabase, type TempDatabase } from "../support/temp-database";
import { FakeZalo, textMessage } from "../zalo/fake-zalo";
import { person, seedNomination, vnNoon } from "./fixtures";

let temp: TempDatabase;
let zalo: FakeZalo;
let inbox: ZaloInbox;
let bot: AppUnderTest;
const officer = "zu-officer";

beforeAll(async () => {
  temp = await createTempDatabase();
  const { db } = temp;
  const me = await db.person.create({ data: { displayName: "Trần Văn Minh", identities: { create: { channel: "ZALO", externalId: officer } } } });
  const sonVi = await db.unit.findUniqueOrThrow({ where: { code: "PT-LT-SONVI" } });
  await db.roleAssignment.create({ data: { personId: me.id, role: "UNIT_OFFICER", unitId: sonVi.id } });
  const n = await person(db, "Người dân");
  await seedNomination(db, n, { unit: "PT-LT-SONVI", status: "PUBLISHED", submittedAt: vnNoon(2026, 10, 3), decidedAt: vnNoon(2026, 10, 9), name: "Hoàng Thị Mến" });
  zalo = new FakeZalo();
  inbox = new ZaloInbox(zalo);
  bot = await startZaloApp(zalo, temp.target, temp.dir);
});

afterAll(async () => {
  await bot?.stop();
  await temp.cleanup();
});

describe("/baocao on Zalo", () => {
  it("offers the periods as numbers and sends the workbook as a file", async () => {
    zalo.emit(textMessage(officer, "/baocao", { name: "Trần Văn Minh" }));
    const menu = await inbox.next(officer);
    expect(menu.text).toContain("Chọn kỳ báo cáo");
    expect(numberedChoices(menu.text)).toHaveLength(5);
    // A typed number picks from the menu.
    zalo.emit(textMessage(officer, "1", { name: "Trần Văn Minh" }));
    expect((await inbox.next(officer)).text).toContain("Đang lập báo cáo");
    expect((await inbox.next(officer)).attachments[0]!.filename).toMatch(/^bao-cao-\d{4}-Q[1-4]\.xlsx$/);
    await inbox.next(officer); // its caption
    zalo.emit(textMessage(officer, "/baocao 2026-Q4", { name: "Trần Văn Minh" }));
    expect((await inbox.next(officer)).text).toContain("Đang lập báo cáo quý IV/2026");
    const file = await inbox.next(officer);
    expect(file.attachments.map((a) => a.filename)).toEqual(["bao-cao-2026-Q4.xlsx"]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.attachments[0]!.bytes as unknown as ExcelJS.Buffer);
    expect(wb.getWorksheet(sheetNames.exemplars)!.getColumn(3).values).toContain("Hoàng Thị Mến");
    expect((await inbox.next(officer)).text).toContain("Xã Sơn Vi: 1 hồ sơ tiếp nhận, 1 gương được duyệt");
  });
});
