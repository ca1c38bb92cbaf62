// The Bot Platform channel's test world: its emulator over real HTTP, and the bot's settings
// pointing at it (long polling by default, a short wait so a stop is quick).
import { pino } from "pino";
import { PublicWebServer } from "../../app/public-web";
import type { ZaloBotSettings } from "../../bot/zalo-bot/channel";
import { startZaloBotEmulator, type ZaloBotEmulator, type ZaloBotEmulatorOptions } from "../../emulator/zalo-bot/index";

/** Starts the emulator and returns it with the bot's settings. */
export async function startZaloBotWorld(options: ZaloBotEmulatorOptions = {}): Promise<{ zbot: ZaloBotEmulator; settings: ZaloBotSettings }> {
  const zbot = await startZaloBotEmulator(options);
  return { zbot, settings: { token: zbot.token, apiRoot: zbot.url, pollTimeoutSeconds: 5 } };
}

/**
 * A public web server on a free local port, as PUBLIC_WEB_PORT starts one: the bot mounts its
 * signed photo route there, and its address stands for PUBLIC_BASE_URL.
 */
export async function startTestPublicWeb(): Promise<{ web: PublicWebServer; url: string }> {
  const web = new PublicWebServer(pino({ level: "silent" }));
  const url = await web.listen(0, "127.0.0.1");
  return { web, url };
}
