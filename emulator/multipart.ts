/** One part of a multipart/form-data body. */
export interface MultipartPart {
  name: string;
  /** Present for file parts. */
  fileName?: string;
  contentType?: string;
  data: Buffer;
}

/**
 * Parses a multipart/form-data body. Written for leniency rather than taken from the
 * platform: real clients (grammY among them) send headers without spaces and unquoted
 * filenames, which Telegram accepts and stricter parsers reject.
 */
export function parseMultipart(body: Buffer, contentType: string): MultipartPart[] {
  const boundaryMatch = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  const boundary = boundaryMatch?.[1] ?? boundaryMatch?.[2]?.trim();
  if (!boundary) throw new Error("multipart body without boundary");
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: MultipartPart[] = [];
  let start = body.indexOf(delimiter);
  if (start < 0) throw new Error("multipart boundary not found");
  for (;;) {
    start += delimiter.length;
    if (body.subarray(start, start + 2).toString("latin1") === "--") break;
    if (body.subarray(start, start + 2).toString("latin1") === "\r\n") start += 2;
    const next = body.indexOf(delimiter, start);
    if (next < 0) throw new Error("multipart body is truncated");
    // The part's content ends before the CRLF that precedes the next delimiter.
    const end = body.subarray(next - 2, next).toString("latin1") === "\r\n" ? next - 2 : next;
    parts.push(parsePart(body.subarray(start, end)));
    start = next;
  }
  return parts;
}

function parsePart(raw: Buffer): MultipartPart {
  const headerEnd = raw.indexOf("\r\n\r\n");
  if (headerEnd < 0) throw new Error("multipart part without headers");
  const headers = new Map<string, string>();
  for (const line of raw.subarray(0, headerEnd).toString("utf8").split("\r\n")) {
    const colon = line.indexOf(":");
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  const disposition = headers.get("content-disposition") ?? "";
  const params = new Map<string, string>();
  for (const match of disposition.matchAll(/;\s*([\w*-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;]*))/g)) {
    params.set(match[1]!.toLowerCase(), (match[2] ?? match[3] ?? "").trim());
  }
  const name = params.get("name");
  if (name === undefined) throw new Error("multipart part without a name");
  const part: MultipartPart = { name, data: Buffer.from(raw.subarray(headerEnd + 4)) };
  const fileName = params.get("filename");
  if (fileName !== undefined) part.fileName = fileName;
  const type = headers.get("content-type");
  if (type) part.contentType = type;
  return part;
}
