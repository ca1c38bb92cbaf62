// Old questions lose their buttons when a new question goes out (one edit per question, after
// it), so nobody presses a stale one by mistake; a stale press that still comes (a client that
// had the old keyboard) gets the friendly explanation; a failed edit never blocks the flow.
import { describe, expect, it } from "vitest";
import type { MessageView } from "../../emulator/index";
import { ChatUser, labels, useBotRig } from "../support/bot-app";
import { fillDraftUpTo } from "../support/drafts";

const rig = useBotRig();

function newUser(firstName: string): ChatUser {
  return new ChatUser(rig.emulator, rig.emulator.driver.createUser({ firstName, languageCode: "vi" }).id);
}

/** Waits until a message of the bot has no buttons any more; returns it. */
function withoutButtons(user: ChatUser, message: MessageView): Promise<MessageView> {
  return user.driver.waitUntil(
    () => {
      const now = user.driver.botMessages(user.id).find((m) => m.messageId === message.messageId);
      return now && now.buttons.length === 0 ? now : undefined;
    },
    5000,
    () => `message #${message.messageId} still has buttons`,
  );
}

/** The edits the bot made in a chat, as message ids. */
function editedIds(user: ChatUser): number[] {
  return user.driver
    .calls({ method: "editMessageText" })
    .filter((c) => c.ok && String(c.params.chat_id) === String(user.id))
    .map((c) => Number(c.params.message_id));
}

describe("stale buttons", () => {
  it("takes the buttons off each earlier question, keeps its text, and explains a stale press", async () => {
    const user = newUser("Oanh");
    const kind = await user.command("decu");
    expect(labels(kind)).toContain("Cá nhân");
    const name = await user.press("Cá nhân");
    expect(name.text).toContain("Họ tên người");
    const oldKind = await withoutButtons(user, kind);
    expect(oldKind.text).toBe(kind.text);

    const unit = await user.say("Vũ Thị Phương");
    await user.say("son vi");
    const field = await user.press("Xã Sơn Vi");
    expect(field.text).toContain("lĩnh vực nào");
    await withoutButtons(user, unit);

    // A client that still shows the old keyboard can send its data: explained, question repeated.
    user.driver.sendCallbackQuery(user.id, { messageId: kind.messageId, data: "s:kind:INDIVIDUAL" });
    const explained = await user.reply();
    expect(explained.text).toContain("tin nhắn cũ");
    expect(explained.text).toContain("lĩnh vực nào");
    await withoutButtons(user, field);
    expect((await user.press("7. Giáo dục và đào tạo")).text).toContain("phong trào");

    // One edit per question that went out, never two on the same message.
    const edits = editedIds(user);
    expect(new Set(edits).size).toBe(edits.length);
    const questions = user.driver.calls({ method: "sendMessage" }).filter((c) => String(c.params.chat_id) === String(user.id)).length;
    expect(edits.length).toBeLessThan(questions);
  });

  it("takes the preview's buttons off after submitting, and the question's after /huy", async () => {
    const submitter = newUser("Phúc");
    await submitter.command("decu");
    await fillDraftUpTo(rig.bot.db, submitter.id, "consent", "Tạ Quang Bửu");
    await submitter.command("xyz");
    submitter.driver.pressButton(submitter.id, { text: "Chưa hỏi" });
    const preview = await submitter.reply();
    expect(labels(preview)).toContain("📨 Gửi hồ sơ");
    expect((await submitter.press("📨 Gửi hồ sơ")).text).toMatch(/GS-\d{4}-\d{4}/);
    await withoutButtons(submitter, preview);

    const quitter = newUser("Quang");
    const kind = await quitter.command("decu");
    expect((await quitter.command("huy")).text).toContain("Đã hủy");
    await withoutButtons(quitter, kind);
  });

  it("goes on when taking the buttons off fails: the next question still comes, and the old buttons are explained", async () => {
    const user = newUser("Rạng");
    const kind = await user.command("decu");
    user.driver.injectFault({ kind: "429", method: "editMessageText", chatId: user.id, retryAfter: 1 });
    const name = await user.press("Cá nhân");
    expect(name.text).toContain("Họ tên người");
    expect(labels(user.driver.botMessages(user.id).find((m) => m.messageId === kind.messageId)!)).toContain("Cá nhân");
    expect((await user.say("Trịnh Văn Sơn")).text).toContain("thuộc đơn vị");
    const explained = await user.press("Tập thể");
    expect(explained.text).toContain("tin nhắn cũ");
    expect(explained.text).toContain("thuộc đơn vị");
    const draft = await rig.bot.db.nomination.findFirstOrThrow({ where: { nomineeName: "Trịnh Văn Sơn" } });
    expect(draft).toMatchObject({ status: "DRAFT", draftStep: "unit", nomineeKind: "INDIVIDUAL" });
  });
});
