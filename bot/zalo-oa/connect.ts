// Connecting an agency's OA: OAuth v4 with PKCE. The admin opens the permission URL, an OA
// admin grants the app, Zalo sends the browser back with `?code=…`; the code (or the whole
// address) is pasted back, exchanged for a token pair, and the pair stored in the database.
import { createHash, randomInt } from "node:crypto";
import { requestTokens, type OaTokens } from "./tokens";

const verifierAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/** A new PKCE verifier: 43 letters and digits, as Zalo asks. */
export function newCodeVerifier(): string {
  return Array.from({ length: 43 }, () => verifierAlphabet[randomInt(verifierAlphabet.length)]).join("");
}

/** base64url(sha256(verifier)) without padding. */
export function codeChallengeOf(verifier: string): string {
  return createHash("sha256").update(verifier, "ascii").digest("base64url");
}

/** The URL an admin opens to grant the app access to the OA. */
export function permissionUrl(oauthRoot: string, appId: string, redirectUri: string, challenge: string, state: string): string {
  const url = new URL(`${oauthRoot}/v4/oa/permission`);
  url.searchParams.set("app_id", appId);
  url.searchParams.set("redirect_uri", redirectUri);
  url.searchParams.set("code_challenge", challenge);
  url.searchParams.set("state", state);
  return url.toString();
}

/** The code from what the admin pasted: the code itself, or the address Zalo sent them back to. */
export function codeFromPasted(pasted: string): string | null {
  const text = pasted.trim();
  if (!text) return null;
  if (/^https?:\/\//i.test(text)) return new URL(text).searchParams.get("code");
  return text;
}

/**
 * Exchanges a permission code for the first token pair and stores it.
 *
 * ```ts
 * await connectWithCode({ oauthRoot, appId, appSecret, tokens }, code, verifier);
 * ```
 */
export async function connectWithCode(settings: { oauthRoot: string; appId: string; appSecret: string; tokens: OaTokens }, code: string, verifier: string): Promise<void> {
  const pair = await requestTokens(settings.oauthRoot, settings.appId, settings.appSecret, { grant_type: "authorization_code", code, code_verifier: verifier });
  await settings.tokens.store(pair);
}
