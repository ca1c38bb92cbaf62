// Zalo OA's user_withdraw end to end over real HTTP against the OA emulator and a SQLite file:
// a person who talked to the OA and made nominations withdraws their consent in Zalo; the bot
// erases them as /xoadulieu does, so no table holds their name, phone or OA id afterwards, their
// pending nomination is withdrawn, their published story stays without them, and another
// person's data is untouched. An OA user the bot never knew leaves no event behind either.
import { existsSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OaEmulator } from "../../emulator/zalo-oa/index";
import { eventually } from "../scenarios/scenario";
import { createTempDatabase, type TempDatabase } from "../support/temp-database";
import { startApp, type AppUnderTest } from "../support/zalo-app";
import { connectWebhook, startOaWorld } from "../support/zalo-oa-app";
import { scanDatabase, seedResident, type SeededResident } from "./fixtures";

let temp: TempDatabase;
let oa: OaEmulator;
let bot: AppUnderTest;
let seeded: SeededResident;
let lanId: string;
let hoaId: string;
const lan = { name: "Đinh Thị Lan Withdraw", phone: "+84905000555", nominees: ["Ông Quách Văn Một", "Bà Âu Thị Hai"] as [string, string] };
const hoa = { name: "Lò Văn Hòa", phone: "+84906000666", nominees: ["Chị Vi Thị Ba", "Anh Mã Văn Bốn"] as [string, string] };

beforeAll(async () => {
  temp = await createTempDatabase();
  const world = await startOaWorld();
  oa = world.oa;
  lanId = oa.driver.createUser(lan.name).userId;
  hoaId = oa.driver.createUser(hoa.name).userId;
  const mediaDir = path.join(temp.dir, "media");
  seeded = await seedResident(temp.db, { channel: "ZALO_OA", externalId: lanId, mediaDir, ...lan });
  await seedResident(temp.db, { channel: "ZALO_OA", externalId: hoaId, mediaDir, ...hoa });
  bot = await startApp(temp.target, temp.dir, { zaloOa: world.settings });
  connectWebhook(oa, bot);
});

afterAll(async () => {
  await bot?.stop();
  await oa?.close();
  await temp?.cleanup();
});

/** Every table of the test's SQLite file where one of `needles` occurs. */
const scan = (needles: string[]) => scanDatabase(temp.target.provider === "sqlite" ? temp.target.file : "", needles);

describe("Zalo OA user_withdraw", () => {
  it("erases the person as /xoadulieu does: nothing of theirs in any table, the published story kept without them", async () => {
    // They talk to the OA first, so its inbox, contacts and chats hold their id.
    await oa.driver.sendText(lanId, "/trogiup");
    await oa.driver.waitForMessage(lanId);
    await bot.app.zaloOa!.inbox.drained();
    expect(scan([lanId]).length).toBeGreaterThan(0);

    const toldBefore = oa.state.sentTo(lanId).length;
    expect((await oa.driver.deliver({ event_name: "user_withdraw", oa_id: oa.state.options.oaId, user_id: lanId })).status).toBe(200);
    // The rows go in one transaction, the photo files right after it.
    await eventually(async () => {
      expect(await bot.db.channelIdentity.count({ where: { externalId: lanId } })).toBe(0);
      expect(existsSync(seeded.photoFiles[1]!)).toBe(false);
    });

    expect(scan([lan.name, lan.phone, "0905000555", lanId, `${lanId}_u`, lan.nominees[1]])).toEqual([]);
    const published = await bot.db.nomination.findUniqueOrThrow({ where: { id: seeded.published.id }, include: { attachments: true } });
    expect(published).toMatchObject({ status: "PUBLISHED", nomineeName: lan.nominees[0], contactPhone: null });
    expect(published.attachments).toHaveLength(1);
    expect(existsSync(seeded.photoFiles[0]!)).toBe(true);
    expect((await bot.db.nomination.findUniqueOrThrow({ where: { id: seeded.pending.id } })).status).toBe("WITHDRAWN");
    expect(await bot.db.auditEntry.count({ where: { action: "ERASE_PERSONAL_DATA", channel: "ZALO_OA" } })).toBe(1);
    // Nothing was said to them: the event is not a message.
    expect(oa.state.sentTo(lanId)).toHaveLength(toldBefore);

    // The other person keeps everything.
    const other = [hoa.name, hoa.phone, hoaId, ...hoa.nominees];
    expect(scan(other).length).toBeGreaterThanOrEqual(other.length);
  });

  it("an OA user the bot never knew: their withdrawal event is not kept", async () => {
    const stranger = oa.driver.createUser("Người lạ").userId;
    expect((await oa.driver.deliver({ event_name: "user_withdraw", oa_id: oa.state.options.oaId, user_id: stranger })).status).toBe(200);
    await bot.app.zaloOa!.inbox.drained();
    await eventually(async () => expect(scan([stranger])).toEqual([]));
    expect(await bot.db.zaloOaInboxEvent.count({ where: { processedAt: null } })).toBe(0);
  });
});
