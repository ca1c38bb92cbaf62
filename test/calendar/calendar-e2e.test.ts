// The calendar in chat, over the emulator: deadlines listed and added by admins, /tick moving
// a fake clock through reminders (with quota progress), draft nudges and review summaries,
// each sent once; /tick refused when time travel is off.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../../core/db/paths";
import { loadDeadlineConfig } from "../../core/calendar/deadline-config";
import { grantRole } from "../../core/review/officers";
import { startEmulator, type Emulator } from "../../emulator/index";
import { ChatUser, startBot, type BotUnderTest } from "../support/bot-app";
import { fillDraftUpTo, personOf } from "../support/drafts";
import { createTempDatabase, type TempDatabase } from "../support/temp-database";

let temp: TempDatabase;
let emulator: Emulator;
let bot: BotUnderTest;
let admin: ChatUser;
let officer: ChatUser;
let nominator: ChatUser;
let reviewGroup: number;

const deadlinesFile = path.join(repoRoot, "config", "deadlines.json");

/** Reminders, nudges and summaries the bot sent to a chat whose text contains `needle`. */
const sentTo = (chatId: number, needle: string) =>
  emulator.driver.botMessages(chatId).filter((m) => /^(⏰|⏳|Bạn còn)/.test(m.text ?? "") && (m.text ?? "").includes(needle));

async function tick(moment: string) {
  const reply = await admin.command("tick", moment);
  expect(reply.text).toContain("Đã chạy các việc định kỳ");
  return reply;
}

/** Waits until the outbox has delivered everything queued. */
/** Marks every bot message of a chat as seen, so the next reply read is a new one. */
async function skipSeen(chatId: number) {
  for (;;) {
    try {
      await emulator.driver.waitForBotMessage(chatId, { timeout: 30 });
    } catch {
      return;
    }
  }
}

