// Scenarios around the main path: restart mid-flow, editing from the preview, cancelling,
// the duplicate warning, continue-or-restart, English, abuse limits and refused files.
import { describe, expect, it } from "vitest";
import { pngBytes } from "../emulator/helpers";
import { ChatUser, labels, useBotRig } from "../support/bot-app";
import { fillDraftUpTo, personOf } from "../support/drafts";

const rig = useBotRig({ rateLimit: { limit: 30 } });

function newUser(firstName: string, languageCode = "vi"): ChatUser {
  return new ChatUser(rig.emulator, rig.emulator.driver.createUser({ firstName, languageCode }).id);
}

describe("nomination scenarios", () => {
  it("resumes at the same step after the bot restarts on the same database", async () => {
    const user = newUser("Hoa");
    await user.command("decu");
    await user.press("Tập thể");
    expect((await user.say("Hội Phụ nữ khu 3")).text).toContain("thuộc đơn vị");
    await rig.restart();
    const found = await user.say("tien kien");
    expect(found.text).toContain("Các đơn vị khớp");
    expect((await user.press("Xã Tiên Kiên")).text).toContain("lĩnh vực nào");
    const draft = await rig.bot.db.nomination.findFirstOrThrow({ where: { nominatorId: await personOf(rig.bot.db, user.id), status: "DRAFT" } });
    expect(draft).toMatchObject({ nomineeKind: "COLLECTIVE", nomineeName: "Hội Phụ nữ khu 3", draftStep: "field" });

    const ask = await user.command("decu");
    expect(ask.text).toContain("Hội Phụ nữ khu 3");
    expect(labels(ask)).toEqual(["▶️ Tiếp tục", "🔄 Làm lại từ đầu"]);
    expect((await user.press("▶️ Tiếp tục")).text).toContain("lĩnh vực nào");
  });

  it("edits one item from the preview and returns to the preview; cancel ends the draft", async () => {
    const user = newUser("Bình");
    await user.command("decu");
    const draftId = await fillDraftUpTo(rig.bot.db, user.id, "consent");
    await user.command("xyz");
    user.driver.pressButton(user.id, { text: "Chưa hỏi" });
    const preview = await user.reply();
    expect(preview.text).toContain("Tên: Lò Thị Mai");
    expect((await user.press("✏️ Tên")).text).toContain("Họ tên người");
    const back = await user.say("Lò Thị Mai Anh");
    expect(back.text).toContain("Xem lại hồ sơ đề cử");
    expect(back.text).toContain("Tên: Lò Thị Mai Anh");
    expect((await user.press("✏️ Liên hệ")).text).toContain("Số điện thoại");
    expect((await user.say("024 3825 1234")).text).toContain("Liên hệ (riêng tư, không công khai): 024 3825 1234");
    expect((await user.press("✖️ Hủy")).text).toContain("Đã hủy hồ sơ");
    expect((await rig.bot.db.nomination.findUniqueOrThrow({ where: { id: draftId } })).status).toBe("CANCELLED");
    expect((await user.command("huy")).text).toContain("không có hồ sơ nào đang soạn");
  });

  it("warns about a possible duplicate in the same unit and lets the nominator go on", async () => {
    const first = newUser("Cúc");
    await first.command("decu");
    await fillDraftUpTo(rig.bot.db, first.id, "consent", "Đặng Văn Đức");
    await first.command("xyz");
    await first.press("Đã đồng ý");
    expect((await first.press("📨 Gửi hồ sơ")).text).toMatch(/GS-\d{4}-\d{4}/);

    const second = newUser("Dũng");
    await second.command("decu");
    await second.press("Cá nhân");
    await second.say("dang van duc");
    await second.say("son vi");
    const warning = await second.press("Xã Sơn Vi");
    expect(warning.text).toContain("Có thể người này đã được đề cử");
    expect(warning.text).toContain("Đặng Văn Đức");
    expect((await second.press("Vẫn tiếp tục")).text).toContain("lĩnh vực nào");
  });

  it("speaks English to a user whose Telegram is in English, and registers commands in both languages", async () => {
    const user = newUser("Anna", "en");
    const greeting = await user.command("start");
    expect(greeting.text).toContain("Hello Anna!");
    expect(labels(greeting)).toContain("✍️ Nominate someone");
    expect((await user.press("✍️ Nominate someone")).text).toContain("Who are you nominating?");
    expect((await user.press("Household")).text).toContain("What is the name");
    expect((await user.command("language")).text).toContain("Choose your language");
    const switched = await user.press("Tiếng Việt");
    expect(switched.text).toBe("Đã chuyển sang tiếng Việt.");
    expect((await user.reply()).text).toContain("Họ tên người");
    const vi = rig.emulator.driver.commands();
    const en = rig.emulator.driver.commands({ languageCode: "en" });
    expect(vi.map((c) => c.command)).toEqual(expect.arrayContaining(["decu", "nominate", "cuatoi", "huy", "trogiup", "ngonngu"]));
    expect(vi.find((c) => c.command === "decu")?.description).toBe("Đề cử một gương người tốt, việc tốt");
    expect(en.find((c) => c.command === "decu")?.description).toBe("Nominate a good person or good deed");
  });

  it("lists the officers' commands in group chats, in both languages, and keeps them out of the private menu", async () => {
    const groups = { type: "all_group_chats" };
    const vi = rig.emulator.driver.commands({ scope: groups });
    const en = rig.emulator.driver.commands({ scope: groups, languageCode: "en" });
    expect(vi.map((c) => c.command)).toEqual(["choduyet", "lichsu", "dangky", "huydangky", "deadlines"]);
    expect(en.map((c) => c.command)).toEqual(["choduyet", "lichsu", "dangky", "huydangky", "deadlines"]);
    expect(vi.find((c) => c.command === "choduyet")?.description).toBe("Các hồ sơ đang chờ tôi xét duyệt");
    expect(en.find((c) => c.command === "choduyet")?.description).toBe("Nominations waiting for my review");
    expect(en.find((c) => c.command === "dangky")?.description).toBe("Subscribe this group to the good-deeds digest");
    for (const menu of [rig.emulator.driver.commands(), rig.emulator.driver.commands({ languageCode: "en" })]) {
      const names = menu.map((c) => c.command);
      expect(names).toEqual(["start", "nominate", "decu", "mine", "cuatoi", "cancel", "huy", "help", "trogiup", "language", "ngonngu", "stories", "guongsang", "mydata", "dulieu", "deletemydata", "xoadulieu", "getdigest", "nhanbantin", "stopdigest", "ngungnhan"]);
    }
  });

  it("checks again for a possible duplicate when the name or the unit is edited from the preview", async () => {
    const first = newUser("Khoa");
    await first.command("decu");
    await fillDraftUpTo(rig.bot.db, first.id, "consent", "Phạm Thị Hằng");
    await first.command("xyz");
    await first.press("Đã đồng ý");
    const code = /GS-\d{4}-\d{4}/.exec((await first.press("📨 Gửi hồ sơ")).text ?? "")?.[0];
    expect(code).toBeDefined();

    // The name edited into one already nominated in the same commune.
    const byName = newUser("Liên");
    await byName.command("decu");
    await fillDraftUpTo(rig.bot.db, byName.id, "consent", "Phạm Thị Hà");
    await byName.command("xyz");
    byName.driver.pressButton(byName.id, { text: "Chưa hỏi" });
    expect((await byName.reply()).text).toContain("Tên: Phạm Thị Hà");
    await byName.press("✏️ Tên");
    const warning = await byName.say("pham thi hang");
    expect(warning.text).toContain("Có thể người này đã được đề cử");
    expect(warning.text).toContain(`Phạm Thị Hằng — Xã Sơn Vi — ${code}`);
    byName.driver.pressButton(byName.id, { text: "Vẫn tiếp tục" });
    const preview = await byName.driver.waitForBotMessage(byName.id, { predicate: (m) => !!m.text?.includes("Xem lại hồ sơ đề cử") });
    expect(preview.text).toContain("Tên: pham thi hang");
    // Accepted once, it is not asked again for the same name and unit.
    await byName.press("✏️ Liên hệ");
    byName.driver.sendText(byName.id, "0912 345 678");
    expect((await byName.driver.waitForBotMessage(byName.id, { predicate: (m) => !!m.text?.includes("Xem lại hồ sơ") })).text).toContain("0912 345 678");
    expect(byName.driver.botMessages(byName.id).filter((m) => m.text?.includes("Có thể người này"))).toHaveLength(1);

    // The same name in another commune, then the unit edited into the commune of the first.
    const byUnit = newUser("Mạnh");
    await byUnit.command("decu");
    const draftId = await fillDraftUpTo(rig.bot.db, byUnit.id, "consent", "Phạm Thị Hằng");
    const elsewhere = await rig.bot.db.unit.findUniqueOrThrow({ where: { code: "PT-LT-TIENKIEN" } });
    await rig.bot.db.nomination.update({ where: { id: draftId }, data: { unitId: elsewhere.id } });
    await byUnit.command("xyz");
    byUnit.driver.pressButton(byUnit.id, { text: "Chưa hỏi" });
    expect((await byUnit.reply()).text).toContain("Xã Tiên Kiên");
    await byUnit.press("✏️ Đơn vị");
    await byUnit.say("son vi");
    const again = await byUnit.press("Xã Sơn Vi");
    expect(again.text).toContain("Có thể người này đã được đề cử");
    expect(again.text).toContain(code!);
    byUnit.driver.pressButton(byUnit.id, { text: "Vẫn tiếp tục" });
    const back = await byUnit.driver.waitForBotMessage(byUnit.id, { predicate: (m) => !!m.text?.includes("Xem lại hồ sơ đề cử") });
    expect(back.text).toContain("Tỉnh Phú Thọ › Huyện Lâm Thao › Xã Sơn Vi");
    expect(await rig.bot.db.nomination.findUniqueOrThrow({ where: { id: draftId } })).toMatchObject({ status: "DRAFT", draftStep: "preview", unitId: (await rig.bot.db.unit.findUniqueOrThrow({ where: { code: "PT-LT-SONVI" } })).id });
  });

  it("refuses files that are not images and photos over 20 MB, with a reason", async () => {
    const user = newUser("Em");
    await user.command("decu");
    await fillDraftUpTo(rig.bot.db, user.id, "photos");
    await user.command("xyz");
    user.driver.sendDocument(user.id, Buffer.from("%PDF-1.4"), { fileName: "don.pdf", mimeType: "application/pdf" });
    expect((await user.reply()).text).toContain("không phải là ảnh");
    user.driver.sendDocument(user.id, Buffer.from("not really a png"), { fileName: "anh.png", mimeType: "image/png" });
    expect((await user.reply()).text).toContain("không phải là ảnh");
    const big = Buffer.concat([pngBytes(4000, 3000), Buffer.alloc(20 * 1024 * 1024)]);
    user.driver.sendDocument(user.id, big, { fileName: "lon.png", mimeType: "image/png" });
    expect((await user.reply()).text).toContain("lớn hơn 20 MB");
    user.driver.sendDocument(user.id, pngBytes(800, 600), { fileName: "that.png", mimeType: "image/png" });
    expect((await user.reply()).text).toContain("Đã nhận 1 ảnh");
  });

  it("allows at most 20 submissions a day", async () => {
    const user = newUser("Giang");
    await user.command("decu");
    const nominatorId = await personOf(rig.bot.db, user.id);
    await rig.bot.db.nomination.createMany({
      data: Array.from({ length: 20 }, () => ({ nominatorId, channel: "TELEGRAM" as const, status: "SUBMITTED" as const, submittedAt: new Date() })),
    });
    await fillDraftUpTo(rig.bot.db, user.id, "consent");
    await user.command("xyz");
    await user.press("Đã đồng ý");
    expect((await user.press("📨 Gửi hồ sơ")).text).toContain("tối đa 20 hồ sơ");
  });

  it("sends one slow-down notice to a user who floods the bot, then ignores them", async () => {
    const user = newUser("Hải");
    for (let i = 0; i < 36; i += 1) user.driver.sendText(user.id, `tin ${i}`);
    await user.driver.waitUntil(() => (user.driver.botMessages(user.id).length >= 31 ? true : undefined), 15_000, () => `bot sent ${user.driver.botMessages(user.id).length}`);
    const texts = user.driver.botMessages(user.id).map((m) => m.text ?? "");
    expect(texts.filter((t) => t.includes("gửi nhanh quá"))).toHaveLength(1);
    expect(texts).toHaveLength(31);
  });
});
