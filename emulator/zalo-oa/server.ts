// The Zalo OA emulator's HTTP side: the OA Open API endpoints the bot calls, in Zalo's shapes
// (errors as `{error, message}` with HTTP 200, tokens in an `access_token` header), the OAuth v4
// token endpoint with single-use refresh tokens, the CDN links of what people send, and a
// control API that lets a test (or a person with curl) act as Zalo's users.
import { createHash } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { parseMultipart } from "../multipart";
import type { OaDriver } from "./driver";
import { oaErrorMessages, type OaState, type SentOaMessage } from "./state";

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

/** Zalo answers failures with HTTP 200 and a negative `error`. */
function zaloError(res: ServerResponse, code: number, message?: string): void {
  json(res, 200, { error: code, message: message ?? oaErrorMessages[code] ?? "Lỗi" });
}

function sniffImage(bytes: Buffer): "image/jpeg" | "image/png" | undefined {
  if (bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return "image/jpeg";
  if (bytes.length > 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return "image/png";
  return undefined;
}

const isUid = (value: unknown): value is string => typeof value === "string" && /^\d{1,19}$/.test(value);

// === The message body (/cs and /group/message share it)

interface ParsedMessage {
  text: string;
  attachmentId?: string;
  buttons: SentOaMessage["buttons"];
  quoteMessageId?: string;
}

/** Reads a message body as Zalo documents it; a string is the refusal's error code. */
function parseMessage(message: unknown): ParsedMessage | number {
  if (typeof message !== "object" || message === null) return -201;
  const m = message as Record<string, unknown>;
  const text = typeof m.text === "string" ? m.text : "";
  if (text.length > 2000) return -210;
  const parsed: ParsedMessage = { text, buttons: [] };
  if (typeof m.quote_message_id === "string") parsed.quoteMessageId = m.quote_message_id;
  const attachment = m.attachment as { type?: string; payload?: Record<string, unknown> } | undefined;
  if (attachment) {
    if (attachment.type !== "template" || typeof attachment.payload !== "object" || attachment.payload === null) return -201;
    const payload = attachment.payload;
    if (Array.isArray(payload.buttons)) {
      if (payload.buttons.length > 5) return -201;
      for (const b of payload.buttons as { title?: unknown; type?: unknown; payload?: unknown }[]) {
        if (typeof b.title !== "string" || b.title.length > 100 || typeof b.type !== "string") return -201;
        if (b.type.startsWith("oa.query") && (typeof b.payload !== "string" || b.payload.length > 1000)) return -201;
        parsed.buttons.push({ title: b.title, type: b.type, payload: b.payload });
      }
    } else if (payload.template_type === "media") {
      const elements = payload.elements as { media_type?: string; attachment_id?: unknown; url?: unknown }[] | undefined;
      // A media template holds one element: an album is one message per photo.
      if (!Array.isArray(elements) || elements.length !== 1) return -201;
      const element = elements[0]!;
      if (element.media_type !== "image" || typeof element.attachment_id !== "string") return -201;
      parsed.attachmentId = element.attachment_id;
    } else {
      return -201;
    }
  } else if (text === "") {
    return -201;
  }
  return parsed;
}

// === Server

/** A running HTTP server of the emulator. */
export interface OaServer {
  url: string;
  server: Server;
  close(): Promise<void>;
}

/** Starts the emulator's HTTP server: API, OAuth, CDN and control routes on one port. */
export async function startOaServer(state: OaState, driver: OaDriver, options: { host: string; port: number }): Promise<OaServer> {
  const server = createServer((req, res) => {
    void route(state, driver, req, res).catch((err: unknown) => {
      if (!res.headersSent) json(res, 500, { error: -1, message: String(err) });
      else res.end();
    });
  });
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

async function route(state: OaState, driver: OaDriver, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? "/", "http://emulator");
  const path = url.pathname;
  const method = req.method ?? "GET";

  // --- OAuth v4
  if (method === "GET" && path === "/v4/oa/permission") return permission(state, url, res);
  if (method === "POST" && path === "/v4/oa/access_token") return accessToken(state, req, res);

  // --- CDN: what people sent, as Zalo's temporary links
  if (method === "GET" && path.startsWith("/cdn/")) {
    const file = state.files.get(decodeURIComponent(path.slice(5)));
    if (!file) return json(res, 404, { error: 404 });
    res.writeHead(200, { "content-type": file.mimeType, "content-length": file.bytes.length });
    res.end(file.bytes);
    return;
  }

  // --- Control
  if (path.startsWith("/_control/")) return control(state, driver, method, path.slice(10), req, res);

  // --- The OA Open API: every call needs a live access token
  const api = ["/v3.0/oa/message/cs", "/v3.0/oa/group/message", "/v2.0/oa/upload/image", "/v2.0/oa/getoa", "/v3.0/oa/user/detail"];
  if (!api.includes(path)) return json(res, 404, { error: 404, message: "empty or invalid API" });
  const token = req.headers["access_token"];
  const access = state.checkAccess(Array.isArray(token) ? token[0] : token);
  if (access !== 0) return zaloError(res, access);

  if (method === "GET" && path === "/v2.0/oa/getoa") return json(res, 200, { error: 0, message: "Success", data: { oa_id: state.options.oaId, name: "OA thử" } });
  if (method === "GET" && path === "/v3.0/oa/user/detail") {
    let userId: unknown;
    try {
      userId = (JSON.parse(url.searchParams.get("data") ?? "{}") as { user_id?: unknown }).user_id;
    } catch {
      return zaloError(res, -201);
    }
    const user = typeof userId === "string" ? state.users.get(userId) : undefined;
    if (!user) return zaloError(res, -201, "user_id không hợp lệ");
    const last = user.lastInteraction === undefined ? "" : new Date(user.lastInteraction).toLocaleDateString("en-GB", { timeZone: "Asia/Ho_Chi_Minh" });
    return json(res, 200, { error: 0, message: "Success", data: { user_id: user.userId, display_name: user.name, user_is_follower: user.follower, user_last_interaction_date: last, is_sensitive: false } });
  }
  if (method !== "POST") return json(res, 405, { error: 405 });
  if (path === "/v2.0/oa/upload/image") return uploadImage(state, req, res);
  return sendMessage(state, path === "/v3.0/oa/group/message", req, res);
}

/** A message to one person (`/v3.0/oa/message/cs`) or to a group, after Zalo's checks. */
async function sendMessage(state: OaState, toGroup: boolean, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const raw = (await readBody(req)).toString("utf8");
  let body: { recipient?: { user_id?: unknown; group_id?: unknown }; message?: unknown };
  try {
    body = JSON.parse(raw) as typeof body;
  } catch {
    return zaloError(res, -201, "Body không phải JSON");
  }
  const to = toGroup ? body.recipient?.group_id : body.recipient?.user_id;
  if (!isUid(to)) return zaloError(res, -201, "recipient không hợp lệ");
  const fault = state.takeFault(toGroup ? "group" : "cs", to);
  if (fault) return zaloError(res, fault.code, fault.message);
  if (toGroup) {
    const group = state.groups.get(to);
    if (!group) return zaloError(res, -403);
    if (!group.enabled) return zaloError(res, -237);
  } else {
    if (!state.users.has(to)) return zaloError(res, -201, "user_id không hợp lệ");
    const window = state.windowCheck(to);
    if (window !== 0) {
      state.windowRefusals.push({ to, code: window });
      return zaloError(res, window);
    }
    if (state.options.nightRule && state.isNight()) return zaloError(res, -234);
  }
  const message = parseMessage(body.message);
  if (typeof message === "number") return zaloError(res, message);
  let image: SentOaMessage["image"];
  if (message.attachmentId) {
    const upload = state.liveUpload(message.attachmentId);
    if (!upload) return zaloError(res, -100);
    image = { attachmentId: upload.attachmentId, bytes: upload.bytes, mimeType: upload.mimeType };
  }
  const sent = state.record({
    to,
    toGroup,
    text: message.text,
    buttons: message.buttons,
    ...(image ? { image } : {}),
    ...(message.quoteMessageId ? { quoteMessageId: message.quoteMessageId } : {}),
  });
  if (toGroup) return json(res, 200, { error: 0, message: "Success", data: { message_id: sent.messageId, group_id: to } });
  return json(res, 200, { error: 0, message: "Success", data: { message_id: sent.messageId, user_id: to, quota: { quota_type: "reply", remain: "7", total: "8" } } });
}

// === OAuth

function permission(state: OaState, url: URL, res: ServerResponse): void {
  const appId = url.searchParams.get("app_id");
  const redirect = url.searchParams.get("redirect_uri");
  const challenge = url.searchParams.get("code_challenge");
  if (appId !== state.options.appId || !redirect || !challenge) return json(res, 400, { error: -14002, message: "Invalid request" });
  // The OA admin grants at once: the browser is sent back with the code.
  const back = new URL(redirect);
  back.searchParams.set("code", state.grantCode(challenge));
  back.searchParams.set("oa_id", state.options.oaId);
  const stateParam = url.searchParams.get("state");
  if (stateParam) back.searchParams.set("state", stateParam);
  res.writeHead(302, { location: back.toString() });
  res.end();
}

async function accessToken(state: OaState, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const form = new URLSearchParams((await readBody(req)).toString("utf8"));
  if (req.headers["secret_key"] !== state.options.appSecret) return json(res, 200, { error: -14014, message: "Invalid secret key" });
  if (form.get("app_id") !== state.options.appId) return json(res, 200, { error: -14001, message: "Invalid app id" });
  const fault = state.takeFault("token");
  if (fault) return json(res, 200, { error: fault.code, message: fault.message });
  const grant = form.get("grant_type");
  let pair: ReturnType<OaState["issueTokens"]> | null = null;
  if (grant === "refresh_token") {
    pair = state.refresh(form.get("refresh_token") ?? "");
    if (!pair) return json(res, 200, { error: -14005, message: "Invalid refresh token" });
  } else if (grant === "authorization_code") {
    const code = state.codes.get(form.get("code") ?? "");
    const verifier = form.get("code_verifier") ?? "";
    const challenge = createHash("sha256").update(verifier, "ascii").digest("base64url");
    if (!code || code.expiresAt < state.now()) return json(res, 200, { error: -14019, message: "Invalid authorization code" });
    if (code.challenge !== challenge) return json(res, 200, { error: -14019, message: "Invalid code verifier" });
    state.codes.delete(form.get("code")!);
    pair = state.issueTokens();
  } else {
    return json(res, 200, { error: -14003, message: "Invalid grant type" });
  }
  // expires_in is a string, as Zalo sends it.
  json(res, 200, { access_token: pair.accessToken, refresh_token: pair.refreshToken, expires_in: String(pair.expiresIn), refresh_token_expires_in: "7776000" });
}

// === Uploads

async function uploadImage(state: OaState, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const fault = state.takeFault("upload");
  if (fault) return zaloError(res, fault.code, fault.message);
  const body = await readBody(req);
  let parts;
  try {
    parts = parseMultipart(body, req.headers["content-type"] ?? "");
  } catch {
    return zaloError(res, -201, "multipart không hợp lệ");
  }
  const file = parts.find((p) => p.name === "file");
  if (!file) return zaloError(res, -201, "thiếu file");
  const mimeType = sniffImage(file.data);
  if (!mimeType) return zaloError(res, -201, "Upload image only support png and jpeg");
  if (file.data.length > state.options.maxImageBytes) return zaloError(res, -210, "Kích thước ảnh vượt quá 1MB");
  const upload = state.upload(file.data, mimeType);
  json(res, 200, { error: 0, message: "Success", data: { attachment_id: upload.attachmentId } });
}

// === Control

/**
 * The control API: POST /_control/users {name} → a person; POST /_control/users/<id>/text
 * {text}; POST /_control/users/<id>/images {images: [base64], text?}; POST
 * /_control/users/<id>/follow; POST /_control/groups {name, memberIds}; POST
 * /_control/groups/<id>/text {userId, text}; POST /_control/faults {code, endpoint?, to?, times?};
 * POST /_control/clock {advanceMs}; POST /_control/webhook {url}; GET /_control/sent?to=<id>;
 * GET /_control/tokens → a fresh pair (as the API Explorer gives one); GET /_control/state.
 */
async function control(state: OaState, driver: OaDriver, method: string, path: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const raw = method === "POST" ? (await readBody(req)).toString("utf8") : "";
  const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
  const parts = path.split("/");
  if (method === "GET" && path === "tokens") return json(res, 200, state.issueTokens());
  if (method === "GET" && path === "state") {
    return json(res, 200, {
      users: [...state.users.values()],
      groups: [...state.groups.values()],
      refreshes: state.refreshes.length,
      deliveries: state.deliveries.map(({ eventName, status }) => ({ eventName, status })),
    });
  }
  if (method === "GET" && path === "sent") {
    const to = new URL(req.url ?? "/", "http://emulator").searchParams.get("to");
    const sent = to ? state.sentTo(to) : state.sent;
    return json(res, 200, sent.map(({ image, ...m }) => ({ ...m, ...(image ? { image: { attachmentId: image.attachmentId, size: image.bytes.length, mimeType: image.mimeType } } : {}) })));
  }
  if (method !== "POST") return json(res, 404, { error: "unknown control route" });
  if (path === "users") return json(res, 200, state.createUser(String(body.name ?? "Người dùng"), { follower: Boolean(body.follower) }));
  if (path === "groups") return json(res, 200, state.createGroup(String(body.name ?? "Nhóm"), (body.memberIds as string[]) ?? []));
  if (path === "faults") {
    state.faults.push({ code: Number(body.code), message: String(body.message ?? oaErrorMessages[Number(body.code)] ?? "Lỗi"), times: Number(body.times ?? 1), ...(body.endpoint ? { endpoint: body.endpoint as "cs" } : {}), ...(body.to ? { to: String(body.to) } : {}) });
    return json(res, 200, { ok: true });
  }
  if (path === "clock") {
    state.clockOffsetMs += Number(body.advanceMs ?? 0);
    return json(res, 200, { now: state.now() });
  }
  if (path === "webhook") {
    driver.webhookUrl = String(body.url);
    return json(res, 200, { ok: true });
  }
  if (parts[0] === "users" && parts[1]) {
    const userId = parts[1];
    if (parts[2] === "text") return json(res, 200, await driver.sendText(userId, String(body.text ?? "")));
    if (parts[2] === "images") {
      const images = ((body.images as string[]) ?? []).map((b64) => Buffer.from(b64, "base64"));
      return json(res, 200, await driver.sendImages(userId, images, typeof body.text === "string" ? body.text : undefined));
    }
    if (parts[2] === "follow") return json(res, 200, await driver.follow(userId));
  }
  if (parts[0] === "groups" && parts[1] && parts[2] === "text") return json(res, 200, await driver.sendGroupText(parts[1], String(body.userId), String(body.text ?? "")));
  json(res, 404, { error: "unknown control route" });
}
