import type { IncomingMessage, ServerResponse } from "node:http";
import type { Driver } from "./driver";
import type { FaultSpec } from "./faults";
import { readBody } from "./request";
import { sendJson, type ControlHandler } from "./server";
import type { EmulatorState, MemberStatus } from "./state";

type Body = Record<string, any>;
type Route = (body: Body, driver: Driver, req: IncomingMessage) => unknown;

const bytesOf = (base64: unknown): Uint8Array => Buffer.from(String(base64 ?? ""), "base64");

function num(value: unknown, name: string): number {
  const n = Number(value);
  if (value === undefined || !Number.isFinite(n)) throw new Error(`"${name}" must be a number`);
  return n;
}

function optNum(value: unknown): number | undefined {
  return value === undefined || value === null || value === "" ? undefined : Number(value);
}

// === Routes

/** A user sends something: text, a command, a photo, a document, an album, a sticker or a voice note. */
function sendAsUser(body: Body, driver: Driver): unknown {
  const userId = num(body.userId, "userId");
  const chatId = optNum(body.chatId);
  const replyTo = optNum(body.replyTo);
  const where = { ...(chatId !== undefined ? { chatId } : {}), ...(replyTo !== undefined ? { replyTo } : {}) };
  const caption = body.caption !== undefined ? { caption: String(body.caption) } : {};
  if (body.command !== undefined) return driver.sendCommand(userId, String(body.command), { ...where, ...(body.payload ? { payload: String(body.payload) } : {}) });
  if (body.photo !== undefined) return driver.sendPhoto(userId, bytesOf(body.photo), { ...where, ...caption });
  if (body.document !== undefined) {
    return driver.sendDocument(userId, bytesOf(body.document), { ...where, ...caption, ...(body.fileName ? { fileName: String(body.fileName) } : {}), ...(body.mimeType ? { mimeType: String(body.mimeType) } : {}) });
  }
  if (Array.isArray(body.album)) {
    return driver.sendAlbum(
      userId,
      body.album.map((item: Body) => ({ bytes: bytesOf(item.bytes), ...(item.type ? { type: item.type } : {}), ...(item.caption ? { caption: String(item.caption) } : {}), ...(item.fileName ? { fileName: String(item.fileName) } : {}) })),
      where,
    );
  }
  if (body.sticker !== undefined) return driver.sendSticker(userId, { ...where, ...(body.sticker?.emoji ? { emoji: String(body.sticker.emoji) } : {}) });
  if (body.voice !== undefined) return driver.sendVoice(userId, bytesOf(body.voice), { ...where, ...(body.duration ? { duration: Number(body.duration) } : {}) });
  if (typeof body.text === "string") return driver.sendText(userId, body.text, where);
  throw new Error('Give one of "text", "command", "photo", "document", "album", "sticker", "voice"');
}

