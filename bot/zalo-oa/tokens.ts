// The OA's access token, kept alive. Zalo's refresh tokens are single-use: each refresh returns
// a new pair and voids the old refresh token, so two processes refreshing at once lock the OA
// out until an admin re-authorises in a browser. Hence: one refresher at a time (a lease on the
// token row in the database, which every process shares), and the new pair written to the
// database before it is used. Tokens are never logged.
import { randomUUID } from "node:crypto";
import type { Logger } from "pino";
import { z } from "zod";
import type { Db } from "../../core/db/client";

// === OAuth v4

/** A token pair as Zalo returns it: `expires_in` is a string of seconds. */
const tokenResponseSchema = z.object({
  access_token: z.string().min(1),
  refresh_token: z.string().min(1),
  expires_in: z.coerce.number().int().positive(),
});

/** Zalo refused a token request (a used or expired refresh token, a wrong secret). */
export class OaTokenError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
    this.name = "OaTokenError";
  }
}

/** A token pair. */
export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  expiresInSeconds: number;
}

/**
 * POSTs to Zalo's token endpoint: the app secret in the `secret_key` header, the grant in a
 * form body.
 *
 * ```ts
 * await requestTokens(oauthRoot, appId, appSecret, { grant_type: "refresh_token", refresh_token })
 * ```
 */
export async function requestTokens(oauthRoot: string, appId: string, appSecret: string, grant: Record<string, string>): Promise<TokenPair> {
  const response = await fetch(`${oauthRoot}/v4/oa/access_token`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", secret_key: appSecret },
    body: new URLSearchParams({ app_id: appId, ...grant }).toString(),
    signal: AbortSignal.timeout(30_000),
  });
  const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  const parsed = tokenResponseSchema.safeParse(body);
  if (!parsed.success) {
    const code = typeof body.error === "number" ? body.error : response.status;
    throw new OaTokenError(code, `Zalo refused the token request (${code}): ${typeof body.message === "string" ? body.message : "no message"}`);
  }
  return { accessToken: parsed.data.access_token, refreshToken: parsed.data.refresh_token, expiresInSeconds: parsed.data.expires_in };
}

// === The token chain

/** What an {@link OaTokens} needs. */
export interface OaTokensOptions {
  db: Db;
  log: Logger;
  appId: string;
  appSecret: string;
  oauthRoot: string;
  /** Starts the chain when the database has no pair yet (ZALO_OA_REFRESH_TOKEN). */
  bootstrapRefreshToken?: string;
  /** How long a refresher holds the lease; default 60 s (a refresh takes well under it). */
  leaseMs?: number;
  /** Refresh this long before the access token expires; default 10 minutes. */
  marginMs?: number;
  now?: () => number;
}

/** An access token and the generation of the pair it belongs to. */
export interface AccessToken {
  token: string;
  generation: number;
}

/** No pair stored and none to start from: an admin must run `npm run zalo-oa:connect`. */
export class OaNotConnectedError extends Error {
  constructor() {
    super("The Zalo OA is not connected: run npm run zalo-oa:connect, or set ZALO_OA_REFRESH_TOKEN");
    this.name = "OaNotConnectedError";
  }
}

/**
 * The OA's token chain in the database.
 *
 * ```ts
 * const tokens = new OaTokens({ db, log, appId, appSecret, oauthRoot });
 * const { token, generation } = await tokens.current();
 * // Zalo said -216/-220 for that token:
 * const fresh = await tokens.refresh(generation);
 * ```
 */
export class OaTokens {
  private readonly owner = randomUUID();
  private readonly leaseMs: number;
  private readonly marginMs: number;
  private readonly now: () => number;
  /** One refresh at a time inside this process too. */
  private refreshing: Promise<AccessToken> | null = null;

  constructor(private readonly options: OaTokensOptions) {
    this.leaseMs = options.leaseMs ?? 60_000;
    this.marginMs = options.marginMs ?? 10 * 60_000;
    this.now = options.now ?? Date.now;
  }

