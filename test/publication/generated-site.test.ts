// `npm run site` end to end: the command writes the folder from a real SQLite file, a plain web
// server serves it, headless chromium reads it. The index lists exactly the published,
// consented stories; filters and search work; every page has lang="vi", one h1 and alt text
// on every image; nothing private is in any file; a story withdrawn is gone from the next run.
import { execFile } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import sharp from "sharp";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../../core/db/paths";
import { withdrawStory } from "../../core/publication/withdraw";
import { launchBrowser, noBrowserReason, screenshot } from "../support/browser";
import { createTempDatabase, type TempDatabase } from "../support/temp-database";
import { privateStrings, publicKeys, seedStories, standardStories } from "./fixtures";
import { serveFolder } from "./static-server";

const run = promisify(execFile);
const baseUrl = "https://guongsang.example.vn";
let temp: TempDatabase;
let codes: Record<string, string>;
let out: string;
let site: { url: string; close: () => Promise<void> };
let browser: Browser | undefined;

/** Runs `npm run site` as an operator would, against the test's database. */
function siteCommand(args: string[]) {
  return run(path.join(repoRoot, "node_modules/.bin/tsx"), [path.join(repoRoot, "scripts/site.ts"), ...args], {
    cwd: temp.dir,
    env: { ...process.env, DATABASE_URL: `file:${path.join(temp.dir, "test.db")}`, MEDIA_DIR: path.join(temp.dir, "media"), TZ: "Asia/Ho_Chi_Minh", PUBLIC_BASE_URL: "" },
  });
}

/** Every file under a folder, relative. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
}

const slugOf = (key: string) => `${codes[key]!.toLowerCase()}.html`;

async function open(pathname: string, width = 1280): Promise<Page> {
  const page = await browser!.newPage({ viewport: { width, height: 900 } });
  page.setDefaultTimeout(15_000);
  await page.goto(`${site.url}/${pathname}`);
  return page;
}

/** The codes of the stories a list page shows. */
const listed = (page: Page) => page.locator("#stories article").evaluateAll((els) => els.map((e) => e.getAttribute("data-code")));

beforeAll(async () => {
  temp = await createTempDatabase();
  codes = await seedStories(temp.db, path.join(temp.dir, "media"), standardStories);
  out = path.join(temp.dir, "public-site");
  const { stdout } = await siteCommand(["--out", out, "--base-url", baseUrl]);
  expect(stdout).toContain("4 câu chuyện");
  site = await serveFolder(out);
  if (!noBrowserReason) browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await temp?.cleanup();
});

describe("the generated site's files", () => {
  it("hold nothing private: no phone number, address or nominator, in any file, photos included", () => {
    const files = filesUnder(out);
    expect(files.length).toBeGreaterThan(20);
    // The originals do carry the address in their EXIF, so the scan below can fail.
    expect(readFileSync(path.join(temp.dir, "media", "an-0.jpg")).toString("latin1")).toContain("Ngo 12 Hang Bac");
    const hidden = ["Phạm Thị Dung", "Hoàng Văn Em", "Đỗ Thị Phượng", "Cán bộ Hội đồng"];
    for (const file of files) {
      const bytes = readFileSync(path.join(out, file));
      for (const text of [bytes.toString("utf8"), bytes.toString("latin1")]) {
        for (const secret of [...privateStrings, ...hidden]) expect(text.includes(secret), `${secret} in ${file}`).toBe(false);
      }
    }
    expect(readFileSync(path.join(out, slugOf("an")), "utf8")).toContain("[số điện thoại đã ẩn]");
  });

  it("has a resized thumbnail and a capped full image for each public photo, and none of the others", async () => {
    const photos = filesUnder(path.join(out, "anh")).sort();
    expect(photos).toHaveLength(8);
    const thumb = await sharp(path.join(out, "anh", photos.find((p) => p.endsWith("-nho.jpg"))!)).metadata();
    expect(Math.max(thumb.width!, thumb.height!)).toBe(640);
    expect(thumb.exif).toBeUndefined();
  });

  it("has Open Graph tags with absolute addresses, and feeds of the same stories", () => {
    const page = readFileSync(path.join(out, slugOf("an")), "utf8");
    expect(page).toContain(`<meta property="og:title" content="Nguyễn Văn An · Gương người tốt, việc tốt">`);
    expect(page).toMatch(new RegExp(`<meta property="og:image" content="${baseUrl}/anh/\\d+\\.jpg">`));
    expect(page).toContain(`<meta property="og:url" content="${baseUrl}/${slugOf("an")}">`);
    const feed = JSON.parse(readFileSync(path.join(out, "feed.json"), "utf8")) as { items: { id: string; url: string }[] };
    expect(feed.items.map((i) => i.id)).toEqual(publicKeys.map((k) => codes[k]));
    expect(feed.items[1]!.url).toBe(`${baseUrl}/${slugOf("an")}`);
    const atom = readFileSync(path.join(out, "feed.xml"), "utf8");
    expect(atom.match(/<entry>/g)).toHaveLength(4);
  });

  it("refuses to write over a folder it did not make, and says how to call it", async () => {
    const foreign = path.join(temp.dir, "someone-else");
    mkdirSync(foreign);
    writeFileSync(path.join(foreign, "keep.txt"), "x");
    await expect(siteCommand(["--out", foreign])).rejects.toMatchObject({ stderr: expect.stringContaining("không ghi đè") });
    expect(readFileSync(path.join(foreign, "keep.txt"), "utf8")).toBe("x");
    await expect(siteCommand(["--lang", "fr"])).rejects.toMatchObject({ stderr: expect.stringContaining("--out") });
  });
});

