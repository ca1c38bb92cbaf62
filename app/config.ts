// Configuration from the environment (and an optional .env file), validated in one place.
// A bad configuration stops the program with one message listing every problem, in
// Vietnamese and English, never a stack trace.
import { existsSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import cron from "node-cron";
import { parseDatabaseUrl, type DatabaseTarget } from "../core/db/database-url";
import { repoRoot } from "../core/db/paths";
import { quietHoursSchema } from "../core/calendar/zoned-time";
import type { ReviewLevels } from "../core/review/levels";

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
  PLAYGROUND_PORT: { vi: "cổng cho sân chơi thử trên máy, từ 0 đến 65535", en: "the port of the local playground, 0 to 65535" },
  PLAYGROUND_DATA_DIR: { vi: "thư mục riêng của sân chơi thử (cơ sở dữ liệu mẫu và ảnh)", en: "the playground's own folder (sample database and photos)" },
  REVIEW_LEVELS: {
    vi: "unit,council (cán bộ đơn vị rồi Hội đồng) hoặc council (chỉ Hội đồng)",
    en: "unit,council (unit officers, then the council) or council (the council alone)",
  },
  QUIET_HOURS: { vi: "khung giờ yên lặng dạng 21:00-07:00, hoặc off", en: "quiet hours like 21:00-07:00, or off" },
  ALLOW_TIME_TRAVEL: { vi: "0 (tắt lệnh /tick) hoặc 1 (bật, chỉ để thử)", en: "0 (/tick off) or 1 (on, for trials only)" },
  COUNCIL_WEEKLY_STATS: { vi: "1 (gửi biểu đồ quý cho nhóm Hội đồng mỗi sáng thứ Hai) hoặc 0 (không gửi)", en: "1 (send the quarter's chart to the council group every Monday morning) or 0 (don't)" },
  DEADLINES_FILE: { vi: "đường dẫn tệp lịch hạn (JSON)", en: "the path of the deadline calendar file (JSON)" },
  CALENDAR_CRON: { vi: "biểu thức cron cho nhịp nhắc hạn, ví dụ */5 * * * *", en: "a cron expression for the reminder ticks, e.g. */5 * * * *" },
  ZALO_ENABLED: { vi: "0 (tắt kênh Zalo) hoặc 1 (bật)", en: "0 (Zalo channel off) or 1 (on)" },
  ZALO_CREDENTIALS_PATH: {
    vi: "đường dẫn tệp phiên đăng nhập Zalo, ví dụ ./data/zalo-credentials.json",
    en: "the Zalo session file path, e.g. ./data/zalo-credentials.json",
  },
  ZALO_QR_PATH: { vi: "đường dẫn tệp ảnh mã QR, ví dụ ./data/zalo-qr.png", en: "where to save the QR image, e.g. ./data/zalo-qr.png" },
  ZALO_SEND_INTERVAL_SECONDS: {
    vi: "số giây tối thiểu giữa hai tin Zalo, từ 1 đến 3600, ví dụ 3",
    en: "the least seconds between two Zalo messages, 1 to 3600, e.g. 3",
  },
  ZALO_GROUP_INTERVAL_SECONDS: {
    vi: "số giây tối thiểu giữa hai tin vào cùng một nhóm Zalo, từ 1 đến 86400, ví dụ 3",
    en: "the least seconds between two messages to one Zalo group, 1 to 86400, e.g. 3",
  },
  BROADCAST_CRON: {
    vi: "biểu thức cron (phút giờ ngày tháng thứ) theo TZ, ví dụ 0 8 * * 1 (8 giờ sáng thứ Hai)",
    en: "a cron expression (minute hour day month weekday) in TZ, e.g. 0 8 * * 1 (Monday 08:00)",
  },
  BROADCAST_PREVIEW_CRON: {
    vi: "biểu thức cron theo TZ, ví dụ 0 17 * * 0 (17 giờ Chủ nhật)",
    en: "a cron expression in TZ, e.g. 0 17 * * 0 (Sunday 17:00)",
  },
  ZALO_OA_APP_ID: {
    vi: "mã ứng dụng (App ID) trên developers.zalo.me, một dãy số; để trống thì tắt kênh Zalo OA",
    en: "the app id from developers.zalo.me, digits; empty turns the Zalo OA channel off",
  },
  ZALO_OA_APP_SECRET: { vi: "khóa bí mật của ứng dụng (App Secret), bắt buộc khi bật Zalo OA", en: "the app secret, required when Zalo OA is on" },
  ZALO_OA_SECRET_KEY: {
    vi: "OA Secret Key trong mục Webhook của ứng dụng (khác App Secret), bắt buộc khi bật Zalo OA",
    en: "the OA Secret Key from the app's Webhook settings (not the app secret), required when Zalo OA is on",
  },
  ZALO_OA_REFRESH_TOKEN: { vi: "refresh token ban đầu (tùy chọn; hoặc chạy npm run zalo-oa:connect)", en: "a first refresh token (optional; or run npm run zalo-oa:connect)" },
  ZALO_OA_WEBHOOK_PORT: { vi: "cổng nhận webhook của Zalo OA, từ 0 đến 65535, ví dụ 8090", en: "the port of the Zalo OA webhook, 0 to 65535, e.g. 8090" },
  ZALO_OA_WEBHOOK_PATH: { vi: "đường dẫn webhook bắt đầu bằng /, ví dụ /zalo-oa/webhook", en: "the webhook path starting with /, e.g. /zalo-oa/webhook" },
  ZALO_OA_API_ROOT: { vi: "một địa chỉ http(s)://, mặc định https://openapi.zalo.me", en: "an http(s):// address, default https://openapi.zalo.me" },
  ZALO_OA_OAUTH_ROOT: { vi: "một địa chỉ http(s)://, mặc định https://oauth.zaloapp.com", en: "an http(s):// address, default https://oauth.zaloapp.com" },
  ZALO_OA_BUTTONS: { vi: "1 (thêm nút trả lời nhanh trên Zalo di động) hoặc 0 (chỉ danh sách đánh số)", en: "1 (quick-reply buttons on Zalo mobile) or 0 (numbered lists only)" },
  ZALO_OA_GROUP_DIGEST: { vi: "1 (quản trị viên của bot đăng ký nhóm GMF của OA nhận bản tin) hoặc 0", en: "1 (the bot's admins subscribe the OA's GMF groups to the digest) or 0" },
  PUBLIC_WEB_PORT: {
    vi: "cổng của trang công khai các tấm gương, từ 0 đến 65535, ví dụ 8080; để trống thì tắt",
    en: "the port of the public stories site, 0 to 65535, e.g. 8080; empty turns it off",
  },
  PUBLIC_BASE_URL: {
    vi: "địa chỉ công khai của trang, dạng https://guongsang.phuong.gov.vn",
    en: "the site's public address, like https://guongsang.example.gov.vn",
  },
  ZALO_BOT_TOKEN: {
    vi: "mã bot do Zalo Bot Creator gửi qua tin nhắn Zalo, dạng 1234567890:abc...; để trống thì tắt kênh Zalo Bot",
    en: "the token Zalo Bot Creator sends by Zalo message, like 1234567890:abc...; empty turns the Zalo Bot channel off",
  },
  ZALO_BOT_API_ROOT: { vi: "một địa chỉ http(s)://, mặc định https://bot-api.zaloplatforms.com", en: "an http(s):// address, default https://bot-api.zaloplatforms.com" },
  ZALO_BOT_WEBHOOK_SECRET: {
    vi: "chuỗi bí mật 8–256 ký tự, không có khoảng trắng; đặt cùng ZALO_BOT_WEBHOOK_PORT để dùng webhook",
    en: "a secret of 8–256 characters without spaces; set with ZALO_BOT_WEBHOOK_PORT for webhook mode",
  },
  ZALO_BOT_WEBHOOK_PORT: {
    vi: "cổng nhận webhook của Zalo Bot, từ 0 đến 65535; đặt cùng ZALO_BOT_WEBHOOK_SECRET",
    en: "the port of the Zalo Bot webhook, 0 to 65535; set with ZALO_BOT_WEBHOOK_SECRET",
  },
  RETENTION_MONTHS: {
    vi: "số tháng giữ số điện thoại liên hệ và ảnh chưa công bố sau khi đề cử được quyết định, từ 1 đến 240, ví dụ 12",
    en: "months that contact phones and unpublished photos are kept after a nomination is decided, 1 to 240, e.g. 12",
  },
  WEBHOOK_URL: {
    vi: "địa chỉ HTTPS công khai Telegram gửi cập nhật tới (proxy chuyển về WEBHOOK_PORT), ví dụ https://bot.phuong.gov.vn/telegram; đặt cùng WEBHOOK_SECRET và WEBHOOK_PORT",
    en: "the public HTTPS address Telegram posts updates to (a proxy forwards it to WEBHOOK_PORT), e.g. https://bot.example.gov.vn/telegram; set with WEBHOOK_SECRET and WEBHOOK_PORT",
  },
  WEBHOOK_SECRET: {
    vi: "chuỗi bí mật 1–256 ký tự gồm chữ, số, _ và -, Telegram gửi kèm mỗi cập nhật",
    en: "a secret of 1–256 letters, digits, _ and -, which Telegram sends with every update",
  },
  WEBHOOK_PORT: { vi: "cổng nhận webhook Telegram trên máy này, từ 1 đến 65535, ví dụ 8443", en: "the local port of the Telegram webhook, 1 to 65535, e.g. 8443" },
  ZALO_COOLDOWN_MINUTES: {
    vi: "số phút tạm dừng gửi Zalo khi bị Zalo giới hạn (mã 221), từ 1 đến 10080, ví dụ 240",
    en: "minutes to pause Zalo sending after Zalo's rate-limit error (code 221), 1 to 10080, e.g. 240",
  },
};

