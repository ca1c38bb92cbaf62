// The unit step end to end: browsing the tree with its children as buttons, paging (8 a
// page), going back, choosing a unit at any level, and typed search (diacritics-insensitive,
// many matches paged, none found). The sample district has exactly 8 units; three more
// communes are added here so it runs over one page.
import { describe, expect, it } from "vitest";
import { ChatUser, labels, useBotRig } from "../support/bot-app";
import { fillDraftUpTo, personOf } from "../support/drafts";

const extraCommunes = ["Xã Bản Nguyên", "Xã Cao Xá", "Xã Vĩnh Lại"];

/** The sample district with three more communes, so its children run over one page. */
const rig = useBotRig({}, async (temp) => {
  const district = await temp.db.unit.findUniqueOrThrow({ where: { code: "PT-LT" } });
  for (const [i, name] of extraCommunes.entries()) {
    const unit = await temp.db.unit.create({ data: { code: `PT-LT-EXTRA${i}`, name, kind: "COMMUNE", parentId: district.id, path: "" } });
    await temp.db.unit.update({ where: { id: unit.id }, data: { path: `${district.path}${unit.id}/` } });
  }
});

/** A new user at the unit step; returns the user and the unit question. */
async function atUnitStep(firstName: string) {
  const user = new ChatUser(rig.emulator, rig.emulator.driver.createUser({ firstName, languageCode: "vi" }).id);
  await user.command("decu");
  await user.press("Cá nhân");
  const question = await user.say("Hà Văn Thắng");
  expect(question.text).toContain("thuộc đơn vị");
  return { user, question };
}

async function chosenUnitCode(user: ChatUser): Promise<string | undefined> {
  const draft = await rig.bot.db.nomination.findFirstOrThrow({ where: { nominatorId: await personOf(rig.bot.db, user.id), status: "DRAFT" }, include: { unit: true } });
  return draft.unit?.code;
}

const firstPage = [
  "Thị trấn Lâm Thao ›",
  "Xã Sơn Vi ›",
  "Xã Xuân Lũng ›",
  "Xã Tiên Kiên ›",
  "Phòng Nội vụ",
  "Phòng Văn hóa và Thông tin",
  "Phòng Tài chính – Kế hoạch",
  "Trung tâm Văn hóa, Thể thao, Du lịch và Truyền thông",
];

