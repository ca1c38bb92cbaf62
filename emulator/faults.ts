import { ApiError, forbidden, internalError, tooManyRequests } from "./errors";

/**
 * A failure a test asks for. `error` kinds answer with that Telegram error; `hang` holds the
 * request open until the fault is cleared (then it is served normally); `destroy` closes the
 * socket without an answer.
 */
export type FaultKind = "429" | "403" | "500" | "hang" | "destroy";

/** What a test passes to inject a fault. */
export interface FaultSpec {
  kind: FaultKind;
  /** How many matching calls fail; default 1. `Infinity` until cleared. */
  times?: number;
  /** Only calls of this method (case-insensitive). */
  method?: string;
  /** Only calls whose chat_id is this chat. */
  chatId?: number | string;
  /** Only calls with this bot token. */
  token?: string;
  /** retry_after for kind "429"; default 1 second. */
  retryAfter?: number;
  /** Replaces the default description of an error kind. */
  description?: string;
}

interface ActiveFault extends FaultSpec {
  id: number;
  remaining: number;
}

/** What a matched fault does to the current call. */
export type FaultOutcome = { type: "error"; error: ApiError } | { type: "hang"; released: Promise<void> } | { type: "destroy" };

/** Keeps the faults a test injected and decides which call each one hits. */
export class FaultInjector {
  private faults: ActiveFault[] = [];
  private nextId = 1;
  private releaseHung: (() => void) | undefined;
  private hung: Promise<void> | undefined;

  /** Adds a fault; returns its id. */
  inject(spec: FaultSpec): number {
    const id = this.nextId++;
    this.faults.push({ ...spec, id, remaining: spec.times ?? 1 });
    return id;
  }

  /** Removes every fault and lets hung requests go on. */
  clear(): void {
    this.faults = [];
    this.releaseHung?.();
    this.releaseHung = undefined;
    this.hung = undefined;
  }

  /** The faults still waiting to fire. */
  list(): (FaultSpec & { id: number; remaining: number })[] {
    return this.faults.map((f) => ({ ...f }));
  }

  /** Consumes and returns the fault for this call, if one matches. */
  match(token: string, method: string, chatId: unknown): FaultOutcome | undefined {
    const fault = this.faults.find(
      (f) =>
        f.remaining > 0 &&
        (f.method === undefined || f.method.toLowerCase() === method.toLowerCase()) &&
        (f.token === undefined || f.token === token) &&
        (f.chatId === undefined || String(f.chatId) === String(chatId)),
    );
    if (!fault) return undefined;
    fault.remaining -= 1;
    if (fault.remaining <= 0 && fault.kind !== "hang") this.faults = this.faults.filter((f) => f !== fault);
    switch (fault.kind) {
      case "429":
        return { type: "error", error: withDescription(tooManyRequests(fault.retryAfter ?? 1), fault.description) };
      case "403":
        return { type: "error", error: withDescription(forbidden("bot was kicked from the group chat"), fault.description) };
      case "500":
        return { type: "error", error: withDescription(internalError(), fault.description) };
      case "destroy":
        return { type: "destroy" };
      case "hang":
        return { type: "hang", released: this.hangPromise() };
    }
  }

  private hangPromise(): Promise<void> {
    this.hung ??= new Promise<void>((resolve) => (this.releaseHung = resolve));
    return this.hung;
  }
}

function withDescription(error: ApiError, description: string | undefined): ApiError {
  return description ? new ApiError(error.code, description, error.parameters) : error;
}
