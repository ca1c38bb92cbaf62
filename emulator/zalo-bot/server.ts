// The Zalo Bot Platform emulator's HTTP side: `/bot<TOKEN>/<method>` with Zalo's envelope
// (`{ok:true,result}` or `{ok:false,error_code,description}`), parameters from the query
// string, JSON or a form; getUpdates held open until an update comes or answered 408 when idle;
// sendPhoto fetching the photo's public URL as Zalo does; 429 once the month's quota is spent.
// Plus the CDN links of what people sent and a control API for tests and scripts.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { BotDriver } from "./driver";
import { botErrorDescriptions, type BotState } from "./state";

// === Helpers

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function json(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(text) });
  res.end(text);
}

/** Zalo's failure envelope; the HTTP status follows the code, as on Telegram's API. */
function fail(res: ServerResponse, code: number, description?: string): void {
  json(res, code, { ok: false, error_code: code, description: description ?? botErrorDescriptions[code] ?? "Error" });
}

function ok(res: ServerResponse, result: unknown): void {
  json(res, 200, { ok: true, result });
}

/** Parameters as Zalo takes them: query string, then a JSON or form body. */
async function paramsOf(req: IncomingMessage, url: URL): Promise<Record<string, unknown>> {
  const params: Record<string, unknown> = Object.fromEntries(url.searchParams);
  if (req.method !== "POST") return params;
  const raw = (await readBody(req)).toString("utf8");
  if (!raw) return params;
  const type = req.headers["content-type"] ?? "";
  if (type.includes("application/x-www-form-urlencoded")) return { ...params, ...Object.fromEntries(new URLSearchParams(raw)) };
  try {
    return { ...params, ...(JSON.parse(raw) as Record<string, unknown>) };
  } catch {
    return params;
  }
}

const str = (value: unknown): string | undefined => (typeof value === "string" ? value : typeof value === "number" ? String(value) : undefined);

