// Assembles the OA channel from its settings: the token chain, the API client, the messenger
// shared by direct replies and the outbox, the adapter (webhook + inbox) and the outbox sender.
// app/channels.ts loads this module only when the OA channel is on.
import type { Logger } from "pino";
import type { EventHandler } from "../../core/channel/port";
import type { Db } from "../../core/db/client";
import type { Channel } from "../../core/db/generated/sqlite/enums";
import type { Locale, Translations } from "../../core/i18n";
import { ZaloOaAdapter } from "./adapter";
import { OaApi } from "./api";
import { OaMessenger } from "./messenger";
import { ZaloOaOutboxSender } from "./outbox-sender";
import { OaTokens } from "./tokens";

/** The OA channel's settings (ZALO_OA_* in the configuration). */
export interface ZaloOaSettings {
  appId: string;
  appSecret: string;
  /** The OA Secret Key that signs webhooks (not the app secret). */
  secretKey: string;
  /** Starts the token chain when none is stored. */
  refreshToken?: string;
  webhookPort: number;
  webhookPath: string;
  webhookHost?: string;
  apiRoot: string;
  oauthRoot: string;
  /** Quick-reply buttons under choices of at most 5. */
  buttons: boolean;
  /** The bot's admins may subscribe the OA's own (GMF) groups to the digest with /dangky (ZALO_OA_GROUP_DIGEST). */
  groupDigest?: boolean;
  /** False: store and answer events without handling them (a receive-only process). */
  processInbox?: boolean;
  inboxLeaseMs?: number;
}

/** What the channel needs from the app. */
export interface ZaloOaDeps {
  db: Db;
  log: Logger;
  i18n: Translations;
  defaultLocale: Locale;
  mediaDir: string;
  onEvent: EventHandler;
  /** Zalo's `user_withdraw`: erase what the bot holds about that OA user. */
  onUserWithdraw?: (userId: string) => Promise<void>;
  /** Channels a person outside the window may be reached on instead (those running). */
  fallbackChannels: Channel[];
  /** The admins are told, once per code, that the OA's set-up needs them. */
  onConfigurationError: (code: number) => void | Promise<void>;
}

/** The assembled channel. */
export interface ZaloOaChannel {
  adapter: ZaloOaAdapter;
  sender: ZaloOaOutboxSender;
  tokens: OaTokens;
}

/**
 * Builds the OA channel; `adapter.start()` opens its webhook.
 *
 * ```ts
 * const oa = createZaloOaChannel(settings, { db, log, i18n, defaultLocale, mediaDir, onEvent, fallbackChannels: ["TELEGRAM"], onConfigurationError });
 * await oa.adapter.start();
 * ```
 */
export function createZaloOaChannel(settings: ZaloOaSettings, deps: ZaloOaDeps): ZaloOaChannel {
  const { db, log } = deps;
  const tokens = new OaTokens({
    db,
    log,
    appId: settings.appId,
    appSecret: settings.appSecret,
    oauthRoot: settings.oauthRoot,
    ...(settings.refreshToken ? { bootstrapRefreshToken: settings.refreshToken } : {}),
  });
  const api = new OaApi(settings.apiRoot, tokens);
  const messenger = new OaMessenger({ api, db, i18n: deps.i18n, defaultLocale: deps.defaultLocale, buttons: settings.buttons });
  const adapter = new ZaloOaAdapter({
    db,
    log,
    messenger,
    onEvent: deps.onEvent,
    ...(deps.onUserWithdraw ? { onUserWithdraw: deps.onUserWithdraw } : {}),
    i18n: deps.i18n,
    defaultLocale: deps.defaultLocale,
    mediaDir: deps.mediaDir,
    appId: settings.appId,
    oaSecretKey: settings.secretKey,
    webhook: { port: settings.webhookPort, path: settings.webhookPath, ...(settings.webhookHost ? { host: settings.webhookHost } : {}) },
    ...(settings.processInbox === false ? { processInbox: false } : {}),
    ...(settings.inboxLeaseMs ? { inboxLeaseMs: settings.inboxLeaseMs } : {}),
    ...(settings.groupDigest ? { groupsAdministeredByBotAdmins: true } : {}),
  });
  const sender = new ZaloOaOutboxSender({ db, log, messenger, mediaDir: deps.mediaDir, fallbackChannels: deps.fallbackChannels, onConfigurationError: deps.onConfigurationError });
  return { adapter, sender, tokens };
}
