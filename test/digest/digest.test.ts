// The weekly digest end to end below the chat commands: subscriptions with different scopes,
// stories chosen per chat, composed, queued, delivered through the outbox to the emulator, and
// marked published. No personal data ever reaches a group.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { submitNomination, transition } from "../../core/nominations/lifecycle";
import { captionLimit, composeDigest, visibleLength } from "../../core/digest/compose";
import { broadcastProgress, createBroadcast, planBroadcast, settleDeliveries } from "../../core/digest/plan";
import { Translations } from "../../core/i18n";
import { startRig, type OutboxRig } from "../outbox/helpers";
import { TelegramOutboxSender } from "../../bot/telegram/outbox-sender";
import { attachmentFileIds } from "../../core/outbox/file-ids";
import { seedReferenceData } from "../../prisma/seed/seed";

let rig: OutboxRig;
const i18n = new Translations("vi");
const opts = { i18n, locale: "vi" as const, nominateLink: "https://t.me/guongsang_bot?start=decu" };
const chats: Record<string, number> = {};
const stories: Record<string, number> = {};

/** A 1×1 PNG, stored as an attachment would be. */
const png = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64");

async function approvedStory(key: string, o: { unitCode: string; fieldNumber: number; consent: "GIVEN" | "NOT_ASKED"; photos?: number; story?: string }) {
  const db = rig.db;
  const nominator = await db.person.create({ data: { displayName: `Người đề cử ${key}`, identities: { create: { channel: "TELEGRAM", externalId: `7${Object.keys(stories).length}01` } } } });
  const unit = await db.unit.findUniqueOrThrow({ where: { code: o.unitCode } });
  const field = await db.field.findUniqueOrThrow({ where: { number: o.fieldNumber } });
  const n = await db.nomination.create({
    data: {
      nominatorId: nominator.id,
      channel: "TELEGRAM",
      nomineeKind: "INDIVIDUAL",
      nomineeName: `Gương ${key}`,
      unitId: unit.id,
      fieldId: field.id,
      achievements: `Thành tích của ${key}, liên hệ 0912345678.`,
      contactPhone: "+84912345678",
      consent: o.consent,
      criteria: { create: { criterionId: (await db.criterion.findFirstOrThrow()).id } },
    },
  });
  const dir = path.join(rig.temp.dir, "media");
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < (o.photos ?? 0); i++) {
    const file = path.join(dir, `${key}-${i}.png`);
    writeFileSync(file, png);
    await db.attachment.create({ data: { nominationId: n.id, kind: "PHOTO", storagePath: file, mimeType: "image/png", sizeBytes: png.length } });
  }
  await submitNomination(db, n.id, nominator.id, { timeZone: "Asia/Ho_Chi_Minh" });
  await transition(db, {
    nominationId: n.id,
    from: "SUBMITTED",
    to: "APPROVED",
    action: "APPROVE",
    actorId: null,
    set: { decidedAt: new Date(), publicStory: o.story ?? `Câu chuyện đã được cán bộ duyệt về ${key}.` },
  });
  stories[key] = n.id;
}

async function subscribe(key: string, chatExternalId: number, o: { unitCode?: string; fieldNumbers?: number[] }) {
  const db = rig.db;
  const chat = await db.chat.create({ data: { channel: "TELEGRAM", externalId: String(chatExternalId), kind: "SUPERGROUP", title: key } });
  const unit = o.unitCode ? await db.unit.findUniqueOrThrow({ where: { code: o.unitCode } }) : null;
  const fields = o.fieldNumbers ? await db.field.findMany({ where: { number: { in: o.fieldNumbers } } }) : [];
  await db.subscription.create({ data: { chatId: chat.id, unitScopeId: unit?.id ?? null, fields: { create: fields.map((f) => ({ fieldId: f.id })) } } });
  chats[key] = chatExternalId;
}

beforeAll(async () => {
  rig = await startRig();
  await seedReferenceData(rig.db);
  const d = rig.emulator.driver;
  for (const title of ["Cả huyện", "Xã A", "Y tế toàn tỉnh"]) {
    const chat = d.createChat({ type: "supergroup", title });
    chats[title] = chat.id;
  }
  const communes = await rig.db.unit.findMany({ where: { kind: "COMMUNE" }, orderBy: { code: "asc" }, take: 2 });
  const [communeA, communeB] = communes.map((c) => c.code) as [string, string];
  await approvedStory("a-edu", { unitCode: communeA, fieldNumber: 7, consent: "GIVEN", photos: 3 });
  await approvedStory("b-health", { unitCode: communeB, fieldNumber: 6, consent: "GIVEN", photos: 1 });
  await approvedStory("agency-health", { unitCode: "SL-DTN", fieldNumber: 6, consent: "GIVEN" });
  await approvedStory("a-no-consent", { unitCode: communeA, fieldNumber: 14, consent: "NOT_ASKED" });
  await approvedStory("a-long", { unitCode: communeA, fieldNumber: 14, consent: "GIVEN", photos: 2, story: "Chuyện dài. ".repeat(120) });
  await subscribe("Cả huyện", chats["Cả huyện"]!, { unitCode: "PT-LT" });
  await subscribe("Xã A", chats["Xã A"]!, { unitCode: communeA });
  await subscribe("Y tế toàn tỉnh", chats["Y tế toàn tỉnh"]!, { fieldNumbers: [6] });
});
afterAll(() => rig.close());

