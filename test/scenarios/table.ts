// The end-to-end scenarios, written once: each runs on Telegram and on Zalo (and the mixed
// case across both) through runner.ts. Expected texts are the Vietnamese locale's.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { expect } from "vitest";
import type { ChannelName } from "../../core/channel/port";
import type { StepId } from "../../core/workflow/types";
import { nomineeNameKey } from "../../core/text/fold";
import { album, choose, command, decide, oldChoice, photo, sticker, text, voice, type Scenario, type ScenarioContext, type Step } from "./scenario";

// === Shared pieces

const story =
  "Anh Nguyễn Văn An, giáo viên trường tiểu học Sơn Vi, mười năm nay dạy miễn phí lớp học tình thương cho 25 em nhỏ có hoàn cảnh khó khăn.";

const reviewers: Scenario["actors"] = {
  ward: { name: "Trần Văn Minh", role: { role: "UNIT_OFFICER", unit: "PT-LT" } },
  council: { name: "Phạm Quốc Việt", role: { role: "COUNCIL_OFFICER" } },
};

const reviewGroups: NonNullable<Scenario["groups"]> = {
  unitGroup: { title: "Tổ thi đua huyện Lâm Thao", members: ["ward"], reviewFor: "PT-LT" },
  councilGroup: { title: "Hội đồng TĐKT", members: ["council"], reviewFor: "council" },
};

/** Puts the actor's open draft at `step` with the earlier answers filled in (waits for the draft's prompt first). */
function fillDraft(actor: string, step: StepId, name: string) {
  return async (ctx: ScenarioContext) => {
    const nominatorId = await ctx.personOf(actor);
    const draft = await ctx.db.nomination.findFirst({ where: { nominatorId, status: "DRAFT" } });
    expect((draft?.draftData as { promptMessageId?: string } | null)?.promptMessageId).toBeDefined();
    const unit = await ctx.db.unit.findUniqueOrThrow({ where: { code: "PT-LT-SONVI" } });
    const field = await ctx.db.field.findUniqueOrThrow({ where: { number: 14 } });
    const criterion = await ctx.db.criterion.findUniqueOrThrow({ where: { number: 4 } });
    await ctx.db.nomination.update({
      where: { id: draft!.id },
      data: {
        nomineeKind: "INDIVIDUAL",
        nomineeName: name,
        nomineeNameKey: nomineeNameKey(name),
        unitId: unit.id,
        fieldId: field.id,
        achievements: "Bà Mai nhiều năm liền vận động bà con giữ gìn vệ sinh môi trường, trồng cây xanh.",
        consent: "GIVEN",
        draftStep: step,
        draftData: {},
        criteria: { create: { criterionId: criterion.id } },
      },
    });
  };
}

/** The nominator submits a nomination filled up to the preview; `{code}` is its code after. */
function submitted(actor: string, name: string): Step[] {
  return [
    { actor, input: command("decu"), expect: { contains: ["Bạn đề cử ai?"] } },
    { check: fillDraft(actor, "preview", name), note: "answers filled" },
    { actor, input: command("decu"), expect: { choicesInclude: ["▶️ Tiếp tục"] } },
    { actor, input: choose("▶️ Tiếp tục"), expect: { contains: [`Tên: ${name}`], choicesInclude: ["📨 Gửi hồ sơ"] } },
    { actor, input: choose("📨 Gửi hồ sơ"), expect: { capture: { name: "code", pattern: /GS-\d{4}-\d{4}/ } } },
  ];
}

/** The status and level of the nomination `{code}`. */
function statusIs(status: string, reviewLevel?: number) {
  return async (ctx: ScenarioContext) => {
    const [, year, seq] = /GS-(\d{4})-(\d{4})/.exec(ctx.vars.code!)!;
    const n = await ctx.db.nomination.findUniqueOrThrow({ where: { codeYear_codeSeq: { codeYear: Number(year), codeSeq: Number(seq) } } });
    expect(n.status).toBe(status);
    if (reviewLevel !== undefined) expect(n.reviewLevel).toBe(reviewLevel);
  };
}

