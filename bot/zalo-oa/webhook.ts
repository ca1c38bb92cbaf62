// The HTTP endpoint Zalo POSTs events to. The signature is checked over the exact bytes before
// anything is parsed; a bad or missing one is answered 401 with nothing stored and one warning
// line. A good event is stored in the inbox, then answered 200.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Logger } from "pino";
import { dedupKeyOf, type OaInbox } from "./inbox";
import { readIds } from "./normalize";
import { verifySignature } from "./signature";

/** Zalo's events are small; anything bigger is not one. */
const maxBodyBytes = 1024 * 1024;

/** What the webhook needs. */
export interface OaWebhookOptions {
  appId: string;
  oaSecretKey: string;
  inbox: OaInbox;
  log: Logger;
  port: number;
  path: string;
  host?: string;
}

/** A listening webhook. */
export interface OaWebhook {
  /** The URL to give Zalo (behind an HTTPS proxy in production), e.g. http://127.0.0.1:8090/zalo-oa/webhook. */
  url: string;
  close(): Promise<void>;
}

/**
 * Starts the webhook's HTTP server.
 *
 * ```ts
 * const webhook = await startOaWebhook({ appId, oaSecretKey, inbox, log, port: 8090, path: "/zalo-oa/webhook" });
 * ```
 */
export async function startOaWebhook(options: OaWebhookOptions): Promise<OaWebhook> {
  const { log, inbox } = options;
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://webhook");
    if (url.pathname !== options.path) {
      res.writeHead(404).end();
      return;
    }
    if (req.method !== "POST") {
      // Zalo's console checks that the URL answers.
      res.writeHead(200, { "content-type": "text/plain" }).end("ok");
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBodyBytes) chunks.push(chunk);
    });
    req.on("end", () => {
      void (async () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        if (size > maxBodyBytes || !verifySignature(raw, req.headers["x-zevent-signature"], options.appId, options.oaSecretKey)) {
          log.warn({ remote: req.socket.remoteAddress, bytes: size, signed: Boolean(req.headers["x-zevent-signature"]) }, "zalo oa webhook refused: bad or missing signature");
          res.writeHead(401).end();
          return;
        }
        const event = readIds(raw) as { event_name?: unknown };
        const eventName = typeof event.event_name === "string" ? event.event_name : "";
        // The OA's echoes of its own messages: never handled, so not kept either.
        if (eventName.startsWith("oa_send_")) {
          res.writeHead(200).end();
          return;
        }
        try {
          await inbox.store(raw, eventName, dedupKeyOf(event as Parameters<typeof dedupKeyOf>[0]));
          res.writeHead(200).end();
        } catch (error) {
          log.error({ err: error, eventName }, "zalo oa webhook: storing the event failed");
          res.writeHead(500).end();
        }
      })();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host ?? "0.0.0.0", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${options.path}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