/** Texts and captions the bot sent to a chat, in order. */
function received(chatId: number): string[] {
  return rig.emulator.driver.botMessages(chatId).map((m) => m.text ?? m.caption ?? (m.photo ? "[photo]" : ""));
}

describe("composing", () => {
  it("puts a long story in a text message after its album, never a caption over 1024", () => {
    const parts = composeDigest(
      [{ nominationId: 1, code: "GS-2026-0001", nomineeName: "A", unitName: "Khu 1", fieldNameVi: "Y tế", fieldNameEn: "Health", publicStory: "x ".repeat(800), photos: [{ path: "/a.png", telegramFileId: null }, { path: "/b.png", telegramFileId: null }] }],
      { ...opts, channel: "TELEGRAM" },
    );
    expect(parts.map((p) => p.payload.type)).toEqual(["text", "photos", "text", "text"]);
    for (const p of parts) if (p.payload.type === "photos") for (const item of p.payload.items) expect(visibleLength(item.caption ?? "")).toBeLessThanOrEqual(captionLimit);
  });

  it("escapes names and stories", () => {
    const [, story] = composeDigest(
      [{ nominationId: 1, code: "GS-2026-0001", nomineeName: "<b>Tên</b>", unitName: "Khu 1", fieldNameVi: "Y tế", fieldNameEn: "Health", publicStory: "a < b & c", photos: [] }],
      { ...opts, channel: "TELEGRAM" },
    );
    expect(story!.payload).toMatchObject({ type: "text" });
    expect((story!.payload as { html: string }).html).toContain("&lt;b&gt;Tên&lt;/b&gt;");
    expect((story!.payload as { html: string }).html).toContain("a &lt; b &amp; c");
  });

  it("ends each story with its public page's address when PUBLIC_BASE_URL is set, and stays within the limits", () => {
    const long = { nominationId: 7, code: "GS-2026-0042", nomineeName: "A", unitName: "Khu 1", fieldNameVi: "Y tế", fieldNameEn: "Health", publicStory: "x ".repeat(2500), photos: [] };
    const short = { ...long, nominationId: 8, code: "GS-2026-0043", publicStory: "Giúp bà con.", photos: [{ path: "/a.png", telegramFileId: null }] };
    const parts = composeDigest([long, short], { ...opts, channel: "TELEGRAM", publicBaseUrl: "https://guongsang.example.vn" });
    const texts = parts.map((p) => (p.payload.type === "text" ? p.payload.html : p.payload.type === "photos" ? (p.payload.items[0]!.caption ?? "") : ""));
    expect(texts[1]).toContain("Đọc trên trang công khai: https://guongsang.example.vn/gs-2026-0042.html");
    expect(visibleLength(texts[1]!)).toBeLessThanOrEqual(4096);
    expect(texts[2]).toContain("https://guongsang.example.vn/gs-2026-0043.html");
    const without = composeDigest([short], { ...opts, channel: "TELEGRAM" });
    expect(JSON.stringify(without)).not.toContain("trang công khai");
  });

  it("says \"1 story\" in an English header, not \"1 stories\"", () => {
    const story = { nominationId: 1, code: "GS-2026-0001", nomineeName: "A", unitName: "Khu 1", fieldNameVi: "Y tế", fieldNameEn: "Health", publicStory: "Giúp bà con.", photos: [] };
    const one = composeDigest([story], { ...opts, locale: "en", channel: "TELEGRAM" });
    expect((one[0]!.payload as { html: string }).html).toContain("1 story introduced");
    const two = composeDigest([story, { ...story, nominationId: 2 }], { ...opts, locale: "en", channel: "TELEGRAM" });
    expect((two[0]!.payload as { html: string }).html).toContain("2 stories introduced");
  });
});

