// The worker against the emulator with Telegram's rate limits switched on.
import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import { enqueueText, sentTexts, startRig, type OutboxRig } from "./helpers";

let rig: OutboxRig;

beforeAll(async () => {
  rig = await startRig();
});

afterAll(async () => {
  await rig.close();
});

beforeEach(() => {
  rig.emulator.driver.clearCalls();
  rig.emulator.driver.setLimits({ rate: { perChatPerSecond: 1, perChatBurst: 1, perGroupPerMinute: 20, globalPerSecond: 30 } });
});

async function fivePartsToTwoChats(prefix: string) {
  const users = [1, 2].map((n) => rig.emulator.driver.createUser({ firstName: `${prefix}${n}` }));
  for (const part of [1, 2, 3, 4, 5]) for (const user of users) await enqueueText(rig.db, `${prefix}:${user.id}:${part}`, user.id, `phần ${part}`);
  return users;
}

it("with the same limits as the server, the worker is never refused", async () => {
  const users = await fivePartsToTwoChats("same");

  await rig.worker({ limits: { TELEGRAM: { perSecond: 30, burst: 30, perChatPerSecond: 1, perChatBurst: 1 } } }).drain();

  const calls = rig.emulator.driver.calls({ method: "sendMessage" });
  expect(calls.filter((c) => !c.ok).map((c) => c.error)).toEqual([]);
  expect(calls).toHaveLength(10);
  for (const user of users) expect(sentTexts(rig.emulator, user.id)).toEqual([1, 2, 3, 4, 5].map((p) => `phần ${p}`));
});

it("without limits of its own, the worker is refused with 429s, waits them out and still delivers each part once, in order", async () => {
  const users = await fivePartsToTwoChats("none");

  await rig.worker().drain();

  const calls = rig.emulator.driver.calls({ method: "sendMessage" });
  expect(calls.some((c) => c.error?.error_code === 429)).toBe(true);
  expect(calls.filter((c) => c.ok)).toHaveLength(10);
  for (const user of users) expect(sentTexts(rig.emulator, user.id)).toEqual([1, 2, 3, 4, 5].map((p) => `phần ${p}`));
});
