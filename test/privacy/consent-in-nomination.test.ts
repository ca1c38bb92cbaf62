// Consent in the nomination itself, end to end over the emulator and a SQLite file: the consent
// step offers a person's nominator two answers for a child under 16; a "yes" is recorded on
// submission as a consent record (who said it, when, the wording shown, the language, the
// channel); a child's story is published only with a guardian's consent, whether the nominator
// stated it or an officer recorded it with /dongy … giamho.
import { beforeAll, describe, expect, it } from "vitest";
import { storiesForChat } from "../../core/digest/stories";
import { grantRole } from "../../core/review/officers";
import { ChatUser, labels, useBotRig } from "../support/bot-app";
import { fillDraftUpTo, personOf } from "../support/drafts";

const ids = { lan: 7_500_001, officer: 7_500_002 };
let groupChatId = 0;

const rig = useBotRig({}, async ({ db }) => {
  const chat = await db.chat.create({ data: { channel: "TELEGRAM", externalId: "-7500100", kind: "SUPERGROUP", title: "Khu phố 5" } });
  await db.subscription.create({ data: { chatId: chat.id } });
  groupChatId = chat.id;
  const officer = await db.person.create({ data: { displayName: "Cán bộ Sơn Vi", identities: { create: { channel: "TELEGRAM", externalId: String(ids.officer) } } } });
  await grantRole(db, { personId: officer.id, role: "UNIT_OFFICER", unitId: (await db.unit.findUniqueOrThrow({ where: { code: "PT-LT-SONVI" } })).id, grantedById: null });
});

let lan: ChatUser;
let officer: ChatUser;
beforeAll(() => {
  rig.emulator.driver.createUser({ id: ids.lan, firstName: "Nguyễn Thị Lan", languageCode: "vi" });
  rig.emulator.driver.createUser({ id: ids.officer, firstName: "Cán bộ Sơn Vi", languageCode: "vi" });
  lan = new ChatUser(rig.emulator, ids.lan);
  officer = new ChatUser(rig.emulator, ids.officer);
});

/** Lan's next message that offers `button`. */
async function messageWith(button: string) {
  for (;;) {
    const m = await lan.reply();
    if (labels(m).includes(button)) return m;
  }
}

/** Walks a new nomination of `name` to the consent step; returns that question. */
async function atConsent(name: string, kind: "INDIVIDUAL" | "COLLECTIVE" = "INDIVIDUAL") {
  await lan.command("decu");
  const draftId = await fillDraftUpTo(rig.bot.db, ids.lan, "consent", name);
  if (kind !== "INDIVIDUAL") await rig.bot.db.nomination.update({ where: { id: draftId }, data: { nomineeKind: kind } });
  lan.driver.sendCommand(ids.lan, "xyz");
  return { draftId, question: await messageWith("Chưa hỏi") };
}

/** Answers the consent step with `label` and sends the nomination; returns it as stored. */
async function submitWith(draftId: number, label: string) {
  lan.driver.pressButton(ids.lan, { text: label });
  await messageWith("📨 Gửi hồ sơ");
  expect((await lan.press("📨 Gửi hồ sơ")).text).toMatch(/GS-\d{4}-\d{4}/);
  return rig.bot.db.nomination.findUniqueOrThrow({ where: { id: draftId }, include: { consentRecords: true } });
}

/** The officer's answer to a command, past any review card that reached their chat meanwhile. */
async function officerSays(command: string, args: string) {
  officer.driver.sendCommand(ids.officer, command, { payload: args });
  for (;;) {
    const m = await officer.reply();
    if (!(m.text ?? "").startsWith("📋")) return m;
  }
}

const inDigest = async (id: number) => (await storiesForChat(rig.bot.db, { chatId: groupChatId, unitScopePath: null, fieldIds: [] })).some((s) => s.nominationId === id);
const approve = (id: number) => rig.bot.db.nomination.update({ where: { id }, data: { status: "APPROVED", decidedAt: new Date(), publicStory: "Câu chuyện đã biên tập." } });

