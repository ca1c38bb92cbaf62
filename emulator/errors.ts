/** Extra data Telegram attaches to some errors (`parameters` in the error body). */
export interface ResponseParameters {
  retry_after?: number;
  migrate_to_chat_id?: number;
}

/**
 * A Bot API failure with Telegram's wire shape. Methods throw it; the server turns it into
 * `{ ok: false, error_code, description, parameters? }` with the same HTTP status.
 */
export class ApiError extends Error {
  constructor(
    readonly code: number,
    readonly description: string,
    readonly parameters?: ResponseParameters,
  ) {
    super(description);
    this.name = "ApiError";
  }

  /** The JSON body Telegram sends for this error. */
  toJSON(): { ok: false; error_code: number; description: string; parameters?: ResponseParameters } {
    return {
      ok: false,
      error_code: this.code,
      description: this.description,
      ...(this.parameters ? { parameters: this.parameters } : {}),
    };
  }
}

/** 400 "Bad Request: <reason>". */
export function badRequest(reason: string): ApiError {
  return new ApiError(400, `Bad Request: ${reason}`);
}

/** 403 "Forbidden: <reason>". */
export function forbidden(reason: string): ApiError {
  return new ApiError(403, `Forbidden: ${reason}`);
}

/** 401 for an unknown bot token. */
export function unauthorized(): ApiError {
  return new ApiError(401, "Unauthorized");
}

/** 404 for a path or method that does not exist. */
export function notFound(): ApiError {
  return new ApiError(404, "Not Found");
}

/** 409 "Conflict: <reason>". */
export function conflict(reason: string): ApiError {
  return new ApiError(409, `Conflict: ${reason}`);
}

/** 429 with `parameters.retry_after`, as flood control answers. */
export function tooManyRequests(retryAfterSeconds: number): ApiError {
  const seconds = Math.max(1, Math.ceil(retryAfterSeconds));
  return new ApiError(429, `Too Many Requests: retry after ${seconds}`, { retry_after: seconds });
}

/** 500 as Telegram answers when something breaks on its side. */
export function internalError(detail?: string): ApiError {
  return new ApiError(500, detail ? `Internal Server Error: ${detail}` : "Internal Server Error");
}