/** The unit officer forwards `{code}` by deciding on its card; the council approves by choosing on its card. */
const bothLevels: Step[] = [
  { awaitIn: "unitGroup", match: "{code}", expect: { contains: ["Lò Thị Mai", "Xã Sơn Vi"], choicesInclude: ["✅ Duyệt", "❌ Từ chối"] } },
  { actor: "ward", in: "unitGroup", input: decide("approve"), expect: { contains: ["Đã chuyển hồ sơ {code} lên Hội đồng"] } },
  { check: statusIs("IN_REVIEW", 1) },
  { awaitIn: "lan", match: "đã được cấp đơn vị duyệt", expect: { contains: ["{code}"] } },
  { awaitIn: "councilGroup", match: "{code}", expect: { choicesInclude: ["✅ Duyệt"] } },
  { actor: "council", in: "councilGroup", input: decide("approve"), expect: { contains: ["Đã duyệt hồ sơ {code}"] } },
  { check: statusIs("APPROVED") },
  { awaitIn: "lan", match: "đã được duyệt!", expect: { contains: ["{code}", "Lò Thị Mai"] } },
  {
    check: async (ctx) => {
      const n = await ctx.db.nomination.findFirstOrThrow({ where: { code: ctx.vars.code! }, include: { events: { orderBy: { id: "asc" }, include: { actor: true } } } });
      expect(n.events.map((e) => [e.action, e.actor?.displayName])).toEqual([
        ["SUBMIT", expect.any(String)],
        ["FORWARD", "Trần Văn Minh"],
        ["APPROVE", "Phạm Quốc Việt"],
      ]);
    },
    note: "the audit log names both officers",
  },
];

/** The nominator submits a nomination with an album of two photos; `{code}` is its code after. */
const submittedWithPhotos: Step[] = [
      { actor: "lan", input: command("decu"), expect: { contains: ["Bạn đề cử ai?"] } },
      { check: fillDraft("lan", "photos", "Lò Thị Mai") },
      { actor: "lan", input: command("decu"), expect: { choicesInclude: ["▶️ Tiếp tục"] } },
      { actor: "lan", input: choose("▶️ Tiếp tục"), expect: { contains: ["Gửi ảnh minh họa"] } },
      { actor: "lan", input: album(2), expect: { contains: ["Đã nhận 2 ảnh"] } },
      { actor: "lan", input: choose("Xong"), expect: { contains: ["Số điện thoại liên hệ"] } },
      { actor: "lan", input: text("0912345678"), expect: { contains: ["đồng ý"] } },
      { actor: "lan", input: choose("Đã đồng ý"), expect: { photos: 2, choicesInclude: ["📨 Gửi hồ sơ"] } },
      { actor: "lan", input: choose("📨 Gửi hồ sơ"), expect: { capture: { name: "code", pattern: /GS-\d{4}-\d{4}/ } } },
];

// === The table

