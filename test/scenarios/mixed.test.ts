// The mixed cases of the shared table: one bot process serving Telegram and Zalo together.
import { it } from "vitest";
import { playScenario } from "./play";
import { linked, mixed } from "./table";

it(mixed.scenario.name, async () => {
  await playScenario(mixed.scenario, { mixed: mixed.channels });
});

it(linked.scenario.name, async () => {
  await playScenario(linked.scenario, { mixed: linked.channels });
});
