// A real browser for tests of the chat page: Debian's chromium driven by playwright-core.
// Nothing is downloaded; where no chromium is installed the browser tests skip and say why.
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { repoRoot } from "../../core/db/paths";

/** Where the browser tests look for chromium (CHROMIUM_PATH overrides). */
export const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Why the browser tests cannot run here, or undefined when they can. */
export const noBrowserReason = existsSync(chromiumPath)
  ? undefined
  : `no chromium at ${chromiumPath}: the page's browser tests are skipped (install it with "apt-get install -y chromium", or set CHROMIUM_PATH)`;

if (noBrowserReason) console.warn(noBrowserReason);

/** Screenshots of the browser tests, kept as artifacts (gitignored). */
export const artifactsDir = path.join(repoRoot, "test-artifacts");

/** Launches headless chromium with the flags a shared, offline machine needs. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });
}

/** Saves a full-page screenshot under test-artifacts/<folder>/<name>.png. */
export async function screenshot(page: Page, folder: string, name: string): Promise<string> {
  const dir = path.join(artifactsDir, folder);
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
