// The `/media/<token>` route as a plain node:http handler, so any of the bot's HTTP servers
// (a channel's webhook, the public web server) can mount it: a good token streams its file
// from MEDIA_DIR, an expired one is 403, a forged or unknown one 404 — nothing else is served.
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import type { MediaUrlSigner } from "./signed-urls";

/** The path prefix the handler answers. */
export const mediaRoutePrefix = "/media/";

const typesByExtension: Record<string, string> = { jpg: "image/jpeg", jpeg: "image/jpeg", png: "image/png", gif: "image/gif", webp: "image/webp", heic: "image/heic" };

/** Answers a request; false when the request is not for `/media/`, so the server routes it elsewhere. */
export type MediaRequestHandler = (req: IncomingMessage, res: ServerResponse) => boolean;

/**
 * A handler serving signed media addresses from `mediaDir`.
 *
 * ```ts
 * const media = createMediaHandler({ signer, mediaDir });
 * createServer((req, res) => { if (!media(req, res)) res.writeHead(404).end(); });
 * ```
 */
export function createMediaHandler(options: { signer: MediaUrlSigner; mediaDir: string }): MediaRequestHandler {
  const root = path.resolve(options.mediaDir);
  return (req, res) => {
    const pathname = new URL(req.url ?? "/", "http://media").pathname;
    if (!pathname.startsWith(mediaRoutePrefix)) return false;
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { allow: "GET, HEAD" }).end();
      return true;
    }
    const checked = options.signer.check(decodeURIComponent(pathname.slice(mediaRoutePrefix.length)));
    if (!checked.ok) {
      res.writeHead(checked.reason === "expired" ? 403 : 404, { "cache-control": "no-store" }).end();
      return true;
    }
    const file = path.resolve(root, checked.path);
    if (!file.startsWith(`${root}${path.sep}`)) {
      res.writeHead(404).end();
      return true;
    }
    void sendFile(file, req.method === "HEAD", res);
    return true;
  };
}

async function sendFile(file: string, headOnly: boolean, res: ServerResponse): Promise<void> {
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new Error("not a file");
    const type = typesByExtension[path.extname(file).slice(1).toLowerCase()] ?? "application/octet-stream";
    // The token expires; whoever fetched it may keep the bytes, nobody should keep the address.
    res.writeHead(200, { "content-type": type, "content-length": info.size, "cache-control": "private, max-age=300", "x-content-type-options": "nosniff" });
    if (headOnly) return void res.end();
    createReadStream(file).on("error", () => res.destroy()).pipe(res);
  } catch {
    if (!res.headersSent) res.writeHead(404).end();
  }
}

