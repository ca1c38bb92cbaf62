// The playground as a newcomer meets it, in a real browser on a phone-sized screen: nominate
// with a photo (pressing the real buttons, with an edit from the preview), approve as the unit
// officer and then the council in their review groups, see a deadline reminder arrive, fire the
// weekly digest from the clock panel and find the story with its photo in the community group,
// switch to English and back, then start over. Screenshots go to test-artifacts/playground-cycle.
import { existsSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { noBrowserReason, screenshot } from "../support/browser";
import { pageGestures, usePlaygroundPage } from "./page-harness";

const shots = "playground-cycle";
const harness = usePlaygroundPage(shots);
const { pane, say, sees, become } = pageGestures(harness);

/** Presses the button of the latest message that has it. */
async function press(name: string | RegExp): Promise<void> {
  await pane().getByRole("button", { name, exact: typeof name === "string" }).last().click();
}

describe.skipIf(noBrowserReason !== undefined)("the playground's whole cycle in the page", () => {
  let code = "";

  it("opens on the sample organisation, as the resident, with a Start button", async () => {
    await expect.poll(() => harness.page.locator("#roles button").allTextContents()).toEqual(["Người dân", "Cán bộ đơn vị", "Cán bộ Hội đồng", "Quản trị viên"]);
    expect(await harness.page.locator("#roles button[aria-pressed=true]").textContent()).toBe("Người dân");
    expect(await harness.playground.db().nomination.count({ where: { status: "APPROVED" } })).toBe(2);
    // The playground never touches the configured database.
    expect(existsSync(path.join(harness.dir, "real.db"))).toBe(false);
    await pane().getByRole("button", { name: "Bắt đầu" }).click();
    await sees("Xin chào Nguyễn Thị Lan");
    await screenshot(harness.page, shots, "1-start");
  });

  it("nominates with a photo, fixing the name from the preview", async () => {
    await press("✍️ Đề cử gương người tốt");
    await sees("Bạn đề cử ai?");
    await press("Cá nhân");
    await sees("Họ tên người");
    await say("Ông Hoàng Văn Tư");
    await sees("đơn vị");
    await say("lam thao");
    await press("Thị trấn Lâm Thao");
    await sees("lĩnh vực nào");
    await press(/Đời sống xã hội/);
    await sees("Lĩnh vực: Đời sống xã hội");
    await press("Bỏ qua");
    await sees("Hãy kể về việc tốt");
    await say("Ông Tư mười năm nay sửa xe đạp miễn phí cho học sinh nghèo của thị trấn và đưa đón các em lúc trời mưa lũ.");
    await sees(/Đã nhận \d+ ký tự/);
    await press("Xong");
    await sees("tiêu chuẩn chung");
    await press("⬜ 4. Tương thân tương ái, từ thiện");
    await pane().getByRole("button", { name: "✅ 4. Tương thân tương ái, từ thiện" }).waitFor();
    await press("Xong");
    await sees("Gửi ảnh minh họa");
    const photo = await sharp({ create: { width: 640, height: 480, channels: 3, background: "#3d8bd4" } }).jpeg().toBuffer();
    await pane().locator("input[type=file]").setInputFiles({ name: "sua-xe.jpg", mimeType: "image/jpeg", buffer: photo });
    await sees("Đã nhận 1 ảnh");
    await press("Xong");
    await sees("Số điện thoại liên hệ");
    await say("0912 345 678");
    await sees("đồng ý để câu chuyện");
    await press("Đã đồng ý");
    await sees("Tên: Ông Hoàng Văn Tư");
    await screenshot(harness.page, shots, "2-preview");

    await press("✏️ Tên");
    await sees("Họ tên người");
    await say("Ông Hoàng Văn Tứ");
    await sees("Tên: Ông Hoàng Văn Tứ");
    await press("📨 Gửi hồ sơ");
    await sees(/GS-\d{4}-\d{4}/);
    code = /GS-\d{4}-\d{4}/.exec((await pane().locator(".msg", { hasText: /GS-\d{4}-\d{4}/ }).last().textContent()) ?? "")![0];
    const saved = await harness.playground.db().nomination.findUniqueOrThrow({ where: { code }, include: { attachments: true } });
    expect(saved).toMatchObject({ status: "SUBMITTED", nomineeName: "Ông Hoàng Văn Tứ", contactPhone: "+84912345678" });
    expect(saved.attachments).toHaveLength(1);
    await screenshot(harness.page, shots, "3-receipt");
  });

  it("is approved by the unit officer, then by the council, each in their review group", async () => {
    await become("Cán bộ đơn vị", "Tổ xét duyệt Thị trấn Lâm Thao");
    const wardCard = pane().locator(".msg", { hasText: code }).last();
    await wardCard.getByRole("button", { name: "✅ Duyệt" }).click();
    await pane().locator(".msg", { hasText: "chuyển lên Hội đồng" }).last().waitFor();
    await screenshot(harness.page, shots, "4-unit-approved");

    await become("Cán bộ Hội đồng", "Hội đồng Thi đua – Khen thưởng huyện");
    const councilCard = pane().locator(".msg", { hasText: code }).last();
    await councilCard.getByRole("button", { name: "✅ Duyệt" }).click();
    await pane().locator(".msg", { hasText: "bản tin tuần tới" }).last().waitFor();
    await expect.poll(async () => (await harness.playground.db().nomination.findUniqueOrThrow({ where: { code } })).status).toBe("APPROVED");
    await screenshot(harness.page, shots, "5-council-approved");
  });

  it("moves a day on the clock panel and the unit officer gets the deadline reminder", async () => {
    await become("Cán bộ đơn vị", "Trò chuyện riêng với bot");
    await harness.page.locator("#clock").getByRole("button", { name: "+1 ngày" }).click();
    await harness.page.locator("#clock-log").getByText("Lời nhắc hạn: đã gửi 1 lời nhắc.").waitFor();
    await sees("Nhắc hạn: Gửi danh sách gương điển hình của quý");
    await screenshot(harness.page, shots, "6-reminder");
  });

  it("fires the weekly digest from the clock panel; the story arrives with its photo in the community group", async () => {
    await harness.page.locator("#clock").getByRole("button", { name: "📰 Bản tin tuần" }).click();
    await harness.page.locator("#clock-log").getByText("Bản tin tuần: 3 câu chuyện, gửi tới 2 nhóm cộng đồng.").waitFor();
    await become("Người dân", "Khu 1 – Thị trấn Lâm Thao");
    const story = pane().locator(".msg", { hasText: "Ông Hoàng Văn Tứ" }).last();
    await story.waitFor();
    await story.locator("img").first().waitFor();
    expect(await story.locator("img").first().evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth)).toBeGreaterThan(0);
    expect(await pane().locator(".msg").allTextContents()).not.toContain("0912");
    await screenshot(harness.page, shots, "7-digest");
  });

  it("switches the bot and the page to English and back", async () => {
    await harness.page.locator("#tabs").getByRole("tab", { name: "Trò chuyện riêng với bot" }).click();
    await say("/start");
    await press("🌐 Ngôn ngữ");
    await press("English");
    await sees("Switched to English.");
    await harness.page.locator("#lang").click();
    await expect.poll(() => harness.page.locator("#roles button").allTextContents()).toEqual(["Resident", "Unit officer", "Council officer", "Admin"]);
    expect(await harness.page.locator("html").getAttribute("lang")).toBe("en");
    expect(await harness.page.locator("#now").textContent()).toMatch(/^It is now /);
    await screenshot(harness.page, shots, "8-english");
    await press("Tiếng Việt");
    await sees("Đã chuyển sang tiếng Việt.");
    await harness.page.locator("#lang").click();
    await expect.poll(() => harness.page.locator("#roles button").first().textContent()).toBe("Người dân");
  });

  it("starts over: the sample organisation alone, an empty chat with its Start button", async () => {
    harness.page.once("dialog", (dialog) => void dialog.accept());
    await harness.page.locator("#reset").click();
    // The chats empty as soon as the reset begins; the toast comes once the new bot runs.
    await harness.page.getByText("Đã làm lại từ đầu với tổ chức mẫu.").waitFor();
    await pane().getByRole("button", { name: "Bắt đầu" }).waitFor();
    expect(await harness.playground.db().nomination.count()).toBe(2);
    expect(await harness.playground.db().nomination.count({ where: { code } })).toBe(0);
    await screenshot(harness.page, shots, "9-reset");
  });
});