describe("the unit tree", () => {
  it("browses down with children as buttons, pages 8 at a time, goes back, all in one edited message", async () => {
    const { user, question } = await atUnitStep("Khánh");
    expect(labels(question)).toEqual(["Tỉnh Phú Thọ ›", "Cơ sở Điều trị nghiện ma túy tỉnh Sơn La ›"]);
    const sendsBefore = user.driver.calls({ method: "sendMessage" }).length;

    const province = await user.pressAndWaitEdit("Tỉnh Phú Thọ ›");
    expect(province.text).toContain("Đang xem: Tỉnh Phú Thọ");
    expect(labels(province)).toEqual(["Huyện Lâm Thao ›", "✅ Chọn đơn vị này", "◀ Quay lại"]);

    const district = await user.pressAndWaitEdit("Huyện Lâm Thao ›");
    expect(district.text).toContain("Đang xem: Tỉnh Phú Thọ › Huyện Lâm Thao");
    expect(labels(district)).toEqual([...firstPage, "Trang sau ›", "✅ Chọn đơn vị này", "◀ Quay lại"]);

    const second = await user.pressAndWaitEdit("Trang sau ›");
    expect(labels(second)).toEqual([...extraCommunes, "‹ Trang trước", "✅ Chọn đơn vị này", "◀ Quay lại"]);
    expect(labels(await user.pressAndWaitEdit("‹ Trang trước"))).toEqual([...firstPage, "Trang sau ›", "✅ Chọn đơn vị này", "◀ Quay lại"]);

    const commune = await user.pressAndWaitEdit("Xã Sơn Vi ›");
    expect(commune.text).toContain("Đang xem: Tỉnh Phú Thọ › Huyện Lâm Thao › Xã Sơn Vi");
    expect(labels(commune)).toEqual(["Khu 1", "Khu 2", "Khu 3", "✅ Chọn đơn vị này", "◀ Quay lại"]);
    expect(labels(await user.pressAndWaitEdit("◀ Quay lại"))).toEqual([...firstPage, "Trang sau ›", "✅ Chọn đơn vị này", "◀ Quay lại"]);
    expect(labels(await user.pressAndWaitEdit("◀ Quay lại"))).toEqual(["Huyện Lâm Thao ›", "✅ Chọn đơn vị này", "◀ Quay lại"]);
    expect(labels(await user.pressAndWaitEdit("◀ Quay lại"))).toEqual(labels(question));

    // Browsing redraws the question in place: no new message went out.
    expect(user.driver.calls({ method: "sendMessage" })).toHaveLength(sendsBefore);
    expect(user.driver.botMessages(user.id).at(-1)?.messageId).toBe(question.messageId);
    expect(await chosenUnitCode(user)).toBeUndefined();
  });

  it.each([
    { level: "the province", presses: ["Tỉnh Phú Thọ ›"], pick: "✅ Chọn đơn vị này", code: "PT", path: "Tỉnh Phú Thọ" },
    { level: "the district", presses: ["Tỉnh Phú Thọ ›", "Huyện Lâm Thao ›"], pick: "✅ Chọn đơn vị này", code: "PT-LT", path: "Tỉnh Phú Thọ › Huyện Lâm Thao" },
    {
      level: "a commune on the second page",
      presses: ["Tỉnh Phú Thọ ›", "Huyện Lâm Thao ›", "Trang sau ›"],
      pick: "Xã Vĩnh Lại",
      code: "PT-LT-EXTRA2",
      path: "Tỉnh Phú Thọ › Huyện Lâm Thao › Xã Vĩnh Lại",
    },
    {
      level: "a hamlet",
      presses: ["Tỉnh Phú Thọ ›", "Huyện Lâm Thao ›", "Xã Tiên Kiên ›"],
      pick: "Khu 2",
      code: "PT-LT-TIENKIEN-K2",
      path: "Tỉnh Phú Thọ › Huyện Lâm Thao › Xã Tiên Kiên › Khu 2",
    },
    { level: "an agency's department", presses: ["Cơ sở Điều trị nghiện ma túy tỉnh Sơn La ›"], pick: "Phòng Y tế – Phục hồi", code: "SL-DTN-YTPH", path: "Cơ sở Điều trị nghiện ma túy tỉnh Sơn La › Phòng Y tế – Phục hồi" },
  ])("chooses $level", async ({ presses, pick, code, path }) => {
    const { user } = await atUnitStep(`Chọn ${code}`);
    for (const label of presses) await user.pressAndWaitEdit(label);
    const next = await user.press(pick);
    expect(next.text).toContain(`Đơn vị: ${path}`);
    expect(next.text).toContain("lĩnh vực nào");
    expect(await chosenUnitCode(user)).toBe(code);
  });

  it("finds a unit by a typed part of its name without diacritics, in any case; typing a shown unit's whole name picks it", async () => {
    const { user } = await atUnitStep("Lực");
    for (const typed of ["son vi", "SƠN VI", "Vi Sơn"]) {
      const found = await user.say(typed);
      expect(found.text).toContain(`Các đơn vị khớp với “${typed}”`);
      expect(found.text).toContain(`Kết quả tìm: ${typed} (bấm “◀ Quay lại” để chọn theo từng cấp)`);
      expect(found.text).not.toContain("Chọn dần từ cấp tỉnh");
      expect(labels(found)).toEqual(["Xã Sơn Vi", "◀ Quay lại"]);
    }
    const picked = await user.say("xa son vi");
    expect(picked.text).toContain("Đơn vị: Tỉnh Phú Thọ › Huyện Lâm Thao › Xã Sơn Vi");
    expect(await chosenUnitCode(user)).toBe("PT-LT-SONVI");

    const other = await atUnitStep("Lượng");
    await other.user.say("son vi");
    const next = await other.user.press("Xã Sơn Vi");
    expect(next.text).toContain("Đơn vị: Tỉnh Phú Thọ › Huyện Lâm Thao › Xã Sơn Vi");
    expect(await chosenUnitCode(other.user)).toBe("PT-LT-SONVI");
  });

  it("pages a search with many matches, tells alike names apart by their parent, and goes back to where the browsing stood", async () => {
    const { user } = await atUnitStep("Minh");
    await user.pressAndWaitEdit("Tỉnh Phú Thọ ›");
    const found = await user.say("khu");
    expect(found.text).toContain("Có 12 đơn vị khớp với “khu”");
    expect(labels(found)).toEqual([
      "Khu 1 · Thị trấn Lâm Thao",
      "Khu 2 · Thị trấn Lâm Thao",
      "Khu 3 · Thị trấn Lâm Thao",
      "Khu 1 · Xã Sơn Vi",
      "Khu 2 · Xã Sơn Vi",
      "Khu 3 · Xã Sơn Vi",
      "Khu 1 · Xã Xuân Lũng",
      "Khu 2 · Xã Xuân Lũng",
      "Trang sau ›",
      "◀ Quay lại",
    ]);
    expect(found.text).toContain("Kết quả tìm: khu");
    expect(found.text).not.toContain("Đang xem");
    const second = await user.pressAndWaitEdit("Trang sau ›");
    expect(second.text).toContain("Kết quả tìm: khu");
    expect(second.text).not.toContain("Đang xem");
    expect(labels(second)).toEqual(["Khu 3 · Xã Xuân Lũng", "Khu 1 · Xã Tiên Kiên", "Khu 2 · Xã Tiên Kiên", "Khu 3 · Xã Tiên Kiên", "‹ Trang trước", "◀ Quay lại"]);
    const back = await user.pressAndWaitEdit("◀ Quay lại");
    expect(back.text).toContain("Đang xem: Tỉnh Phú Thọ");
    expect(back.text).not.toContain("Kết quả tìm");
    expect(labels(back)).toEqual(["Huyện Lâm Thao ›", "✅ Chọn đơn vị này", "◀ Quay lại"]);

    await user.say("khu");
    await user.pressAndWaitEdit("Trang sau ›");
    const next = await user.press("Khu 2 · Xã Tiên Kiên");
    expect(next.text).toContain("Đơn vị: Tỉnh Phú Thọ › Huyện Lâm Thao › Xã Tiên Kiên › Khu 2");
    expect(await chosenUnitCode(user)).toBe("PT-LT-TIENKIEN-K2");
  });

  it("edited from the preview, opens among the chosen unit's neighbours", async () => {
    const user = new ChatUser(rig.emulator, rig.emulator.driver.createUser({ firstName: "Ngọc" }).id);
    await user.command("decu");
    await fillDraftUpTo(rig.bot.db, user.id, "consent");
    await user.command("xyz");
    user.driver.pressButton(user.id, { text: "Chưa hỏi" });
    expect((await user.reply()).text).toContain("Xã Sơn Vi");
    const browser = await user.press("✏️ Đơn vị");
    expect(browser.text).toContain("Đang xem: Tỉnh Phú Thọ › Huyện Lâm Thao");
    expect(labels(browser)).toEqual([...firstPage, "Trang sau ›", "✅ Chọn đơn vị này", "◀ Quay lại"]);
    await user.pressAndWaitEdit("Xã Xuân Lũng ›");
    user.driver.pressButton(user.id, { text: "Khu 3" });
    const preview = await user.driver.waitForBotMessage(user.id, { predicate: (m) => !!m.text?.includes("Xem lại hồ sơ đề cử") });
    expect(preview.text).toContain("Tỉnh Phú Thọ › Huyện Lâm Thao › Xã Xuân Lũng › Khu 3");
    expect(await chosenUnitCode(user)).toBe("PT-LT-XUANLUNG-K3");
  });

  it("says when nothing matches, keeps the question and the buttons, and a later search still works", async () => {
    const { user, question } = await atUnitStep("Nga");
    const none = await user.say("zzz");
    expect(none.text).toContain("Không tìm thấy đơn vị nào có tên giống “zzz”");
    expect(none.text).toContain("thuộc đơn vị");
    expect(labels(none)).toEqual(labels(question));
    const found = await user.say("tien kien");
    expect(labels(found)).toEqual(["Xã Tiên Kiên", "◀ Quay lại"]);
    expect((await user.press("Xã Tiên Kiên")).text).toContain("lĩnh vực nào");
    expect(await chosenUnitCode(user)).toBe("PT-LT-TIENKIEN");
  });
});
