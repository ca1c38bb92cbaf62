// A local stand-in for Zalo's Official Account Open API (openapi.zalo.me) and its OAuth v4
// host (oauth.zaloapp.com): both on one port, plus the signed webhook to the bot and a driver
// that acts as Zalo's users. See emulator/zalo-oa/README.md.
import { OaDriver } from "./driver";
import { startOaServer } from "./server";
import { OaState, type OaStateOptions } from "./state";

export { OaDriver, signWebhook, type DeliveryResult } from "./driver";
export { OaState, type OaFault, type OaGroup, type OaUser, type SentOaMessage } from "./state";

/** Options of {@link startOaEmulator}; every field has a default. */
export interface OaEmulatorOptions extends Partial<OaStateOptions> {
  host?: string;
  port?: number;
  /** Where events are POSTed; can be set later on the driver. */
  webhookUrl?: string;
}

/** A running OA emulator. */
export interface OaEmulator {
  /** Pass as ZALO_OA_API_ROOT and ZALO_OA_OAUTH_ROOT, e.g. "http://127.0.0.1:8090". */
  url: string;
  state: OaState;
  driver: OaDriver;
  /** A token pair as the API Explorer hands one out: the bot's ZALO_OA_REFRESH_TOKEN. */
  issueTokens(): { accessToken: string; refreshToken: string; expiresIn: number };
  close(): Promise<void>;
}

/**
 * Starts the emulator on a free port.
 *
 * @example
 * const oa = await startOaEmulator({ webhookUrl: "http://127.0.0.1:8091/zalo-oa/webhook" });
 * const { refreshToken } = oa.issueTokens();
 * const lan = oa.driver.createUser("Lan");
 * await oa.driver.sendText(lan.userId, "/start");
 */
export async function startOaEmulator(options: OaEmulatorOptions = {}): Promise<OaEmulator> {
  const state = new OaState({
    appId: options.appId ?? "3600000000000000001",
    appSecret: options.appSecret ?? "app-secret-emulated",
    oaSecretKey: options.oaSecretKey ?? "oa-secret-key-emulated",
    oaId: options.oaId ?? "3880000000000000004",
    accessTtlSeconds: options.accessTtlSeconds ?? 90_000,
    nightRule: options.nightRule ?? false,
    maxImageBytes: options.maxImageBytes ?? 1024 * 1024,
  });
  const driver = new OaDriver(state);
  if (options.webhookUrl) driver.webhookUrl = options.webhookUrl;
  const server = await startOaServer(state, driver, { host: options.host ?? "127.0.0.1", port: options.port ?? 0 });
  return { url: server.url, state, driver, issueTokens: () => state.issueTokens(), close: () => server.close() };
}
