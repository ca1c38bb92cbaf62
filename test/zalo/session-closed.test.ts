// Zalo Web opened elsewhere with the bot's account: with Telegram and Zalo running in one
// process, the close of the Zalo session reaches every admin's Telegram private chat through
// the outbox, once, and the bot stops listening on Zalo.
import { afterAll, beforeAll, expect, it } from "vitest";
import { CloseReason } from "zca-js";
import { startEmulator, type Emulator } from "../../emulator/index";
import { createTempDatabase, type TempDatabase } from "../support/temp-database";
import { startApp, type AppUnderTest } from "../support/zalo-app";
import { FakeZalo } from "./fake-zalo";

let temp: TempDatabase;
let emulator: Emulator;
let zalo: FakeZalo;
let bot: AppUnderTest;
let admins: number[];
let resident: number;

const alertText = "Kênh Zalo đã ngắt";

beforeAll(async () => {
  temp = await createTempDatabase();
  emulator = await startEmulator();
  zalo = new FakeZalo();
  admins = [emulator.driver.createUser({ firstName: "Quản trị 1" }).id, emulator.driver.createUser({ firstName: "Quản trị 2" }).id];
  resident = emulator.driver.createUser({ firstName: "Người dân" }).id;
  bot = await startApp(temp.target, temp.dir, {
    telegram: { token: emulator.token, apiRoot: emulator.apiRoot, adminIds: admins.map(String) },
    zalo: { api: zalo },
  });
});

afterAll(async () => {
  await bot.stop();
  await emulator.close();
  await temp.cleanup();
});

/** Waits until nothing is left to send. */
async function outboxSettled(): Promise<void> {
  for (let i = 0; i < 400; i++) {
    if ((await bot.db.outboxMessage.count({ where: { status: { in: ["PENDING", "SENDING"] } } })) === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error("the outbox did not settle");
}

it("alerts each admin on Telegram once when Zalo Web takes the session", async () => {
  // A resident the bot knows on Telegram, to see the alert goes to admins only.
  emulator.driver.sendCommand(resident, "start");
  await emulator.driver.waitForBotMessage(resident, { timeout: 5000 });
  const listenerStarts = zalo.events.starts;
  zalo.close(CloseReason.DuplicateConnection, "opened elsewhere");
  for (const admin of admins) {
    const alert = await emulator.driver.waitForBotMessage(admin, { timeout: 5000, predicate: (m) => (m.text ?? "").includes(alertText) });
    expect(alert.text).toContain("npm run zalo:login");
    expect(alert.text).toContain("3000");
  }

  // The socket reports the close again (a second tab, a late event): nothing more goes out.
  zalo.close(CloseReason.DuplicateConnection, "opened elsewhere");
  zalo.close(CloseReason.KickConnection, "kicked");
  await outboxSettled();
  for (const admin of admins) {
    expect(emulator.driver.botMessages(admin).filter((m) => (m.text ?? "").includes(alertText))).toHaveLength(1);
  }
  const rows = await bot.db.outboxMessage.findMany({ where: { kind: "admin-alert" }, include: { chat: true } });
  expect(rows.map((r) => [r.chat.channel, r.chat.externalId, r.status]).sort()).toEqual(admins.map((id) => ["TELEGRAM", String(id), "SENT"]).sort());
  // Taking the session back would close Zalo Web on the other device: the bot does not try.
  expect(zalo.events.starts).toBe(listenerStarts);
  // Nobody but the admins heard of it.
  expect(emulator.driver.botMessages(resident).filter((m) => (m.text ?? "").includes(alertText))).toHaveLength(0);
});
