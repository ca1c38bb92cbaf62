// The nomination scenarios of the shared table, on Telegram (emulator) and on Zalo (fake
// zca-js account), from the same definitions.
import { describe, it } from "vitest";
import { playScenario } from "./play";
import { scenarios } from "./table";

const nominationScenarios = scenarios.filter((s) => !s.groups && !s.steps.some((step) => "tick" in step));

describe.each(["TELEGRAM", "ZALO", "ZALO_OA", "ZALO_BOT"] as const)("on %s", (channel) => {
  it.each(nominationScenarios.map((s) => [s.name, s] as const))("%s", async (_name, scenario) => {
    await playScenario(scenario, channel);
  });
});
