import { ApiError, internalError, notFound, unauthorized } from "./errors";
import { methodHandlers } from "./methods";
import { checkParams, Upload } from "./params";
import type { ApiRequest } from "./request";
import { checkResult, findMethod } from "./spec";
import type { CallRecord, EmulatorState } from "./state";

/** How a Bot API call ends: a result, a Telegram error, or a dropped connection (injected fault). */
export type CallOutcome = { kind: "result"; result: unknown } | { kind: "error"; error: ApiError } | { kind: "destroy" };

/**
 * Runs one Bot API call through the whole pipeline: token, method name against the spec,
 * injected faults, parameter check, the method itself, the result check against the spec,
 * and the call log. Independent of HTTP so that both the server and tests can use it.
 */
export async function callMethod(state: EmulatorState, token: string, methodName: string, request: ApiRequest, signal: AbortSignal): Promise<CallOutcome> {
  const bot = state.bots.get(token);
  const method = bot ? findMethod(state.spec, methodName) : undefined;
  const name = method?.name ?? methodName;
  const finish = (outcome: CallOutcome): CallOutcome => {
    state.logCall({
      token,
      method: name,
      params: loggedParams(request),
      ok: outcome.kind === "result",
      ...(outcome.kind === "result" ? { result: outcome.result } : {}),
      ...(outcome.kind === "error" ? { error: errorBody(outcome.error) } : {}),
      ...(outcome.kind === "destroy" ? { error: { error_code: 0, description: "connection destroyed by an injected fault" } } : {}),
    });
    return outcome;
  };
  if (!bot) return finish({ kind: "error", error: unauthorized() });
  if (!method) return finish({ kind: "error", error: notFound() });

  const fault = state.faults.match(token, name, request.params.chat_id);
  if (fault?.type === "error") return finish({ kind: "error", error: fault.error });
  if (fault?.type === "destroy") return finish({ kind: "destroy" });
  if (fault?.type === "hang") {
    await Promise.race([fault.released, new Promise((resolve) => signal.addEventListener("abort", resolve, { once: true }))]);
    if (signal.aborted) return finish({ kind: "destroy" });
  }

  try {
    const params = checkParams(state.spec, method, request);
    const handler = methodHandlers[name];
    if (!handler) throw new ApiError(501, `Not Implemented: method ${name} is in the Bot API spec (${state.spec.version}) but the emulator does not implement it`);
    const result = structuredClone(await handler({ state, bot, params, files: request.files, signal }));
    if (state.checkResponses) {
      const problems = checkResult(state.spec, method, result);
      if (problems.length > 0) throw internalError(`result does not match the Bot API spec: ${problems.slice(0, 5).join("; ")}`);
    }
    return finish({ kind: "result", result });
  } catch (error) {
    if (error instanceof ApiError) return finish({ kind: "error", error });
    return finish({ kind: "error", error: internalError((error as Error).message) });
  }
}

/** Parameters as the call log shows them: uploads are described, not copied. */
function loggedParams(request: ApiRequest): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(request.params)) params[key] = value instanceof Upload ? describe(value.file) : value;
  for (const [key, file] of request.files) params[key] ??= describe(file);
  return params;
}

function describe(file: { bytes: Buffer; fileName?: string; mimeType?: string }): Record<string, unknown> {
  return { upload: true, size: file.bytes.length, ...(file.fileName ? { fileName: file.fileName } : {}), ...(file.mimeType ? { mimeType: file.mimeType } : {}) };
}

function errorBody(error: ApiError): NonNullable<CallRecord["error"]> {
  const { ok: _ok, ...body } = error.toJSON();
  return body;
}
