// A local stand-in for the Zalo Bot Platform (bot-api.zaloplatforms.com): the bot API on one
// port, updates by long polling or webhook, and a driver that acts as the bot's users. See
// emulator/zalo-bot/README.md.
import { BotDriver } from "./driver";
import { startBotServer } from "./server";
import { BotState, type BotStateOptions } from "./state";

export { BotDriver, type BotDeliveryResult } from "./driver";
export { BotState, type BotFault, type BotGroup, type BotUpdate, type BotUser, type SentBotMessage } from "./state";

/** Options of {@link startZaloBotEmulator}; every field has a default. */
export interface ZaloBotEmulatorOptions extends Partial<BotStateOptions> {
  host?: string;
  port?: number;
}

/** A running Bot Platform emulator. */
export interface ZaloBotEmulator {
  /** Pass as ZALO_BOT_API_ROOT, e.g. "http://127.0.0.1:8092". */
  url: string;
  /** Pass as ZALO_BOT_TOKEN. */
  token: string;
  state: BotState;
  driver: BotDriver;
  close(): Promise<void>;
}

/**
 * Starts the emulator on a free port.
 *
 * @example
 * const zbot = await startZaloBotEmulator();
 * // bot: ZALO_BOT_API_ROOT = zbot.url, ZALO_BOT_TOKEN = zbot.token
 * const lan = zbot.driver.createUser("Lan");
 * await zbot.driver.sendText(lan.id, "/start");
 */
export async function startZaloBotEmulator(options: ZaloBotEmulatorOptions = {}): Promise<ZaloBotEmulator> {
  const state = new BotState({
    token: options.token ?? "1234567890:emulated-bot-secret-4f9c2a",
    displayName: options.displayName ?? "Bot Gương Sáng",
    monthlyQuota: options.monthlyQuota ?? 3000,
    wrapWebhookBody: options.wrapWebhookBody ?? false,
    singleUseLinks: options.singleUseLinks ?? false,
  });
  const driver = new BotDriver(state);
  const server = await startBotServer(state, driver, { host: options.host ?? "127.0.0.1", port: options.port ?? 0 });
  return { url: server.url, token: state.options.token, state, driver, close: () => server.close() };
}
