import { badRequest } from "./errors";
import type { UploadedFile } from "./files";
import type { ApiRequest } from "./request";
import { checkValue, type BotApiSpec, type SpecField, type SpecMethod } from "./spec";

/** An InputFile parameter that arrived as a multipart file part (directly or via attach://). */
export class Upload {
  constructor(readonly file: UploadedFile) {}
}

/** Parameters after the spec check: Integer fields are numbers, JSON fields are parsed, files are {@link Upload}s. */
export type MethodParams = Record<string, unknown>;

// Telegram words a few missing parameters in its own way.
const missingWording: Record<string, string> = {
  "sendMessage.text": "message text is empty",
  "sendPhoto.photo": "there is no photo in the request",
  "sendDocument.document": "there is no document in the request",
  "sendSticker.sticker": "there is no sticker in the request",
  "sendVoice.voice": "there is no voice in the request",
  "sendMediaGroup.media": "parameter \"media\" is required",
  "answerCallbackQuery.callback_query_id": "query is too old and response timeout expired or query ID is invalid",
  "getFile.file_id": "wrong file_id specified",
};

// setWebhook with an empty url is Telegram's other way of removing the webhook.
const scalarTypes = new Set(["InputFile", "Integer", "Float", "Boolean", "True", "String"]);

const emptyAllowed = new Set(["setWebhook.url"]);

/**
 * Checks a request's parameters against the method's spec and converts them to their types.
 * Parameters the spec does not list are ignored, as Telegram ignores them.
 */
export function checkParams(spec: BotApiSpec, method: SpecMethod, request: ApiRequest): MethodParams {
  const params: MethodParams = {};
  for (const field of method.fields ?? []) {
    const key = `${method.name}.${field.name}`;
    let raw = request.params[field.name];
    if (raw === undefined && field.types.includes("InputFile")) {
      const direct = request.files.get(field.name);
      if (direct) raw = new Upload(direct);
    }
    if (raw === undefined || raw === null || (raw === "" && !emptyAllowed.has(key))) {
      if (field.required) throw badRequest(missingWording[key] ?? `${field.name} is empty`);
      continue;
    }
    params[field.name] = convertField(spec, field, raw, request);
  }
  return params;
}

function convertField(spec: BotApiSpec, field: SpecField, raw: unknown, request: ApiRequest): unknown {
  let jsonError = false;
  for (const type of field.types) {
    switch (type) {
      case "InputFile":
        if (raw instanceof Upload) return raw;
        if (typeof raw === "string" && raw.startsWith("attach://")) {
          const part = request.files.get(raw.slice("attach://".length));
          if (!part) throw badRequest(`can't find attached file "${raw}"`);
          return new Upload(part);
        }
        continue;
      case "Integer":
        if (typeof raw === "number" && Number.isInteger(raw)) return raw;
        if (typeof raw === "string" && /^-?\d+$/.test(raw.trim())) return Number(raw.trim());
        continue;
      case "Float":
        if (typeof raw === "number" && Number.isFinite(raw)) return raw;
        if (typeof raw === "string" && raw.trim() !== "" && Number.isFinite(Number(raw))) return Number(raw);
        continue;
      case "Boolean":
      case "True":
        if (typeof raw === "boolean") return raw;
        if (typeof raw === "string" && /^(true|1)$/i.test(raw)) return true;
        if (typeof raw === "string" && /^(false|0)$/i.test(raw)) return false;
        continue;
      case "String":
        if (typeof raw === "string") return raw;
        if (typeof raw === "number") return String(raw);
        continue;
    }
  }
  const structured = field.types.filter((t) => !scalarTypes.has(t));
  if (structured.length > 0 && !(raw instanceof Upload)) {
    let value = raw;
    if (typeof raw === "string") {
      try {
        value = JSON.parse(raw);
      } catch {
        jsonError = true;
      }
    }
    if (!jsonError && checkValue(spec, value, structured, field.name, "request").length === 0) return value;
  }
  if (jsonError) throw badRequest(`can't parse ${field.name} JSON object`);
  if (raw instanceof Upload) throw badRequest(`${field.name} can't be a file upload`);
  const problems = checkValue(spec, typeof raw === "string" ? safeJson(raw) : raw, field.types, field.name, "request");
  throw badRequest(`invalid ${problems[0] ?? `${field.name}: expected ${field.types.join(" or ")}`}`);
}

function safeJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}
