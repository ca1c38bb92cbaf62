// The OA channel's test world: the OA emulator over real HTTP, the bot's settings pointing at
// it, and a way to point the emulator's webhook at the running bot (a new port per start). The
// playground starts the same world.
import { connectOaWebhook } from "../../app/playground/zalo-worlds";
import type { OaEmulator } from "../../emulator/zalo-oa/index";
import type { AppUnderTest } from "./zalo-app";

export { startOaWorld } from "../../app/playground/zalo-worlds";

/** Points the emulator's webhook at a started bot. */
export function connectWebhook(oa: OaEmulator, bot: AppUnderTest): void {
  connectOaWebhook(oa, bot.app);
}
