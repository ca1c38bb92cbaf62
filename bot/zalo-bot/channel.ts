// Assembles the Bot Platform channel from its settings: the API client, the quota cool-down
// shared by every call, the messenger shared by direct replies and the outbox, the adapter
// (polling or webhook + inbox) and the outbox sender. app/channels.ts loads this module only
// when ZALO_BOT_TOKEN is set.
import type { Logger } from "pino";
import type { EventHandler } from "../../core/channel/port";
import type { Db } from "../../core/db/client";
import type { Locale, Translations } from "../../core/i18n";
import type { MediaRequestHandler } from "../../core/media/serve";
import type { MediaUrlSigner } from "../../core/media/signed-urls";
import { ZaloBotAdapter } from "./adapter";
import { ZaloBotApi } from "./api";
import { BotMessenger } from "./messenger";
import { ZaloBotOutboxSender } from "./outbox-sender";
import { QuotaCooldown } from "./quota";

/** The channel's settings (ZALO_BOT_* and PUBLIC_BASE_URL in the configuration). */
export interface ZaloBotSettings {
  token: string;
  apiRoot: string;
  /** Webhook mode when given (ZALO_BOT_WEBHOOK_SECRET and ZALO_BOT_WEBHOOK_PORT); long polling otherwise. */
  webhook?: { secret: string; port: number; host?: string };
  /** Where stored photos are served and, in webhook mode, where Zalo reaches the webhook. */
  publicBaseUrl?: string;
  /** Seconds one getUpdates waits (tests shorten it). */
  pollTimeoutSeconds?: number;
  /** When an answer is slow enough to show "typing…" (tests shorten it). */
  typingAfterMs?: number;
  /** False: store updates without handling them (a receive-only process). */
  processInbox?: boolean;
  inboxLeaseMs?: number;
}

/** The path of the webhook under the public base URL. */
export const zaloBotWebhookPath = "/zalo-bot/webhook";

/** What the channel needs from the app. */
export interface ZaloBotDeps {
  db: Db;
  log: Logger;
  i18n: Translations;
  defaultLocale: Locale;
  mediaDir: string;
  onEvent: EventHandler;
  signer: MediaUrlSigner;
  /** Served by the webhook server too (the signed media route). */
  mounts: MediaRequestHandler[];
  /** The admins are told once per cool-down that the quota is spent. */
  onQuotaExceeded: () => void | Promise<void>;
  /** The admins are told once that Zalo refuses the token. */
  onTokenRefused: () => void | Promise<void>;
}

/** The assembled channel. */
export interface ZaloBotChannel {
  adapter: ZaloBotAdapter;
  sender: ZaloBotOutboxSender;
}

/**
 * Builds the Bot Platform channel; `adapter.start()` starts receiving.
 *
 * ```ts
 * const zbot = createZaloBotChannel({ token, apiRoot: "https://bot-api.zaloplatforms.com" }, deps);
 * await zbot.adapter.start();
 * ```
 */
export function createZaloBotChannel(settings: ZaloBotSettings, deps: ZaloBotDeps): ZaloBotChannel {
  const { db, log, i18n, defaultLocale, mediaDir } = deps;
  const api = new ZaloBotApi(settings.apiRoot, settings.token);
  const quota = new QuotaCooldown({ onExceeded: deps.onQuotaExceeded });
  const messenger = new BotMessenger({ api, db, log, i18n, defaultLocale, quota, mediaDir, signer: deps.signer, ...(settings.publicBaseUrl ? { publicBaseUrl: settings.publicBaseUrl } : {}) });
  const { webhook } = settings;
  const adapter = new ZaloBotAdapter({
    db,
    log,
    api,
    messenger,
    quota,
    onEvent: deps.onEvent,
    i18n,
    defaultLocale,
    mounts: deps.mounts,
    mediaDir,
    ...(settings.processInbox === false ? { processInbox: false } : {}),
    receiving: webhook
      ? {
          mode: "webhook",
          secret: webhook.secret,
          port: webhook.port,
          path: zaloBotWebhookPath,
          ...(webhook.host ? { host: webhook.host } : {}),
          ...(settings.publicBaseUrl ? { publicUrl: `${settings.publicBaseUrl.replace(/\/+$/, "")}${zaloBotWebhookPath}` } : {}),
        }
      : { mode: "polling", ...(settings.pollTimeoutSeconds ? { timeoutSeconds: settings.pollTimeoutSeconds } : {}) },
    ...(settings.typingAfterMs !== undefined ? { typingAfterMs: settings.typingAfterMs } : {}),
    ...(settings.inboxLeaseMs ? { inboxLeaseMs: settings.inboxLeaseMs } : {}),
  });
  const sender = new ZaloBotOutboxSender({ log, messenger, quota, mediaDir, onTokenRefused: deps.onTokenRefused });
  return { adapter, sender };
}
