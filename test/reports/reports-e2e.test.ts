// /baocao, /thongke and /hoso end to end over the Telegram emulator on a real SQLite file: an
// officer of one commune gets the workbook, the CSV, the chart and a dossier of their own
// commune only; a resident is refused; bad periods and foreign units get a clear answer.
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type Emulator, type MessageView } from "../../emulator/index";
import { startBot, ChatUser, labels, type BotUnderTest } from "../support/bot-app";
import { createTempDatabase, type TempDatabase } from "../support/temp-database";
import { sheetNames } from "../../core/reports/xlsx";
import { person, seedNomination, vnNoon } from "./fixtures";

let temp: TempDatabase;
let emulator: Emulator;
let bot: BotUnderTest;
let officerId: number;
let residentId: number;
const codes: Record<"sonVi" | "xuanLung", string> = {} as never;

beforeAll(async () => {
  temp = await createTempDatabase();
  emulator = await startEmulator();
  officerId = emulator.driver.createUser({ firstName: "Trần Văn", lastName: "Minh" }).id;
  residentId = emulator.driver.createUser({ firstName: "Người", lastName: "Dân" }).id;
  const db = temp.db;
  const sonVi = await db.unit.findUniqueOrThrow({ where: { code: "PT-LT-SONVI" } });
  const officer = await db.person.create({ data: { displayName: "Trần Văn Minh", identities: { create: { channel: "TELEGRAM", externalId: String(officerId) } } } });
  await db.roleAssignment.create({ data: { personId: officer.id, role: "UNIT_OFFICER", unitId: sonVi.id } });
  const nominator = await person(db, "Người đề cử");
  codes.sonVi = (await seedNomination(db, nominator, { unit: "PT-LT-SONVI-K1", status: "PUBLISHED", submittedAt: vnNoon(2026, 10, 3), decidedAt: vnNoon(2026, 10, 9), approverId: officer.id, name: "Hoàng Thị Mến", field: 4, publicStory: "Bà Mến nấu cơm miễn phí cho bệnh nhân nghèo suốt mười năm." })).code;
  await seedNomination(db, nominator, { unit: "PT-LT-SONVI", status: "REJECTED", submittedAt: vnNoon(2026, 11, 3), name: "Đinh Văn Sáu" });
  codes.xuanLung = (await seedNomination(db, nominator, { unit: "PT-LT-XUANLUNG", status: "APPROVED", submittedAt: vnNoon(2026, 11, 4), decidedAt: vnNoon(2026, 11, 5), name: "Người Xuân Lũng" })).code;
  bot = await startBot(emulator, temp.target, temp.dir);
});

afterAll(async () => {
  await bot.stop();
  await emulator.close();
  await temp.cleanup();
});

const officer = () => new ChatUser(emulator, officerId);

/** Waits for the next document the bot sends the officer; returns the message and its bytes. */
async function nextDocument(): Promise<{ message: MessageView; bytes: Buffer }> {
  const message = await emulator.driver.waitForBotMessage(officerId);
  return { message, bytes: bytesOf(message) };
}

/** The bytes of a document or photo the bot sent. */
function bytesOf(message: MessageView): Buffer {
  const fileId = message.document?.file_id ?? message.photo?.at(-1)?.file_id;
  if (!fileId) throw new Error(`Not a file: ${message.text}`);
  return emulator.state.files.get(fileId)!.bytes;
}