describe("a weekly broadcast", () => {
  let broadcastId: number;

  it("queues for each group exactly the stories of its scope, with consent", async () => {
    broadcastId = (await createBroadcast(rig.db, { kind: "WEEKLY_DIGEST", scheduledFor: new Date() })).id;
    const plan = await planBroadcast(rig.db, broadcastId, opts);
    expect(plan).toMatchObject({ chats: 3, stories: 4 });
    const byChat = async (key: string) => {
      const chat = await rig.db.chat.findFirstOrThrow({ where: { externalId: String(chats[key]) } });
      const rows = await rig.db.outboxMessage.findMany({ where: { chatId: chat.id, kind: "digest-story" }, distinct: ["nominationId"] });
      return rows.map((r) => r.nominationId).sort();
    };
    expect(await byChat("Cả huyện")).toEqual([stories["a-edu"], stories["b-health"], stories["a-long"]].sort());
    expect(await byChat("Xã A")).toEqual([stories["a-edu"], stories["a-long"]].sort());
    expect(await byChat("Y tế toàn tỉnh")).toEqual([stories["b-health"], stories["agency-health"]].sort());
  });

  it("planning again queues nothing twice", async () => {
    const before = await rig.db.outboxMessage.count();
    const again = await planBroadcast(rig.db, broadcastId, opts);
    expect(again).toMatchObject({ chats: 0, parts: 0 });
    expect(await rig.db.outboxMessage.count()).toBe(before);
  });

  it("is delivered through the outbox, without personal data, and the stories become published", async () => {
    const worker = rig.worker();
    await worker.drain();
    const progress = await broadcastProgress(rig.db, broadcastId);
    expect(progress).toMatchObject({ pending: 0, failed: 0, chats: 3, chatsDone: 3 });
    const xaA = received(chats["Xã A"]!);
    expect(xaA[0]).toContain("Gương người tốt, việc tốt tuần này");
    expect(xaA.at(-1)).toContain("/decu");
    expect(xaA.join("\n")).toContain("Gương a-edu");
    expect(xaA.join("\n")).not.toContain("Gương b-health");
    for (const key of Object.keys(chats)) {
      const all = received(chats[key]!).join("\n");
      expect(all).not.toMatch(/0912|\+84|liên hệ/);
      expect(all).not.toContain("a-no-consent");
    }
    const albums = rig.emulator.driver.calls({ method: "sendMediaGroup" }).filter((c) => c.ok);
    expect(albums.length).toBeGreaterThan(0);
    const settled = await settleDeliveries(rig.db);
    expect(settled.published.sort()).toEqual([stories["a-edu"], stories["b-health"], stories["agency-health"], stories["a-long"]].sort());
    expect(settled.broadcastsDone).toEqual([broadcastId]);
    const noConsent = await rig.db.nomination.findUniqueOrThrow({ where: { id: stories["a-no-consent"] } });
    expect(noConsent.status).toBe("APPROVED");
  });

  it("uploads a story's photos once, then sends Telegram's file ids to the other chats", async () => {
    const sender = new TelegramOutboxSender({ token: rig.emulator.token, apiRoot: rig.emulator.apiRoot, fileIds: attachmentFileIds(rig.db) });
    const key = "a-edu";
    const broadcast = await createBroadcast(rig.db, { kind: "MANUAL", scheduledFor: new Date() });
    // The same approved story to two more groups: the first send uploads, the second refers.
    await rig.db.nomination.update({ where: { id: stories[key]! }, data: { status: "APPROVED" } });
    const more: number[] = [];
    for (const title of ["Thôn 1", "Thôn 2"]) {
      const id = rig.emulator.driver.createChat({ type: "supergroup", title }).id;
      const chat = await rig.db.chat.create({ data: { channel: "TELEGRAM", externalId: String(id), kind: "SUPERGROUP", title } });
      await rig.db.subscription.create({ data: { chatId: chat.id } });
      more.push(id);
    }
    rig.emulator.driver.clearCalls();
    await planBroadcast(rig.db, broadcast.id, opts);
    await rig.worker({ senders: [sender], concurrency: 1 }).drain();
    const albums = rig.emulator.driver.calls({ method: "sendMediaGroup" }).filter((c) => c.ok);
    const uploads = albums.map((c) => JSON.stringify(c.params.media).match(/attach:\/\//g)?.length ?? 0);
    expect(albums).toHaveLength(2);
    expect(uploads).toEqual([3, 0]);
    const refs = await rig.db.attachmentChannelRef.count({ where: { channel: "TELEGRAM", attachment: { nominationId: stories[key]! } } });
    expect(refs).toBe(3);
  });

  it("a second week has nothing new to send", async () => {
    const next = await createBroadcast(rig.db, { kind: "WEEKLY_DIGEST", scheduledFor: new Date() });
    expect(await planBroadcast(rig.db, next.id, opts)).toMatchObject({ chats: 0, parts: 0 });
  });
});
