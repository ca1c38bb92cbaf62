// The Zalo emulators as a bot meets them: the OA emulator with the OA channel's settings pointing
// at it, and the Bot Platform emulator with the Bot channel's. The playground runs both beside the
// Telegram emulator; the tests start the same worlds (test/support re-exports these).
import type { Logger } from "pino";
import type { BotApp } from "../channels";
import { PublicWebServer } from "../public-web";
import type { ZaloBotSettings } from "../../bot/zalo-bot/channel";
import type { ZaloOaSettings } from "../../bot/zalo-oa/channel";
import { startOaEmulator, type DeliveryResult, type OaEmulator, type OaEmulatorOptions } from "../../emulator/zalo-oa/index";
import { startZaloBotEmulator, type ZaloBotEmulator, type ZaloBotEmulatorOptions } from "../../emulator/zalo-bot/index";
import type { ZaloViewSource } from "./zalo-views";

/**
 * Starts the OA emulator and returns it with the bot's settings (a first refresh token included,
 * the webhook on a free local port). `buttons`: quick replies under the numbered choices.
 */
export async function startOaWorld(options: OaEmulatorOptions = {}, buttons = true): Promise<{ oa: OaEmulator; settings: ZaloOaSettings }> {
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
    buttons,
  };
  return { oa, settings };
}

/** Points the OA emulator's webhook at a started bot (its webhook port is new at each start). */
export function connectOaWebhook(oa: OaEmulator, app: Pick<BotApp, "zaloOa">): void {
  const url = app.zaloOa?.webhookUrl;
  if (!url) throw new Error("The bot runs no Zalo OA webhook");
  oa.driver.webhookUrl = url;
}

/** Starts the Bot Platform emulator and returns it with the bot's settings (long polling, a short wait so a stop is quick). */
export async function startZaloBotWorld(options: ZaloBotEmulatorOptions = {}): Promise<{ zbot: ZaloBotEmulator; settings: ZaloBotSettings }> {
  const zbot = await startZaloBotEmulator(options);
  return { zbot, settings: { token: zbot.token, apiRoot: zbot.url, pollTimeoutSeconds: 5 } };
}

/** A public web server on a free local port, as PUBLIC_WEB_PORT starts one: Zalo fetches the Bot channel's photos from it. */
export async function startLocalPublicWeb(log: Logger): Promise<{ web: PublicWebServer; url: string }> {
  const web = new PublicWebServer(log);
  const url = await web.listen(0, "127.0.0.1");
  return { web, url };
}

// === What the page reads of each emulator

/** The OA emulator as the page sees one person's chat: /cs messages, their photos and quick replies. */
export function oaViewSource(oa: OaEmulator, resident: { userId: string; name: string }, groups: { id: string; title: string }[] = []): ZaloViewSource {
  const delivered = (result: DeliveryResult) => {
    if (result.status !== 200) throw new Error(`the bot's OA webhook answered HTTP ${result.status}`);
  };
  return {
    channel: "oa",
    resident,
    groups,
    deliverText: async (userId, text) => delivered(await oa.driver.sendText(userId, text)),
    deliverPhotos: async (userId, photos) => delivered(await oa.driver.sendImages(userId, photos)),
    botMessages: (chatId) =>
      oa.state.sentTo(chatId).map((m) => ({
        id: m.messageId,
        fromBot: true,
        text: m.text,
        ...(m.image ? { photo: m.messageId, file: { bytes: m.image.bytes, mimeType: m.image.mimeType } } : {}),
        buttons: m.buttons.flatMap((b) => (typeof b.payload === "string" ? [{ title: b.title, payload: b.payload }] : [])),
        at: m.at,
      })),
  };
}

/** The Bot Platform emulator as the page sees one person's chat: texts, photos, stickers and voice. */
export function botViewSource(zbot: ZaloBotEmulator, resident: { userId: string; name: string }): ZaloViewSource {
  return {
    channel: "bot",
    resident,
    deliverText: async (userId, text) => void (await zbot.driver.sendText(userId, text)),
    deliverPhotos: async (userId, photos) => {
      // The Bot Platform carries one photo per update.
      for (const photo of photos) await zbot.driver.sendPhoto(userId, photo);
    },
    botMessages: (userId) =>
      zbot.state.sentTo(userId).map((m) => ({
        id: m.messageId,
        fromBot: true,
        text: m.text,
        ...(m.photo ? { photo: m.messageId, file: { bytes: m.photo.bytes, mimeType: m.photo.mimeType } } : {}),
        ...(m.kind === "sticker" || m.kind === "voice" ? { other: m.kind } : {}),
        buttons: [],
        at: m.date,
      })),
  };
}