/** Every scenario, run on each channel. */
export const scenarios: Scenario[] = [
  {
    name: "nominate with photos, through the preview to the receipt",
    actors: { lan: { name: "Trần Lan" } },
    steps: [
      { actor: "lan", input: command("decu"), expect: { contains: ["Bạn đề cử ai?"], choices: ["Cá nhân", "Tập thể", "Hộ gia đình", "Doanh nghiệp"] } },
      { actor: "lan", input: choose("Cá nhân"), expect: { contains: ["Họ tên người"] } },
      { actor: "lan", input: text("Nguyễn Văn An"), expect: { contains: ["đơn vị"], choicesInclude: ["Tỉnh Phú Thọ ›"] } },
      { actor: "lan", input: text("son vi"), expect: { contains: ["Các đơn vị khớp với “son vi”"], choicesInclude: ["Xã Sơn Vi"] } },
      { actor: "lan", input: choose("Xã Sơn Vi"), expect: { contains: ["Tỉnh Phú Thọ › Huyện Lâm Thao › Xã Sơn Vi", "lĩnh vực nào"] } },
      { actor: "lan", input: text("giao duc"), expect: { contains: ["Lĩnh vực: Giáo dục và đào tạo"], choicesInclude: ["Bỏ qua"] } },
      { actor: "lan", input: choose("Bỏ qua"), expect: { contains: ["Hãy kể về việc tốt"] } },
      { actor: "lan", input: text(story), expect: { contains: ["Đã nhận"], choicesInclude: ["Xong"] } },
      { actor: "lan", input: choose("Xong"), expect: { contains: ["tiêu chuẩn chung"] } },
      { actor: "lan", input: choose("⬜ 4. Tương thân tương ái, từ thiện", { edits: true }), expect: { choicesInclude: ["✅ 4. Tương thân tương ái, từ thiện"] } },
      { actor: "lan", input: choose("Xong"), expect: { contains: ["Gửi ảnh minh họa"] } },
      { actor: "lan", input: text("đây là chữ"), expect: { contains: ["Bước này cần ảnh", "Gửi ảnh minh họa"] } },
      { actor: "lan", input: album(3), expect: { contains: ["Đã nhận 3 ảnh"], choices: ["Xong"] } },
      { actor: "lan", input: choose("Xong"), expect: { contains: ["Số điện thoại liên hệ"] } },
      { actor: "lan", input: text("0912.345.678"), expect: { contains: ["đồng ý để câu chuyện"] } },
      { actor: "lan", input: choose("Đã đồng ý"), expect: { photos: 3, contains: ["Tên: Nguyễn Văn An", "0912 345 678", "Ảnh: 3"], choicesInclude: ["📨 Gửi hồ sơ"] } },
      { actor: "lan", input: choose("📨 Gửi hồ sơ"), expect: { capture: { name: "code", pattern: /GS-\d{4}-\d{4}/ } } },
      {
        check: async (ctx) => {
          const n = await ctx.db.nomination.findFirstOrThrow({ where: { code: ctx.vars.code! }, include: { attachments: { include: { channelRefs: true } }, criteria: true } });
          expect(n).toMatchObject({ status: "SUBMITTED", nomineeName: "Nguyễn Văn An", contactPhone: "+84912345678", consent: "GIVEN", channel: ctx.channel });
          expect(n.criteria).toHaveLength(1);
          expect(n.attachments).toHaveLength(3);
          for (const a of n.attachments) {
            expect(createHash("sha256").update(readFileSync(a.storagePath!)).digest("hex")).toBe(a.sha256);
            expect(a.channelRefs.map((r) => r.channel)).toEqual([ctx.channel]);
            expect(a.mediaGroupId).toBe(n.attachments[0]!.mediaGroupId);
          }
        },
        note: "the nomination, its criteria and its three stored photos",
      },
    ],
  },
  {
    name: "wrong inputs are explained and the question asked again",
    actors: { lan: { name: "Lò Văn Khách" } },
    steps: [
      { actor: "lan", input: command("decu"), expect: { contains: ["Bạn đề cử ai?"] } },
      { actor: "lan", input: sticker, expect: { contains: ["nhãn dán", "Bạn đề cử ai?"] } },
      { actor: "lan", input: voice, expect: { contains: ["tin nhắn thoại", "Bạn đề cử ai?"] } },
      { actor: "lan", input: photo, expect: { contains: ["chưa cần ảnh", "Bạn đề cử ai?"] } },
      { actor: "lan", input: text("a".repeat(4050)), expect: { contains: ["Bạn đề cử ai?"] } },
      { actor: "lan", input: command("xyz"), expect: { contains: ["Lệnh /xyz không dùng được", "Bạn đề cử ai?"] } },
      { actor: "lan", input: oldChoice("Cá nhân"), expect: { contains: ["Bạn đề cử ai?"], on: { TELEGRAM: ["tin nhắn cũ"], ZALO: ["gõ số thứ tự"] } } },
      { actor: "lan", input: choose("Cá nhân"), expect: { contains: ["Họ tên người"] } },
      { actor: "lan", input: photo, expect: { contains: ["chưa cần ảnh", "Họ tên người"] } },
      { actor: "lan", input: text("a".repeat(4050)), expect: { contains: ["tối đa là 120", "Họ tên người"] } },
      { actor: "lan", input: text("Lò Thị Mai"), expect: { contains: ["đơn vị"] } },
      {
        check: async (ctx) => {
          const draft = await ctx.db.nomination.findFirstOrThrow({ where: { nominatorId: await ctx.personOf("lan"), status: "DRAFT" } });
          expect(draft).toMatchObject({ nomineeKind: "INDIVIDUAL", nomineeName: "Lò Thị Mai", draftStep: "unit" });
        },
        note: "nothing answered was lost",
      },
    ],
  },
  {
    name: "a draft resumes after a restart, its last choices still answering",
    actors: { lan: { name: "Đinh Thị Hoa" } },
    steps: [
      { actor: "lan", input: command("decu"), expect: { contains: ["Bạn đề cử ai?"] } },
      { actor: "lan", input: choose("Tập thể"), expect: { contains: ["Họ tên người"] } },
      { actor: "lan", input: text("Tổ thu gom rác khu 3"), expect: { contains: ["đơn vị"] } },
      { actor: "lan", input: text("son vi"), expect: { choicesInclude: ["Xã Sơn Vi"] } },
      { restart: true },
      { actor: "lan", input: choose("Xã Sơn Vi"), expect: { contains: ["lĩnh vực nào"] } },
      {
        check: async (ctx) => {
          const draft = await ctx.db.nomination.findFirstOrThrow({ where: { nominatorId: await ctx.personOf("lan"), status: "DRAFT" }, include: { unit: true } });
          expect(draft).toMatchObject({ nomineeKind: "COLLECTIVE", nomineeName: "Tổ thu gom rác khu 3", draftStep: "field" });
          expect(draft.unit?.code).toBe("PT-LT-SONVI");
        },
      },
    ],
  },
  {
    name: "review through both levels, the nominator told at each",
    actors: { lan: { name: "Nguyễn Thị Lan" }, ...reviewers },
    groups: reviewGroups,
    steps: [...submitted("lan", "Lò Thị Mai"), ...bothLevels],
  },
  {
    name: "a rejection with its reason delivered to the nominator",
    actors: { lan: { name: "Nguyễn Thị Lan" }, ...reviewers },
    groups: reviewGroups,
    steps: [
      ...submitted("lan", "Lò Thị Mai"),
      { awaitIn: "unitGroup", match: "{code}" },
      { actor: "ward", in: "unitGroup", input: decide("reject", "Thông tin chưa đủ để xác minh"), expect: { contains: ["Đã từ chối hồ sơ {code}"] } },
      { check: statusIs("REJECTED") },
      { awaitIn: "lan", match: "chưa được duyệt", expect: { contains: ["{code}", "Lý do: Thông tin chưa đủ để xác minh"] } },
    ],
  },
  {
    name: "an approved story with photos broadcast to a subscribed group",
    actors: { lan: { name: "Nguyễn Thị Lan" }, ...reviewers, elder: { name: "Bác Tổ trưởng" } },
    groups: { ...reviewGroups, community: { title: "Khu 3 Sơn Vi", members: ["elder"], subscribed: true } },
    steps: [
      ...submittedWithPhotos,
      ...bothLevels,
      { broadcast: true },
      { awaitIn: "community", match: "Lò Thị Mai", expect: { photos: 2 } },
      {
        check: async (ctx) => {
          const rows = await ctx.db.outboxMessage.findMany({ where: { broadcastId: { not: null } } });
          expect(rows.length).toBeGreaterThan(0);
          expect(rows.every((r) => r.status === "SENT")).toBe(true);
        },
        note: "every part of the digest was delivered",
      },
    ],
  },
  {
    name: "an idle draft is nudged and resumes from the nudge",
    actors: { lan: { name: "Hà Thị Thu" } },
    steps: [
      { actor: "lan", input: command("decu"), expect: { contains: ["Bạn đề cử ai?"] } },
      { actor: "lan", input: choose("Cá nhân"), expect: { contains: ["Họ tên người"] } },
      { actor: "lan", input: text("Hà Văn Tư"), expect: { contains: ["đơn vị"] } },
      { tick: new Date(Date.now() + 72 * 3_600_000).toISOString() },
      { awaitIn: "lan", match: "Bạn còn một hồ sơ đề cử", expect: { contains: ["Hà Văn Tư"], choicesInclude: ["▶️ Tiếp tục"] } },
      {
        check: async (ctx) => {
          expect(await ctx.db.outboxMessage.count({ where: { kind: "nudge", status: "SENT" } })).toBe(1);
        },
      },
      { actor: "lan", input: choose("▶️ Tiếp tục"), expect: { contains: ["đơn vị"] } },
    ],
  },
];