describe("/baocao", () => {
  it("refuses a resident", async () => {
    const reply = await new ChatUser(emulator, residentId).command("baocao");
    expect(reply.text).toContain("Chỉ cán bộ thi đua");
    expect(reply.document).toBeUndefined();
  });

  it("offers periods, and a pressed period delivers the workbook", async () => {
    const menu = await officer().command("baocao");
    expect(menu.text).toContain("Chọn kỳ báo cáo");
    expect(labels(menu)).toHaveLength(5);
    expect((await officer().press(labels(menu)[0]!)).text).toContain("Đang lập báo cáo");
    const { message } = await nextDocument();
    expect(message.document?.file_name).toMatch(/^bao-cao-\d{4}-Q[1-4]\.xlsx$/);
  });

  it("sends the officer's commune only, with its figures", async () => {
    const working = await officer().command("baocao", "2026-Q4");
    expect(working.text).toContain("Đang lập báo cáo quý IV/2026");
    const { message, bytes } = await nextDocument();
    expect(message.document?.file_name).toBe("bao-cao-2026-Q4.xlsx");
    expect(message.caption).toContain("Xã Sơn Vi: 2 hồ sơ tiếp nhận, 1 gương được duyệt");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    const codesInSummary = wb.getWorksheet(sheetNames.summary)!.getColumn(1).values.map(String);
    expect(codesInSummary).toContain("PT-LT-SONVI");
    expect(codesInSummary.some((c) => c.startsWith("PT-LT-XUANLUNG"))).toBe(false);
    const list = wb.getWorksheet(sheetNames.exemplars)!;
    expect(list.getColumn(3).values).toContain("Hoàng Thị Mến");
    expect(list.getColumn(3).values).not.toContain("Người Xuân Lũng");
  });

  it("sends the CSV list with a BOM", async () => {
    await officer().command("baocao", "csv 2026-Q4");
    const { message, bytes } = await nextDocument();
    expect(message.document?.file_name).toBe("ho-so-2026-Q4.csv");
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString("utf8").split("\r\n").filter(Boolean)).toHaveLength(3);
  });

  it("answers an unknown period, a unit outside the scope, and an empty period", async () => {
    expect((await officer().command("baocao", "2026-Q9")).text).toContain("Không hiểu kỳ “2026-Q9”");
    expect((await officer().command("baocao", "2026-Q4 PT-LT-XUANLUNG")).text).toContain("không thuộc phạm vi bạn phụ trách");
    await officer().command("baocao", "2025");
    const { message } = await nextDocument();
    expect(message.document?.file_name).toBe("bao-cao-2025.xlsx");
    const note = await emulator.driver.waitForBotMessage(officerId);
    expect(note.text).toContain("chưa có hồ sơ nào");
  });
});

describe("/thongke", () => {
  it("sends the period's chart as a picture", async () => {
    await officer().command("thongke", "2026-Q4");
    const { message, bytes } = await nextDocument();
    expect(message.photo).toBeDefined();
    expect(message.caption).toContain("Thống kê quý IV/2026");
    expect(bytes.subarray(1, 4).toString("latin1")).toBe("PNG");
    expect(bytes.readUInt32BE(16)).toBe(1080);
  });
});

describe("/hoso", () => {
  it("sends the DOCX draft of an exemplar of the officer's commune", async () => {
    const message = await officer().command("hoso", codes.sonVi);
    const bytes = bytesOf(message);
    expect(message.document?.file_name).toBe(`bao-cao-thanh-tich-${codes.sonVi}.docx`);
    const xml = await (await JSZip.loadAsync(bytes)).file("word/document.xml")!.async("string");
    const text = xml.replace(/<[^>]+>/g, "");
    for (const part of ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "BÁO CÁO THÀNH TÍCH", "I. SƠ LƯỢC LÝ LỊCH", "II. THÀNH TÍCH ĐẠT ĐƯỢC", "III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG", "Hoàng Thị Mến", "nấu cơm miễn phí", "NGƯỜI BÁO CÁO THÀNH TÍCH", "Phú Thọ, ngày"]) {
      expect(text).toContain(part);
    }
  });

  it("does not give another commune's nomination", async () => {
    expect((await officer().command("hoso", codes.xuanLung)).text).toContain(`Không tìm thấy hồ sơ ${codes.xuanLung}`);
    expect((await officer().command("hoso")).text).toContain("/hoso GS-2026-0042");
  });
});

