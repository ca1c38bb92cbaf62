// The public site served live: each request renders the file it names from the stories public
// at that moment, so a story appears as soon as it is published and is gone (page, photos,
// feeds, search index) as soon as it is withdrawn or its consent revoked.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { DbTx } from "../db/client";
import type { SiteContext } from "./model";
import { publicStories } from "./select";
import { siteFiles } from "./site";

/** What the live site needs. */
export interface LiveSiteDeps {
  db: DbTx;
  mediaDir: string;
  /** The pages' context as of now (the clock moves between requests). */
  context: () => SiteContext;
}

/** Re-encoded photos by path: the stored originals never change, so a rendition is made once. */
class PhotoCache {
  private readonly entries = new Map<string, Buffer>();
  constructor(private readonly capacity = 200) {}

  get(key: string): Buffer | undefined {
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }

  set(key: string, value: Buffer): void {
    this.entries.set(key, value);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }
}

/** The site's path a request names: "" and folders mean their index. */
function sitePathOf(rest: string): string | null {
  try {
    const decoded = decodeURIComponent(rest);
    return decoded === "" || decoded.endsWith("/") ? `${decoded}index.html` : decoded;
  } catch {
    return null;
  }
}

/**
 * A request handler for the site at the server's root ("/"). Every answer is marked
 * "no-cache", so browsers ask again and a withdrawn story does not linger in them either.
 */
export function liveSiteHandler(deps: LiveSiteDeps) {
  const photos = new PhotoCache();
  return async (req: IncomingMessage, res: ServerResponse, rest: string): Promise<void> => {
    const wanted = sitePathOf(rest);
    const files = siteFiles(await publicStories(deps.db), deps.context(), deps.mediaDir);
    const file = files.find((f) => f.path === wanted);
    const chosen = file ?? files.find((f) => f.path === "404.html")!;
    let body = file?.contentType === "image/jpeg" ? photos.get(file.path) : undefined;
    if (!body) {
      const rendered = await chosen.render();
      body = typeof rendered === "string" ? Buffer.from(rendered) : rendered;
      if (file?.contentType === "image/jpeg") photos.set(file.path, body);
    }
    res.writeHead(file ? 200 : 404, { "content-type": chosen.contentType, "content-length": body.length, "cache-control": "no-cache" });
    res.end(req.method === "HEAD" ? undefined : body);
  };
}