/**
 * The mixed case: nominated on Zalo, approved on Telegram by officers pressing the card
 * buttons in Telegram review groups, broadcast to a Zalo group and a Telegram group, the
 * nominator told on Zalo.
 */
export const mixed: { scenario: Scenario; channels: Record<string, ChannelName> } = {
  scenario: {
    name: "nominated on Zalo, approved on Telegram, broadcast to a Zalo group and a Telegram group",
    actors: { lan: { name: "Nguyễn Thị Lan" }, ...reviewers, zaloElder: { name: "Bác Tổ trưởng" }, telegramElder: { name: "Cô Bí thư" } },
    groups: {
      ...reviewGroups,
      zaloCommunity: { title: "Khu 3 Sơn Vi (Zalo)", members: ["zaloElder"], subscribed: true },
      telegramCommunity: { title: "Khu 3 Sơn Vi (Telegram)", members: ["telegramElder"], subscribed: true },
    },
    steps: [
      ...submittedWithPhotos,
      ...bothLevels,
      { broadcast: true },
      { awaitIn: "zaloCommunity", match: "Lò Thị Mai", expect: { photos: 2 } },
      { awaitIn: "telegramCommunity", match: "Lò Thị Mai", expect: { photos: 2 } },
      {
        check: async (ctx) => {
          const n = await ctx.db.nomination.findFirstOrThrow({ where: { code: ctx.vars.code! } });
          expect(n.channel).toBe(ctx.channelOf("lan"));
          const notices = await ctx.db.outboxMessage.findMany({ where: { nominationId: n.id, kind: "notice" }, include: { chat: true } });
          expect(notices.length).toBeGreaterThanOrEqual(2);
          expect(notices.every((m) => m.chat.channel === ctx.channelOf("lan") && m.status === "SENT")).toBe(true);
        },
        note: "the nominator's notices went out on Zalo",
      },
    ],
  },
  channels: {
    lan: "ZALO",
    ward: "TELEGRAM",
    council: "TELEGRAM",
    unitGroup: "TELEGRAM",
    councilGroup: "TELEGRAM",
    zaloElder: "ZALO",
    zaloCommunity: "ZALO",
    telegramElder: "TELEGRAM",
    telegramCommunity: "TELEGRAM",
  },
};

