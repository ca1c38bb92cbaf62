// /broadcast_now before any group has subscribed: an explanation, and no digest used up.
import { expect, it } from "vitest";
import { ChatUser, useBotRig } from "../support/bot-app";

const adminId = 4_242_001;
const rig = useBotRig({ adminTelegramIds: [String(adminId)] });

it("says no group has subscribed and creates no digest", async () => {
  const admin = new ChatUser(rig.emulator, rig.emulator.driver.createUser({ id: adminId, firstName: "Quản trị" }).id);
  const reply = await admin.command("broadcast_now");
  expect(reply.text).toContain("Chưa có nhóm nào đăng ký nhận bản tin");
  expect(reply.text).toContain("/dangky");
  expect(reply.text).not.toContain("Không có câu chuyện mới");
  expect(await rig.bot.db.broadcast.count()).toBe(0);
});
