// The OA channel's test world: the OA emulator over real HTTP, the bot's settings pointing at
// it, and a way to point the emulator's webhook at the running bot (a new port per start).
import type { ZaloOaSettings } from "../../bot/zalo-oa/channel";
import { startOaEmulator, type OaEmulator, type OaEmulatorOptions } from "../../emulator/zalo-oa/index";
import type { AppUnderTest } from "./zalo-app";

/** Starts the emulator and returns it with the bot's settings (a first refresh token included). */
export async function startOaWorld(options: OaEmulatorOptions = {}): Promise<{ oa: OaEmulator; settings: ZaloOaSettings }> {
  const oa = await startOaEmulator(options);
  const { refreshToken } = oa.issueTokens();
  const settings: ZaloOaSettings = {
    appId: oa.state.options.appId,
    appSecret: oa.state.options.appSecret,
    secretKey: oa.state.options.oaSecretKey,
    refreshToken,
    webhookPort: 0,
    webhookHost: "127.0.0.1",
    webhookPath: "/zalo-oa/webhook",
    apiRoot: oa.url,
    oauthRoot: oa.url,
    buttons: true,
  };
  return { oa, settings };
}

/** Points the emulator's webhook at a started bot. */
export function connectWebhook(oa: OaEmulator, bot: AppUnderTest): void {
  const url = bot.app.zaloOa?.webhookUrl;
  if (!url) throw new Error("The bot runs no Zalo OA webhook");
  oa.driver.webhookUrl = url;
}