/** A number of seconds or minutes from the environment, within bounds. */
const boundedNumber = (min: number, max: number, fallback: number) =>
  z.preprocess(emptyToUndefined, z.coerce.number().min(min).max(max).default(fallback));

/** A switch written 0 or 1, with its value when unset. */
const onOff = (fallback: "0" | "1") =>
  z.preprocess(
    emptyToUndefined,
    z
      .enum(["0", "1"])
      .default(fallback)
      .transform((v) => v === "1"),
  );

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
  PLAYGROUND_PORT: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).max(65_535).default(8081)),
  PLAYGROUND_DATA_DIR: z.preprocess(emptyToUndefined, z.string().default("./data/playground").transform((p) => path.resolve(p))),
  REVIEW_LEVELS: z.preprocess(
    emptyToUndefined,
    z
      .enum(["unit,council", "council"])
      .default("unit,council")
      .transform((v): ReviewLevels => (v === "council" ? ["COUNCIL"] : ["UNIT", "COUNCIL"])),
  ),
  QUIET_HOURS: z.preprocess(emptyToUndefined, z.string().default("21:00-07:00").pipe(quietHoursSchema)),
  ALLOW_TIME_TRAVEL: onOff("0"),
  // Relative to the working directory when set; the shipped calendar otherwise.
  DEADLINES_FILE: z.preprocess(emptyToUndefined, z.string().optional().transform((p) => (p ? path.resolve(p) : path.join(repoRoot, "config", "deadlines.json")))),
  COUNCIL_WEEKLY_STATS: onOff("1"),
  CALENDAR_CRON: z.preprocess(emptyToUndefined, z.string().default("*/5 * * * *").refine((v) => cron.validate(v))),
  ZALO_ENABLED: onOff("0"),
  ZALO_CREDENTIALS_PATH: z.preprocess(emptyToUndefined, z.string().default("./data/zalo-credentials.json").transform((p) => path.resolve(p))),
  ZALO_QR_PATH: z.preprocess(emptyToUndefined, z.string().default("./data/zalo-qr.png").transform((p) => path.resolve(p))),
  // Zalo publishes no limits and locks accounts that send fast: one message every 3 s, and
  // four hours of rest after its code 221 (see core/outbox/rate-limiter.ts).
  ZALO_SEND_INTERVAL_SECONDS: boundedNumber(1, 3600, 3),
  ZALO_GROUP_INTERVAL_SECONDS: boundedNumber(1, 86_400, 3),
  ZALO_COOLDOWN_MINUTES: boundedNumber(1, 10_080, 240),
  // The Zalo Official Account: on when the app id is set (then its two secrets are required).
  ZALO_OA_APP_ID: z.preprocess(emptyToUndefined, z.string().regex(/^\d{1,19}$/).optional()),
  ZALO_OA_APP_SECRET: z.preprocess(emptyToUndefined, z.string().min(1).optional()),
  ZALO_OA_SECRET_KEY: z.preprocess(emptyToUndefined, z.string().min(1).optional()),
  ZALO_OA_REFRESH_TOKEN: z.preprocess(emptyToUndefined, z.string().min(1).optional()),
  ZALO_OA_WEBHOOK_PORT: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).max(65_535).default(8090)),
  ZALO_OA_WEBHOOK_PATH: z.preprocess(emptyToUndefined, z.string().regex(/^\/[\w\-./]*$/).default("/zalo-oa/webhook")),
  ZALO_OA_API_ROOT: z.preprocess(emptyToUndefined, z.url({ protocol: /^https?$/ }).default("https://openapi.zalo.me").transform((u) => u.replace(/\/+$/, ""))),
  ZALO_OA_OAUTH_ROOT: z.preprocess(emptyToUndefined, z.url({ protocol: /^https?$/ }).default("https://oauth.zaloapp.com").transform((u) => u.replace(/\/+$/, ""))),
  // Buttons on /cs are not documented by Zalo (only the numbered list is sure to show): off by default.
  ZALO_OA_BUTTONS: onOff("0"),
  // OA-owned (GMF) groups are unverified and paid: subscribing them to the digest is off by default.
  ZALO_OA_GROUP_DIGEST: onOff("0"),
  // The public site of approved stories (and other public routes): off unless a port is set.
  PUBLIC_WEB_PORT: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).max(65_535).optional()),
  // Where people reach that site; chat messages link to stories only when it is known.
  PUBLIC_BASE_URL: z.preprocess(emptyToUndefined, z.url({ protocol: /^https?$/ }).optional().transform((u) => u?.replace(/\/+$/, ""))),
  // The Zalo Bot Platform: on when the token is set; webhook mode when its secret and port are set.
  ZALO_BOT_TOKEN: z.preprocess(emptyToUndefined, z.string().regex(/^\d{1,20}:[^\s/]{4,}$/).optional()),
  ZALO_BOT_API_ROOT: z.preprocess(emptyToUndefined, z.url({ protocol: /^https?$/ }).default("https://bot-api.zaloplatforms.com").transform((u) => u.replace(/\/+$/, ""))),
  ZALO_BOT_WEBHOOK_SECRET: z.preprocess(emptyToUndefined, z.string().regex(/^[\x21-\x7e]{8,256}$/).optional()),
  ZALO_BOT_WEBHOOK_PORT: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).max(65_535).optional()),
  // Personal data kept after a decision (contact phones, photos never published): a year by default.
  RETENTION_MONTHS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(240).default(12)),
  // Telegram's webhook mode (several instances behind one address): all three, or long polling.
  WEBHOOK_URL: z.preprocess(emptyToUndefined, z.url({ protocol: /^https?$/ }).optional()),
  WEBHOOK_SECRET: z.preprocess(emptyToUndefined, z.string().regex(/^[A-Za-z0-9_-]{1,256}$/).optional()),
  WEBHOOK_PORT: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(65_535).optional()),
  // The weekly digest goes out Monday morning; its preview reaches the council the evening before.
  BROADCAST_CRON: z.preprocess(emptyToUndefined, z.string().default("0 8 * * 1").refine((e) => cron.validate(e))),
  BROADCAST_PREVIEW_CRON: z.preprocess(emptyToUndefined, z.string().default("0 17 * * 0").refine((e) => cron.validate(e))),
}).superRefine((config, ctx) => {
  telegramWebhookIssues(config, ctx);
  // A webhook needs both its secret and its port; one alone is a half-made setting.
  const webhookParts = [config.ZALO_BOT_WEBHOOK_SECRET, config.ZALO_BOT_WEBHOOK_PORT].filter((v) => v !== undefined).length;
  if (webhookParts === 1) {
    const missing = config.ZALO_BOT_WEBHOOK_SECRET === undefined ? "ZALO_BOT_WEBHOOK_SECRET" : "ZALO_BOT_WEBHOOK_PORT";
    ctx.addIssue({ code: "custom", path: [missing], message: "webhook mode needs both the secret and the port" });
  }
  if (!config.ZALO_OA_APP_ID) return;
  for (const key of ["ZALO_OA_APP_SECRET", "ZALO_OA_SECRET_KEY"] as const) {
    if (!config[key]) ctx.addIssue({ code: "custom", path: [key], message: "required when ZALO_OA_APP_ID is set" });
  }
});

