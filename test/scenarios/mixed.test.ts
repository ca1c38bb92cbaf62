// The mixed cases of the shared table: one bot process serving Telegram and Zalo together,
// with Zalo as the personal account (zca-js), as the agency's Official Account, as a Bot
// Platform bot, and with all three official channels at once.
import { describe, it } from "vitest";
import type { ChannelName } from "../../core/channel/port";
import { playScenario } from "./play";
import { linked, mixed } from "./table";

/** The same channel map with the Zalo actors and groups on another Zalo channel. */
const on =
  (zalo: ChannelName) =>
  (channels: Record<string, ChannelName>): Record<string, ChannelName> =>
    Object.fromEntries(Object.entries(channels).map(([name, channel]) => [name, channel === "ZALO" ? zalo : channel]));

describe.each([
  ["zca-js", (c: Record<string, ChannelName>) => c],
  ["the Official Account", on("ZALO_OA")],
  ["the Bot Platform", on("ZALO_BOT")],
] as const)("Telegram with Zalo as %s", (_zalo, map) => {
  it(mixed.scenario.name, async () => {
    await playScenario(mixed.scenario, { mixed: map(mixed.channels) });
  });

  it(linked.scenario.name, async () => {
    await playScenario(linked.scenario, { mixed: map(linked.channels) });
  });
});

describe("Telegram, the Official Account and the Bot Platform in one process", () => {
  it("nominated on the OA, reviewed on Telegram, the digest to a community group the Bot Platform reaches", async () => {
    const channels = { ...on("ZALO_OA")(mixed.channels), zaloElder: "ZALO_BOT", zaloCommunity: "ZALO_BOT" } as const;
    await playScenario(mixed.scenario, { mixed: channels });
  });
});
