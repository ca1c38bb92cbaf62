// The mixed case of the shared table: one bot process serving Telegram and Zalo together.
import { it } from "vitest";
import { playScenario } from "./play";
import { mixed } from "./table";

it(mixed.scenario.name, async () => {
  await playScenario(mixed.scenario, { mixed: mixed.channels });
});
