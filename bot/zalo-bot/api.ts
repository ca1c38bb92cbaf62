// The Zalo Bot Platform on the wire: `POST <root>/bot<TOKEN>/<method>` with a JSON body, and
// Zalo's envelope (`{ok:true,result}`, or `{ok:false,error_code,description}`) turned into a
// result or a ZaloBotApiError. The token sits in the URL path, so no error this module lets
// out carries the URL or the token: network failures are re-raised with the method name only.

/** Zalo refused a call; `code` is its error_code (408 idle poll, 429 quota, 401 bad token…). */
export class ZaloBotApiError extends Error {
  constructor(
    readonly code: number,
    readonly description: string,
    readonly method: string,
  ) {
    super(`zalo bot ${method}: ${code} ${description}`);
    this.name = "ZaloBotApiError";
  }
}

/** The call never got an answer (network, timeout); the message names the method, never the URL. */
export class ZaloBotNetworkError extends Error {
  constructor(
    readonly method: string,
    reason: string,
    readonly timedOut: boolean,
  ) {
    super(`zalo bot ${method}: no answer (${reason})`);
    this.name = "ZaloBotNetworkError";
  }
}

/** What getMe says of the bot. */
export interface ZaloBotIdentity {
  id: string;
  accountName?: string;
  /** The name people see and @mention; not in every answer. */
  displayName?: string;
}

/** What a send returned. */
export interface ZaloBotSent {
  messageId: string;
}

/** `text` with every occurrence of `secret` replaced (an error text that echoed a URL). */
export function redactSecret(text: string, secret: string): string {
  return secret ? text.split(secret).join("[redacted]") : text;
}

/**
 * A small client of the Bot Platform.
 *
 * ```ts
 * const api = new ZaloBotApi("https://bot-api.zaloplatforms.com", token);
 * const { messageId } = await api.sendMessage(chatId, "Xin chào");
 * ```
 */
export class ZaloBotApi {
  constructor(
    private readonly apiRoot: string,
    private readonly token: string,
  ) {}

  async getMe(signal?: AbortSignal): Promise<ZaloBotIdentity> {
    const me = (await this.call("getMe", {}, signal)) as { id?: unknown; account_name?: unknown; display_name?: unknown };
    return {
      id: String(me.id ?? ""),
      ...(typeof me.account_name === "string" ? { accountName: me.account_name } : {}),
      ...(typeof me.display_name === "string" ? { displayName: me.display_name } : {}),
    };
  }

  /**
   * One update, waiting up to `timeoutSeconds`; null when the wait ended idle (Zalo's 408).
   * The local timeout is longer than Zalo's, so Zalo is the one to end an idle wait.
   */
  async getUpdates(timeoutSeconds: number, signal?: AbortSignal): Promise<unknown> {
    const local = AbortSignal.timeout((timeoutSeconds + 15) * 1000);
    try {
      return await this.call("getUpdates", { timeout: String(timeoutSeconds) }, signal ? AbortSignal.any([signal, local]) : local);
    } catch (error) {
      if (error instanceof ZaloBotApiError && error.code === 408) return null;
      throw error;
    }
  }

  async sendMessage(chatId: string, text: string, signal?: AbortSignal): Promise<ZaloBotSent> {
    return this.sent(await this.call("sendMessage", { chat_id: chatId, text }, signal));
  }

  /** A photo by its public URL (the Bot Platform takes no uploads). */
  async sendPhoto(chatId: string, photoUrl: string, caption?: string, signal?: AbortSignal): Promise<ZaloBotSent> {
    return this.sent(await this.call("sendPhoto", { chat_id: chatId, photo: photoUrl, ...(caption ? { caption } : {}) }, signal));
  }

  async sendChatAction(chatId: string, action: "typing", signal?: AbortSignal): Promise<void> {
    await this.call("sendChatAction", { chat_id: chatId, action }, signal);
  }

  async setWebhook(url: string, secretToken: string, signal?: AbortSignal): Promise<void> {
    await this.call("setWebhook", { url, secret_token: secretToken }, signal);
  }

  async deleteWebhook(signal?: AbortSignal): Promise<void> {
    await this.call("deleteWebhook", {}, signal);
  }

  private sent(result: unknown): ZaloBotSent {
    const id = (result as { message_id?: unknown } | null)?.message_id;
    return { messageId: id === undefined || id === null ? "" : String(id) };
  }

  /** One call; the result, or a ZaloBotApiError / ZaloBotNetworkError without the token. */
  private async call(method: string, params: Record<string, unknown>, signal?: AbortSignal): Promise<unknown> {
    let response: Response;
    let text: string;
    try {
      response = await fetch(`${this.apiRoot}/bot${this.token}/${method}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(params),
        signal: signal ?? AbortSignal.timeout(30_000),
      });
      text = await response.text();
    } catch (error) {
      const name = (error as Error).name;
      const reason = name === "AbortError" || name === "TimeoutError" ? name : redactSecret(String((error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message), this.token);
      throw new ZaloBotNetworkError(method, reason, name === "TimeoutError");
    }
    let parsed: { ok?: unknown; result?: unknown; error_code?: unknown; description?: unknown };
    try {
      parsed = JSON.parse(text) as typeof parsed;
    } catch {
      throw new ZaloBotApiError(response.status >= 400 ? response.status : 502, `not JSON (HTTP ${response.status})`, method);
    }
    if (parsed.ok === true) return parsed.result;
    const code = typeof parsed.error_code === "number" ? parsed.error_code : response.status >= 400 ? response.status : 502;
    throw new ZaloBotApiError(code, redactSecret(typeof parsed.description === "string" ? parsed.description : "", this.token), method);
  }
}