// === Officers and admins in chat: decisions on the card, deadlines, the digest on demand

/** Both levels decided on the cards themselves: buttons on Telegram, the card's numbered menu typed on Zalo. */
const bothLevelsOnCards: Step[] = [
  { awaitIn: "unitGroup", match: "{code}", expect: { contains: ["Lò Thị Mai"], choicesInclude: ["✅ Duyệt", "❌ Từ chối"] } },
  {
    actor: "ward",
    in: "unitGroup",
    input: decide("approve", undefined, "card"),
    // A toast on Telegram; on Zalo, which has no toasts, a message before the card comes back.
    expect: { contains: ["Đã chuyển hồ sơ {code} lên Hội đồng"] },
  },
  { check: statusIs("IN_REVIEW", 1) },
  { awaitIn: "councilGroup", match: "{code}", expect: { choicesInclude: ["✅ Duyệt"] } },
  {
    actor: "council",
    in: "councilGroup",
    input: decide("approve", undefined, "card"),
    expect: { contains: ["Đã duyệt hồ sơ {code}"] },
  },
  { check: statusIs("APPROVED") },
  { awaitIn: "lan", match: "đã được duyệt!", expect: { contains: ["{code}", "Lò Thị Mai"] } },
];

/** A local day `days` from today in Vietnam, as typed in chat: "dd/mm/yyyy". */
function localDay(days: number): string {
  const day = new Date(Date.now() + 7 * 3_600_000 + days * 86_400_000);
  const two = (n: number) => String(n).padStart(2, "0");
  return `${two(day.getUTCDate())}/${two(day.getUTCMonth() + 1)}/${day.getUTCFullYear()}`;
}

/** The deadline of the reminder scenario: twelve days ahead, reminded seven days before. */
const meetingDay = localDay(12);
const reminderMoment = `${localDay(5)} 08:05`;

