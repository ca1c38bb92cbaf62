// The public web server (PUBLIC_WEB_PORT): one node:http server whose paths are a small route
// table, so each part that serves the public mounts its own prefix (the stories' site at "/",
// signed photo links at "/media/", ...) without knowing about the others.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Logger } from "pino";

// === Routes

/**
 * Answers one request. `rest` is the path after the route's prefix, still percent-encoded
 * (for "/media/abc" under "/media/": "abc"); the query string is left out.
 */
export type RouteHandler = (req: IncomingMessage, res: ServerResponse, rest: string) => void | Promise<void>;

/** A mounted route: a prefix ending in "/" takes every path under it; any other prefix one exact path. */
export interface PublicRoute {
  prefix: string;
  methods: readonly string[];
  handle: RouteHandler;
}

/** The route of a path: the longest matching prefix wins, so "/media/" beats "/". */
export function matchRoute(routes: readonly PublicRoute[], pathname: string): { route: PublicRoute; rest: string } | undefined {
  let best: PublicRoute | undefined;
  for (const route of routes) {
    const matches = route.prefix.endsWith("/") ? pathname.startsWith(route.prefix) : pathname === route.prefix;
    if (matches && (!best || route.prefix.length > best.prefix.length)) best = route;
  }
  return best ? { route: best, rest: pathname.slice(best.prefix.length) } : undefined;
}

/** Sends a short plain-text answer (errors and refusals). */
export function sendPlain(res: ServerResponse, status: number, text: string): void {
  if (res.headersSent) return void res.end();
  res.writeHead(status, { "content-type": "text/plain; charset=utf-8", "content-length": Buffer.byteLength(text) });
  res.end(text);
}

// === Server

/**
 * The public web server. Mount routes before or after `listen`; a path no route takes is a
 * 404, a method a route does not take a 405, and a handler that throws a logged 500.
 *
 * ```ts
 * const web = new PublicWebServer(log);
 * web.mount("/media/", (req, res, token) => serveSignedPhoto(res, token));
 * await web.listen(8080);
 * ```
 */
export class PublicWebServer {
  private readonly routes: PublicRoute[] = [];
  private server: Server | undefined;

  constructor(private readonly log: Logger) {}

  /** Adds a route; GET and HEAD unless `methods` says otherwise. A prefix mounted twice is a mistake. */
  mount(prefix: string, handle: RouteHandler, methods: readonly string[] = ["GET", "HEAD"]): void {
    if (!prefix.startsWith("/")) throw new Error(`a route's prefix starts with "/": ${prefix}`);
    if (this.routes.some((r) => r.prefix === prefix)) throw new Error(`route already mounted: ${prefix}`);
    this.routes.push({ prefix, methods, handle });
  }

  /** Starts listening; resolves with the server's own address (http://host:port). */
  async listen(port: number, host = "0.0.0.0"): Promise<string> {
    const server = createServer((req, res) => void this.dispatch(req, res));
    // Keep-alive longer than clients pool connections, so a reused one is not reset under them.
    server.keepAliveTimeout = 65_000;
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, host, () => resolve());
    });
    this.server = server;
    const address = server.address() as AddressInfo;
    return `http://${host === "0.0.0.0" ? "127.0.0.1" : host}:${address.port}`;
  }

  /** Stops accepting and ends open connections. */
  async close(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private async dispatch(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const pathname = (req.url ?? "/").split("?")[0]!.split("#")[0]!;
    const found = matchRoute(this.routes, pathname);
    if (!found) return sendPlain(res, 404, "Không tìm thấy / Not found");
    if (!found.route.methods.includes(req.method ?? "GET")) {
      res.setHeader("allow", found.route.methods.join(", "));
      return sendPlain(res, 405, "Phương thức không được hỗ trợ / Method not allowed");
    }
    res.setHeader("x-content-type-options", "nosniff");
    res.setHeader("referrer-policy", "strict-origin-when-cross-origin");
    try {
      await found.route.handle(req, res, found.rest);
    } catch (err) {
      // The route only: a path under it may carry a signed token.
      this.log.error({ err, route: found.route.prefix }, "public web request failed");
      sendPlain(res, 500, "Lỗi máy chủ / Server error");
    }
  }
}
