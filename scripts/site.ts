// npm run site -- --out DIR [--base-url https://...] [--lang vi|en]
// Writes the public site of approved, consented, published stories into DIR: pages, photos,
// search index and feeds, ready for any web server or the agency's portal. Each run replaces
// the previous one, so a story withdrawn since is gone from the folder.
import { parseArgs } from "node:util";
import { z } from "zod";
import { ConfigError, loadDotEnv, parseConfig } from "../app/config";
import { openDatabase } from "../core/db/client";
import { Translations } from "../core/i18n";
import { publicStories } from "../core/publication/select";
import { siteFiles } from "../core/publication/site";
import { SiteOutputError, writeSite } from "../core/publication/write";

const argsSchema = z.object({
  out: z.string({ error: "cần một thư mục / a folder is needed" }).min(1),
  lang: z.enum(["vi", "en"]).default("vi"),
  "base-url": z.url({ protocol: /^https?$/ }).optional(),
});

/** A problem to show as it is, without a stack trace. */
class UsageError extends Error {}

loadDotEnv();
try {
  const { values } = parseArgs({ options: { out: { type: "string" }, lang: { type: "string" }, "base-url": { type: "string" } } });
  const args = argsSchema.safeParse(values);
  if (!args.success) {
    const problems = args.error.issues.map((i) => `--${i.path.join(".")}: ${i.message}`).join("; ");
    throw new UsageError(`Tham số không hợp lệ / Bad arguments: ${problems}\nCách dùng / Usage: npm run site -- --out DIR [--base-url https://...] [--lang vi|en]`);
  }
  const config = parseConfig(process.env);
  const baseUrl = (args.data["base-url"] ?? config.PUBLIC_BASE_URL ?? null)?.replace(/\/+$/, "") ?? null;
  const db = await openDatabase(config.DATABASE_URL);
  try {
    const stories = await publicStories(db);
    const ctx = { i18n: new Translations(args.data.lang), locale: args.data.lang, timeZone: config.TZ, baseUrl, generatedAt: new Date() };
    const count = await writeSite(siteFiles(stories, ctx, config.MEDIA_DIR), args.data.out);
    process.stdout.write(`${args.data.out}: ${stories.length} câu chuyện, ${count} tệp / ${stories.length} stories, ${count} files\n`);
  } finally {
    await db.$disconnect();
  }
  process.exit(0);
} catch (err) {
  const known = err instanceof ConfigError || err instanceof UsageError || err instanceof SiteOutputError;
  console.error(known ? (err as Error).message : `Site failed: ${(err as Error).message}`);
  process.exit(1);
}