/** Telegram's webhook settings go together, need a token, and Telegram itself posts only to HTTPS. */
function telegramWebhookIssues(
  config: { WEBHOOK_URL?: string | undefined; WEBHOOK_SECRET?: string | undefined; WEBHOOK_PORT?: number | undefined; TELEGRAM_BOT_TOKEN?: string | undefined; TELEGRAM_API_ROOT: string },
  ctx: z.RefinementCtx,
): void {
  const parts = { WEBHOOK_URL: config.WEBHOOK_URL, WEBHOOK_SECRET: config.WEBHOOK_SECRET, WEBHOOK_PORT: config.WEBHOOK_PORT };
  const set = Object.entries(parts).filter(([, value]) => value !== undefined);
  if (set.length === 0) return;
  for (const [key, value] of Object.entries(parts)) {
    if (value === undefined) ctx.addIssue({ code: "custom", path: [key], message: "webhook mode needs WEBHOOK_URL, WEBHOOK_SECRET and WEBHOOK_PORT" });
  }
  if (!config.TELEGRAM_BOT_TOKEN) ctx.addIssue({ code: "custom", path: ["TELEGRAM_BOT_TOKEN"], message: "webhook mode needs the bot's token" });
  // Only a Bot API of one's own (the emulator, a local server) may post to plain HTTP.
  if (config.WEBHOOK_URL?.startsWith("http:") && config.TELEGRAM_API_ROOT === "https://api.telegram.org") {
    ctx.addIssue({ code: "custom", path: ["WEBHOOK_URL"], message: "Telegram posts to HTTPS only" });
  }
}

/** The validated configuration. */
export type Config = z.infer<typeof schema>;

/** Variables whose values must never be echoed back. */
const secrets = new Set(["WEBHOOK_SECRET", "TELEGRAM_BOT_TOKEN", "DATABASE_URL", "ZALO_OA_APP_SECRET", "ZALO_OA_SECRET_KEY", "ZALO_OA_REFRESH_TOKEN", "ZALO_BOT_TOKEN", "ZALO_BOT_WEBHOOK_SECRET"]);

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

/**
 * The configuration of a command's process: `.env` loaded, then checked; a bad value prints
 * the one bilingual list of problems and ends the process with `exitCode`.
 */
export function readConfigOrExit(exitCode: number): Config {
  loadDotEnv();
  try {
    return parseConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(exitCode);
  }
}
