// Resuming a prepared draft and sending it, as a nominator does, without mistaking an older
// message for the answer: notices of earlier decisions reach the nominator through the outbox
// at their own pace, so under load "the next message" may be an old one whose buttons are stale.
import type { Emulator, MessageView } from "../../emulator/index";

/** Waits for a bot message newer than `after` (a message id) that offers the button `label`. */
async function offering(emulator: Emulator, userId: number, after: number, label: string): Promise<MessageView> {
  return emulator.driver.waitUntil(() =>
    emulator.driver.botMessages(userId).find((m) => m.messageId > after && m.buttons.flat().some((b) => b.text === label)),
  );
}

/** The newest message id in a chat (0 when empty). */
function newest(emulator: Emulator, chatId: number): number {
  return Math.max(0, ...emulator.driver.chatMessages(chatId).map((m) => m.messageId));
}

/**
 * Sends /decu to resume a draft filled up to its preview, presses "▶️ Tiếp tục" and
 * "📨 Gửi hồ sơ" on the fresh messages; returns the receipt.
 */
export async function resumeAndSubmit(emulator: Emulator, userId: number): Promise<MessageView> {
  const driver = emulator.driver;
  const start = newest(emulator, userId);
  let after = start;
  driver.sendCommand(userId, "decu");
  const resume = await offering(emulator, userId, after, "▶️ Tiếp tục");
  after = newest(emulator, userId);
  driver.pressButton(userId, { messageId: resume.messageId, text: "▶️ Tiếp tục" });
  const preview = await offering(emulator, userId, after, "📨 Gửi hồ sơ");
  after = newest(emulator, userId);
  driver.pressButton(userId, { messageId: preview.messageId, text: "📨 Gửi hồ sơ" });
  const receipt = await driver.waitUntil(() => driver.botMessages(userId).find((m) => m.messageId > after && /GS-\d{4}-\d{4}/.test(m.text ?? "")));
  // Hand out what this exchange produced, so a later `reply()` reads what follows it.
  for (const m of driver.botMessages(userId).filter((m) => m.messageId > start && m.messageId <= receipt.messageId)) {
    await driver.waitForBotMessage(userId, { predicate: (v) => v.messageId === m.messageId });
  }
  return receipt;
}
