// Every kind of unexpected input at every kind of step gets an explanation and the same
// question again, and nothing already answered is lost. Written as a table of
// (step, input, expected explanation) so the same cases can run on another channel.
import { describe, expect, it } from "vitest";
import { jpegBytes } from "../emulator/helpers";
import { ChatUser, useBotRig } from "../support/bot-app";
import { fillDraftUpTo } from "../support/drafts";
import type { StepId } from "../../core/workflow/types";

const rig = useBotRig();

type Wrong = "sticker" | "voice" | "photo" | "text" | "long text" | "unknown command" | "old button";

const send: Record<Wrong, (user: ChatUser, oldMessageId: number) => void> = {
  sticker: (u) => u.driver.sendSticker(u.id, { emoji: "👍" }),
  voice: (u) => u.driver.sendVoice(u.id, new Uint8Array([1, 2, 3])),
  photo: (u) => u.driver.sendPhoto(u.id, jpegBytes(100, 100)),
  text: (u) => u.driver.sendText(u.id, "đây là chữ"),
  "long text": (u) => u.driver.sendText(u.id, "a".repeat(4050)),
  "unknown command": (u) => u.driver.sendCommand(u.id, "xyz"),
  "old button": (u, old) => u.driver.pressButton(u.id, { messageId: old, text: "Cá nhân" }),
};

/** Step kind → its question (a fragment) and each wrong input with the explanation expected. */
const table: { step: StepId; kind: string; question: string; cases: [Wrong, string][] }[] = [
  {
    step: "kind",
    kind: "choice",
    question: "Bạn đề cử ai?",
    cases: [["sticker", "nhãn dán"], ["voice", "tin nhắn thoại"], ["photo", "chưa cần ảnh"], ["long text", "bấm một nút"], ["unknown command", "Lệnh /xyz không dùng được"], ["old button", "tin nhắn cũ"]],
  },
  {
    step: "name",
    kind: "text",
    question: "Họ tên người",
    cases: [["sticker", "nhãn dán"], ["voice", "tin nhắn thoại"], ["photo", "chưa cần ảnh"], ["long text", "Tên dài 4.050 ký tự, tối đa là 120"], ["unknown command", "Lệnh /xyz"], ["old button", "tin nhắn cũ"]],
  },
  {
    step: "unit",
    kind: "unit-tree",
    question: "thuộc đơn vị",
    cases: [["sticker", "nhãn dán"], ["photo", "chưa cần ảnh"], ["text", "Không tìm thấy đơn vị"], ["unknown command", "Lệnh /xyz"], ["old button", "tin nhắn cũ"]],
  },
  {
    step: "achievements",
    kind: "multi-text",
    question: "Hãy kể về việc tốt",
    cases: [["voice", "tin nhắn thoại"], ["photo", "chưa cần ảnh"], ["long text", "dài quá 50 ký tự"], ["unknown command", "Lệnh /xyz"], ["old button", "tin nhắn cũ"]],
  },
  {
    step: "criteria",
    kind: "toggle",
    question: "tiêu chuẩn chung",
    cases: [["sticker", "nhãn dán"], ["photo", "chưa cần ảnh"], ["text", "bấm một nút"], ["old button", "tin nhắn cũ"]],
  },
  {
    step: "photos",
    kind: "photos",
    question: "Gửi ảnh minh họa",
    cases: [["sticker", "nhãn dán"], ["voice", "tin nhắn thoại"], ["text", "Bước này cần ảnh"], ["unknown command", "Lệnh /xyz"], ["old button", "tin nhắn cũ"]],
  },
  {
    step: "contact",
    kind: "phone",
    question: "Số điện thoại liên hệ",
    cases: [["sticker", "nhãn dán"], ["photo", "chưa cần ảnh"], ["text", "Số điện thoại chưa đúng"], ["long text", "Số điện thoại chưa đúng"], ["old button", "tin nhắn cũ"]],
  },
];

describe("unexpected input", () => {
  it.each(table)("at the $step step ($kind): each wrong input is explained and the question asked again", async ({ step, question, cases }) => {
    const tg = rig.emulator.driver.createUser({ firstName: `Tester ${step}` });
    const user = new ChatUser(rig.emulator, tg.id);
    const first = await user.command("decu");
    const draftId = await fillDraftUpTo(rig.bot.db, tg.id, step);
    expect((await user.command("xyz")).text).toContain(question);
    for (const [wrong, explanation] of cases) {
      send[wrong](user, first.messageId);
      const reply = await user.reply();
      expect(reply.text, `${step} / ${wrong}`).toContain(explanation);
      expect(reply.text, `${step} / ${wrong}`).toContain(question);
    }
    const draft = await rig.bot.db.nomination.findUniqueOrThrow({ where: { id: draftId } });
    expect(draft).toMatchObject({ status: "DRAFT", draftStep: step, nomineeName: "Lò Thị Mai", nomineeKind: "INDIVIDUAL" });
  });
});
