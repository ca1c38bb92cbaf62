// The Bot Platform channel's test world: its emulator over real HTTP, and the bot's settings
// pointing at it (long polling by default, a short wait so a stop is quick), as the playground
// starts it.
import { pino } from "pino";
import type { PublicWebServer } from "../../app/public-web";
import { startLocalPublicWeb } from "../../app/playground/zalo-worlds";

export { startZaloBotWorld } from "../../app/playground/zalo-worlds";

/** A public web server on a free local port: the bot mounts its signed photo route there, and its address stands for PUBLIC_BASE_URL. */
export function startTestPublicWeb(): Promise<{ web: PublicWebServer; url: string }> {
  return startLocalPublicWeb(pino({ level: "silent" }));
}
