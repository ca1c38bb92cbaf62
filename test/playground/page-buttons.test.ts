// The playground's chat page in a real browser: each inline button presses itself, not the
// first button of its message (the page once sent a field the control API does not read).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { useBotRig } from "../support/bot-app";
import { launchBrowser, noBrowserReason, screenshot } from "../support/browser";

const rig = useBotRig();
let browser: Browser | undefined;

beforeAll(async () => {
  if (!noBrowserReason) browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Opens the page as a new resident, on a phone-sized screen. */
async function openAsResident(firstName: string): Promise<{ page: Page; userId: number }> {
  const user = rig.emulator.driver.createUser({ firstName, languageCode: "vi" });
  const page = await browser!.newPage({ viewport: { width: 390, height: 844 } });
  // Shorter than the test's own timeout, so a missing reply fails with the page's own error.
  page.setDefaultTimeout(15_000);
  await page.goto(`${rig.emulator.apiRoot}/?user=${user.id}`);
  return { page, userId: user.id };
}

async function send(page: Page, text: string): Promise<void> {
  await page.locator(".pane.active").getByRole("textbox").fill(text);
  await page.locator(".pane.active").getByRole("textbox").press("Enter");
}

describe.skipIf(noBrowserReason !== undefined)("chat page buttons", () => {
  it("a button that is not the first of its message does what its label says", async () => {
    const { page, userId } = await openAsResident("Lan");
    await send(page, "/start");
    // "🌐 Ngôn ngữ" sits on the second row of the menu, after "✍️ Đề cử…" and others.
    await page.locator("#panes").getByRole("button", { name: "🌐 Ngôn ngữ" }).click();
    await page.getByText("Chọn ngôn ngữ / Choose your language:").waitFor();
    // "English" is the second button of its row; pressing it must not pick "Tiếng Việt".
    await page.locator("#panes").getByRole("button", { name: "English" }).click();
    await page.getByText("Switched to English.").first().waitFor();
    await screenshot(page, "page-buttons", "english");
    const texts = rig.emulator.driver.botMessages(userId).map((m) => m.text ?? "");
    expect(texts).toContain("Switched to English.");
    expect(texts).not.toContain("Đã chuyển sang tiếng Việt.");

    await page.locator("#panes").getByRole("button", { name: "Tiếng Việt" }).last().click();
    await page.getByText("Đã chuyển sang tiếng Việt.").first().waitFor();
    await page.close();
  });
});
