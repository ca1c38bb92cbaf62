// Stories in every state the public site must tell apart, on a real SQLite file with real JPEG
// photos: published with consent (shown), published without consent, approved but not yet sent,
// rejected (never shown). Nominators' names and contact numbers are seeded so tests can prove
// they never leave the database.
import { mkdirSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";
import type { Db } from "../../core/db/client";
import { submitNomination, transition } from "../../core/nominations/lifecycle";

/** Text that must never appear in any public output. */
export const privateStrings = ["+84912345678", "0912345678", "912345678", "0912 345 678", "0987 654 321", "987654321", "Ngõ 12 phố Hàng Bạc", "Ngo 12 Hang Bac", "Người Đề Cử"];

/** A story to seed. */
export interface SeedStory {
  key: string;
  name: string;
  fieldNumber: number;
  unitCode: string;
  approvedAt: string;
  /** public: published with consent; confirmed: consent confirmed by an officer; sent: approved, its digest part sent. */
  state: "public" | "confirmed" | "sent" | "no-consent" | "approved-only" | "rejected";
  photos?: number;
  movementCode?: string;
  story?: string;
}

/** A JPEG whose EXIF carries an address, as a phone photo may. */
async function photo(file: string, hue: number): Promise<void> {
  await sharp({ create: { width: 1200, height: 900, channels: 3, background: { r: hue, g: 120, b: 255 - hue } } })
    .jpeg()
    .withExif({ IFD0: { ImageDescription: "Ngo 12 Hang Bac", Artist: "Nguoi De Cu" } })
    .toFile(file);
}

/** The nomination as far as review: submitted, then approved (or rejected) on `approvedAt`. */
async function reviewed(db: Db, s: SeedStory, nominatorId: number, officerId: number): Promise<number> {
  const unit = await db.unit.findUniqueOrThrow({ where: { code: s.unitCode } });
  const field = await db.field.findUniqueOrThrow({ where: { number: s.fieldNumber } });
  const movement = s.movementCode ? await db.movement.findUniqueOrThrow({ where: { code: s.movementCode } }) : null;
  const n = await db.nomination.create({
    data: {
      nominatorId,
      channel: "TELEGRAM",
      nomineeKind: "INDIVIDUAL",
      nomineeName: s.name,
      unitId: unit.id,
      fieldId: field.id,
      movementId: movement?.id ?? null,
      achievements: `Thành tích của ${s.name}; nhà ở Ngõ 12 phố Hàng Bạc, gọi 0912 345 678.`,
      contactPhone: "+84912345678",
      consent: s.state === "no-consent" || s.state === "confirmed" ? "NOT_ASKED" : "GIVEN",
      consentConfirmedById: s.state === "confirmed" ? officerId : null,
      criteria: { create: { criterionId: (await db.criterion.findFirstOrThrow()).id } },
    },
  });
  const at = new Date(s.approvedAt);
  await submitNomination(db, n.id, nominatorId, { timeZone: "Asia/Ho_Chi_Minh", now: at });
  if (s.state === "rejected") {
    await transition(db, { nominationId: n.id, from: "SUBMITTED", to: "REJECTED", action: "REJECT", actorId: officerId, reason: "Chưa đủ thông tin", now: at, set: { decidedAt: at } });
    return n.id;
  }
  const story = s.story ?? `${s.name} là tấm gương sáng ở địa phương, luôn giúp đỡ bà con lối xóm.`;
  await transition(db, { nominationId: n.id, from: "SUBMITTED", to: "APPROVED", action: "APPROVE", actorId: officerId, now: at, set: { decidedAt: at, publicStory: story } });
  return n.id;
}

/** Seeds the stories (and their photos under `mediaDir`); returns each nomination's code by key. */
export async function seedStories(db: Db, mediaDir: string, stories: SeedStory[]): Promise<Record<string, string>> {
  mkdirSync(mediaDir, { recursive: true });
  const officer = await db.person.create({ data: { displayName: "Cán bộ Hội đồng", roles: { create: { role: "COUNCIL_OFFICER" } } } });
  const chat = await db.chat.create({ data: { channel: "TELEGRAM", externalId: "-100777", kind: "SUPERGROUP", title: "Nhóm khu phố" } });
  const codes: Record<string, string> = {};
  for (const [i, s] of stories.entries()) {
    const nominator = await db.person.create({
      data: { displayName: `Người Đề Cử ${s.key}`, identities: { create: { channel: "TELEGRAM", externalId: String(880_000 + i) } } },
    });
    const id = await reviewed(db, s, nominator.id, officer.id);
    for (let p = 0; p < (s.photos ?? 0); p++) {
      const file = path.join(mediaDir, `${s.key}-${p}.jpg`);
      await photo(file, (i * 40 + p * 90) % 255);
      await db.attachment.create({ data: { nominationId: id, kind: "PHOTO", storagePath: file, mimeType: "image/jpeg", width: 1200, height: 900 } });
    }
    if (["public", "confirmed", "no-consent"].includes(s.state)) {
      const at = new Date(new Date(s.approvedAt).getTime() + 86_400_000);
      await transition(db, { nominationId: id, from: "APPROVED", to: "PUBLISHED", action: "PUBLISH", actorId: null, now: at, set: { publishedAt: at } });
    }
    if (s.state === "sent") {
      await db.outboxMessage.create({
        data: { idempotencyKey: `seed:${s.key}`, chatId: chat.id, kind: "digest-story", payload: { type: "text", html: s.name }, status: "SENT", nominationId: id },
      });
    }
    codes[s.key] = (await db.nomination.findUniqueOrThrow({ where: { id } })).code!;
  }
  return codes;
}

/** The stories most tests use: three public in two fields, units and years, four that are not. */
export const standardStories: SeedStory[] = [
  {
    key: "an",
    name: "Nguyễn Văn An",
    fieldNumber: 6,
    unitCode: "PT-LT-SONVI",
    approvedAt: "2026-11-10T03:00:00Z",
    state: "public",
    photos: 2,
    movementCode: "M01",
    story: "Ông Nguyễn Văn An, y sĩ trạm y tế xã, mười năm nay đi khám bệnh miễn phí cho người cao tuổi.\n\nAi cần giúp thì gọi 0987 654 321, ông luôn sẵn lòng.",
  },
  { key: "binh", name: "Trần Thị Bình", fieldNumber: 7, unitCode: "PT-LT-XUANLUNG", approvedAt: "2025-12-20T03:00:00Z", state: "confirmed", photos: 1 },
  { key: "cuong", name: "Lê Văn Cường", fieldNumber: 6, unitCode: "PT-LT-LAMTHAO", approvedAt: "2026-11-25T03:00:00Z", state: "sent" },
  { key: "giang", name: "Vũ Minh Giang", fieldNumber: 14, unitCode: "PT-LT-SONVI", approvedAt: "2026-10-05T03:00:00Z", state: "public", photos: 1 },
  { key: "dung", name: "Phạm Thị Dung", fieldNumber: 6, unitCode: "PT-LT-SONVI", approvedAt: "2026-11-12T03:00:00Z", state: "no-consent", photos: 1 },
  { key: "em", name: "Hoàng Văn Em", fieldNumber: 6, unitCode: "PT-LT-SONVI", approvedAt: "2026-11-13T03:00:00Z", state: "approved-only" },
  { key: "phuong", name: "Đỗ Thị Phượng", fieldNumber: 7, unitCode: "PT-LT-SONVI", approvedAt: "2026-11-14T03:00:00Z", state: "rejected" },
];

/** The keys of the standard stories the public may see, newest approval first. */
export const publicKeys = ["cuong", "an", "giang", "binh"];
