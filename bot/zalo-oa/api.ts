// The OA Open API on the wire: JSON POSTs with the token in an `access_token` header, multipart
// image uploads, and Zalo's answers (HTTP 200 with a negative `error` on failure) turned into
// an OaApiError carrying the code. A token Zalo calls invalid or expired (-216, -220) is
// refreshed once and the call made again; a second refusal goes up to the caller.
import type { OaTokens } from "./tokens";

/** Zalo refused a call; `code` is its negative error (or the HTTP status when it sent none). */
export class OaApiError extends Error {
  constructor(
    readonly code: number,
    message: string,
    readonly endpoint: string,
  ) {
    super(`${endpoint}: ${code} ${message}`);
    this.name = "OaApiError";
  }
}

/** Zalo's token errors: invalid (-216), expired or revoked (-220). */
export const tokenErrorCodes: ReadonlySet<number> = new Set([-216, -220]);

/** The message part of a send, as /cs and /group/message take it. */
export interface OaMessageBody {
  text?: string;
  quote_message_id?: string;
  attachment?: unknown;
}

/** What a send returned. */
export interface OaSent {
  messageId: string;
}

/**
 * A small client of the OA Open API.
 *
 * ```ts
 * const api = new OaApi("https://openapi.zalo.me", tokens);
 * const { messageId } = await api.sendToUser("2460000000000000003", { text: "Xin chào" });
 * ```
 */
export class OaApi {
  constructor(
    private readonly apiRoot: string,
    private readonly tokens: OaTokens,
  ) {}

  /** A consultation message (`/v3.0/oa/message/cs`) to a person. */
  async sendToUser(userId: string, message: OaMessageBody, signal?: AbortSignal): Promise<OaSent> {
    const data = await this.postJson("/v3.0/oa/message/cs", { recipient: { user_id: userId }, message }, signal);
    return { messageId: String(data.message_id ?? "") };
  }

  /** A message into an OA-owned group (`/v3.0/oa/group/message`). */
  async sendToGroup(groupId: string, message: OaMessageBody, signal?: AbortSignal): Promise<OaSent> {
    const data = await this.postJson("/v3.0/oa/group/message", { recipient: { group_id: groupId }, message }, signal);
    return { messageId: String(data.message_id ?? "") };
  }

  /** A person's public profile: their display name (webhooks carry none). */
  async userDetail(userId: string, signal?: AbortSignal): Promise<{ displayName?: string }> {
    const data = await this.call(`/v3.0/oa/user/detail?data=${encodeURIComponent(JSON.stringify({ user_id: userId }))}`, () => null, signal);
    return typeof data.display_name === "string" && data.display_name.trim() ? { displayName: data.display_name.trim() } : {};
  }

  /** Uploads a JPEG or PNG of at most 1 MB; returns its `attachment_id` (valid 7 days). */
  async uploadImage(bytes: Buffer, mimeType: "image/jpeg" | "image/png", signal?: AbortSignal): Promise<string> {
    const data = await this.call(
      "/v2.0/oa/upload/image",
      () => {
        const form = new FormData();
        form.append("file", new Blob([new Uint8Array(bytes)], { type: mimeType }), mimeType === "image/png" ? "photo.png" : "photo.jpg");
        return form;
      },
      signal,
    );
    const id = data.attachment_id;
    if (typeof id !== "string" || !id) throw new OaApiError(-1, "no attachment_id in the answer", "/v2.0/oa/upload/image");
    return id;
  }

  private postJson(endpoint: string, body: unknown, signal?: AbortSignal): Promise<Record<string, unknown>> {
    return this.call(endpoint, () => JSON.stringify(body), signal);
  }

  /** One call, made again once with a refreshed token after -216/-220. */
  private async call(endpoint: string, body: () => string | FormData | null, signal?: AbortSignal): Promise<Record<string, unknown>> {
    let access = await this.tokens.current();
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.once(endpoint, access.token, body(), signal);
      } catch (error) {
        if (attempt > 0 || !(error instanceof OaApiError) || !tokenErrorCodes.has(error.code)) throw error;
        access = await this.tokens.refresh(access.generation);
      }
    }
  }

  private async once(endpoint: string, token: string, body: string | FormData | null, signal?: AbortSignal): Promise<Record<string, unknown>> {
    const response = await fetch(`${this.apiRoot}${endpoint}`, {
      method: body === null ? "GET" : "POST",
      headers: { access_token: token, ...(typeof body === "string" ? { "content-type": "application/json" } : {}) },
      ...(body === null ? {} : { body }),
      signal: signal ?? AbortSignal.timeout(30_000),
    });
    const text = await response.text();
    let parsed: { error?: unknown; message?: unknown; data?: unknown };
    try {
      parsed = JSON.parse(text) as typeof parsed;
    } catch {
      throw new OaApiError(response.status >= 400 ? response.status : -1, `not JSON (HTTP ${response.status})`, endpoint);
    }
    const code = typeof parsed.error === "number" ? parsed.error : Number(parsed.error ?? (response.ok ? 0 : response.status));
    if (code !== 0) throw new OaApiError(code, typeof parsed.message === "string" ? parsed.message : "", endpoint);
    return (parsed.data ?? {}) as Record<string, unknown>;
  }
}
