// /dulieu and /xoadulieu on Telegram, end to end over the emulator and a SQLite file: the file
// a resident receives holds their data and nobody else's; after the erasure no table of the file
// holds their name, phone or account ids, their pending nomination is withdrawn, their published
// story stays without them, and another resident's data is untouched.
import { existsSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ChatUser, useBotRig } from "../support/bot-app";
import { scanDatabase, seedResident, type SeededResident } from "./fixtures";

const users = { an: 7_100_001, binh: 7_100_002 };
const an = { name: "Phan Thị Thu An", phone: "+84912000111", nominees: ["Cụ Lý Văn Mười", "Chị Đỗ Thị Tám"] as [string, string] };
const binh = { name: "Vương Đình Bình", phone: "+84987000222", nominees: ["Anh Tạ Quang Chín", "Em Hà Minh Sáu"] as [string, string] };
let seeded: { an: SeededResident; binh: SeededResident };

const rig = useBotRig({}, async (temp) => {
  const mediaDir = path.join(temp.dir, "media");
  seeded = {
    an: await seedResident(temp.db, { channel: "TELEGRAM", externalId: String(users.an), mediaDir, ...an }),
    binh: await seedResident(temp.db, { channel: "TELEGRAM", externalId: String(users.binh), mediaDir, ...binh }),
  };
});

let user: ChatUser;
beforeAll(() => {
  rig.emulator.driver.createUser({ id: users.an, firstName: an.name, languageCode: "vi" });
  rig.emulator.driver.createUser({ id: users.binh, firstName: binh.name, languageCode: "vi" });
  user = new ChatUser(rig.emulator, users.an);
});

describe("personal data on Telegram", () => {
  it("/dulieu sends a summary and a JSON file with the person's data and nobody else's", async () => {
    const summary = await user.command("dulieu");
    expect(summary.text).toContain("Dữ liệu của bạn mà bot đang lưu");
    expect(summary.text).toContain(seeded.an.published.code);
    const file = await user.reply();
    expect(file.document?.file_name).toMatch(/^du-lieu-ca-nhan-\d{4}-\d{2}-\d{2}\.json$/);
    const text = rig.emulator.state.files.get(file.document!.file_id)!.bytes.toString("utf8");
    const data = JSON.parse(text) as { profile: { displayName: string }; accounts: { id: string }[]; nominations: { code: string | null; contactPhone: string | null; status: string }[] };
    expect(data.profile.displayName).toBe(an.name);
    expect(data.accounts.map((a) => a.id)).toEqual([String(users.an)]);
    expect(data.nominations.map((n) => n.status)).toEqual(["PUBLISHED", "SUBMITTED", "DRAFT"]);
    expect(data.nominations[0]!.contactPhone).toBe(an.phone);
    for (const other of [binh.name, binh.phone, String(users.binh), ...binh.nominees, seeded.binh.published.code]) expect(text).not.toContain(other);
    const exported = await rig.bot.db.auditEntry.count({ where: { action: "EXPORT_PERSONAL_DATA", actorId: seeded.an.personId } });
    expect(exported).toBe(1);
  });

  it("/xoadulieu asks first; “keep” changes nothing", async () => {
    const ask = await user.command("xoadulieu");
    expect(ask.text).toContain("xóa dữ liệu cá nhân");
    expect((await user.press("Không, giữ lại")).text).toContain("Đã giữ nguyên");
    expect(await rig.bot.db.channelIdentity.count({ where: { externalId: String(users.an) } })).toBe(1);
  });

  it("/xoadulieu confirmed: nothing of theirs left in any table, the published story stays without them", async () => {
    await user.command("xoadulieu");
    expect((await user.press("🗑 Xóa dữ liệu của tôi")).text).toContain("Đã xóa dữ liệu cá nhân");
    const db = rig.bot.db;
    const needles = [an.name, an.phone, "0912000111", String(users.an), `${users.an}_u`, an.nominees[1]];
    expect(scanDatabase(rig.temp.target.provider === "sqlite" ? rig.temp.target.file : "", needles)).toEqual([]);

    const published = await db.nomination.findUniqueOrThrow({ where: { id: seeded.an.published.id }, include: { attachments: true } });
    expect(published).toMatchObject({ status: "PUBLISHED", nomineeName: an.nominees[0], contactPhone: null });
    expect(published.publicStory).toContain(an.nominees[0]);
    expect(published.attachments).toHaveLength(1);
    expect(existsSync(seeded.an.photoFiles[0]!)).toBe(true);
    expect(existsSync(seeded.an.photoFiles[1]!)).toBe(false);
    expect((await db.nomination.findUniqueOrThrow({ where: { id: seeded.an.pending.id } })).status).toBe("WITHDRAWN");
    expect((await db.nomination.findUniqueOrThrow({ where: { id: seeded.an.draftId } })).status).toBe("CANCELLED");
    const person = await db.person.findUniqueOrThrow({ where: { id: seeded.an.personId } });
    expect(person).toMatchObject({ displayName: "" });
    expect(person.erasedAt).not.toBeNull();
    // The audit log says an erasure happened, and nothing of what it erased.
    const erasure = await db.auditEntry.findFirstOrThrow({ where: { action: "ERASE_PERSONAL_DATA" } });
    expect(erasure).toMatchObject({ actorId: null, nominationId: null, channel: "TELEGRAM" });

    // The other resident keeps everything.
    const other = [binh.name, binh.phone, String(users.binh), ...binh.nominees];
    expect(scanDatabase(rig.temp.target.provider === "sqlite" ? rig.temp.target.file : "", other).length).toBeGreaterThanOrEqual(other.length);
    expect(existsSync(seeded.binh.photoFiles[1]!)).toBe(true);

    // Writing again, they start as someone new.
    const fresh = await user.command("start");
    expect(fresh.text).toContain("Xin chào");
    const identity = await db.channelIdentity.findFirstOrThrow({ where: { externalId: String(users.an) } });
    expect(identity.personId).not.toBe(seeded.an.personId);
  });
});
