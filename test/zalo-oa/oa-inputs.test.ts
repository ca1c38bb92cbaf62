// What a resident may send the OA mid-nomination besides typed answers, end to end over real
// HTTP against the OA emulator: contact details shared through Zalo's card (user_submit_info)
// answer the contact step when the draft stands there and nowhere else; a document gets an
// answer that says what to do with it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OaEmulator } from "../../emulator/zalo-oa/index";
import { fillDraftOf } from "../support/drafts";
import { createTempDatabase, type TempDatabase } from "../support/temp-database";
import { startApp, type AppUnderTest } from "../support/zalo-app";
import { connectWebhook, startOaWorld } from "../support/zalo-oa-app";

let temp: TempDatabase;
let oa: OaEmulator;
let bot: AppUnderTest;
let lan: string;

beforeAll(async () => {
  temp = await createTempDatabase();
  const world = await startOaWorld();
  oa = world.oa;
  bot = await startApp(temp.target, temp.dir, { zaloOa: world.settings });
  connectWebhook(oa, bot);
  lan = oa.driver.createUser("Lan").userId;
});

afterAll(async () => {
  await bot?.stop();
  await oa?.close();
  await temp?.cleanup();
});

const draft = () => temp.db.nomination.findFirstOrThrow({ where: { status: "DRAFT" } });

describe("during a nomination on the OA", () => {
  it("a phone shared through Zalo's contact card answers the contact step", async () => {
    await oa.driver.sendText(lan, "/decu");
    await oa.driver.waitForMessage(lan);
    await fillDraftOf(temp.db, { channel: "ZALO_OA", externalId: lan }, "contact");
    expect((await oa.driver.submitInfo(lan, { name: "Lan", phone: 84912345678 })).status).toBe(200);
    const next = await oa.driver.waitForMessage(lan);
    expect(next.text).toContain("Bước 10/10");
    expect(await draft()).toMatchObject({ contactPhone: "+84912345678", draftStep: "consent" });
  });

  it("shared elsewhere in the conversation, it is not taken as an answer", async () => {
    oa.driver.skip(lan);
    await oa.driver.submitInfo(lan, { name: "Lan", phone: 84987654321 });
    await bot.app.zaloOa!.inbox.drained();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(oa.state.sentTo(lan).slice(-1)[0]!.text).toContain("Bước 10/10");
    expect(await draft()).toMatchObject({ contactPhone: "+84912345678", draftStep: "consent" });
  });

  it("a document is answered with what to do instead", async () => {
    await oa.driver.sendFile(lan, "giay-khen.pdf", Buffer.from("%PDF-1.4\n%…"));
    const answer = await oa.driver.waitForMessage(lan);
    expect(answer.text).toContain("Bot chưa nhận được tệp tài liệu (PDF, Word…)");
    expect(answer.text).toContain("chụp ảnh và gửi ở bước gửi ảnh");
    expect((await draft()).draftStep).toBe("consent");
  });
});