/** Scenarios of officers and admins at work in chat, run on each channel. */
export const officerScenarios: Scenario[] = [
  {
    name: "review through both levels on the cards: buttons, or the card's numbers typed",
    actors: { lan: { name: "Nguyễn Thị Lan" }, ...reviewers },
    groups: reviewGroups,
    steps: [
      ...submitted("lan", "Lò Thị Mai"),
      ...bothLevelsOnCards,
      {
        check: async (ctx) => {
          const n = await ctx.db.nomination.findFirstOrThrow({ where: { code: ctx.vars.code! }, include: { events: { orderBy: { id: "asc" }, include: { actor: true } } } });
          expect(n.events.map((e) => [e.action, e.actor?.displayName])).toEqual([
            ["SUBMIT", expect.any(String)],
            ["FORWARD", "Trần Văn Minh"],
            ["APPROVE", "Phạm Quốc Việt"],
          ]);
          const cards = await ctx.db.reviewCard.findMany({ where: { nominationId: n.id }, orderBy: { level: "asc" } });
          expect(cards.map((c) => c.level)).toEqual([0, 1]);
        },
        note: "the audit log names both officers; one card per level",
      },
    ],
  },
  {
    name: "an admin adds a deadline in chat; /tick reminds the unit officer once",
    actors: { admin: { name: "Quản trị viên", role: { role: "ADMIN" } }, ward: reviewers.ward! },
    steps: [
      { actor: "ward", input: command("deadline_add", `${meetingDay} | Họp sơ kết phong trào | officers`), expect: { contains: ["chỉ dành cho quản trị viên"] } },
      {
        actor: "admin",
        input: command("deadline_add", `${meetingDay} | Họp sơ kết phong trào | officers`),
        expect: { contains: ["Đã thêm mốc «Họp sơ kết phong trào»", meetingDay, "còn 12 ngày"] },
      },
      { actor: "ward", input: command("deadlines"), expect: { contains: ["Họp sơ kết phong trào", meetingDay] } },
      { actor: "admin", input: command("tick", reminderMoment), expect: { contains: ["Đã chạy các việc định kỳ"] } },
      { awaitIn: "ward", match: "Nhắc hạn: Họp sơ kết phong trào", expect: { contains: ["còn 7 ngày"] } },
      { actor: "admin", input: command("tick", reminderMoment), expect: { contains: ["Đã chạy các việc định kỳ"] } },
      { countIn: "ward", match: "Nhắc hạn: Họp sơ kết phong trào", count: 1 },
      { countIn: "admin", match: "Nhắc hạn", count: 0 },
      {
        check: async (ctx) => {
          const deadline = await ctx.db.deadline.findFirstOrThrow({ where: { titleVi: "Họp sơ kết phong trào" } });
          expect(deadline).toMatchObject({ recurrence: "ONCE", audience: "UNIT_OFFICERS", createdById: await ctx.personOf("admin") });
          expect(await ctx.db.reminderLog.count({ where: { deadlineId: deadline.id } })).toBe(1);
        },
        note: "one reminder recorded, by the admin's deadline",
      },
    ],
  },
  {
    name: "a group subscribes with /dangky; a council officer's /broadcast_now sends it the story, the count ending in totals",
    actors: { lan: { name: "Nguyễn Thị Lan" }, ...reviewers, elder: { name: "Bác Tổ trưởng" } },
    groups: { ...reviewGroups, community: { title: "Khu 3 Sơn Vi", members: ["elder"] } },
    steps: [
      ...submitted("lan", "Lò Thị Mai"),
      ...bothLevels,
      { actor: "ward", input: command("broadcast_now"), expect: { contains: ["chỉ dành cho cán bộ Hội đồng"] } },
      { actor: "elder", in: "community", input: command("dangky"), expect: { contains: ["Đăng ký nhận bản tin", "Khu 3 Sơn Vi"], choicesInclude: ["🌐 Toàn tổ chức"] } },
      { actor: "elder", in: "community", input: choose("🌐 Toàn tổ chức", { edits: true }), expect: { contains: ["Phạm vi: Toàn tổ chức", "Lĩnh vực: Tất cả lĩnh vực"], choicesInclude: ["✔️ Xác nhận đăng ký"] } },
      { actor: "elder", in: "community", input: choose("✔️ Xác nhận đăng ký", { edits: true }), expect: { contains: ["Đã đăng ký nhận bản tin", "Khu 3 Sơn Vi"] } },
      {
        check: async (ctx) => {
          const subscriptions = await ctx.db.subscription.findMany({ include: { chat: true } });
          expect(subscriptions.map((s) => [s.chat.title, s.active, s.unitScopeId, s.addedById])).toEqual([["Khu 3 Sơn Vi", true, null, await ctx.personOf("elder")]]);
        },
        note: "the group is subscribed, by its admin, to the whole organisation",
      },
      { actor: "council", input: command("broadcast_now"), expect: { contains: ["Bắt đầu gửi bản tin", "tới 1 nhóm"] } },
      { awaitIn: "community", match: "Lò Thị Mai" },
      { awaitIn: "council", match: "đã gửi xong", edited: true, expect: { contains: ["tới 1 nhóm", "0 lỗi"] } },
      { countIn: "council", match: "đã gửi xong", count: 1 },
      { check: statusIs("PUBLISHED") },
      { awaitIn: "lan", match: "đã được đăng trên bản tin", expect: { contains: ["{code}", "Lò Thị Mai"] } },
    ],
  },
];

