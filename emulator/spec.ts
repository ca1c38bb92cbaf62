import { readFileSync } from "node:fs";
import path from "node:path";
import { emulatorDir } from "./assets";

// === Spec shapes

/** One parameter of a method or one field of a type, as the machine-readable spec lists it. */
export interface SpecField {
  name: string;
  types: string[];
  required: boolean;
  description: string;
}

/** One Bot API method from the spec. */
export interface SpecMethod {
  name: string;
  returns: string[];
  fields?: SpecField[];
}

/** One Bot API type from the spec: either an object with fields or a union of subtypes. */
export interface SpecType {
  name: string;
  fields?: SpecField[];
  subtypes?: string[];
}

/** The whole machine-readable Bot API description the emulator checks requests and responses against. */
export interface BotApiSpec {
  version: string;
  methods: Record<string, SpecMethod>;
  types: Record<string, SpecType>;
}

/** Path of the spec copy committed with the emulator, used when no other path is given. */
export const defaultSpecPath = path.join(emulatorDir, "spec", "telegram-bot-api.json");

const specCache = new Map<string, BotApiSpec>();

/** Reads (once per path) the Bot API spec JSON file. */
export function loadSpec(file: string = defaultSpecPath): BotApiSpec {
  const cached = specCache.get(file);
  if (cached) return cached;
  const spec = JSON.parse(readFileSync(file, "utf8")) as BotApiSpec;
  specCache.set(file, spec);
  return spec;
}

/** Finds a method by name the way Telegram does: method names are case-insensitive. */
export function findMethod(spec: BotApiSpec, name: string): SpecMethod | undefined {
  const exact = spec.methods[name];
  if (exact) return exact;
  const lower = name.toLowerCase();
  return Object.values(spec.methods).find((m) => m.name.toLowerCase() === lower);
}

// === Value checking

/**
 * How strictly {@link checkValue} judges a value. `response`: exactly the spec (no unknown
 * fields, real JSON types). `request`: what Telegram accepts from a bot (unknown fields
 * ignored, numbers and booleans may arrive as strings).
 */
export type CheckMode = "response" | "request";

const discriminatorPattern = /(?:always|must be) ["“]?([a-z_]+)["”]?\.?$/;

/** The constant a field must hold when the spec says "always X" / "must be X" (e.g. ChatMember status). */
function fieldConstant(field: SpecField): string | undefined {
  if (field.name !== "type" && field.name !== "status" && field.name !== "source") return undefined;
  return discriminatorPattern.exec(field.description)?.[1];
}

/**
 * Checks `value` against one of the spec type expressions in `types` ("Integer",
 * "Array of Message", "ChatMember"...). Returns the problems found, empty when it matches.
 *
 * @example
 * checkValue(spec, { id: 1, is_bot: false, first_name: "A" }, ["User"], "result", "response"); // []
 */
export function checkValue(spec: BotApiSpec, value: unknown, types: string[], where: string, mode: CheckMode): string[] {
  // "Array of A" or "Array of B" means one array whose items may be A or B (e.g. an album of photos and videos).
  if (types.length > 1 && Array.isArray(value) && types.every((t) => t.startsWith("Array of "))) {
    const inner = types.map((t) => t.slice("Array of ".length));
    return value.flatMap((item, i) => checkValue(spec, item, inner, `${where}[${i}]`, mode));
  }
  let best: string[] | undefined;
  for (const type of types) {
    const problems = checkOne(spec, value, type, where, mode);
    if (problems.length === 0) return [];
    if (!best || problems.length < best.length) best = problems;
  }
  return best ?? [`${where}: no type to check against`];
}

function checkOne(spec: BotApiSpec, value: unknown, type: string, where: string, mode: CheckMode): string[] {
  if (type.startsWith("Array of ")) {
    if (!Array.isArray(value)) return [`${where}: expected ${type}`];
    const inner = type.slice("Array of ".length);
    return value.flatMap((item, i) => checkOne(spec, item, inner, `${where}[${i}]`, mode));
  }
  switch (type) {
    case "Integer":
      return isInteger(value, mode) ? [] : [`${where}: expected Integer`];
    case "Float":
      return isFloat(value, mode) ? [] : [`${where}: expected Float`];
    case "String":
      return typeof value === "string" || (mode === "request" && typeof value === "number") ? [] : [`${where}: expected String`];
    case "Boolean":
    case "True":
      return isBoolean(value, mode) ? [] : [`${where}: expected Boolean`];
    case "InputFile":
      return [`${where}: an InputFile can only be uploaded with multipart/form-data`];
  }
  const specType = spec.types[type];
  if (!specType) return [`${where}: unknown spec type ${type}`];
  if (specType.subtypes?.length) return checkValue(spec, value, specType.subtypes, where, mode);
  return checkObject(spec, value, specType, where, mode);
}

function checkObject(spec: BotApiSpec, value: unknown, type: SpecType, where: string, mode: CheckMode): string[] {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return [`${where}: expected ${type.name} object`];
  const record = value as Record<string, unknown>;
  const fields = type.fields ?? [];
  const problems: string[] = [];
  for (const field of fields) {
    const fieldValue = record[field.name];
    const path = `${where}.${field.name}`;
    if (fieldValue === undefined) {
      if (field.required) problems.push(`${path}: required field of ${type.name} is missing`);
      continue;
    }
    const constant = fieldConstant(field);
    if (constant !== undefined && fieldValue !== constant) {
      problems.push(`${path}: ${type.name} needs "${constant}"`);
      continue;
    }
    problems.push(...checkValue(spec, fieldValue, field.types, path, mode));
  }
  if (mode === "response") {
    const known = new Set(fields.map((f) => f.name));
    for (const key of Object.keys(record)) {
      if (!known.has(key)) problems.push(`${where}.${key}: not a field of ${type.name}`);
    }
  }
  return problems;
}

function isInteger(value: unknown, mode: CheckMode): boolean {
  if (typeof value === "number") return Number.isInteger(value);
  return mode === "request" && typeof value === "string" && /^-?\d+$/.test(value);
}

function isFloat(value: unknown, mode: CheckMode): boolean {
  if (typeof value === "number") return Number.isFinite(value);
  return mode === "request" && typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value));
}

function isBoolean(value: unknown, mode: CheckMode): boolean {
  if (typeof value === "boolean") return true;
  return mode === "request" && typeof value === "string" && ["true", "false", "1", "0", "True", "False"].includes(value);
}

/** Checks a method's result against the return types the spec declares for it. */
export function checkResult(spec: BotApiSpec, method: SpecMethod, result: unknown): string[] {
  return checkValue(spec, result, method.returns, `${method.name} result`, "response");
}
