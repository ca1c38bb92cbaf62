import { afterEach } from "vitest";
import { startEmulator, type Emulator, type EmulatorOptions } from "../../emulator/index";
import { checkResult, findMethod } from "../../emulator/spec";

/** How a raw test call encodes its parameters. */
export type Encoding = "json" | "form" | "query" | "multipart";

/** A raw Bot API answer: HTTP status and parsed JSON body. */
export interface RawAnswer {
  status: number;
  body: { ok: boolean; result?: any; error_code?: number; description?: string; parameters?: { retry_after?: number } };
}

const running = new Set<Emulator>();

/**
 * Starts an emulator for one test. After the test, every result in its call log is checked
 * against the spec (so the whole suite proves its responses match the spec) and it is closed.
 */
export async function useEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const emulator = await startEmulator(options);
  running.add(emulator);
  return emulator;
}

/** Problems found when checking every successful call result of an emulator against the spec. */
export function specProblems(emulator: Emulator): string[] {
  return emulator.state.calls.flatMap((call) => {
    const method = findMethod(emulator.state.spec, call.method);
    return call.ok && method ? checkResult(emulator.state.spec, method, call.result) : [];
  });
}

afterEach(async () => {
  const emulators = [...running];
  running.clear();
  for (const emulator of emulators) await emulator.close();
  const problems = emulators.flatMap(specProblems);
  if (problems.length > 0) throw new Error(`Responses that do not match the spec:\n${problems.join("\n")}`);
});

/** Calls a Bot API method over HTTP with the given encoding. */
export async function api(
  emulator: Emulator,
  method: string,
  params: Record<string, unknown> = {},
  options: { token?: string; encoding?: Encoding; files?: Record<string, { bytes: Uint8Array; name?: string; type?: string }>; signal?: AbortSignal } = {},
): Promise<RawAnswer> {
  const token = options.token ?? emulator.token;
  let url = `${emulator.apiRoot}/bot${token}/${method}`;
  const init: RequestInit = { method: "POST" };
  if (options.signal) init.signal = options.signal;
  const encoding = options.files ? "multipart" : (options.encoding ?? "json");
  const asString = (value: unknown) => (typeof value === "object" ? JSON.stringify(value) : String(value));
  if (encoding === "json") {
    init.headers = { "content-type": "application/json" };
    init.body = JSON.stringify(params);
  } else if (encoding === "form") {
    init.headers = { "content-type": "application/x-www-form-urlencoded" };
    init.body = new URLSearchParams(Object.entries(params).map(([k, v]): [string, string] => [k, asString(v)])).toString();
  } else if (encoding === "query") {
    url += `?${new URLSearchParams(Object.entries(params).map(([k, v]): [string, string] => [k, asString(v)])).toString()}`;
    init.method = "GET";
  } else {
    const form = new FormData();
    for (const [k, v] of Object.entries(params)) form.append(k, asString(v));
    for (const [k, f] of Object.entries(options.files ?? {})) form.append(k, new Blob([f.bytes], { type: f.type ?? "application/octet-stream" }), f.name ?? k);
    init.body = form;
  }
  const response = await fetch(url, init);
  return { status: response.status, body: (await response.json()) as RawAnswer["body"] };
}

/** Calls a method and returns its result, failing the test with the description otherwise. */
export async function ok(emulator: Emulator, method: string, params: Record<string, unknown> = {}, options: Parameters<typeof api>[3] = {}): Promise<any> {
  const answer = await api(emulator, method, params, options);
  if (!answer.body.ok) throw new Error(`${method} failed: ${answer.status} ${answer.body.description}`);
  return answer.body.result;
}

/** A minimal PNG: signature and IHDR chunk, enough for the size to be read from the header. */
export function pngBytes(width: number, height: number): Buffer {
  const header = Buffer.alloc(33);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(header, 0);
  header.writeUInt32BE(13, 8);
  header.write("IHDR", 12, "latin1");
  header.writeUInt32BE(width, 16);
  header.writeUInt32BE(height, 20);
  header.writeUInt8(8, 24);
  header.writeUInt8(2, 25);
  return header;
}

/** A minimal JPEG: SOI, an APP0 segment and an SOF0 frame header carrying the size. */
export function jpegBytes(width: number, height: number): Buffer {
  const app0 = Buffer.from([0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00]);
  const sof = Buffer.from([0xff, 0xc0, 0x00, 0x11, 0x08, height >> 8, height & 0xff, width >> 8, width & 0xff, 0x03, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]);
  return Buffer.concat([Buffer.from([0xff, 0xd8]), app0, sof, Buffer.from([0xff, 0xd9])]);
}
