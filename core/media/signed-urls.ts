// Stored photos at public addresses nobody can guess or keep: a channel that sends photos only
// by URL (the Zalo Bot Platform's sendPhoto) gets `<PUBLIC_BASE_URL>/media/<token>`, where the
// token names one file under MEDIA_DIR and an expiry, signed with HMAC-SHA256. A token that
// was altered, or names a path outside MEDIA_DIR, is unknown; one past its expiry is refused.
import { createHmac, timingSafeEqual } from "node:crypto";
import path from "node:path";

/** How long a signed address works by default: long enough for the channel to fetch it. */
export const defaultMediaUrlTtlSeconds = 60 * 60;

/** What a token says once checked. */
export type MediaTokenCheck = { ok: true; path: string } | { ok: false; reason: "invalid" | "expired" };

/** A stored file's path as a token may carry it: relative, inside MEDIA_DIR, no "..". */
function isSafeRelativePath(file: string): boolean {
  if (file === "" || file.includes("\0") || path.isAbsolute(file) || file.includes("\\")) return false;
  return file.split("/").every((part) => part !== "" && part !== "." && part !== "..");
}

/**
 * Signs and checks media tokens.
 *
 * ```ts
 * const signer = new MediaUrlSigner(key);
 * signer.url("https://guongsang.example.vn", "ab/ab12….jpg") // "https://guongsang.example.vn/media/eyJw….Zk3…"
 * signer.check(token) // { ok: true, path: "ab/ab12….jpg" }
 * ```
 */
export class MediaUrlSigner {
  constructor(
    private readonly key: Buffer,
    private readonly now: () => number = Date.now,
  ) {
    if (key.length < 16) throw new Error("A media signing key needs at least 16 bytes");
  }

  /**
   * A key for the media URLs derived from a secret the deployment already keeps (the bot
   * token), so no setting of its own is needed; a new token makes every old address void.
   */
  static fromSecret(secret: string): MediaUrlSigner {
    return new MediaUrlSigner(createHmac("sha256", secret).update("guong-sang media urls v1").digest());
  }

  /** A token for `file` (relative to MEDIA_DIR) that works for `ttlSeconds`. */
  sign(file: string, ttlSeconds: number = defaultMediaUrlTtlSeconds): string {
    const normalized = file.split(path.sep).join("/");
    if (!isSafeRelativePath(normalized)) throw new Error("Only a file inside the media folder can be signed");
    const expires = Math.floor(this.now() / 1000) + ttlSeconds;
    const body = Buffer.from(JSON.stringify({ p: normalized, e: expires }), "utf8").toString("base64url");
    return `${body}.${this.mac(body)}`;
  }

  /** The public address of `file` under `baseUrl`. */
  url(baseUrl: string, file: string, ttlSeconds?: number): string {
    return `${baseUrl.replace(/\/+$/, "")}/media/${this.sign(file, ttlSeconds)}`;
  }

  /** Checks a token: its signature first (in constant time), then its expiry. */
  check(token: string): MediaTokenCheck {
    const dot = token.indexOf(".");
    if (dot <= 0) return { ok: false, reason: "invalid" };
    const body = token.slice(0, dot);
    const given = Buffer.from(token.slice(dot + 1), "utf8");
    const expected = Buffer.from(this.mac(body), "utf8");
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: "invalid" };
    let claims: { p?: unknown; e?: unknown };
    try {
      claims = JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as typeof claims;
    } catch {
      return { ok: false, reason: "invalid" };
    }
    if (typeof claims.p !== "string" || typeof claims.e !== "number" || !isSafeRelativePath(claims.p)) return { ok: false, reason: "invalid" };
    if (claims.e * 1000 < this.now()) return { ok: false, reason: "expired" };
    return { ok: true, path: claims.p };
  }

  private mac(body: string): string {
    return createHmac("sha256", this.key).update(body).digest("base64url");
  }
}
