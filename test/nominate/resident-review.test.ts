// What a resident sees when they use the bot the way people really do: asking for help,
// typing instead of pressing, splitting a story over several messages, changing their mind in
// the preview, sending more photos than allowed. Each case comes from a walk through the
// playground in Vietnamese and in English.
import { describe, expect, it } from "vitest";
import { jpegBytes } from "../emulator/helpers";
import { ChatUser, labels, useBotRig } from "../support/bot-app";
import { fillDraftUpTo } from "../support/drafts";

const rig = useBotRig();

function newUser(firstName: string, languageCode = "vi"): ChatUser {
  return new ChatUser(rig.emulator, rig.emulator.driver.createUser({ firstName, languageCode }).id);
}

describe("a resident", () => {
  it("learns from /trogiup how a nomination is reviewed and that the contact number stays private, in both languages", async () => {
    const vi = (await newUser("Lan").command("trogiup")).text ?? "";
    expect(vi).toContain("Cán bộ phụ trách thi đua");
    expect(vi).toContain("Hội đồng Thi đua – Khen thưởng");
    expect(vi).toContain("Số điện thoại liên hệ chỉ cán bộ xét duyệt thấy");
    expect(vi).toContain("không bao giờ được đăng công khai");
    expect(vi).toContain("/cuatoi");
    const en = (await newUser("Ann", "en").command("help")).text ?? "";
    expect(en).toContain("Emulation and Commendation Council");
    expect(en).toContain("contact number is seen only by the reviewing officers");
    expect(en).toContain("/mine");
  });

  it("may type “không rõ”, “xong rồi” and “rồi” instead of pressing Bỏ qua, Xong and Đã đồng ý", async () => {
    const user = newUser("Tâm");
    await user.command("decu");
    const draftId = await fillDraftUpTo(rig.bot.db, user.id, "movement");
    await user.command("xyz");
    const achievements = await user.say("Không rõ");
    expect(achievements.text).toContain("Bước 6/10");
    expect(achievements.text).not.toContain("sẽ thay cho");
    await user.say("Chị Tâm nấu cơm miễn phí cho bệnh nhân nghèo mỗi tuần.");
    expect((await user.say("Xong rồi!")).text).toContain("Bước 7/10");
    expect((await rig.bot.db.nomination.findUniqueOrThrow({ where: { id: draftId } })).achievements).toBe("Chị Tâm nấu cơm miễn phí cho bệnh nhân nghèo mỗi tuần.");
    expect((await user.say("xong")).text).toContain("Bước 8/10");
    expect((await user.say("không có")).text).toContain("Bước 9/10");
    expect((await user.say("không")).text).toContain("Bước 10/10");
    const preview = await user.say("Rồi");
    expect(preview.text).toContain("Đồng ý công khai: Đã đồng ý");
  });

  it("may type several criteria numbers at once (“1, 3”, “2 và 4”, “1 4”): the typed numbers become the selection", async () => {
    const user = newUser("Hạnh");
    await user.command("decu");
    const draftId = await fillDraftUpTo(rig.bot.db, user.id, "criteria");
    expect((await user.command("xyz")).text).toContain("Bước 7/10");
    const ticks = (message: Awaited<ReturnType<ChatUser["reply"]>>) => labels(message).filter((l) => l.startsWith("✅")).map((l) => l.slice(2, 3));

    const first = await user.say("1, 3");
    expect(first.text).toContain("Đã chọn các tiêu chuẩn số 1, 3");
    expect(first.text).toContain("Bước 7/10");
    expect(ticks(first)).toEqual(["1", "3"]);
    expect(ticks(await user.say("2 và 4"))).toEqual(["2", "4"]);
    expect(ticks(await user.say("1 4"))).toEqual(["1", "4"]);

    const unknown = await user.say("2, 7");
    expect(unknown.text).toContain("Không có tiêu chuẩn số 7");
    expect(ticks(unknown)).toEqual(["1", "4"]);

    expect((await user.say("Xong")).text).toContain("Bước 8/10");
    const saved = await rig.bot.db.nominationCriterion.findMany({ where: { nominationId: draftId }, include: { criterion: true } });
    expect(saved.map((c) => c.criterion.number).sort()).toEqual([1, 4]);
  });

  it("may type “1 and 2” at the criteria step in English", async () => {
    const user = newUser("Cal", "en");
    await user.command("nominate");
    await fillDraftUpTo(rig.bot.db, user.id, "criteria");
    await user.command("xyz");
    const answer = await user.say("1 and 2");
    expect(answer.text).toContain("Selected criteria 1, 2");
    expect(labels(answer).filter((l) => l.startsWith("✅"))).toHaveLength(2);
  });

  it("may answer the consent question with “yes” in English", async () => {
    const user = newUser("Bea", "en");
    await user.command("nominate");
    await fillDraftUpTo(rig.bot.db, user.id, "consent");
    await user.command("xyz");
    expect((await user.say("Yes.")).text).toContain("Consent to publish: Agreed");
  });

  it("keeps a sentence split over several short messages on one line, and starts a new line after a full stop", async () => {
    const user = newUser("Sơn");
    await user.command("decu");
    const draftId = await fillDraftUpTo(rig.bot.db, user.id, "achievements");
    await user.command("xyz");
    await user.say("Anh An hiến máu");
    await user.say("20 lần trong 10 năm");
    await user.say("và vận động cả khu phố cùng tham gia.");
    await user.say("Năm 2024 anh được tặng Giấy khen.");
    await user.say("- Hiến máu cứu người");
    await user.press("Xong");
    expect((await rig.bot.db.nomination.findUniqueOrThrow({ where: { id: draftId } })).achievements).toBe(
      "Anh An hiến máu 20 lần trong 10 năm và vận động cả khu phố cùng tham gia.\nNăm 2024 anh được tặng Giấy khen.\n- Hiến máu cứu người",
    );
  });

  it("typing at the preview gets the explanation under the preview, without its photos sent again", async () => {
    const user = newUser("Phúc");
    await user.command("decu");
    await fillDraftUpTo(rig.bot.db, user.id, "photos");
    await user.command("xyz");
    user.driver.sendPhoto(user.id, jpegBytes(800, 600));
    expect((await user.reply()).text).toContain("Đã nhận 1 ảnh");
    await user.press("Xong");
    await user.press("Bỏ qua");
    user.driver.pressButton(user.id, { text: "Chưa hỏi" });
    const [photo, preview] = await user.driver.waitForBotMessages(user.id, 2);
    expect(photo!.photo).toBeDefined();
    expect(preview!.text).toContain("Xem lại hồ sơ đề cử");
    const typed = await user.say("gửi đi");
    expect(typed.photo).toBeUndefined();
    expect(typed.text).toContain("Vui lòng bấm một nút bên dưới");
    expect(typed.text).toContain("Xem lại hồ sơ đề cử");
  });

  it("sending more than 10 photos in albums gets one answer per album, saying how many were not taken", async () => {
    const user = newUser("Quang");
    await user.command("decu");
    const draftId = await fillDraftUpTo(rig.bot.db, user.id, "photos");
    await user.command("xyz");
    const album = (n: number, w: number) => Array.from({ length: n }, (_, i) => ({ bytes: jpegBytes(w + i, 480) }));
    user.driver.sendAlbum(user.id, album(8, 600));
    expect((await user.reply()).text).toContain("Đã nhận 8 ảnh");
    const before = user.driver.botMessages(user.id).length;
    user.driver.sendAlbum(user.id, album(5, 700));
    const full = await user.reply();
    expect(full.text).toContain("Đã nhận 2 ảnh của album, đủ 10 ảnh; 3 ảnh còn lại không được nhận. Bấm “Xong” để sang bước tiếp theo.");
    user.driver.sendAlbum(user.id, album(3, 800));
    expect((await user.reply()).text).toContain("Đã đủ 10 ảnh nên 3 ảnh vừa gửi không được nhận.");
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(user.driver.botMessages(user.id).length).toBe(before + 2);
    expect(await rig.bot.db.attachment.count({ where: { nominationId: draftId } })).toBe(10);
  });

  it("editing the achievements from the preview is told that what it sends replaces them, and “Xong” keeps them", async () => {
    const user = newUser("Vy");
    await user.command("decu");
    await fillDraftUpTo(rig.bot.db, user.id, "consent");
    await user.command("xyz");
    await user.press("Chưa hỏi");
    const edit = await user.press("✏️ Thành tích");
    expect(edit.text).toContain("Nội dung bạn gửi sẽ thay cho phần thành tích đã viết. Muốn giữ nguyên thì bấm “Xong” ngay.");
    expect((await user.press("Xong")).text).toContain("Thành tích: Bà Mai nhiều năm liền vận động");
  });
});
