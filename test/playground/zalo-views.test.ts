// The playground's Zalo views, in a real browser on a phone-sized screen: the resident switches
// to the Zalo OA and nominates with a photo by typing the numbers of the menus, every change
// arrives as a new message (nothing is ever edited), the unit officer and the council approve on
// Telegram and the Zalo resident is told each time, then the weekly digest fired from the clock
// panel reaches the resident's own subscription with the story's photo. The same short path runs
// on the Zalo Bot Platform. Screenshots go to test-artifacts/playground-zalo.
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { noBrowserReason, screenshot } from "../support/browser";
import { pageGestures, usePlaygroundPage } from "./page-harness";

const shots = "playground-zalo";
const harness = usePlaygroundPage(shots);
const { pane, say, sees, become } = pageGestures(harness);

/**
 * Chooses as a Zalo user does: reads the numbered menu of the bot's latest message that offers
 * `label` and types its number.
 */
async function choose(label: string): Promise<void> {
  const menu = pane().locator(".msg.bot", { hasText: label }).last();
  await menu.waitFor();
  const lines = (await menu.innerText()).split("\n");
  const line = lines.map((l) => /^(\d+)\. (.*)$/.exec(l.trim())).find((m) => m && m[2]!.includes(label));
  if (!line) throw new Error(`No numbered choice "${label}" in: ${lines.join(" / ")}`);
  await say(line[1]!);
}

/** Every message of the chat shown now, as [id, text]. */
async function transcript(): Promise<[string, string][]> {
  return pane()
    .locator(".msg")
    .evaluateAll((nodes) => nodes.map((n) => [n.getAttribute("data-message-id") ?? "", (n as unknown as { innerText: string }).innerText] as [string, string]));
}

async function asResidentOn(channel: "Telegram" | "Zalo OA" | "Zalo Bot"): Promise<void> {
  await harness.page.locator("#roles").getByRole("button", { name: "Người dân", exact: true }).click();
  await harness.page.locator("#channels").getByRole("button", { name: channel, exact: true }).click();
}

/** The nomination, typed by numbers from the first menu to the receipt; returns its code. */
async function nominateByNumbers(nominee: string): Promise<string> {
  await pane().getByRole("button", { name: "Bắt đầu" }).click();
  await choose("Đề cử gương người tốt");
  await choose("Cá nhân");
  await sees("Họ tên người");
  await say(nominee);
  await sees("đơn vị");
  await say("lam thao");
  await choose("Thị trấn Lâm Thao");
  await choose("Đời sống xã hội");
  await choose("Bỏ qua");
  await sees("Hãy kể về việc tốt");
  await say(`${nominee} mười năm nay sửa xe đạp miễn phí cho học sinh nghèo của thị trấn và đưa đón các em lúc trời mưa lũ.`);
  await sees(/Đã nhận \d+ ký tự/);
  await choose("Xong");
  await choose("⬜ 4. Tương thân tương ái, từ thiện");
  await sees("✅ 4. Tương thân tương ái, từ thiện");
  await choose("Xong");
  await sees("Gửi ảnh minh họa");
  const photo = await sharp({ create: { width: 640, height: 480, channels: 3, background: "#d4803d" } }).jpeg().toBuffer();
  await pane().locator("input[type=file]").setInputFiles({ name: "sua-xe.jpg", mimeType: "image/jpeg", buffer: photo });
  await sees("Đã nhận 1 ảnh");
  await choose("Xong");
  await sees("Số điện thoại liên hệ");
  await say("0912 345 678");
  await choose("Đã đồng ý");
  await sees(`Tên: ${nominee}`);
  await choose("📨 Gửi hồ sơ");
  await sees(/GS-\d{4}-\d{4}/);
  return /GS-\d{4}-\d{4}/.exec((await pane().locator(".msg", { hasText: /GS-\d{4}-\d{4}/ }).last().textContent()) ?? "")![0];
}

/** Presses a button of the nomination's card (a review summary may name the code after it). */
async function pressOnCard(code: string, button: string): Promise<void> {
  const card = pane().locator(".msg", { hasText: code }).filter({ has: harness.page.getByRole("button", { name: button }) });
  await card.last().getByRole("button", { name: button }).click();
}

/** The unit officer presses ✅ Duyệt on the nomination's card in the town's review group on Telegram. */
async function unitOfficerApproves(code: string): Promise<void> {
  await become("Cán bộ đơn vị", "Tổ xét duyệt Thị trấn Lâm Thao");
  await pressOnCard(code, "✅ Duyệt");
  await pane().locator(".msg", { hasText: "chuyển lên Hội đồng" }).last().waitFor();
}

/** Nothing the chat showed before has changed: the earlier messages are a prefix of the later ones. */
function neverEdited(before: [string, string][], after: [string, string][]): void {
  expect(after.length).toBeGreaterThan(before.length);
  expect(after.slice(0, before.length)).toEqual(before);
}

// === The scenarios

