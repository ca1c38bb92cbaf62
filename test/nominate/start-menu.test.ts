// /start is where people come back to: with a draft left half-way, it says so and offers to go on.
import { expect, it } from "vitest";
import { ChatUser, labels, useBotRig } from "../support/bot-app";

const rig = useBotRig();

it("greets with the menu, and mentions an unfinished draft with a button back to it", async () => {
  const user = new ChatUser(rig.emulator, rig.emulator.driver.createUser({ firstName: "Mai" }).id);
  const first = await user.command("start");
  expect(first.text).toContain("Xin chào");
  expect(first.text).not.toContain("soạn dở");
  expect(labels(first)).toContain("✍️ Đề cử gương người tốt");

  await user.command("decu");
  await user.press("Cá nhân");
  await user.say("Lò Văn Páo");
  const again = await user.command("start");
  expect(again.text).toContain("Bạn còn một hồ sơ đề cử đang soạn dở cho Lò Văn Páo.");
  expect(labels(again)).toContain("✍️ Tiếp tục hồ sơ đang soạn");
  const choice = await user.press("✍️ Tiếp tục hồ sơ đang soạn");
  expect(labels(choice)).toEqual(expect.arrayContaining(["▶️ Tiếp tục"]));
});