describe("/khenthuong", () => {
  it("records commendations for section III, lists, removes, and fills the dossier with them and the earlier recognition", async () => {
    const me = officer();
    expect((await me.command("khenthuong")).text).toContain("/khenthuong GS-2026-0042 xoa 2");
    expect((await me.command("khenthuong", codes.sonVi)).text).toContain(`Hồ sơ ${codes.sonVi} chưa ghi hình thức khen thưởng nào`);
    expect((await me.command("khenthuong", `${codes.sonVi} 2025 | Giấy khen`)).text).toContain("Cần đủ bốn phần");
    expect((await me.command("khenthuong", `${codes.sonVi} 2031 | Giấy khen | QĐ 1 | UBND xã`)).text).toContain("từ 1948 đến năm nay");
    const added = await me.command("khenthuong", `${codes.sonVi} 2025 | Giấy khen | Quyết định số 12/QĐ-UBND ngày 15/01/2025 | UBND xã Sơn Vi`);
    expect(added.text).toContain("✅ Đã ghi: Giấy khen (2025).");
    expect(added.text).toContain("1. 2025 — Giấy khen; Quyết định số 12/QĐ-UBND ngày 15/01/2025; UBND xã Sơn Vi");
    await me.command("khenthuong", `${codes.sonVi} 2019 | Bằng khen của Chủ tịch UBND tỉnh | Quyết định số 301/QĐ-UBND ngày 02/03/2019 | UBND tỉnh Phú Thọ`);
    await me.command("khenthuong", `${codes.sonVi} 2024 | Giấy khen nhầm | QĐ 9 | UBND`);
    const list = (await me.command("khenthuong", codes.sonVi)).text ?? "";
    expect(list).toContain("(3):");
    expect(list.indexOf("2019")).toBeLessThan(list.indexOf("2024"));
    expect((await me.command("khenthuong", `${codes.sonVi} xoa 7`)).text).toContain("không có dòng khen thưởng số 7");
    const removed = await me.command("khenthuong", `${codes.sonVi} xoa 2`);
    expect(removed.text).toContain("🗑 Đã xóa: Giấy khen nhầm (2024).");
    // Another commune's nomination is not found, and nothing is recorded on it.
    expect((await me.command("khenthuong", `${codes.xuanLung} 2025 | Giấy khen | QĐ 1 | UBND`)).text).toContain(`Không tìm thấy hồ sơ ${codes.xuanLung}`);
    expect(await bot.db.commendation.count()).toBe(2);

    const text = await dossierText(await me.command("hoso", codes.sonVi));
    const section = text.slice(text.indexOf("III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG"));
    expect(section).toContain("2019Bằng khen của Chủ tịch UBND tỉnhQuyết định số 301/QĐ-UBND ngày 02/03/2019UBND tỉnh Phú Thọ");
    expect(section).toContain("2025Giấy khenQuyết định số 12/QĐ-UBND ngày 15/01/2025UBND xã Sơn Vi");
    expect(section.indexOf("2019")).toBeLessThan(section.indexOf("2025Giấy khen"));
    expect(section).not.toContain("Giấy khen nhầm");
  });

  it("lists the programme's earlier recognition of the same nominee in the same unit", async () => {
    const nominator = await person(temp.db, "Người đề cử lần trước");
    const earlier = await seedNomination(temp.db, nominator, { unit: "PT-LT-SONVI-K1", status: "APPROVED", submittedAt: vnNoon(2025, 3, 3), decidedAt: vnNoon(2025, 3, 10), name: "Hoàng Thị Mến" });
    const text = await dossierText(await officer().command("hoso", codes.sonVi));
    expect(text).toContain(`2025Gương người tốt, việc tốt (hồ sơ ${earlier.code})Duyệt ngày 10/03/2025Hội đồng Thi đua – Khen thưởng`);
  });

  it("refuses a resident", async () => {
    expect((await new ChatUser(emulator, residentId).command("khenthuong", codes.sonVi)).text).toContain("Chỉ cán bộ thi đua");
  });
});

/** The text of a DOCX the bot sent, its markup removed. */
async function dossierText(message: MessageView): Promise<string> {
  const xml = await (await JSZip.loadAsync(bytesOf(message))).file("word/document.xml")!.async("string");
  return xml.replace(/<[^>]+>/g, "");
}