async function settled() {
  for (let i = 0; i < 200; i++) {
    if ((await bot.db.outboxMessage.count({ where: { status: { in: ["PENDING", "SENDING"] } } })) === 0) {
      for (const user of [admin, officer, nominator]) await skipSeen(user.id);
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error("the outbox did not settle");
}

beforeAll(async () => {
  temp = await createTempDatabase();
  emulator = await startEmulator();
  const d = emulator.driver;
  admin = new ChatUser(emulator, d.createUser({ firstName: "Quản trị" }).id);
  officer = new ChatUser(emulator, d.createUser({ firstName: "Trần Văn", lastName: "Minh" }).id);
  nominator = new ChatUser(emulator, d.createUser({ firstName: "Nguyễn Thị", lastName: "Lan" }).id);
  reviewGroup = d.createChat({ type: "supergroup", title: "Tổ thi đua", creator: admin.id, members: [officer.id] }).id;
  bot = await startBot(emulator, temp.target, temp.dir, {
    adminTelegramIds: [String(admin.id)],
    calendar: { cron: null, allowTimeTravel: true, deadlines: await loadDeadlineConfig(deadlinesFile), quietHours: { start: "21:00", end: "07:00" } },
  });
  await officer.command("start");
  const sonVi = await bot.db.unit.findUniqueOrThrow({ where: { code: "PT-LT-SONVI" } });
  await grantRole(bot.db, { personId: await personOf(bot.db, officer.id), role: "UNIT_OFFICER", unitId: sonVi.id, grantedById: null });
});

afterAll(async () => {
  await bot.stop();
  await emulator.close();
  await temp.cleanup();
});

describe("deadlines in chat", () => {
  it("lists upcoming deadlines with days left, for officers only", async () => {
    const list = await officer.command("deadlines");
    expect(list.text).toContain("Các mốc sắp tới");
    expect(list.text).toContain("Báo cáo kết quả công tác");
    expect(list.text).toMatch(/còn \d+ ngày/);
    expect((await nominator.command("hanchot")).text).toContain("dành cho cán bộ thi đua");
  });

  it("an admin adds a deadline that shows in /deadlines and fires; a non-admin cannot", async () => {
    expect((await officer.command("deadline_add", "05/12/2026 | Họp sơ kết | officers")).text).toContain("chỉ dành cho quản trị viên");
    expect((await admin.command("deadline_add", "32/12 | X | officers")).text).toContain("không hợp lệ");
    expect((await admin.command("deadline_add", "05/12/2026 | Họp sơ kết | everyone")).text).toContain("Đối tượng «everyone» không hợp lệ");
    const added = await admin.command("deadline_add", "05/12/2026 | Họp sơ kết phong trào | officers");
    expect(added.text).toContain("Họp sơ kết phong trào");
    expect(added.text).toContain("05/12/2026");
    expect((await officer.command("deadlines")).text).toContain("Họp sơ kết phong trào");

    // The answer says what each job did in the admin's language, not the jobs' own names.
    const first = await tick("28/11/2026 08:05");
    expect(first.text).toContain("• Lời nhắc hạn: đã gửi 1 lời nhắc.");
    expect(first.text).toContain("• Hồ sơ soạn dở: không ai cần nhắc.");
    expect(first.text).not.toMatch(/reminders|draft-nudges|review-summaries/);
    await settled();
    expect(sentTo(officer.id, "Nhắc hạn: Họp sơ kết phong trào")).toHaveLength(1);
    // The same moment again, and a later moment before the next offset: nothing twice.
    await tick("28/11/2026 08:05");
    await tick("29/11/2026 10:00");
    await settled();
    expect(sentTo(officer.id, "Nhắc hạn: Họp sơ kết phong trào")).toHaveLength(1);
    await tick("02/12/2026 08:00");
    await settled();
    const both = sentTo(officer.id, "Nhắc hạn: Họp sơ kết phong trào");
    expect(both).toHaveLength(2);
    expect(both[1]!.text).toContain("còn 3 ngày");
  });

  it("removes a deadline", async () => {
    const code = (await bot.db.deadline.findFirstOrThrow({ where: { titleVi: "Họp sơ kết phong trào" } })).code;
    expect((await admin.command("deadline_remove", code)).text).toContain("Đã gỡ mốc");
    expect((await officer.command("deadlines")).text).not.toContain("Họp sơ kết phong trào");
  });
});

describe("reminders with quota progress, across the quarter boundary", () => {
  it("tells a commune's officer how many exemplars the quarter has, once per offset", async () => {
    await tick("24/12/2026 08:10");
    await settled();
    const [reminder] = sentTo(officer.id, "Giới thiệu gương người tốt, việc tốt hằng quý");
    expect(reminder?.text).toContain("Xã Sơn Vi: 0/3 gương quý IV/2026 — còn 7 ngày");
  });

  it("quiet hours hold a reminder until the morning", async () => {
    const before = sentTo(officer.id, "Giới thiệu gương").length;
    await tick("28/12/2026 22:30");
    await settled();
    expect(sentTo(officer.id, "Giới thiệu gương")).toHaveLength(before);
    await tick("29/12/2026 07:05");
    await settled();
    const after = sentTo(officer.id, "Giới thiệu gương");
    expect(after).toHaveLength(before + 1);
    expect(after.at(-1)!.text).toContain("còn 2 ngày");
  });
});

describe("nudges and review summaries", () => {
  it("nudges an idle draft once per 48 hours, twice at most, with a button that resumes it", async () => {
    await nominator.command("decu");
    const draftId = await fillDraftUpTo(bot.db, nominator.id, "achievements", "Lò Văn Páo");
    await bot.db.nomination.update({ where: { id: draftId }, data: { lastActivityAt: new Date("2026-11-20T01:00:00Z") } });
    await tick("22/11/2026 09:00");
    await settled();
    const nudges = () => sentTo(nominator.id, "đang soạn dở");
    expect(nudges()).toHaveLength(1);
    expect(nudges()[0]!.text).toContain("Lò Văn Páo");
    await tick("23/11/2026 09:00");
    await tick("24/11/2026 10:00");
    await tick("27/11/2026 10:00");
    await settled();
    expect(nudges()).toHaveLength(2);
    await tick("01/12/2026 10:00");
    await settled();
    expect(nudges()).toHaveLength(2);
    const resumed = await nominator.press("▶️ Tiếp tục");
    expect(resumed.text).toMatch(/thành tích/i);
  });

  it("a review group hears once a day of nominations waiting more than three days", async () => {
    expect((await (async () => {
      emulator.driver.sendCommand(admin.id, "reviewgroup", { chatId: reviewGroup, payload: "PT-LT" });
      return emulator.driver.waitForBotMessage(reviewGroup, { timeout: 5000 });
    })()).text).toContain("nhóm xét duyệt");
    const old = await bot.db.nomination.findFirstOrThrow({ where: { status: "DRAFT" } });
    await bot.db.nomination.update({
      where: { id: old.id },
      data: { status: "SUBMITTED", code: "GS-2026-0099", codeYear: 2026, codeSeq: 99, submittedAt: new Date("2026-11-10T02:00:00Z"), lastActivityAt: new Date("2026-11-10T02:00:00Z") },
    });
    await tick("16/11/2026 09:00");
    await tick("16/11/2026 15:00");
    await settled();
    const summaries = sentTo(reviewGroup, "chờ duyệt quá 3 ngày");
    expect(summaries).toHaveLength(1);
    expect(summaries[0]!.text).toContain("GS-2026-0099 — Lò Văn Páo");
    await tick("17/11/2026 09:00");
    await settled();
    expect(sentTo(reviewGroup, "chờ duyệt quá 3 ngày")).toHaveLength(2);
  });
});

describe("the council's weekly chart", () => {
  it("reaches the council's review group on Monday morning, once a week, and says so in /tick", async () => {
    const council = emulator.driver.createChat({ type: "supergroup", title: "Hội đồng TĐKT", creator: admin.id, members: [officer.id] }).id;
    emulator.driver.sendCommand(admin.id, "reviewgroup", { chatId: council });
    expect((await emulator.driver.waitForBotMessage(council, { timeout: 5000 })).text).toContain("Hội đồng Thi đua – Khen thưởng");
    const charts = () => emulator.driver.botMessages(council).filter((m) => m.photo && (m.caption ?? "").startsWith("📊 Thống kê đầu tuần"));
    // Sunday evening and Monday before eight: nothing yet.
    await tick("06/12/2026 18:00");
    await tick("07/12/2026 07:30");
    await settled();
    expect(charts()).toHaveLength(0);
    const monday = await tick("07/12/2026 08:10");
    expect(monday.text).toContain("Thống kê tuần: đã gửi biểu đồ quý tới 1 nhóm Hội đồng.");
    await tick("07/12/2026 15:00");
    await tick("08/12/2026 08:10");
    await settled();
    expect(charts()).toHaveLength(1);
    expect(charts()[0]!.caption).toContain("quý IV/2026, toàn bộ các đơn vị");
    // The unit's own review group gets no chart: it is the council's summing-up.
    expect(emulator.driver.botMessages(reviewGroup).filter((m) => m.photo)).toHaveLength(0);
    await tick("14/12/2026 08:10");
    await settled();
    expect(charts()).toHaveLength(2);
  });
});

describe("time travel is off by default", () => {
  it("refuses /tick and runs nothing", async () => {
    await bot.stop();
    bot = await startBot(emulator, temp.target, temp.dir, { adminTelegramIds: [String(admin.id)], calendar: { cron: null } });
    const before = await bot.db.reminderLog.count();
    expect((await admin.command("tick", "30/12/2026 08:00")).text).toContain("ALLOW_TIME_TRAVEL=1");
    expect(await bot.db.reminderLog.count()).toBe(before);
  });
});