function routes(state: EmulatorState, driverFor: (token: string) => Driver): Record<string, Route> {
  return {
    "GET /": (_body, _driver, req) => ({
      apiRoot: `http://${req.headers.host ?? "127.0.0.1"}`,
      specVersion: state.spec.version,
      bots: [...state.bots.values()].map((b) => ({ token: b.token, user: b.user })),
      limits: state.limits,
    }),
    "POST /bots": (body) => {
      const bot = state.createBot(body);
      driverFor(bot.token);
      return { token: bot.token, user: bot.user };
    },
    "POST /users": (body, driver) => driver.createUser(body),
    "POST /chats": (body, driver) => driver.createChat(body as Parameters<Driver["createChat"]>[0]),
    "POST /members": (body, driver) => {
      driver.setMemberStatus(num(body.chatId, "chatId"), num(body.userId, "userId"), body.status as MemberStatus);
      return true;
    },
    "POST /bot-membership": (body, driver) => {
      const chatId = num(body.chatId, "chatId");
      const by = optNum(body.by);
      if (body.action === "add") driver.addBotToChat(chatId, { status: body.status === "administrator" ? "administrator" : "member", ...(by !== undefined ? { by } : {}) });
      else driver.removeBotFromChat(chatId, { kicked: body.action === "kick", ...(by !== undefined ? { by } : {}) });
      return true;
    },
    "POST /block": (body, driver) => {
      if (body.blocked === false) driver.unblockBot(num(body.userId, "userId"));
      else driver.blockBot(num(body.userId, "userId"));
      return true;
    },
    "POST /send": (body, driver) => sendAsUser(body, driver),
    "POST /press": (body, driver) => {
      // Without a label or data any button would match, and the first one would be pressed.
      if (body.text === undefined && body.data === undefined) throw new Error('Give the button\'s "text" or its "data" (its callback_data)');
      const chatId = optNum(body.chatId);
      const messageId = optNum(body.messageId);
      const id = driver.pressButton(num(body.userId, "userId"), {
        ...(chatId !== undefined ? { chatId } : {}),
        ...(messageId !== undefined ? { messageId } : {}),
        ...(body.text !== undefined ? { text: String(body.text) } : {}),
        ...(body.data !== undefined ? { data: String(body.data) } : {}),
      });
      return { callbackQueryId: id };
    },
    "POST /callback": (body, driver) => {
      const chatId = optNum(body.chatId);
      const id = driver.sendCallbackQuery(num(body.userId, "userId"), { ...(chatId !== undefined ? { chatId } : {}), messageId: num(body.messageId, "messageId"), data: String(body.data ?? "") });
      return { callbackQueryId: id };
    },
    "POST /callback-answer": async (body, driver) => driver.waitForCallbackAnswer(String(body.callbackQueryId), { timeout: optNum(body.timeout) ?? 5000 }),
    "GET /messages": (body, driver) => driver.chatMessages(num(body.chatId, "chatId")),
    "POST /wait": async (body, driver) => {
      const chatId = num(body.chatId, "chatId");
      const timeout = optNum(body.timeout) ?? 5000;
      const includes = body.textIncludes !== undefined ? String(body.textIncludes) : undefined;
      const options = { timeout, ...(includes ? { predicate: (m: { text?: string; caption?: string }) => (m.text ?? m.caption ?? "").includes(includes) } : {}) };
      return body.count !== undefined ? driver.waitForBotMessages(chatId, num(body.count, "count"), options) : driver.waitForBotMessage(chatId, options);
    },
    "GET /faults": () => state.faults.list(),
    "POST /faults": (body, driver) => ({ id: driver.injectFault({ ...(body as FaultSpec), ...(body.times === null ? { times: Infinity } : {}) }) }),
    "DELETE /faults": (_body, driver) => {
      driver.clearFaults();
      return true;
    },
    "GET /limits": () => state.limits,
    "POST /limits": (body, driver) => driver.setLimits(body),
    "GET /calls": (body, driver) => driver.calls(body.method !== undefined ? { method: String(body.method) } : {}),
    "DELETE /calls": (_body, driver) => {
      driver.clearCalls();
      return true;
    },
    "GET /commands": (body, driver) => driver.commands({ ...(body.scope ? { scope: JSON.parse(String(body.scope)) } : {}), ...(body.languageCode ? { languageCode: String(body.languageCode) } : {}) }),
    "POST /reset": () => {
      state.reset();
      return true;
    },
  };
}

/**
 * The control API: the driver's operations over HTTP under `/_emulator/...`, JSON in and out
 * (`{ ok: true, result }` or `{ ok: false, error }`). A `token` field or query parameter picks
 * the bot; the first bot is the default. See emulator/README.md for the routes.
 */
export function createControlHandler(state: EmulatorState, driverFor: (token: string) => Driver, defaultToken: string): ControlHandler {
  const table = routes(state, driverFor);
  return async (req: IncomingMessage, res: ServerResponse, url: URL) => {
    const path = url.pathname.slice("/_emulator".length) || "/";
    const route = table[`${req.method ?? "GET"} ${path}`];
    if (!route) return false;
    try {
      const raw = await readBody(req);
      const body: Body = { ...Object.fromEntries(url.searchParams), ...(raw.length > 0 ? (JSON.parse(raw.toString("utf8")) as Body) : {}) };
      const driver = driverFor(typeof body.token === "string" ? body.token : defaultToken);
      delete body.token;
      sendJson(res, 200, { ok: true, result: await route(body, driver, req) });
    } catch (error) {
      sendJson(res, 400, { ok: false, error: (error as Error).message });
    }
    return true;
  };
}
