// The mixed cases of the shared table: one bot process serving Telegram and Zalo together,
// with Zalo as the personal account (zca-js) and again as the agency's Official Account.
import { describe, it } from "vitest";
import type { ChannelName } from "../../core/channel/port";
import { playScenario } from "./play";
import { linked, mixed } from "./table";

/** The same channel map with the Zalo actors and groups on the Official Account. */
const onOa = (channels: Record<string, ChannelName>): Record<string, ChannelName> =>
  Object.fromEntries(Object.entries(channels).map(([name, channel]) => [name, channel === "ZALO" ? "ZALO_OA" : channel]));

describe.each([
  ["zca-js", (c: Record<string, ChannelName>) => c],
  ["the Official Account", onOa],
] as const)("Telegram with Zalo as %s", (_zalo, map) => {
  it(mixed.scenario.name, async () => {
    await playScenario(mixed.scenario, { mixed: map(mixed.channels) });
  });

  it(linked.scenario.name, async () => {
    await playScenario(linked.scenario, { mixed: map(linked.channels) });
  });
});