describe("consent during the nomination", () => {
  it("an adult's consent: the nominator's word is recorded with the wording shown, and the story may be published", async () => {
    const { draftId, question } = await atConsent("Bà Lò Thị Mai");
    expect(question.text).toContain("Nếu là em dưới 16 tuổi");
    expect(labels(question)).toEqual(["Đã đồng ý", "Chưa hỏi", "Dưới 16 tuổi, cha mẹ/người giám hộ đã đồng ý", "Dưới 16 tuổi, chưa hỏi cha mẹ/người giám hộ"]);
    const n = await submitWith(draftId, "Đã đồng ý");
    expect(n).toMatchObject({ consent: "GIVEN", nomineeIsMinor: false });
    expect(n.consentRecords).toHaveLength(1);
    expect(n.consentRecords[0]).toMatchObject({ source: "NOMINATOR", change: "GIVEN", recordedById: await personOf(rig.bot.db, ids.lan), locale: "vi", channel: "TELEGRAM" });
    expect(n.consentRecords[0]!.wording).toBe(
      "Bước 10/10. Người được đề cử đã đồng ý để câu chuyện của họ được đăng công khai chưa?\nNếu là em dưới 16 tuổi, cần cha mẹ hoặc người giám hộ đồng ý: chọn một trong hai dòng cuối.\n→ Đã đồng ý",
    );
    await approve(draftId);
    expect(await inDigest(draftId)).toBe(true);
  });

  it("a child whose guardian agreed, as the nominator says: recorded as the guardian's consent", async () => {
    const { draftId } = await atConsent("Em Lò Văn Nhỏ");
    const n = await submitWith(draftId, "Dưới 16 tuổi, cha mẹ/người giám hộ đã đồng ý");
    expect(n).toMatchObject({ consent: "GIVEN", nomineeIsMinor: true });
    expect(n.consentRecords.map((r) => [r.source, r.change])).toEqual([["GUARDIAN", "GIVEN"]]);
    expect(n.consentRecords[0]!.wording).toMatch(/→ Dưới 16 tuổi, cha mẹ\/người giám hộ đã đồng ý$/);
    await approve(draftId);
    expect(await inDigest(draftId)).toBe(true);
  });

  it("a child whose guardian was not asked: no record, not published; the child's own word is not enough; a guardian's is", async () => {
    const { draftId } = await atConsent("Em Hà Thị Bé");
    const n = await submitWith(draftId, "Dưới 16 tuổi, chưa hỏi cha mẹ/người giám hộ");
    expect(n).toMatchObject({ consent: "NOT_ASKED", nomineeIsMinor: true });
    expect(n.consentRecords).toEqual([]);
    await approve(draftId);
    expect(await inDigest(draftId)).toBe(false);

    const own = await officerSays("dongy", n.code!);
    expect(own.text).toContain("dưới 16 tuổi");
    expect(own.text).toContain(`/dongy ${n.code} giamho`);
    expect(await inDigest(draftId)).toBe(false);

    expect((await officerSays("dongy", `${n.code} giamho`)).text).toContain("của cha mẹ hoặc người giám hộ");
    expect(await inDigest(draftId)).toBe(true);
    const records = await rig.bot.db.consentRecord.findMany({ where: { nominationId: draftId }, orderBy: { id: "asc" } });
    expect(records.map((r) => [r.source, r.channel])).toEqual([["NOMINEE", "TELEGRAM"], ["GUARDIAN", "TELEGRAM"]]);
  });

  it("a collective is never a child: only the two usual answers", async () => {
    const { draftId, question } = await atConsent("Tổ dân phố 5", "COLLECTIVE");
    expect(question.text).not.toContain("dưới 16 tuổi");
    expect(labels(question)).toEqual(["Đã đồng ý", "Chưa hỏi"]);
    lan.driver.sendText(ids.lan, "3");
    expect((await lan.reply()).text).not.toContain("Xem lại hồ sơ");
    expect((await submitWith(draftId, "Chưa hỏi")).nomineeIsMinor).toBe(false);
  });
});
