// Runs one scenario of the table on a channel: a fresh database and bot for each.
import { ScenarioRunner, type RunMode } from "./runner";
import type { Scenario } from "./scenario";

/** Plays `scenario` in its own world on `mode`, then tears the world down. */
export async function playScenario(scenario: Scenario, mode: RunMode): Promise<void> {
  const runner = new ScenarioRunner(scenario, mode);
  await runner.start();
  try {
    await runner.play();
  } finally {
    await runner.stop();
  }
}