describe.skipIf(noBrowserReason !== undefined)("the playground's Zalo views in the page", () => {
  let code = "";
  let typed: [string, string][] = [];

  it("switches the resident to the Zalo OA and nominates with a photo by typing numbers; nothing is edited", async () => {
    await asResidentOn("Zalo OA");
    await harness.page.locator(".pane.zalo h2", { hasText: "Zalo OA của phường" }).waitFor({ state: "attached" });
    await pane().getByText("Người dùng Zalo nhắn trước").waitFor();
    await screenshot(harness.page, shots, "1-oa-empty");
    code = await nominateByNumbers("Ông Hoàng Văn Tư");
    typed = await transcript();
    // The criterion's tick is a second message, the first one left as it was.
    expect(typed.filter(([, text]) => text.includes("⬜ 4. Tương thân tương ái, từ thiện")).length).toBeGreaterThan(0);
    expect(typed.filter(([, text]) => text.includes("✅ 4. Tương thân tương ái, từ thiện")).length).toBeGreaterThan(0);
    expect(typed.some(([, text]) => text.includes("đã sửa"))).toBe(false);
    // The photo the resident sent and the one in the preview are shown as pictures.
    const images = pane().locator(".msg img");
    expect(await images.count()).toBeGreaterThanOrEqual(2);
    expect(await images.last().evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth)).toBeGreaterThan(0);
    const saved = await harness.playground.db().nomination.findUniqueOrThrow({ where: { code }, include: { attachments: true } });
    expect(saved).toMatchObject({ status: "SUBMITTED", channel: "ZALO_OA", nomineeName: "Ông Hoàng Văn Tư", contactPhone: "+84912345678" });
    expect(saved.attachments).toHaveLength(1);
    await screenshot(harness.page, shots, "2-oa-receipt");
  }, 120_000);

  it("is approved on Telegram by the unit officer and the council; the Zalo OA resident is told each time, in new messages", async () => {
    await unitOfficerApproves(code);
    await become("Cán bộ Hội đồng", "Hội đồng Thi đua – Khen thưởng huyện");
    await pressOnCard(code, "✅ Duyệt");
    await pane().locator(".msg", { hasText: "bản tin tuần tới" }).last().waitFor();
    await asResidentOn("Zalo OA");
    await sees(`Hồ sơ ${code} (Ông Hoàng Văn Tư) đã được cấp đơn vị duyệt`);
    await sees(`Hồ sơ ${code} (Ông Hoàng Văn Tư) đã được duyệt!`);
    neverEdited(typed, await transcript());
    await screenshot(harness.page, shots, "3-oa-told");
  }, 60_000);

  it("sends the weekly digest from the clock panel to the Zalo OA resident's own subscription, with the story's photo", async () => {
    await say("/nhanbantin");
    await sees("7 ngày");
    await harness.page.locator("#clock").getByRole("button", { name: "📰 Bản tin tuần" }).click();
    await harness.page.locator("#clock-log").getByText(/Bản tin tuần: \d+ câu chuyện/).waitFor();
    // The story of the digest, with the photo sent with the nomination.
    const story = pane().locator(".msg.bot", { hasText: "Ông Hoàng Văn Tư — Thị trấn Lâm Thao" }).last();
    await story.waitFor();
    await story.locator("img").waitFor();
    expect(await story.locator("img").evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth)).toBeGreaterThan(0);
    // The contact phone is for officers only: never in the digest.
    expect(await story.innerText()).not.toContain("0912");
    await screenshot(harness.page, shots, "4-oa-digest");
  }, 60_000);

  it("runs the same short path on the Zalo Bot Platform: numbers, a photo, the unit officer's approval told", async () => {
    await asResidentOn("Zalo Bot");
    await harness.page.locator(".pane.zalo h2", { hasText: "Bot Zalo Gương Sáng" }).waitFor({ state: "attached" });
    const botCode = await nominateByNumbers("Bà Lê Thị Na");
    const before = await transcript();
    const saved = await harness.playground.db().nomination.findUniqueOrThrow({ where: { code: botCode }, include: { attachments: true } });
    expect(saved).toMatchObject({ status: "SUBMITTED", channel: "ZALO_BOT" });
    expect(saved.attachments).toHaveLength(1);
    await screenshot(harness.page, shots, "5-bot-receipt");
    await unitOfficerApproves(botCode);
    await asResidentOn("Zalo Bot");
    await sees(`Hồ sơ ${botCode} (Bà Lê Thị Na) đã được cấp đơn vị duyệt`);
    neverEdited(before, await transcript());
    await screenshot(harness.page, shots, "6-bot-told");
  }, 120_000);

  it("keeps the labels in the page's language: the channel switch reads in English too", async () => {
    await harness.page.locator("#lang").click();
    await expect.poll(() => harness.page.locator("#channels").getAttribute("aria-label")).toBe("The resident's channel: Telegram, or Zalo as residents see it");
    await harness.page.locator(".pane.zalo .zalo-note", { hasText: "choose by typing a number" }).waitFor();
    await harness.page.locator("#lang").click();
    await expect.poll(() => harness.page.locator("#channels").getAttribute("aria-label")).toBe("Kênh của người dân: Telegram, hoặc Zalo như cư dân thấy");
    // Back on Telegram, the resident's Telegram chats are there as before.
    await asResidentOn("Telegram");
    await harness.page.locator("#tabs").getByRole("tab", { name: "Khu 1 – Thị trấn Lâm Thao" }).waitFor();
  });
});
