import { readFile } from "node:fs/promises";
import path from "node:path";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { callMethod } from "./api";
import { emulatorDir } from "./assets";
import { ApiError, notFound, unauthorized } from "./errors";
import { parseApiRequest } from "./request";
import type { EmulatorState } from "./state";

/** Handles `/_emulator/...` requests; returns false when the path is not one of its routes. */
export type ControlHandler = (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<boolean>;

/** A running HTTP server and how to stop it. */
export interface RunningServer {
  server: Server;
  /** e.g. "http://127.0.0.1:8081" */
  url: string;
  close(): Promise<void>;
}

const apiPath = /^\/bot([^/]+)\/([A-Za-z0-9_]*)\/?$/;
const filePath = /^\/file\/bot([^/]+)\/(.+)$/;
/** A stored file by its file_id, for the chat page's thumbnails (no token: the page is local). */
const pageFilePath = /^\/_emulator\/file\/([^/]+)$/;

/** Writes a JSON body with a status code. */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent || res.destroyed) return;
  const payload = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(payload) });
  res.end(payload);
}

/** Writes a Telegram error. */
export function sendError(res: ServerResponse, error: ApiError): void {
  sendJson(res, error.code, error.toJSON());
}

/**
 * Starts the HTTP server on `host:port` (port 0: any free port) serving the Bot API at
 * `/bot<token>/<method>`, file downloads at `/file/bot<token>/<file_path>`, and the control
 * API through `control`.
 */
export async function startServer(state: EmulatorState, options: { host: string; port: number; control: ControlHandler; pages?: ControlHandler }): Promise<RunningServer> {
  const server = createServer((req, res) => {
    void route(state, options, req, res).catch((error: unknown) => {
      sendJson(res, 500, { ok: false, error_code: 500, description: `Internal Server Error: ${(error as Error).message}` });
    });
  });
  // Long polls may wait 50 s; Node's default request timeouts must not cut them.
  server.requestTimeout = 0;
  server.headersTimeout = 60_000;
  // Longer than any client keeps a pooled connection idle: a server closing an idle connection
  // just as a client reuses it makes that request fail with a reset (seen on loaded machines).
  server.keepAliveTimeout = 120_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  return {
    server,
    url: `http://${options.host}:${address.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** The chat page's files: the page acts as Telegram users through the control API (the local playground). */
const pageAssets: Record<string, string> = {
  "chat.html": "text/html; charset=utf-8",
  "chat.css": "text/css; charset=utf-8",
  "chat.js": "text/javascript; charset=utf-8",
};

async function servePageAsset(res: ServerResponse, name: string): Promise<void> {
  const type = pageAssets[name];
  if (!type) return sendError(res, notFound());
  res.writeHead(200, { "content-type": type, "cache-control": "no-store" });
  res.end(await readFile(path.join(emulatorDir, "web", name)));
}

async function route(state: EmulatorState, handlers: { control: ControlHandler; pages?: ControlHandler }, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? "/", "http://127.0.0.1");
  const api = apiPath.exec(url.pathname);
  if (api) return serveApi(state, req, res, url, decodeURIComponent(api[1]!), api[2]!);
  const file = filePath.exec(url.pathname);
  if (file) return serveFile(state, res, decodeURIComponent(file[1]!), decodeURIComponent(file[2]!));
  const pageFile = pageFilePath.exec(url.pathname);
  if (pageFile) return servePageFile(state, res, decodeURIComponent(pageFile[1]!));
  if (url.pathname === "/_emulator" || url.pathname.startsWith("/_emulator/")) {
    if (await handlers.control(req, res, url)) return;
  }
  // Pages and routes of whoever embeds the emulator (the playground's own page and controls).
  if (handlers.pages && (await handlers.pages(req, res, url))) return;
  if (req.method === "GET" && (url.pathname === "/" || url.pathname === "/chat")) return servePageAsset(res, "chat.html");
  if (req.method === "GET" && url.pathname.startsWith("/_emulator/page/")) return servePageAsset(res, url.pathname.slice("/_emulator/page/".length));
  sendError(res, notFound());
}

async function serveApi(state: EmulatorState, req: IncomingMessage, res: ServerResponse, url: URL, token: string, method: string): Promise<void> {
  const aborted = new AbortController();
  res.on("close", () => {
    if (!res.writableFinished) aborted.abort();
  });
  let request;
  try {
    request = await parseApiRequest(req, url);
  } catch (error) {
    if (error instanceof ApiError) return sendError(res, error);
    throw error;
  }
  const outcome = await callMethod(state, token, method, request, aborted.signal);
  if (outcome.kind === "destroy") {
    req.socket.destroy();
    return;
  }
  if (outcome.kind === "error") return sendError(res, outcome.error);
  sendJson(res, 200, { ok: true, result: outcome.result });
}

function servePageFile(state: EmulatorState, res: ServerResponse, fileId: string): void {
  const file = state.files.get(fileId);
  if (!file) return sendError(res, notFound());
  res.writeHead(200, { "content-type": file.mimeType ?? "application/octet-stream", "content-length": file.bytes.length, "cache-control": "max-age=3600" });
  res.end(file.bytes);
}

function serveFile(state: EmulatorState, res: ServerResponse, token: string, path: string): void {
  if (!state.bots.has(token)) return sendError(res, unauthorized());
  const file = state.files.getByPath(path);
  if (!file) return sendError(res, notFound());
  res.writeHead(200, { "content-type": file.mimeType ?? "application/octet-stream", "content-length": file.bytes.length });
  res.end(file.bytes);
}
