import type { IncomingMessage } from "node:http";
import { badRequest } from "./errors";
import type { UploadedFile } from "./files";
import { parseMultipart, type MultipartPart } from "./multipart";

/** A Bot API request with its parameters (strings or JSON values) and uploaded file parts. */
export interface ApiRequest {
  params: Record<string, unknown>;
  files: Map<string, UploadedFile>;
}

/** Reads the whole request body. */
export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * Collects parameters the ways Telegram accepts them: the query string, plus a body in JSON,
 * application/x-www-form-urlencoded or multipart/form-data (file parts go to `files`).
 */
export async function parseApiRequest(req: IncomingMessage, url: URL): Promise<ApiRequest> {
  const params: Record<string, unknown> = Object.fromEntries(url.searchParams);
  const files = new Map<string, UploadedFile>();
  const body = req.method === "GET" || req.method === "HEAD" ? Buffer.alloc(0) : await readBody(req);
  if (body.length === 0) return { params, files };
  const contentType = (req.headers["content-type"] ?? "").toLowerCase();
  if (contentType.startsWith("application/json")) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString("utf8"));
    } catch {
      throw badRequest("can't parse JSON encoded request body");
    }
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw badRequest("request body must be a JSON object");
    Object.assign(params, parsed);
  } else if (contentType.startsWith("application/x-www-form-urlencoded")) {
    Object.assign(params, Object.fromEntries(new URLSearchParams(body.toString("utf8"))));
  } else if (contentType.startsWith("multipart/form-data")) {
    let parts: MultipartPart[];
    try {
      parts = parseMultipart(body, req.headers["content-type"] ?? "");
    } catch (error) {
      throw badRequest(`can't parse multipart/form-data request body: ${(error as Error).message}`);
    }
    for (const part of parts) {
      if (part.fileName === undefined) {
        params[part.name] = part.data.toString("utf8");
        continue;
      }
      const upload: UploadedFile = { bytes: part.data };
      if (part.fileName) upload.fileName = part.fileName;
      if (part.contentType && part.contentType !== "application/octet-stream") upload.mimeType = part.contentType;
      files.set(part.name, upload);
    }
  }
  return { params, files };
}