function sniff(bytes: Buffer): string | undefined {
  if (bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return "image/jpeg";
  if (bytes.length > 8 && bytes[0] === 0x89 && bytes.subarray(1, 4).toString("latin1") === "PNG") return "image/png";
  return undefined;
}

// === Server

/** A running HTTP server of the emulator. */
export interface BotServer {
  url: string;
  server: Server;
  close(): Promise<void>;
}

/** Starts the emulator's HTTP server: the bot API, the CDN and the control routes on one port. */
export async function startBotServer(state: BotState, driver: BotDriver, options: { host: string; port: number }): Promise<BotServer> {
  const server = createServer((req, res) => {
    void route(state, driver, req, res).catch((err: unknown) => {
      if (!res.headersSent) fail(res, 403, String(err));
      else res.end();
    });
  });
  // A long poll lasts up to its `timeout`; Node's default request timeout must not cut it.
  server.requestTimeout = 0;
  await new Promise<void>((resolve) => server.listen(options.port, options.host, resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://${options.host}:${port}`;
  driver.cdnRoot = url;
  return {
    url,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function route(state: BotState, driver: BotDriver, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? "/", "http://emulator");
  if (req.method === "GET" && url.pathname.startsWith("/cdn/")) {
    const name = decodeURIComponent(url.pathname.slice(5));
    const file = state.files.get(name);
    if (!file) return json(res, 404, { ok: false });
    if (state.options.singleUseLinks) state.files.delete(name);
    res.writeHead(200, { "content-type": file.mimeType, "content-length": file.bytes.length });
    return void res.end(file.bytes);
  }
  if (url.pathname.startsWith("/_control/")) return control(state, driver, url, req, res);
  const call = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(url.pathname);
  if (!call) return fail(res, 404);
  if (decodeURIComponent(call[1]!) !== state.options.token) return fail(res, 401);
  const method = call[2]!;
  state.calls.push(method);
  const params = await paramsOf(req, url);
  return method === "getUpdates" ? getUpdates(state, params, res) : api(state, method, params, res);
}

/** One update per call, held open up to `timeout` seconds; 408 when none came. */
async function getUpdates(state: BotState, params: Record<string, unknown>, res: ServerResponse): Promise<void> {
  if (state.webhook) return fail(res, 400, "Webhook is active, call deleteWebhook first");
  const timeout = Math.min(Math.max(Number(str(params.timeout) ?? "30") || 30, 0), 60);
  const closed = new AbortController();
  res.on("close", () => closed.abort());
  state.polling += 1;
  state.maxConcurrentPolls = Math.max(state.maxConcurrentPolls, state.polling);
  try {
    const update = await state.nextUpdate(timeout * 1000, closed.signal);
    if (closed.signal.aborted) {
      // The bot hung up: the update stays for the next call.
      if (update) state.queue.unshift(update);
      return;
    }
    if (!update) return fail(res, 408);
    ok(res, update);
  } finally {
    state.polling -= 1;
  }
}

const sendingMethods = new Set(["sendMessage", "sendPhoto", "sendSticker", "sendVoice", "sendChatAction"]);

async function api(state: BotState, method: string, params: Record<string, unknown>, res: ServerResponse): Promise<void> {
  switch (method) {
    case "getMe":
      return ok(res, { id: state.botId, account_name: `bot.${state.botId.slice(-6)}`, account_type: "BASIC", can_join_groups: true, display_name: state.options.displayName });
    case "setWebhook": {
      const url = str(params.url);
      const secret = str(params.secret_token);
      if (!url || !/^https?:\/\//.test(url)) return fail(res, 400, "url is required");
      if (!secret || secret.length < 8 || secret.length > 256) return fail(res, 400, "secret_token must be 8-256 characters");
      state.webhook = { url, secret, updatedAt: Date.now() };
      return ok(res, { url, updated_at: state.webhook.updatedAt });
    }
    case "deleteWebhook":
      state.webhook = null;
      return ok(res, { url: "", updated_at: Date.now() });
    case "getWebhookInfo":
      return state.webhook ? ok(res, { url: state.webhook.url, updated_at: state.webhook.updatedAt }) : fail(res, 404);
  }
  if (!sendingMethods.has(method)) return fail(res, 400, `Unknown method ${method}`);
  const fault = state.takeFault(method);
  if (fault) return fail(res, fault.code, fault.description);
  const chatId = str(params.chat_id);
  if (!chatId || !state.knowsChat(chatId)) return fail(res, 400, "chat_id is invalid");
  if (method === "sendChatAction") {
    if (params.action !== "typing") return fail(res, 400, "action is invalid");
    state.chatActions.push({ chatId, action: "typing", at: Date.now() });
    return ok(res, true);
  }
  return send(state, method, chatId, params, res);
}

async function send(state: BotState, method: string, chatId: string, params: Record<string, unknown>, res: ServerResponse): Promise<void> {
  if (method === "sendMessage") {
    const text = str(params.text) ?? "";
    if (text.length < 1 || text.length > 2000) return fail(res, 400, "text must be 1-2000 characters");
    if (!state.spendQuota()) return fail(res, 429);
    const parseMode = str(params.parse_mode);
    const sent = state.record({ chatId, kind: "text", text, ...(parseMode ? { parseMode } : {}) });
    return ok(res, { message_id: sent.messageId, date: sent.date });
  }
  if (method === "sendPhoto") {
    const caption = str(params.caption) ?? "";
    const photoUrl = str(params.photo);
    if (caption.length > 2000) return fail(res, 400, "caption must be at most 2000 characters");
    if (!photoUrl || !/^https?:\/\//.test(photoUrl)) return fail(res, 400, "photo must be a public URL");
    // Zalo takes photos only by URL and fetches them itself.
    let bytes: Buffer;
    try {
      const response = await fetch(photoUrl, { signal: AbortSignal.timeout(10_000) });
      if (!response.ok) return fail(res, 400, `photo URL answered HTTP ${response.status}`);
      bytes = Buffer.from(await response.arrayBuffer());
    } catch {
      return fail(res, 400, "photo URL could not be fetched");
    }
    const mimeType = sniff(bytes);
    if (!mimeType) return fail(res, 400, "photo is not an image");
    if (!state.spendQuota()) return fail(res, 429);
    const sent = state.record({ chatId, kind: "photo", text: caption, photo: { url: photoUrl, bytes, mimeType } });
    return ok(res, { message_id: sent.messageId, date: sent.date });
  }
  if (method === "sendVoice" && state.groups.has(chatId)) return fail(res, 400, "sendVoice works in private chats only");
  if (!state.spendQuota()) return fail(res, 429);
  const sent = state.record({ chatId, kind: method === "sendVoice" ? "voice" : "sticker", text: "" });
  return ok(res, { message_id: sent.messageId, date: sent.date });
}

// === Control

/**
 * The control API: POST /_control/users {name, protected?} → a person; POST
 * /_control/users/<id>/text {text}; …/photo {image (base64), caption?}; …/sticker; …/voice;
 * POST /_control/groups {title, memberIds}; POST /_control/groups/<id>/text {userId, text,
 * mention?, reply?}; POST /_control/faults {code, method?, times?}; POST /_control/quota
 * {monthly?, used?}; GET /_control/sent?chat=<id>; GET /_control/state.
 */
async function control(state: BotState, driver: BotDriver, url: URL, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const path = url.pathname.slice("/_control/".length);
  const method = req.method ?? "GET";
  const raw = method === "POST" ? (await readBody(req)).toString("utf8") : "";
  const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
  const parts = path.split("/");
  if (method === "GET" && path === "state") {
    return json(res, 200, { users: [...state.users.values()], groups: [...state.groups.values()], queued: state.queue.length, webhook: state.webhook?.url ?? null, used: state.used, deliveries: state.deliveries, maxConcurrentPolls: state.maxConcurrentPolls });
  }
  if (method === "GET" && path === "sent") {
    const chat = url.searchParams.get("chat");
    return json(res, 200, (chat ? state.sentTo(chat) : state.sent).map(({ photo, ...m }) => ({ ...m, ...(photo ? { photo: { url: photo.url, size: photo.bytes.length, mimeType: photo.mimeType } } : {}) })));
  }
  if (method !== "POST") return json(res, 404, { error: "unknown control route" });
  if (path === "users") return json(res, 200, state.createUser(String(body.name ?? "Người dùng"), { protected: Boolean(body.protected) }));
  if (path === "groups") return json(res, 200, state.createGroup(String(body.title ?? "Nhóm"), (body.memberIds as string[]) ?? []));
  if (path === "faults") {
    const code = Number(body.code);
    state.faults.push({ code, description: String(body.description ?? botErrorDescriptions[code] ?? "Error"), times: Number(body.times ?? 1), ...(body.method ? { method: String(body.method) } : {}) });
    return json(res, 200, { ok: true });
  }
  if (path === "quota") {
    if (body.monthly !== undefined) state.options.monthlyQuota = Number(body.monthly);
    if (body.used !== undefined) state.used = Number(body.used);
    return json(res, 200, { monthly: state.options.monthlyQuota, used: state.used });
  }
  if (parts[0] === "users" && parts[1]) {
    const userId = parts[1];
    if (parts[2] === "text") return json(res, 200, await driver.sendText(userId, String(body.text ?? "")));
    if (parts[2] === "photo") return json(res, 200, await driver.sendPhoto(userId, Buffer.from(String(body.image ?? ""), "base64"), typeof body.caption === "string" ? body.caption : undefined));
    if (parts[2] === "sticker") return json(res, 200, await driver.sendSticker(userId));
    if (parts[2] === "voice") return json(res, 200, await driver.sendVoice(userId));
  }
  if (parts[0] === "groups" && parts[1] && parts[2] === "text") {
    return json(res, 200, await driver.sendGroupText(parts[1], String(body.userId), String(body.text ?? ""), { mention: Boolean(body.mention), reply: Boolean(body.reply) }));
  }
  json(res, 404, { error: "unknown control route" });
}
