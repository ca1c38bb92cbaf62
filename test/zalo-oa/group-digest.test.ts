// The OA's own (GMF) groups and the weekly digest, end to end against the OA emulator: with
// ZALO_OA_GROUP_DIGEST off (the default) /dangky in an OA group says the channel cannot; with
// it on, the bot's admin subscribes the group through the numbered screens, a member who is not
// an admin is refused, and /guibantin sends the story into the group over /v3.0/oa/group/message.
// The bot's admin also binds an OA group as a unit's or the council's review group with /nhomduyet.
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { OaEmulator } from "../../emulator/zalo-oa/index";
import { seedStories } from "../publication/fixtures";
import { eventually } from "../scenarios/scenario";
import { createTempDatabase, type TempDatabase } from "../support/temp-database";
import { startApp, type AppUnderTest } from "../support/zalo-app";
import { connectWebhook, startOaWorld } from "../support/zalo-oa-app";

let temp: TempDatabase;
let oa: OaEmulator;
let bot: AppUnderTest | undefined;

afterEach(async () => {
  await bot?.stop();
  bot = undefined;
  await oa.close();
  await temp.cleanup();
});

/** An OA world with an admin (on the OA), a member, and an OA-owned group of both. */
async function world(groupDigest: boolean) {
  temp = await createTempDatabase();
  const started = await startOaWorld();
  oa = started.oa;
  bot = await startApp(temp.target, temp.dir, { zaloOa: { ...started.settings, groupDigest } });
  connectWebhook(oa, bot);
  const admin = oa.driver.createUser("Quản trị OA").userId;
  const member = oa.driver.createUser("Bác Tổ trưởng").userId;
  await oa.driver.sendText(admin, "/start");
  await oa.driver.waitForMessage(admin);
  const identity = await temp.db.channelIdentity.findUniqueOrThrow({ where: { channel_externalId: { channel: "ZALO_OA", externalId: admin } } });
  await temp.db.roleAssignment.create({ data: { personId: identity.personId, role: "ADMIN" } });
  const group = oa.driver.createGroup("Khu 3 Sơn Vi", [admin, member]).groupId;
  return { admin, member, group };
}

/** A member's text in the group and the OA's next message there. */
async function inGroup(group: string, userId: string, text: string) {
  oa.driver.skip(group);
  await oa.driver.sendGroupText(group, userId, text);
  return oa.driver.waitForMessage(group);
}

/** The number of a choice in a numbered list ("3. ✔️ Xác nhận đăng ký" → "3"). */
function numberOf(text: string, label: string): string {
  const line = text.split("\n").find((l) => /^\d+\. /.test(l) && l.includes(label));
  const number = line ? /^(\d+)\./.exec(line)?.[1] : undefined;
  if (!number) throw new Error(`No numbered choice "${label}" in:\n${text}`);
  return number;
}

describe("OA groups and the digest", () => {
  it("off by default: /dangky in an OA group says the channel cannot subscribe", async () => {
    const { admin, group } = await world(false);
    expect((await inGroup(group, admin, "/dangky")).text).toContain("Kênh này chưa hỗ trợ đăng ký nhận bản tin.");
    expect(await temp.db.subscription.count()).toBe(0);
  });

  it("on: the bot's admin subscribes the group, a member cannot, and the digest goes into the group", async () => {
    const { admin, member, group } = await world(true);
    expect((await inGroup(group, member, "/dangky")).text).toContain("chỉ quản trị viên của nhóm này");
    const scope = await inGroup(group, admin, "/dangky");
    expect(scope.text).toContain("Đăng ký nhận bản tin");
    const fields = await inGroup(group, admin, numberOf(scope.text, "Toàn tổ chức"));
    expect(fields.text).toContain("Lĩnh vực: Tất cả lĩnh vực");
    const saved = await inGroup(group, admin, numberOf(fields.text, "Xác nhận đăng ký"));
    expect(saved.text).toContain("Đã đăng ký nhận bản tin");
    const subscription = await temp.db.subscription.findFirstOrThrow({ include: { chat: true } });
    expect(subscription).toMatchObject({ active: true, unitScopeId: null, chat: { channel: "ZALO_OA", externalId: group, kind: "GROUP" } });

    await seedStories(temp.db, path.join(temp.dir, "media"), [{ key: "mai", name: "Lò Thị Mai", fieldNumber: 7, unitCode: "PT-LT-SONVI", approvedAt: "2026-11-20T03:00:00Z", state: "approved-only" }]);
    oa.driver.skip(admin);
    await oa.driver.sendText(admin, "/guibantin");
    expect((await oa.driver.waitForMessage(admin)).text).toContain("Bắt đầu gửi bản tin");
    await eventually(async () => expect(oa.state.sentTo(group).map((m) => m.text).join("\n")).toContain("Lò Thị Mai"));
    expect(oa.state.sentTo(group).every((m) => m.toGroup)).toBe(true);
  });
});

describe("OA groups as review groups", () => {
  it("the bot's admin binds an OA group to a unit's review with /nhomduyet; a member cannot", async () => {
    const { admin, member, group } = await world(false);
    expect((await inGroup(group, member, "/nhomduyet PT-LT")).text).toContain("chỉ dành cho quản trị viên");
    expect(await temp.db.reviewGroup.count()).toBe(0);
    expect((await inGroup(group, admin, "/nhomduyet PT-LT")).text).toContain("nhóm xét duyệt");
    const bound = await temp.db.reviewGroup.findFirstOrThrow({ include: { chat: true, unit: true } });
    expect(bound).toMatchObject({ unit: { code: "PT-LT" }, chat: { channel: "ZALO_OA", externalId: group, kind: "GROUP" } });
    // Without a unit, the group reviews for the council.
    expect((await inGroup(group, admin, "/nhomduyet")).text).toContain("Hội đồng Thi đua – Khen thưởng");
    expect((await temp.db.reviewGroup.findFirstOrThrow()).unitId).toBeNull();
  });
});
