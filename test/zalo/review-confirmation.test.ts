// An officer deciding in a Zalo review group by typing the number of a card's choice hears
// back that the decision was made, as a message (Zalo has no toasts), before the new card;
// ordinary acknowledgements stay silent. The whole bot on the fake account and a SQLite file.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { submitNomination } from "../../core/nominations/lifecycle";
import { grantRole } from "../../core/review/officers";
import { nomineeNameKey } from "../../core/text/fold";
import { numberedChoices, startZaloApp, ZaloInbox, type AppUnderTest } from "../support/zalo-app";
import { createTempDatabase, type TempDatabase } from "../support/temp-database";
import { FakeZalo, textMessage } from "./fake-zalo";

let temp: TempDatabase;
let zalo: FakeZalo;
let inbox: ZaloInbox;
let bot: AppUnderTest;
let code: string;

const officer = "zu-ward";
const group = "zg-ward-review";

beforeAll(async () => {
  temp = await createTempDatabase();
  const { db } = temp;
  const ward = await db.person.create({ data: { displayName: "Trần Văn Minh", identities: { create: { channel: "ZALO", externalId: officer } } } });
  const district = await db.unit.findUniqueOrThrow({ where: { code: "PT-LT" } });
  await grantRole(db, { personId: ward.id, role: "UNIT_OFFICER", unitId: district.id, grantedById: null });
  const chat = await db.chat.create({ data: { channel: "ZALO", externalId: group, kind: "GROUP", title: "Tổ thi đua huyện Lâm Thao" } });
  await db.reviewGroup.create({ data: { chatId: chat.id, unitId: district.id } });

  // A resident's complete nomination, submitted before the bot starts: its card is posted at start-up.
  const lan = await db.person.create({ data: { displayName: "Nguyễn Thị Lan", identities: { create: { channel: "ZALO", externalId: "zu-lan" } } } });
  const unit = await db.unit.findUniqueOrThrow({ where: { code: "PT-LT-SONVI" } });
  const field = await db.field.findUniqueOrThrow({ where: { number: 14 } });
  const criterion = await db.criterion.findUniqueOrThrow({ where: { number: 4 } });
  const draft = await db.nomination.create({
    data: {
      nominatorId: lan.id,
      channel: "ZALO",
      status: "DRAFT",
      nomineeKind: "INDIVIDUAL",
      nomineeName: "Lò Thị Mai",
      nomineeNameKey: nomineeNameKey("Lò Thị Mai"),
      unitId: unit.id,
      fieldId: field.id,
      achievements: "Bà Mai nhiều năm liền vận động bà con giữ gìn vệ sinh môi trường, trồng cây xanh.",
      consent: "NOT_ASKED",
      criteria: { create: { criterionId: criterion.id } },
    },
  });
  code = await submitNomination(db, draft.id, lan.id, { timeZone: "Asia/Ho_Chi_Minh" });

  zalo = new FakeZalo();
  zalo.groups.set(group, { name: "Tổ thi đua huyện Lâm Thao", creatorId: officer, memberIds: [officer, zalo.ownId] });
  inbox = new ZaloInbox(zalo);
  bot = await startZaloApp(zalo, temp.target, temp.dir);
});

afterAll(async () => {
  await bot?.stop();
  await temp.cleanup();
});

describe("a review decision typed as a card's menu number on Zalo", () => {
  it("is confirmed by a message in the group, then the card comes back with the decision", async () => {
    const card = await inbox.next(group);
    expect(card.text).toContain(code);
    const approve = numberedChoices(card.text).indexOf("✅ Duyệt") + 1;
    expect(approve).toBeGreaterThan(0);

    zalo.emit(textMessage(officer, String(approve), { group, name: "Trần Văn Minh" }));

    expect((await inbox.next(group)).text).toBe(`Đã chuyển hồ sơ ${code} lên Hội đồng.`);
    expect((await inbox.next(group)).text).toContain("Trần Văn Minh đã duyệt ở cấp đơn vị và chuyển lên Hội đồng");
    expect(await bot.db.nomination.findFirstOrThrow({ where: { code } })).toMatchObject({ status: "IN_REVIEW", reviewLevel: 1 });
  });
});
