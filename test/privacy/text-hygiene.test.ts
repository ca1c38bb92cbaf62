// Text hygiene on Telegram, end to end over the emulator and a SQLite file: a name typed with
// combining marks is stored in NFC, a name without letters is refused with an explanation,
// "1, 3" typed at the criteria step selects exactly those, and forged or mangled button data
// gets a polite answer without a single error line in the bot's log.
import { describe, expect, it } from "vitest";
import { capturingLogger, ChatUser, labels, useBotRig } from "../support/bot-app";
import { fillDraftUpTo, personOf } from "../support/drafts";

const captured = capturingLogger();
const rig = useBotRig({ log: captured.log, rateLimit: { limit: 60 } });

function newUser(firstName: string): ChatUser {
  return new ChatUser(rig.emulator, rig.emulator.driver.createUser({ firstName, languageCode: "vi" }).id);
}

async function openDraft(user: ChatUser) {
  return rig.bot.db.nomination.findFirstOrThrow({ where: { nominatorId: await personOf(rig.bot.db, user.id), status: "DRAFT" } });
}

describe("text hygiene on Telegram", () => {
  it("stores a name typed in NFD as NFC, so it matches the same name typed precomposed", async () => {
    const user = newUser("Hồng");
    await user.command("decu");
    await user.press("Cá nhân");
    const typed = "Nguyễn Thị Hồng Nhung".normalize("NFD");
    expect(typed).not.toBe(typed.normalize("NFC"));
    expect((await user.say(typed)).text).toContain("thuộc đơn vị");
    const draft = await openDraft(user);
    expect(draft.nomineeName).toBe("Nguyễn Thị Hồng Nhung".normalize("NFC"));
    expect(draft.nomineeNameKey).toBe("nguyen thi hong nhung");
  });

  it("refuses a name of emoji or punctuation alone, with an explanation, and asks again", async () => {
    const user = newUser("Vy");
    await user.command("decu");
    await user.press("Cá nhân");
    for (const name of ["🌟🌟🌟", "... !!!", "👨‍👩‍👧 🎉"]) {
      const reply = await user.say(name);
      expect(reply.text, name).toContain("Tên cần có chữ cái");
      expect(reply.text, name).toContain("Họ tên người");
    }
    expect((await openDraft(user)).nomineeName).toBeNull();
    expect((await user.say("Bà Tư 🌟")).text).toContain("thuộc đơn vị");
    expect((await openDraft(user)).nomineeName).toBe("Bà Tư 🌟");
  });

  it("sets the criteria typed as numbers, while a button press toggles one", async () => {
    const user = newUser("Khoa");
    await user.command("decu");
    const draftId = await fillDraftUpTo(rig.bot.db, user.id, "criteria");
    await user.command("decu");
    expect((await user.press("▶️ Tiếp tục")).text).toContain("tiêu chuẩn chung");
    const picked = async () =>
      (await rig.bot.db.nominationCriterion.findMany({ where: { nominationId: draftId }, include: { criterion: true } })).map((c) => c.criterion.number).sort();
    expect(await picked()).toEqual([4]);
    const typed = await user.say("1, 3");
    expect(typed.text).toContain("Đã chọn các tiêu chuẩn số 1, 3");
    expect(await picked()).toEqual([1, 3]);
    expect(labels(typed).filter((l) => l.startsWith("✅"))).toHaveLength(2);
    // Typed again, the same numbers stay selected (a toggle would have undone them).
    await user.say("1 và 3");
    expect(await picked()).toEqual([1, 3]);
    const pressed = await user.pressAndWaitEdit(labels(typed).find((l) => l.startsWith("⬜ 2."))!);
    expect(labels(pressed).filter((l) => l.startsWith("✅"))).toHaveLength(3);
    expect(await picked()).toEqual([1, 2, 3]);
    await user.pressAndWaitEdit(labels(pressed).find((l) => l.startsWith("✅ 1."))!);
    expect(await picked()).toEqual([2, 3]);
  });

  it("answers forged or mangled button data politely and logs no error", async () => {
    const user = newUser("Tín");
    const start = await user.command("start");
    await user.command("decu");
    const kind = await user.press("Cá nhân");
    const driver = user.driver;
    const forged = ["w:abc", "w:99999999999999999999", "w:-1", "rvo:1e9", "rvo:", "rp:d:NaN", "rp:x:2026-Q9:zz", "s:field:abc", "s:unit:pick:1.5", "s:criteria:t:x", "rv:ap:abc:S0", "zz:nothing"];
    for (const data of forged) {
      const query = driver.sendCallbackQuery(user.id, { messageId: kind.messageId, data });
      await driver.waitForCallbackAnswer(query);
    }
    // What they brought into the chat: the polite answer, or the current question again.
    const said: string[] = [];
    for (;;) {
      const next = await user.reply(1500).catch(() => null);
      if (!next) break;
      said.push(next.text ?? "");
    }
    for (const text of said) expect(text).toMatch(/không còn hiệu lực|Họ tên người|Chỉ cán bộ thi đua|Nút đó thuộc/);
    expect(said.some((text) => text.includes("không còn hiệu lực"))).toBe(true);
    // The conversation goes on as before.
    expect((await user.say("Lê Văn Tín")).text).toContain("thuộc đơn vị");
    expect(start.messageId).toBeGreaterThan(0);
    const errors = captured.lines().filter((line) => line.level >= 50);
    expect(errors, JSON.stringify(errors)).toEqual([]);
  });
});