/**
 * One person on both channels: a nominator and an officer each link their Telegram account
 * to their Zalo account with /link; the nomination made on Telegram shows in /cuatoi on Zalo,
 * and the officer's role, granted to the Telegram account, decides in a Zalo review group.
 */
export const linked: { scenario: Scenario; channels: Record<string, ChannelName> } = {
  scenario: {
    name: "/link joins a person's Telegram and Zalo accounts: nominations and officer roles follow",
    actors: { lan: { name: "Nguyễn Thị Lan" }, lanOnZalo: { name: "Lan Nguyễn" }, ...reviewers, wardOnZalo: { name: "Minh Trần" } },
    groups: { unitGroup: { title: "Tổ thi đua huyện Lâm Thao (Zalo)", members: ["wardOnZalo"], reviewFor: "PT-LT" }, councilGroup: reviewGroups.councilGroup! },
    steps: [
      ...submitted("lan", "Lò Thị Mai"),
      { actor: "lanOnZalo", input: command("cuatoi"), expect: { contains: ["Bạn chưa gửi hồ sơ đề cử nào"] } },
      { actor: "lan", input: command("link"), expect: { contains: ["Mã liên kết của bạn", "trên Zalo"], capture: { name: "linkCode", pattern: /\b\d{6}\b/ } } },
      { actor: "lanOnZalo", input: command("link", "{linkCode}"), expect: { contains: ["Đã nối tài khoản"] } },
      { actor: "lanOnZalo", input: command("link", "{linkCode}"), expect: { contains: ["không đúng hoặc đã hết hạn"] } },
      { actor: "lanOnZalo", input: command("cuatoi"), expect: { contains: ["Hồ sơ bạn đã đề cử", "{code}", "Lò Thị Mai"] } },
      { awaitIn: "unitGroup", match: "{code}", expect: { choicesInclude: ["✅ Duyệt"] } },
      { actor: "wardOnZalo", in: "unitGroup", input: decide("approve"), expect: { contains: ["Bạn không có quyền xét duyệt hồ sơ này"] } },
      { check: statusIs("SUBMITTED", 0), note: "an unlinked Zalo account holds no role" },
      { actor: "ward", input: command("link"), expect: { capture: { name: "linkCode", pattern: /\b\d{6}\b/ } } },
      { actor: "wardOnZalo", input: command("link", "{linkCode}"), expect: { contains: ["Đã nối tài khoản"] } },
      { actor: "wardOnZalo", in: "unitGroup", input: decide("approve"), expect: { contains: ["Đã chuyển hồ sơ {code} lên Hội đồng"] } },
      { check: statusIs("IN_REVIEW", 1) },
      { awaitIn: "councilGroup", match: "{code}", expect: { choicesInclude: ["✅ Duyệt"] } },
      {
        check: async (ctx) => {
          const lan = await ctx.personOf("lan");
          const ward = await ctx.personOf("ward");
          expect(await ctx.personOf("lanOnZalo")).toBe(lan);
          expect(await ctx.personOf("wardOnZalo")).toBe(ward);
          const identities = await ctx.db.channelIdentity.findMany({ where: { personId: { in: [lan, ward] } }, orderBy: [{ personId: "asc" }, { channel: "asc" }] });
          expect(identities.map((i) => [i.personId, i.channel])).toEqual([
            [Math.min(lan, ward), "TELEGRAM"],
            [Math.min(lan, ward), ctx.channelOf("lanOnZalo")],
            [Math.max(lan, ward), "TELEGRAM"],
            [Math.max(lan, ward), ctx.channelOf("wardOnZalo")],
          ]);
          const n = await ctx.db.nomination.findFirstOrThrow({ where: { code: ctx.vars.code! }, include: { events: { orderBy: { id: "asc" } } } });
          expect(n.nominatorId).toBe(lan);
          expect(n.events.map((e) => [e.action, e.actorId])).toEqual([
            ["SUBMIT", lan],
            ["FORWARD", ward],
          ]);
        },
        note: "each pair of accounts is one person; the Zalo decision is the officer's",
      },
    ],
  },
  channels: {
    lan: "TELEGRAM",
    lanOnZalo: "ZALO",
    ward: "TELEGRAM",
    wardOnZalo: "ZALO",
    council: "TELEGRAM",
    unitGroup: "ZALO",
    councilGroup: "TELEGRAM",
  },
};
