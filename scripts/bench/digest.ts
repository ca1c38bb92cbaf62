// The weekly digest to many groups through the real path: subscriptions in the database,
// sendWeeklyDigest (core/digest) queues every part, the outbox worker with production limits
// and the real Telegram sender delivers them to an emulator that enforces Telegram's limits.
import { pino } from "pino";
import { TelegramOutboxSender } from "../../bot/telegram/outbox-sender";
import { sendWeeklyDigest } from "../../core/digest/weekly";
import { Translations } from "../../core/i18n";
import { deactivateOnPermanentFailure } from "../../core/outbox/deactivate-subscription";
import { attachmentFileIds } from "../../core/outbox/file-ids";
import { OutboxWorker } from "../../core/outbox/worker";
import { startEmulator, telegramRateLimits } from "../../emulator/index";
import type { BenchDatabase } from "./database";

/** What the digest run measured. */
export interface DigestRun {
  groups: number;
  /** Parts queued (header and stories of every group). */
  planned: number;
  /** Parts the emulator accepted. */
  delivered: number;
  /** Parts accepted more than once (by chat). */
  duplicates: number;
  /** 429 answers the sender received. */
  tooManyRequests: number;
  /** Delivered messages per second, from the first send call to the last accepted one. */
  messagesPerSecond: number;
  planMs: number;
  sendMs: number;
}

/** Subscribes `groups` supergroups, approves one story, sends the digest and counts the deliveries. */
export async function runDigest(bench: BenchDatabase, groups: number): Promise<DigestRun> {
  const { db } = bench;
  const emulator = await startEmulator({ limits: { rate: telegramRateLimits } });
  try {
    const driver = emulator.driver;
    const chatIds = Array.from({ length: groups }, (_, i) => driver.createChat({ type: "supergroup", title: `Nhóm ${i + 1}` }).id);
    for (let i = 0; i < chatIds.length; i += 500) {
      await db.chat.createMany({ data: chatIds.slice(i, i + 500).map((id, k) => ({ channel: "TELEGRAM" as const, externalId: String(id), kind: "SUPERGROUP" as const, title: `Nhóm ${i + k + 1}` })) });
    }
    const chats = await db.chat.findMany({ where: { kind: "SUPERGROUP" }, select: { id: true } });
    for (let i = 0; i < chats.length; i += 500) await db.subscription.createMany({ data: chats.slice(i, i + 500).map((c) => ({ chatId: c.id })) });
    await approvedStory(bench);

    const log = pino({ level: "silent" });
    const now = new Date();
    let started = performance.now();
    await sendWeeklyDigest(db, now, { i18n: new Translations("vi"), locale: "vi", nominateLink: "https://t.me/guongsang_bot?start=decu" });
    const planMs = performance.now() - started;
    const planned = await db.outboxMessage.count();

    const worker = new OutboxWorker({
      db,
      log,
      senders: [new TelegramOutboxSender({ token: emulator.token, apiRoot: emulator.apiRoot, mediaDir: bench.dir, fileIds: attachmentFileIds(db) })],
      onPermanentFailure: deactivateOnPermanentFailure(db, log),
    });
    started = performance.now();
    await worker.drain({ timeoutMs: Math.max(120_000, (planned / 20) * 1000) });
    const sendMs = performance.now() - started;

    const sends = driver.calls().filter((c) => c.method.startsWith("send"));
    const accepted = sends.filter((c) => c.ok);
    const perChat = new Map<string, number>();
    for (const c of accepted) perChat.set(String(c.params.chat_id), (perChat.get(String(c.params.chat_id)) ?? 0) + 1);
    const plannedPerChat = await db.outboxMessage.groupBy({ by: ["chatId"], _count: { _all: true } });
    const externalOf = new Map((await db.chat.findMany({ select: { id: true, externalId: true } })).map((c) => [c.id, c.externalId]));
    let duplicates = 0;
    for (const row of plannedPerChat) duplicates += Math.max(0, (perChat.get(externalOf.get(row.chatId) ?? "") ?? 0) - row._count._all);
    const first = sends[0]?.at ?? 0;
    const last = accepted.at(-1)?.at ?? first;
    return {
      groups,
      planned,
      delivered: accepted.length,
      duplicates,
      tooManyRequests: sends.filter((c) => c.error?.error_code === 429).length,
      messagesPerSecond: last > first ? ((accepted.length - 1) / (last - first)) * 1000 : Number.NaN,
      planMs,
      sendMs,
    };
  } finally {
    await emulator.close();
  }
}

/** One approved story with consent, in the first unit, ready for the digest. */
async function approvedStory(bench: BenchDatabase): Promise<void> {
  const { db } = bench;
  const nominator = await db.person.create({ data: { displayName: "Người đề cử" } });
  const unit = await db.unit.findFirstOrThrow({ orderBy: { id: "asc" } });
  const field = await db.field.findFirstOrThrow({ orderBy: { id: "asc" } });
  const at = new Date();
  await db.nomination.create({
    data: {
      nominatorId: nominator.id,
      channel: "TELEGRAM",
      nomineeKind: "INDIVIDUAL",
      nomineeName: "Lê Thị Hoa",
      unitId: unit.id,
      fieldId: field.id,
      achievements: "Mười năm dọn vệ sinh đường làng, liên hệ 0912345678.",
      consent: "GIVEN",
      status: "APPROVED",
      code: "GS-2026-0001",
      codeYear: 2026,
      codeSeq: 1,
      submittedAt: at,
      decidedAt: at,
      publicStory: "Bà Lê Thị Hoa mười năm nay tự nguyện dọn vệ sinh đường làng và vận động bà con trồng cây xanh.",
    },
  });
}
