// A province-sized week for the cluster tests: one approved story, hundreds of community groups
// subscribed to the digest (in the emulator and in the database), and residents whose drafts
// have been idle long enough for the calendar's nudge.
import { submitNomination, transition } from "../../core/nominations/lifecycle";
import type { Db } from "../../core/db/client";
import type { Emulator } from "../../emulator/index";

/** What was seeded, by Telegram chat id. */
export interface ClusterWeek {
  groups: number[];
  residents: number[];
}

async function approvedStory(db: Db): Promise<void> {
  const nominator = await db.person.create({ data: { displayName: "Người đề cử", identities: { create: { channel: "TELEGRAM", externalId: "7000001" } } } });
  const unit = await db.unit.findFirstOrThrow({ where: { parentId: { not: null } } });
  const field = await db.field.findUniqueOrThrow({ where: { number: 14 } });
  const n = await db.nomination.create({
    data: {
      nominatorId: nominator.id,
      channel: "TELEGRAM",
      nomineeKind: "INDIVIDUAL",
      nomineeName: "Bà Nguyễn Thị Mai",
      unitId: unit.id,
      fieldId: field.id,
      achievements: "Nhiều năm quét dọn đường làng.",
      consent: "GIVEN",
      criteria: { create: { criterionId: (await db.criterion.findFirstOrThrow()).id } },
    },
  });
  await submitNomination(db, n.id, nominator.id, { timeZone: "Asia/Ho_Chi_Minh" });
  await transition(db, { nominationId: n.id, from: "SUBMITTED", to: "APPROVED", action: "APPROVE", actorId: null, set: { decidedAt: new Date(), publicStory: "Bà Mai giữ đường làng sạch mỗi sáng." } });
}

/** Seeds the week: `groups` subscribed supergroups and `residents` idle drafts (ten days quiet). */
export async function seedClusterWeek(db: Db, emulator: Emulator, counts: { groups: number; residents: number }): Promise<ClusterWeek> {
  await approvedStory(db);
  const groups = Array.from({ length: counts.groups }, (_, i) => emulator.driver.createChat({ type: "supergroup", title: `Tổ dân phố ${i + 1}` }).id);
  for (let i = 0; i < groups.length; i += 250) {
    await db.chat.createMany({ data: groups.slice(i, i + 250).map((id, j) => ({ channel: "TELEGRAM" as const, externalId: String(id), kind: "SUPERGROUP" as const, title: `Tổ dân phố ${i + j + 1}` })) });
  }
  const chats = await db.chat.findMany({ where: { kind: "SUPERGROUP" }, select: { id: true } });
  await db.subscription.createMany({ data: chats.map((c) => ({ chatId: c.id })) });
  const residents = Array.from({ length: counts.residents }, (_, i) => emulator.driver.createUser({ firstName: `Cư dân ${i + 1}` }).id);
  const idleSince = new Date(Date.now() - 10 * 24 * 3_600_000);
  for (const [i, id] of residents.entries()) {
    const person = await db.person.create({ data: { displayName: `Cư dân ${i + 1}`, identities: { create: { channel: "TELEGRAM", externalId: String(id) } } } });
    await db.nomination.create({ data: { nominatorId: person.id, channel: "TELEGRAM", status: "DRAFT", nomineeName: `Người tốt ${i + 1}`, lastActivityAt: idleSince } });
  }
  return { groups, residents };
}

/** A six-field cron expression matching only the second of `at` (today) in `timeZone`. */
export function onceAt(at: Date, timeZone = "Asia/Ho_Chi_Minh"): string {
  const parts = new Intl.DateTimeFormat("en-GB", { timeZone, hour: "numeric", minute: "numeric", second: "numeric", hourCycle: "h23" }).formatToParts(at);
  const part = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  return `${part("second")} ${part("minute")} ${part("hour")} * * *`;
}

/** The next whole second at least `ms` from now. */
export function secondsFromNow(ms: number): Date {
  return new Date(Math.ceil((Date.now() + ms) / 1000) * 1000);
}

/** Polls `check` until it returns true, or throws after `timeoutMs`. */
export async function until(check: () => Promise<boolean> | boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
