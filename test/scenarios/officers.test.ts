// Officers and admins at work in chat, from the shared table, on Telegram (emulator) and on
// Zalo (fake zca-js account): decisions on the cards, a deadline added and reminded once,
// a group subscribed with /dangky and the digest sent with /broadcast_now.
import { describe, it } from "vitest";
import { playScenario } from "./play";
import { officerScenarios } from "./table";

describe.each(["TELEGRAM", "ZALO"] as const)("on %s", (channel) => {
  it.each(officerScenarios.map((s) => [s.name, s] as const))("%s", async (_name, scenario) => {
    await playScenario(scenario, channel);
  });
});