describe.skipIf(noBrowserReason !== undefined)("the generated site in a browser", () => {
  it("lists exactly the published, consented stories, newest approval first", async () => {
    const page = await open("index.html");
    expect(await listed(page)).toEqual(publicKeys.map((k) => codes[k]));
    await screenshot(page, "public-site", "index-1280");
    await page.setViewportSize({ width: 390, height: 844 });
    // Readable at 390 px: nothing wider than the screen.
    expect(await page.evaluate<number>("document.documentElement.scrollWidth")).toBeLessThanOrEqual(390);
    await screenshot(page, "public-site", "index-390");
    await page.close();
  });

  it("filters by field, unit and year with plain links", async () => {
    const page = await open("index.html");
    await page.getByRole("link", { name: /^Y tế/ }).click();
    await page.waitForURL(/linh-vuc-y-te\.html$/);
    expect(await listed(page)).toEqual([codes.cuong, codes.an]);
    expect(await page.locator("h1").textContent()).toBe("Lĩnh vực: Y tế");
    await page.getByRole("link", { name: /^Xã Sơn Vi/ }).click();
    expect(await listed(page)).toEqual([codes.an, codes.giang]);
    await page.getByRole("link", { name: /^2025/ }).click();
    expect(await listed(page)).toEqual([codes.binh]);
    expect(await page.locator('a[aria-current="page"]').textContent()).toContain("2025");
    await page.close();
  });

  it("searches without a server, diacritics optional", async () => {
    const page = await open("index.html");
    const box = page.getByLabel(/Tìm theo tên/);
    await box.fill("nguyen");
    await page.locator("#search-results article").first().waitFor();
    expect(await page.locator("#search-results h2").allTextContents()).toEqual(["Nguyễn Văn An"]);
    expect(await page.locator("#stories").isHidden()).toBe(true);
    await box.fill("xuan lung");
    await expect.poll(() => page.locator("#search-results h2").allTextContents()).toEqual(["Trần Thị Bình"]);
    await box.fill("khong ai co ten nay");
    await expect.poll(() => page.locator("#search-results").textContent()).toContain("Không tìm thấy");
    await box.fill("");
    await expect.poll(() => page.locator("#stories").isVisible()).toBe(true);
    await page.close();
  });

  it("gives every page lang=vi, one h1, alt text on every image, and a skip link first in the tab order", async () => {
    const page = await browser!.newPage();
    for (const file of filesUnder(out).filter((f) => f.endsWith(".html"))) {
      await page.goto(`${site.url}/${file}`);
      // Evaluated in the page (the tests' TypeScript has no DOM types).
      const facts = await page.evaluate<{ lang: string; h1: number; imgs: string[]; broken: number }>(`({
        lang: document.documentElement.lang,
        h1: document.querySelectorAll("h1").length,
        imgs: [...document.images].map((i) => i.getAttribute("alt") ?? ""),
        broken: [...document.images].filter((i) => i.complete && i.naturalWidth === 0).length,
      })`);
      expect(facts, file).toMatchObject({ lang: "vi", h1: 1, broken: 0 });
      for (const alt of facts.imgs) expect(alt.length, `${file}: an image without alt text`).toBeGreaterThan(10);
    }
    await page.goto(`${site.url}/index.html`);
    await page.keyboard.press("Tab");
    expect(await page.evaluate<string>("document.activeElement.textContent")).toBe("Bỏ qua, đến nội dung chính");
    await page.close();
  });

  it("shows a story's page with its facts and photos, printable on one A4 sheet", async () => {
    const page = await open(slugOf("an"), 390);
    expect(await page.locator("h1").textContent()).toBe("Nguyễn Văn An");
    const facts = await page.locator(".facts").textContent();
    for (const fact of ["Y tế", "Xã Sơn Vi", "Học tập và làm theo", "10/11/2026"]) expect(facts).toContain(fact);
    expect(await page.locator(".photos img").count()).toBe(2);
    await screenshot(page, "public-site", "story-390");
    await page.setViewportSize({ width: 1280, height: 900 });
    await screenshot(page, "public-site", "story-1280");
    const pdf = await page.pdf({ format: "A4", printBackground: true });
    expect(pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g)).toHaveLength(1);
    await page.close();
  });

  it("prints the quarter's booklet one exemplar per page", async () => {
    const page = await open("so-tay-2026-q4.html");
    expect(await page.locator("article.booklet-story").evaluateAll((els) => els.map((e) => e.getAttribute("data-code")))).toEqual([codes.giang, codes.an, codes.cuong]);
    const pdf = await page.pdf({ format: "A4" });
    expect(pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g)!.length).toBeGreaterThanOrEqual(3);
    await screenshot(page, "public-site", "booklet-1280");
    await page.close();
  });

  it("leaves a withdrawn story out of the next generated site, its page and photos with it", async () => {
    const officer = await temp.db.person.findFirstOrThrow({ where: { displayName: "Cán bộ Hội đồng" } });
    const giangPhotos = (await temp.db.attachment.findMany({ where: { nomination: { code: codes.giang } } })).map((a) => `anh/${a.id}.jpg`);
    expect(giangPhotos.every((p) => existsSync(path.join(out, p)))).toBe(true);
    expect(await withdrawStory(temp.db, { code: codes.giang!, actorId: officer.id, reason: "Người được đề cử xin gỡ bài" })).toMatchObject({ ok: true });
    await siteCommand(["--out", out]);
    expect(existsSync(path.join(out, slugOf("giang")))).toBe(false);
    expect(giangPhotos.some((p) => existsSync(path.join(out, p)))).toBe(false);
    expect(readFileSync(path.join(out, "search-index.json"), "utf8")).not.toContain("Vũ Minh Giang");
    const page = await open("index.html");
    expect(await listed(page)).toEqual([codes.cuong, codes.an, codes.binh]);
    await page.close();
  });
});
