// A resident with a full set of personal data in a real SQLite file (nominations in every
// state, stored photos, a typed answer, a link code, their private chat and its messages), and
// a scan of every table of that file for strings that must be gone.
import { randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import type { Db } from "../../core/db/client";
import type { Channel } from "../../core/db/generated/sqlite/enums";
import { seedNomination, vnNoon } from "../reports/fixtures";

/** What a seeded resident leaves behind. */
export interface SeededResident {
  personId: number;
  published: { id: number; code: string };
  pending: { id: number; code: string };
  draftId: number;
  photoFiles: string[];
}

function photoFile(mediaDir: string, name: string): string {
  mkdirSync(mediaDir, { recursive: true });
  const file = path.join(mediaDir, `${name}.jpg`);
  writeFileSync(file, randomBytes(64));
  return file;
}

/**
 * A resident on `channel` with: a published story (photo, contact phone), a pending nomination
 * (photo, phone, an answer to an officer's question that repeats the phone), a draft, a link
 * code, their private chat with a queued message naming them.
 */
export async function seedResident(db: Db, r: { channel: Channel; externalId: string; name: string; phone: string; nominees: [string, string]; mediaDir: string }): Promise<SeededResident> {
  const person = await db.person.create({ data: { displayName: r.name, identities: { create: { channel: r.channel, externalId: r.externalId, username: `${r.externalId}_u` } } } });
  const published = await seedNomination(db, person.id, { unit: "PT-LT-SONVI", status: "PUBLISHED", submittedAt: vnNoon(2026, 3, 2), decidedAt: vnNoon(2026, 3, 9), name: r.nominees[0], publicStory: `Câu chuyện công khai về ${r.nominees[0]}.` });
  const pending = await seedNomination(db, person.id, { unit: "PT-LT-SONVI", status: "SUBMITTED", submittedAt: vnNoon(2026, 11, 20), name: r.nominees[1] });
  await db.nomination.updateMany({ where: { id: { in: [published.id, pending.id] } }, data: { contactPhone: r.phone } });
  // Stored as the bot stores them: named by content, nothing of the person in the name.
  const [a, b] = [randomBytes(8).toString("hex"), randomBytes(8).toString("hex")];
  const files = [photoFile(r.mediaDir, a), photoFile(r.mediaDir, b)];
  await db.attachment.create({ data: { nominationId: published.id, kind: "PHOTO", storagePath: files[0]!, sha256: a } });
  await db.attachment.create({ data: { nominationId: pending.id, kind: "PHOTO", storagePath: files[1]!, sha256: b } });
  await db.reviewEvent.create({ data: { nominationId: pending.id, actorId: person.id, action: "ANSWER_INFO", fromStatus: "NEEDS_INFO", toStatus: "SUBMITTED", reason: `Gọi tôi: ${r.phone}` } });
  const draft = await db.nomination.create({ data: { nominatorId: person.id, channel: r.channel, status: "DRAFT", draftStep: "name", contactPhone: r.phone, nomineeName: `${r.nominees[1]} (nháp)` } });
  await db.linkCode.create({ data: { code: String(100000 + person.id), personId: person.id, expiresAt: new Date(Date.now() + 600_000) } });
  const chat = await db.chat.create({ data: { channel: r.channel, externalId: r.externalId, kind: "PRIVATE", title: r.name } });
  await db.outboxMessage.create({ data: { idempotencyKey: `seed:${r.externalId}`, chatId: chat.id, kind: "status-notice", payload: { type: "text", html: `Chào ${r.name}` }, status: "SENT", nominationId: pending.id } });
  await db.consentRecord.create({ data: { nominationId: published.id, source: "NOMINATOR", change: "GIVEN", recordedById: person.id, wording: "Người được đề cử đã đồng ý chưa?", locale: "vi" } });
  return { personId: person.id, published, pending, draftId: draft.id, photoFiles: files };
}

/** Every table and column of the SQLite file where any of `needles` occurs, as "Table.column". */
export function scanDatabase(file: string, needles: readonly string[]): string[] {
  const sqlite = new Database(file, { readonly: true });
  try {
    const tables = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[];
    const found: string[] = [];
    for (const { name } of tables) {
      for (const row of sqlite.prepare(`SELECT * FROM "${name}"`).all() as Record<string, unknown>[]) {
        for (const [column, value] of Object.entries(row)) {
          const text = typeof value === "string" ? value : value instanceof Buffer ? value.toString("utf8") : String(value);
          for (const needle of needles) if (text.includes(needle)) found.push(`${name}.${column} has ${needle}`);
        }
      }
    }
    return [...new Set(found)];
  } finally {
    sqlite.close();
  }
}
