// The Zalo session saved by `npm run zalo:login` and reused by `npm start`: cookies, the
// device id (imei) and the browser user agent Zalo bound them to. Whoever reads the file can
// act as the account, so it is written for its owner only (0600).
import { chmod, mkdir, readFile, rename, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";

/** One cookie as zca-js serializes it (tough-cookie's JSON); only the key fields are checked. */
const cookieSchema = z.looseObject({
  key: z.string().min(1).optional(),
  name: z.string().min(1).optional(),
  value: z.string(),
  domain: z.string().optional(),
});

/** What a saved Zalo session holds. */
export const zaloCredentialsSchema = z.object({
  cookie: z.array(cookieSchema).min(1),
  imei: z.string().min(1),
  userAgent: z.string().min(1),
  language: z.string().optional(),
});

/** A saved Zalo session: what `new Zalo().login(...)` takes back. */
export type ZaloCredentials = z.infer<typeof zaloCredentialsSchema>;

/** The credentials file is missing or unusable; the message says what to do, in vi and en. */
export class ZaloCredentialsError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "ZaloCredentialsError";
  }
}

const ownerOnly = 0o600;

/** Writes the session file with mode 0600 (its folder is created for the owner only). */
export async function writeZaloCredentials(file: string, credentials: ZaloCredentials): Promise<void> {
  const valid = zaloCredentialsSchema.parse(credentials);
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  // Written beside and renamed, so a crash never leaves half a session behind.
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, `${JSON.stringify(valid, null, 2)}\n`, { mode: ownerOnly });
  await chmod(temp, ownerOnly);
  await rename(temp, file);
}

/**
 * Reads and checks the session file. Throws {@link ZaloCredentialsError} when it is missing
 * or malformed. A file others can read is narrowed back to 0600.
 */
export async function readZaloCredentials(file: string): Promise<ZaloCredentials> {
  let raw: string;
  try {
    raw = await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") {
      throw new ZaloCredentialsError(
        `Chưa có phiên đăng nhập Zalo tại ${file}: chạy "npm run zalo:login" và quét mã QR bằng ứng dụng Zalo. / ` +
          `No Zalo session at ${file}: run "npm run zalo:login" and scan the QR code with the Zalo app.`,
        { cause: error },
      );
    }
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    throw new ZaloCredentialsError(
      `Tệp phiên Zalo ${file} không phải JSON hợp lệ: chạy lại "npm run zalo:login". / The Zalo session file ${file} is not valid JSON: run "npm run zalo:login" again.`,
      { cause: error },
    );
  }
  const parsed = zaloCredentialsSchema.safeParse(json);
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((i) => i.path.join(".") || "(root)"))].join(", ");
    throw new ZaloCredentialsError(
      `Tệp phiên Zalo ${file} thiếu hoặc sai: ${fields}; chạy lại "npm run zalo:login". / The Zalo session file ${file} is missing or has bad fields: ${fields}; run "npm run zalo:login" again.`,
    );
  }
  if (((await stat(file)).mode & 0o077) !== 0) await chmod(file, ownerOnly);
  return parsed.data;
}
