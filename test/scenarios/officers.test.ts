// Officers and admins at work in chat, from the shared table, on Telegram (emulator), on Zalo
// (fake zca-js account) and on the Zalo OA (OA emulator): decisions on the cards, a deadline
// added and reminded once, a group subscribed with /dangky and the digest sent with
// /broadcast_now. The OA cannot yet tell who administers one of its GMF groups, so /dangky is
// refused there (as on any channel that cannot check): that scenario runs on the other two.
import { describe, it } from "vitest";
import { playScenario } from "./play";
import { officerScenarios } from "./table";

const needsGroupAdmins = (name: string) => name.includes("/dangky");

describe.each(["TELEGRAM", "ZALO", "ZALO_OA", "ZALO_BOT"] as const)("on %s", (channel) => {
  const scenarios = officerScenarios.filter((s) => (channel !== "ZALO_OA" && channel !== "ZALO_BOT") || !needsGroupAdmins(s.name));
  it.each(scenarios.map((s) => [s.name, s] as const))("%s", async (_name, scenario) => {
    await playScenario(scenario, channel);
  });
});
