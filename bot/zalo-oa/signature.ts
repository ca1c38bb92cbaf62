// Zalo signs each webhook event: X-ZEvent-Signature = sha256_hex(appId + rawBody + timestamp +
// OA secret key), where timestamp is the body's own `timestamp` field. Plain SHA-256 over the
// concatenation, not an HMAC; the header carries a "mac=" prefix (accepted without it too).
import { createHash, timingSafeEqual } from "node:crypto";

/** The signature Zalo computes for a body, without the "mac=" prefix. */
export function expectedSignature(appId: string, rawBody: string, timestamp: string, oaSecretKey: string): string {
  return createHash("sha256").update(appId + rawBody + timestamp + oaSecretKey, "utf8").digest("hex");
}

/** The body's `timestamp` read from the raw text, without parsing ids as numbers. */
export function bodyTimestamp(rawBody: string): string | undefined {
  try {
    const value = (JSON.parse(rawBody) as { timestamp?: unknown }).timestamp;
    return typeof value === "string" || typeof value === "number" ? String(value) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Whether a webhook request is Zalo's: the header matches the body in constant time. A missing
 * header, a body that is not JSON or has no timestamp, or any other value → false.
 *
 * ```ts
 * verifySignature(raw, req.headers["x-zevent-signature"], appId, secretKey) // true or false
 * ```
 */
export function verifySignature(rawBody: string, header: string | string[] | undefined, appId: string, oaSecretKey: string): boolean {
  const value = Array.isArray(header) ? header[0] : header;
  if (!value) return false;
  const timestamp = bodyTimestamp(rawBody);
  if (timestamp === undefined) return false;
  const given = Buffer.from(value.trim().replace(/^mac=/i, "").toLowerCase(), "utf8");
  const expected = Buffer.from(expectedSignature(appId, rawBody, timestamp, oaSecretKey), "utf8");
  return given.length === expected.length && timingSafeEqual(given, expected);
}
