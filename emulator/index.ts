import { createControlHandler } from "./control";
import { Driver } from "./driver";
import type { LimitsConfig } from "./limits";
import { startServer, type ControlHandler } from "./server";
import { defaultSpecPath, loadSpec } from "./spec";
import { EmulatorState } from "./state";

/** Options of {@link startEmulator}. */
export interface EmulatorOptions {
  /** Interface to listen on; default 127.0.0.1. */
  host?: string;
  /** Port; default 0 (any free port). */
  port?: number;
  /** Token of the first bot; default a generated one. */
  token?: string;
  /** Username of the first bot. */
  botUsername?: string;
  /** Path of the Bot API spec JSON; default the copy in emulator/spec/. */
  specPath?: string;
  /** Content limits default on, rate limits default off; see {@link LimitsConfig}. */
  limits?: Partial<LimitsConfig>;
  /** Fail a call with 500 when its result does not match the spec; default true. */
  checkResponses?: boolean;
  /** Delay before a failed webhook delivery is retried, in ms; default 1000. */
  webhookRetryMs?: number;
  /** Extra routes served before the default chat page (return false to pass). */
  pages?: ControlHandler;
}

/** A running emulator: where it listens, its first bot, a driver for that bot, and how to stop it. */
export interface Emulator {
  /** Pass to grammY as `client.apiRoot`, e.g. "http://127.0.0.1:8081". */
  apiRoot: string;
  /** Token of the first bot. */
  token: string;
  /** Driver of the first bot. */
  driver: Driver;
  /** The emulator's whole state, for tests that need to look deeper. */
  state: EmulatorState;
  /** Adds another bot; returns its token and driver. */
  createBot(options?: { token?: string; username?: string; firstName?: string }): { token: string; driver: Driver };
  /** The driver of any bot by token. */
  driverFor(token: string): Driver;
  /** Stops the server, ends long polls, hung requests and webhook deliveries. */
  close(): Promise<void>;
}

/**
 * Starts a local Telegram Bot API emulator.
 *
 * @example
 * const emulator = await startEmulator();
 * const bot = new Bot(emulator.token, { client: { apiRoot: emulator.apiRoot } });
 */
export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const state = new EmulatorState({
    spec: loadSpec(options.specPath ?? defaultSpecPath),
    ...(options.limits ? { limits: options.limits } : {}),
    ...(options.checkResponses !== undefined ? { checkResponses: options.checkResponses } : {}),
    ...(options.webhookRetryMs !== undefined ? { webhookRetryMs: options.webhookRetryMs } : {}),
  });
  const first = state.createBot({
    ...(options.token ? { token: options.token } : {}),
    ...(options.botUsername ? { username: options.botUsername } : {}),
  });
  const drivers = new Map<string, Driver>();
  const driverFor = (token: string): Driver => {
    let driver = drivers.get(token);
    if (!driver) {
      state.bot(token);
      driver = new Driver(state, token);
      drivers.set(token, driver);
    }
    return driver;
  };
  const running = await startServer(state, {
    host: options.host ?? "127.0.0.1",
    port: options.port ?? 0,
    control: createControlHandler(state, driverFor, first.token),
    ...(options.pages ? { pages: options.pages } : {}),
  });
  return {
    apiRoot: running.url,
    token: first.token,
    driver: driverFor(first.token),
    state,
    createBot: (botOptions) => {
      const bot = state.createBot(botOptions);
      return { token: bot.token, driver: driverFor(bot.token) };
    },
    driverFor,
    close: async () => {
      for (const bot of state.bots.values()) {
        bot.delivery?.stop();
        bot.updates.wakeWaiter();
      }
      state.faults.clear();
      await running.close();
    },
  };
}

export { Driver } from "./driver";
export type { AlbumItem, ButtonView, CreateChatOptions, CreateUserOptions, MessageView, PressOptions, SendOptions, WaitOptions } from "./driver";
export type { FaultKind, FaultSpec } from "./faults";
export type { LimitsConfig, RateLimitConfig } from "./limits";
export { telegramRateLimits } from "./limits";
export { checkValue, checkResult, loadSpec, defaultSpecPath } from "./spec";
export type { CallRecord, MemberStatus } from "./state";