  /** Stores a pair an admin just obtained (the connect command), replacing the chain. */
  async store(pair: TokenPair): Promise<void> {
    const data = { accessToken: pair.accessToken, refreshToken: pair.refreshToken, accessExpiresAt: new Date(this.now() + pair.expiresInSeconds * 1000) };
    await this.options.db.zaloOaToken.upsert({
      where: { appId: this.options.appId },
      create: { appId: this.options.appId, ...data },
      update: { ...data, generation: { increment: 1 }, leaseOwner: null, leaseUntil: null },
    });
  }

  /** A usable access token, refreshed first when it is about to expire. */
  async current(): Promise<AccessToken> {
    const row = await this.row();
    if (row.accessToken && row.accessExpiresAt.getTime() - this.marginMs > this.now()) return { token: row.accessToken, generation: row.generation };
    return this.refresh(row.generation);
  }

  /**
   * A new access token because the one of generation `stale` failed or expires. When another
   * process refreshed meanwhile, its pair is used and Zalo is not asked again.
   */
  refresh(stale: number): Promise<AccessToken> {
    this.refreshing ??= this.refreshOnce(stale).finally(() => (this.refreshing = null));
    return this.refreshing;
  }

  private async refreshOnce(stale: number): Promise<AccessToken> {
    const { db, appId } = this.options;
    for (;;) {
      const row = await this.row();
      if (row.generation > stale && row.accessToken && row.accessExpiresAt.getTime() > this.now()) return { token: row.accessToken, generation: row.generation };
      const now = new Date(this.now());
      const taken = await db.zaloOaToken.updateMany({
        where: { appId, OR: [{ leaseUntil: null }, { leaseUntil: { lt: now } }, { leaseOwner: this.owner }] },
        data: { leaseOwner: this.owner, leaseUntil: new Date(this.now() + this.leaseMs) },
      });
      if (taken.count === 0) {
        // Another process is refreshing: wait for its pair.
        await new Promise((resolve) => setTimeout(resolve, 100));
        continue;
      }
      try {
        const held = await this.row();
        if (held.generation > stale && held.accessToken && held.accessExpiresAt.getTime() > this.now()) return { token: held.accessToken, generation: held.generation };
        const pair = await requestTokens(this.options.oauthRoot, appId, this.options.appSecret, { grant_type: "refresh_token", refresh_token: held.refreshToken });
        // Written before use: the old refresh token is void from this moment.
        await db.zaloOaToken.update({
          where: { appId },
          data: {
            accessToken: pair.accessToken,
            refreshToken: pair.refreshToken,
            accessExpiresAt: new Date(this.now() + pair.expiresInSeconds * 1000),
            previousAccessToken: held.accessToken || null,
            previousRefreshToken: held.refreshToken,
            generation: held.generation + 1,
          },
        });
        this.options.log.info({ generation: held.generation + 1 }, "zalo oa token refreshed");
        return { token: pair.accessToken, generation: held.generation + 1 };
      } finally {
        await db.zaloOaToken.updateMany({ where: { appId, leaseOwner: this.owner }, data: { leaseOwner: null, leaseUntil: null } });
      }
    }
  }

  /** The stored pair; on a first start, a row from ZALO_OA_REFRESH_TOKEN that refreshes at once. */
  private async row() {
    const { db, appId } = this.options;
    const row = await db.zaloOaToken.findUnique({ where: { appId } });
    if (row) return row;
    if (!this.options.bootstrapRefreshToken) throw new OaNotConnectedError();
    await db.zaloOaToken.createMany({ data: [{ appId, accessToken: "", refreshToken: this.options.bootstrapRefreshToken, accessExpiresAt: new Date(0) }] }).catch(() => undefined);
    return db.zaloOaToken.findUniqueOrThrow({ where: { appId } });
  }
}
