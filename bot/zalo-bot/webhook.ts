// The HTTP endpoint the Bot Platform POSTs updates to. The X-Bot-Api-Secret-Token header is
// compared in constant time before the body is even read: a wrong or missing one is answered
// 401 with nothing stored. A good update (flat, or wrapped in {ok, result}) is stored in the
// inbox (its photo kept first), then answered 200. Any other path goes to the mounted handlers (the signed media).
import { createHash, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Logger } from "pino";
import type { PersistedInbox } from "../../core/channel/inbox";
import type { MediaRequestHandler } from "../../core/media/serve";
import { dedupKeyOf, readUpdate } from "./normalize";
import { keepPhotoAtReceipt } from "./receipt";

/** Updates are small; anything bigger is not one. */
const maxBodyBytes = 1024 * 1024;

/** What the webhook needs. */
export interface BotWebhookOptions {
  secret: string;
  inbox: PersistedInbox;
  log: Logger;
  /** Where a photo is kept the moment its update arrives. */
  mediaDir: string;
  port: number;
  path: string;
  host?: string;
  /** Handlers for other paths (e.g. `/media/`), tried in order. */
  mounts?: MediaRequestHandler[];
}

/** A listening webhook. */
export interface BotWebhook {
  /** The local address, e.g. http://127.0.0.1:8093/zalo-bot/webhook (behind HTTPS in production). */
  url: string;
  /** The local origin, e.g. http://127.0.0.1:8093. */
  origin: string;
  close(): Promise<void>;
}

/** Whether the header carries the secret; hashed first so the comparison's time says nothing of either. */
export function secretMatches(header: string | string[] | undefined, secret: string): boolean {
  if (typeof header !== "string") return false;
  const digest = (value: string) => createHash("sha256").update(value, "utf8").digest();
  return timingSafeEqual(digest(header), digest(secret));
}

async function readLimited(req: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxBodyBytes) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

async function receive(options: BotWebhookOptions, req: IncomingMessage): Promise<number> {
  if (!secretMatches(req.headers["x-bot-api-secret-token"], options.secret)) {
    options.log.warn({ remote: req.socket.remoteAddress, signed: req.headers["x-bot-api-secret-token"] !== undefined }, "zalo bot webhook refused: bad or missing secret token");
    return 401;
  }
  const raw = await readLimited(req);
  let update = null;
  try {
    update = raw === null ? null : readUpdate(JSON.parse(raw));
  } catch {
    update = null;
  }
  if (!update) {
    options.log.warn({ bytes: raw?.length }, "zalo bot webhook: a body that is no update");
    return 400;
  }
  const kept = await keepPhotoAtReceipt(update, options.mediaDir, options.log);
  await options.inbox.store(JSON.stringify(kept), kept.event_name, dedupKeyOf(kept));
  return 200;
}

/**
 * Starts the webhook's HTTP server.
 *
 * ```ts
 * const webhook = await startBotWebhook({ secret, inbox, log, port: 8093, path: "/zalo-bot/webhook", mounts: [media] });
 * ```
 */
export async function startBotWebhook(options: BotWebhookOptions): Promise<BotWebhook> {
  const server: Server = createServer((req, res) => {
    const pathname = new URL(req.url ?? "/", "http://webhook").pathname;
    if (pathname !== options.path || req.method !== "POST") {
      if (!(options.mounts ?? []).some((handle) => handle(req, res))) res.writeHead(404).end();
      return;
    }
    receive(options, req).then(
      (status) => res.writeHead(status).end(),
      (error: unknown) => {
        options.log.error({ err: error }, "zalo bot webhook: storing the update failed");
        res.writeHead(500).end();
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host ?? "0.0.0.0", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}${options.path}`,
    origin,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
