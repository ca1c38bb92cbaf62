// A whole nomination over the emulator and a real SQLite file: deep link, every step, three
// photos as an album, the preview, the receipt, /mine and withdrawing.
import { existsSync, readFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { jpegBytes } from "../emulator/helpers";
import { ChatUser, labels, useBotRig } from "../support/bot-app";

const rig = useBotRig();

const story =
  "Anh Nguyễn Văn An, giáo viên trường tiểu học Sơn Vi, mười năm nay dạy miễn phí lớp học tình thương cho 25 em nhỏ có hoàn cảnh khó khăn.";

describe("a full nomination", () => {
  it("goes from the poster deep link to a receipt, with three photos, then shows in /mine and can be withdrawn", async () => {
    const lan = rig.emulator.driver.createUser({ firstName: "Lan", lastName: "Trần", languageCode: "vi" });
    const user = new ChatUser(rig.emulator, lan.id);

    const kind = await user.command("start", "decu");
    expect(kind.text).toContain("Bạn đề cử ai?");
    expect(labels(kind)).toEqual(["Cá nhân", "Tập thể", "Hộ gia đình", "Doanh nghiệp"]);

    expect((await user.press("Cá nhân")).text).toContain("Họ tên người");
    const unit = await user.say("Nguyễn Văn <An>");
    expect(unit.text).toContain("đơn vị");
    expect(labels(unit)).toContain("Tỉnh Phú Thọ ›");

    const found = await user.say("son vi");
    expect(found.text).toContain("Các đơn vị khớp với “son vi”");
    const field = await user.press("Xã Sơn Vi");
    expect(field.text).toContain("Đơn vị: Tỉnh Phú Thọ › Huyện Lâm Thao › Xã Sơn Vi");
    expect(field.text).toContain("lĩnh vực nào");
    expect(labels(field)).toHaveLength(14);

    const movement = await user.say("giao duc");
    expect(movement.text).toContain("Lĩnh vực: Giáo dục và đào tạo");
    expect(labels(movement)).toContain("Bỏ qua");

    expect((await user.press("Bỏ qua")).text).toContain("Hãy kể về việc tốt");
    expect((await user.say("Dạy học miễn phí")).text).toContain("Cần viết thêm ít nhất 14 ký tự nữa");
    expect((await user.say(story)).text).toMatch(/Đã nhận \d+ ký tự/);
    const criteria = await user.press("Xong");
    expect(criteria.text).toContain("tiêu chuẩn chung");

    const toggled = await user.pressAndWaitEdit("⬜ 4. Tương thân tương ái, từ thiện");
    expect(labels(toggled)).toContain("✅ 4. Tương thân tương ái, từ thiện");
    expect((await user.press("Xong")).text).toContain("Gửi ảnh minh họa");

    rig.emulator.driver.sendAlbum(lan.id, [{ bytes: jpegBytes(800, 600) }, { bytes: jpegBytes(640, 480) }, { bytes: jpegBytes(1024, 768) }]);
    const ack = await user.reply();
    expect(ack.text).toContain("Đã nhận 3 ảnh");
    expect(labels(ack)).toEqual(["Xong"]);

    expect((await user.press("Xong")).text).toContain("Số điện thoại liên hệ");
    expect((await user.say("0912.345.678")).text).toContain("đồng ý để câu chuyện");
    user.driver.pressButton(lan.id, { text: "Đã đồng ý" });
    const shown = await user.driver.waitForBotMessages(lan.id, 4);
    expect(shown.slice(0, 3).every((m) => m.photo && m.mediaGroupId === shown[0]!.mediaGroupId)).toBe(true);
    const preview = shown[3]!;
    expect(preview.text).toContain("Tên: Nguyễn Văn <An>");
    expect(preview.text).toContain("Liên hệ (riêng tư, không công khai): 0912 345 678");
    expect(preview.text).toContain("Ảnh: 3");
    expect(labels(preview)).toContain("📨 Gửi hồ sơ");

    const receipt = await user.press("📨 Gửi hồ sơ");
    const code = /GS-\d{4}-\d{4}/.exec(receipt.text ?? "")?.[0];
    expect(code).toBeDefined();

    const saved = await rig.bot.db.nomination.findFirstOrThrow({ where: { code: code! }, include: { attachments: { include: { channelRefs: true } }, criteria: true, field: true } });
    expect(saved).toMatchObject({ status: "SUBMITTED", nomineeName: "Nguyễn Văn <An>", nomineeNameKey: "nguyen van <an>", contactPhone: "+84912345678", consent: "GIVEN", draftStep: null, movementId: null });
    expect(saved.field?.number).toBe(7);
    expect(saved.criteria).toHaveLength(1);
    expect(saved.achievements).toBe(`Dạy học miễn phí\n${story}`);
    expect(saved.attachments).toHaveLength(3);
    for (const a of saved.attachments) {
      expect(existsSync(a.storagePath!)).toBe(true);
      expect(createHash("sha256").update(readFileSync(a.storagePath!)).digest("hex")).toBe(a.sha256);
      expect(a.channelRefs[0]?.channel).toBe("TELEGRAM");
      expect(a.mediaGroupId).toBe(saved.attachments[0]!.mediaGroupId);
    }
    expect(rig.bot.submitted).toEqual([saved.id]);

    const mine = await user.command("cuatoi");
    expect(mine.text).toContain(`${code} Nguyễn Văn <An> — Đã gửi, chờ xét duyệt`);
    // Withdrawing asks once more; "keep it" goes back to the list with nothing changed.
    const asked = await user.pressAndWaitEdit(`Rút ${code}`);
    expect(asked.text).toContain(`Rút hồ sơ ${code} (Nguyễn Văn <An>)?`);
    expect(labels(asked)).toEqual(["✅ Rút hồ sơ", "↩️ Giữ lại"]);
    const kept = await user.pressAndWaitEdit("↩️ Giữ lại");
    expect(labels(kept)).toEqual([`Rút ${code}`]);
    expect((await rig.bot.db.nomination.findUniqueOrThrow({ where: { id: saved.id } })).status).toBe("SUBMITTED");
    await user.pressAndWaitEdit(`Rút ${code}`);
    const queryId = user.driver.pressButton(lan.id, { text: "✅ Rút hồ sơ" });
    expect((await user.driver.waitForCallbackAnswer(queryId)).text).toBe(`Đã rút hồ sơ ${code}.`);
    await user.driver.waitUntil(() => user.driver.botMessages(lan.id).find((m) => m.messageId === mine.messageId && m.text?.includes("Đã rút")));
    expect((await rig.bot.db.nomination.findUniqueOrThrow({ where: { id: saved.id } })).status).toBe("WITHDRAWN");
    expect(await rig.bot.db.reviewEvent.findMany({ where: { nominationId: saved.id }, select: { action: true } })).toEqual([{ action: "SUBMIT" }, { action: "WITHDRAW" }]);
  });
});
