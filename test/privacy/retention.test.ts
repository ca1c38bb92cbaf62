// The retention job end to end: an admin's /tick over the emulator runs the daily purge on a
// SQLite file with RETENTION_MONTHS = 6. Contact phones and never-published photos (their files
// too) of nominations decided before the cutoff go; younger or undecided ones, published
// stories' photos and files another photo still uses stay; the day's second tick does nothing.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../core/db/client";
import { ChatUser, useBotRig } from "../support/bot-app";
import { person, seedNomination, vnNoon } from "../reports/fixtures";

const adminId = 7_300_001;
const phone = "0912345678";
/** Local (UTC+7) midnight starting a day, as an instant. */
const vnMidnight = (year: number, month: number, day: number) => new Date(Date.UTC(year, month - 1, day, -7, 0, 0));

type Seeded = Record<"oldRejected" | "oldPublished" | "oldWithdrawnConsent" | "justBefore" | "atCutoff" | "young" | "undecided", number>;
let ids: Seeded;
const files: Record<string, string> = {};

async function photo(db: Db, mediaDir: string, nominationId: number, name: string, extra: { forEventId?: number; file?: string } = {}): Promise<void> {
  mkdirSync(mediaDir, { recursive: true });
  const file = extra.file ?? path.join(mediaDir, `${randomBytes(8).toString("hex")}.jpg`);
  if (!extra.file) writeFileSync(file, randomBytes(32));
  files[name] = file;
  await db.attachment.create({ data: { nominationId, kind: "PHOTO", storagePath: file, forEventId: extra.forEventId ?? null } });
}

const rig = useBotRig({ adminTelegramIds: [String(adminId)], calendar: { cron: null, allowTimeTravel: true }, privacy: { retentionMonths: 6 } }, async (temp) => {
  const db = temp.db;
  const media = path.join(temp.dir, "media");
  const nominator = await person(db, "Người đề cử");
  const seed = (status: "REJECTED" | "PUBLISHED" | "APPROVED" | "SUBMITTED", decidedAt: Date) =>
    seedNomination(db, nominator, { unit: "PT-LT-SONVI", status, submittedAt: vnNoon(2025, 12, 1), decidedAt, publicStory: status === "SUBMITTED" || status === "REJECTED" ? undefined : "Câu chuyện." }).then((n) => n.id);
  // The tick is on 1 December 2026; six months back, the cutoff is local midnight starting 1 June 2026.
  ids = {
    oldRejected: await seed("REJECTED", vnNoon(2026, 1, 10)),
    oldPublished: await seed("PUBLISHED", vnNoon(2026, 1, 10)),
    oldWithdrawnConsent: await seed("APPROVED", vnNoon(2026, 2, 10)),
    justBefore: await seed("REJECTED", new Date(vnMidnight(2026, 6, 1).getTime() - 60_000)),
    atCutoff: await seed("REJECTED", vnMidnight(2026, 6, 1)),
    young: await seed("REJECTED", vnNoon(2026, 9, 1)),
    undecided: await seed("SUBMITTED", vnNoon(2025, 12, 1)),
  };
  await db.nomination.update({ where: { id: ids.oldWithdrawnConsent }, data: { consent: "WITHDRAWN" } });
  await photo(db, media, ids.oldRejected, "oldRejected");
  await photo(db, media, ids.oldPublished, "published");
  const answer = await db.reviewEvent.create({ data: { nominationId: ids.oldPublished, action: "ANSWER_INFO", fromStatus: "NEEDS_INFO", toStatus: "SUBMITTED" } });
  await photo(db, media, ids.oldPublished, "answer", { forEventId: answer.id });
  await photo(db, media, ids.oldWithdrawnConsent, "withdrawn");
  await photo(db, media, ids.justBefore, "justBefore");
  await photo(db, media, ids.atCutoff, "atCutoff");
  await photo(db, media, ids.young, "young");
  // The same picture sent twice: one row goes, the file stays for the younger one.
  await photo(db, media, ids.justBefore, "shared", { file: files.young! });
  await photo(db, media, ids.undecided, "undecided");
});

let admin: ChatUser;
beforeAll(() => {
  rig.emulator.driver.createUser({ id: adminId, firstName: "Quản trị", languageCode: "vi" });
  admin = new ChatUser(rig.emulator, adminId);
});

describe("retention of personal data", () => {
  it("the day's first tick deletes exactly the phones and unpublished photos decided before the cutoff", async () => {
    const reply = await admin.command("tick", "01/12/2026 09:00");
    expect(reply.text).toContain("Đã chạy các việc định kỳ");
    expect(reply.text).toContain("Dữ liệu quá hạn lưu: đã xóa 4 số điện thoại liên hệ và 5 ảnh chưa công bố.");

    const db = rig.bot.db;
    const phones = Object.fromEntries(await Promise.all(Object.entries(ids).map(async ([name, id]) => [name, (await db.nomination.findUniqueOrThrow({ where: { id } })).contactPhone])));
    expect(phones).toEqual({ oldRejected: null, oldPublished: null, oldWithdrawnConsent: null, justBefore: null, atCutoff: phone, young: phone, undecided: phone });

    const left = await db.attachment.findMany({ select: { nominationId: true, storagePath: true } });
    const leftNames = Object.entries(files).filter(([, file]) => left.some((a) => a.storagePath === file)).map(([name]) => name).sort();
    // "shared" names the young photo's file, which a row still uses.
    expect(leftNames).toEqual(["atCutoff", "published", "shared", "undecided", "young"].sort());
    expect(left.filter((a) => a.nominationId === ids.justBefore)).toEqual([]);
    for (const name of ["oldRejected", "answer", "withdrawn", "justBefore"]) expect(existsSync(files[name]!), name).toBe(false);
    for (const name of ["published", "atCutoff", "young", "undecided"]) expect(existsSync(files[name]!), name).toBe(true);
  });

  it("a second tick the same day runs no purge; the next day's cutoff takes what it now reaches", async () => {
    await rig.bot.db.nomination.update({ where: { id: ids.oldRejected }, data: { contactPhone: phone } });
    const again = await admin.command("tick", "01/12/2026 18:00");
    expect(again.text).not.toContain("Dữ liệu quá hạn lưu");
    expect((await rig.bot.db.nomination.findUniqueOrThrow({ where: { id: ids.oldRejected } })).contactPhone).toBe(phone);
    const next = await admin.command("tick", "02/12/2026 09:00");
    // The cutoff is now 2 June: the decision at midnight starting 1 June is due, 1 September's is not.
    expect(next.text).toContain("đã xóa 2 số điện thoại liên hệ và 1 ảnh chưa công bố");
    expect((await rig.bot.db.nomination.findUniqueOrThrow({ where: { id: ids.oldRejected } })).contactPhone).toBeNull();
    expect((await rig.bot.db.nomination.findUniqueOrThrow({ where: { id: ids.atCutoff } })).contactPhone).toBeNull();
    expect(existsSync(files.atCutoff!)).toBe(false);
    expect((await rig.bot.db.nomination.findUniqueOrThrow({ where: { id: ids.young } })).contactPhone).toBe(phone);
  });
});
