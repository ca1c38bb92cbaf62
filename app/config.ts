// Configuration from the environment (and an optional .env file), validated in one place.
// A bad configuration stops the program with one message listing every problem, in
// Vietnamese and English, never a stack trace.
import { existsSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { parseDatabaseUrl, type DatabaseTarget } from "../core/db/database-url";

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

const emptyToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

/** What each variable must look like, said in both languages for the error report. */
const expectations: Record<string, { vi: string; en: string }> = {
  TELEGRAM_BOT_TOKEN: {
    vi: "mã bot do @BotFather cấp, dạng 123456789:AA...",
    en: "the token from @BotFather, like 123456789:AA...",
  },
  TELEGRAM_API_ROOT: { vi: "một địa chỉ http(s)://", en: "an http(s):// address" },
  DATABASE_URL: {
    vi: "file:./data/guong-sang.db (SQLite) hoặc postgresql://... (PostgreSQL)",
    en: "file:./data/guong-sang.db (SQLite) or postgresql://... (PostgreSQL)",
  },
  ADMIN_TELEGRAM_IDS: {
    vi: "các mã số người dùng Telegram, cách nhau bởi dấu phẩy, ví dụ 12345,67890",
    en: "Telegram user ids separated by commas, e.g. 12345,67890",
  },
  TZ: { vi: "một múi giờ IANA, ví dụ Asia/Ho_Chi_Minh", en: "an IANA time zone, e.g. Asia/Ho_Chi_Minh" },
  DEFAULT_LOCALE: { vi: "vi hoặc en", en: "vi or en" },
  MEDIA_DIR: { vi: "một thư mục để lưu ảnh", en: "a folder for stored photos" },
  LOG_LEVEL: {
    vi: "một trong fatal, error, warn, info, debug, trace, silent",
    en: "one of fatal, error, warn, info, debug, trace, silent",
  },
};

const schema = z.object({
  TELEGRAM_BOT_TOKEN: z.preprocess(emptyToUndefined, z.string().regex(/^\d{3,}:[A-Za-z0-9_-]{10,}$/).optional()),
  TELEGRAM_API_ROOT: z.preprocess(
    emptyToUndefined,
    z.url({ protocol: /^https?$/ }).default("https://api.telegram.org").transform((u) => u.replace(/\/+$/, "")),
  ),
  DATABASE_URL: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .default("file:./data/guong-sang.db")
      .transform((url, ctx): DatabaseTarget => {
        try {
          return parseDatabaseUrl(url);
        } catch {
          ctx.addIssue({ code: "custom", message: "invalid" });
          return z.NEVER;
        }
      }),
  ),
  ADMIN_TELEGRAM_IDS: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .default("")
      .transform((s) => s.split(",").map((x) => x.trim()).filter(Boolean))
      .pipe(z.array(z.string().regex(/^\d{1,20}$/))),
  ),
  TZ: z.preprocess(emptyToUndefined, z.string().default("Asia/Ho_Chi_Minh").refine(isTimeZone)),
  DEFAULT_LOCALE: z.preprocess(emptyToUndefined, z.enum(["vi", "en"]).default("vi")),
  MEDIA_DIR: z.preprocess(emptyToUndefined, z.string().default("./data/media").transform((p) => path.resolve(p))),
  LOG_LEVEL: z.preprocess(
    emptyToUndefined,
    z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  ),
});

/** The validated configuration. */
export type Config = z.infer<typeof schema>;

/** Variables whose values must never be echoed back. */
const secrets = new Set(["TELEGRAM_BOT_TOKEN", "DATABASE_URL"]);

/** A configuration that cannot run, with a message that lists every problem. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(
      [
        "Cấu hình chưa hợp lệ / Invalid configuration:",
        ...problems,
        "Xem .env.example để biết cách cấu hình. / See .env.example for every setting.",
      ].join("\n"),
    );
    this.name = "ConfigError";
  }
}

/** Validates an environment; throws ConfigError listing every bad variable. */
export function parseConfig(env: NodeJS.ProcessEnv): Config {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  const keys = [...new Set(result.error.issues.map((i) => String(i.path[0])))];
  const problems = keys.map((key) => {
    const raw = env[key];
    const shown = raw === undefined || secrets.has(key) ? "" : ` (= "${raw}")`;
    const e = expectations[key] ?? { vi: "giá trị không hợp lệ", en: "invalid value" };
    return `- ${key}${shown}: cần ${e.vi} / expected ${e.en}`;
  });
  throw new ConfigError(problems);
}

/** Loads `.env` (if present) into process.env without overriding what is already set. */
export function loadDotEnv(file = path.resolve(".env")): void {
  if (existsSync(file)) process.loadEnvFile(file);
}
