// The playground in a real browser on a phone-sized screen, as the page's tests drive it: a
// playground on its own folder, headless chromium on its page, a screenshot of every failure,
// and the gestures of a person in the page (type, wait to see, switch who you are).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll } from "vitest";
import { parseConfig } from "../../app/config";
import { createLogger } from "../../app/logger";
import { startPlayground, type RunningPlayground } from "../../app/playground/run";
import { loadDeadlineConfig } from "../../core/calendar/deadline-config";
import { Translations } from "../../core/i18n";
import { launchBrowser, noBrowserReason, screenshot } from "../support/browser";

/** The running playground and the browser page on it, read inside tests. */
export interface PlaygroundPage {
  readonly playground: RunningPlayground;
  readonly page: Page;
  /** The playground's data folder (the configured database would be inside it too). */
  readonly dir: string;
}

/**
 * Registers the hooks: a playground in a new folder, chromium on its page (390 × 844), a
 * screenshot under test-artifacts/<shots>/ when a test fails, all stopped after the file.
 */
export function usePlaygroundPage(shots: string): PlaygroundPage {
  let dir = "";
  let playground: RunningPlayground | undefined;
  let browser: Browser | undefined;
  let page: Page | undefined;
  // Four emulators, the bot and chromium take a while to start on a busy machine.
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "gs-playground-"));
    const config = parseConfig({ PLAYGROUND_PORT: "0", PLAYGROUND_DATA_DIR: dir, DATABASE_URL: `file:${path.join(dir, "real.db")}`, LOG_LEVEL: "silent" });
    const deadlines = await loadDeadlineConfig(config.DEADLINES_FILE);
    playground = await startPlayground({ config, log: createLogger("silent"), i18n: new Translations("vi"), deadlines, pollIntervalMs: 100 });
    if (noBrowserReason) return;
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    page.setDefaultTimeout(15_000);
    await page.goto(playground.pageUrl);
  }, 120_000);
  afterEach(async (test) => {
    if (page && test.task.result?.state === "fail") await screenshot(page, shots, `failed-${test.task.name.slice(0, 40)}`);
  });
  afterAll(async () => {
    await browser?.close();
    await playground?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  return {
    get playground() {
      return playground!;
    },
    get page() {
      return page!;
    },
    get dir() {
      return dir;
    },
  };
}

/** What a person does in the page: in the chat shown now (on a phone only the selected one is). */
export function pageGestures(harness: PlaygroundPage) {
  const pane = (): Locator => harness.page.locator(".pane.active");
  return {
    pane,
    async say(text: string): Promise<void> {
      await pane().getByRole("textbox").fill(text);
      await pane().getByRole("textbox").press("Enter");
    },
    /** Waits until the chat shows `text` in a message. */
    async sees(text: string | RegExp): Promise<void> {
      await pane().locator(".msg", { hasText: text }).last().waitFor();
    },
    /** Becomes `role` and opens their chat named `chat`. */
    async become(role: string, chat: string): Promise<void> {
      await harness.page.locator("#roles").getByRole("button", { name: role, exact: true }).click();
      await harness.page.locator("#tabs").getByRole("tab", { name: chat }).click();
    },
  };
}
