// Reminders Zalo's 7-day window kept from officers: the reminder log names each reminder's
// outbox key, the outbox row says whether Zalo refused it (failureReason "outside-window"),
// and a detour row says whether it reached the person on a linked channel instead. /deadlines
// shows these counts beside each deadline, so officers see who was not reminded on the OA.
import type { DbTx } from "../db/client";
import { Channel } from "../db/generated/sqlite/enums";
import { detourKey } from "../outbox/enqueue";
import { outsideWindowReason } from "../outbox/errors";

/** Reminders of one occurrence refused for the window, and how many of those went out elsewhere. */
export interface WindowMisses {
  outside: number;
  reachedElsewhere: number;
}

/** The map key of an occurrence of a deadline. */
export function occurrenceKey(deadlineId: number, occurrence: string): string {
  return `${deadlineId}:${occurrence}`;
}

/**
 * The window misses of each listed occurrence that has any, keyed by {@link occurrenceKey}.
 *
 * ```ts
 * const misses = await windowMisses(db, upcoming.map((u) => ({ deadlineId: u.deadline.id, occurrence: u.occurrence.id })));
 * ```
 */
export async function windowMisses(db: DbTx, occurrences: { deadlineId: number; occurrence: string }[]): Promise<Map<string, WindowMisses>> {
  const result = new Map<string, WindowMisses>();
  if (occurrences.length === 0) return result;
  const logs = await db.reminderLog.findMany({
    where: { kind: "deadline-reminder", outboxKey: { not: null }, OR: occurrences.map((o) => ({ deadlineId: o.deadlineId, occurrence: o.occurrence })) },
    select: { deadlineId: true, occurrence: true, outboxKey: true },
  });
  const refused = new Set(
    (
      await db.outboxMessage.findMany({
        where: { idempotencyKey: { in: logs.map((l) => l.outboxKey!) }, status: "FAILED", failureReason: outsideWindowReason },
        select: { idempotencyKey: true },
      })
    ).map((r) => r.idempotencyKey),
  );
  const detours = new Set(
    (
      await db.outboxMessage.findMany({
        where: { idempotencyKey: { in: [...refused].flatMap((key) => Object.values(Channel).map((c) => detourKey(key, c))) }, status: "SENT" },
        select: { idempotencyKey: true },
      })
    ).map((r) => r.idempotencyKey),
  );
  for (const log of logs) {
    if (!refused.has(log.outboxKey!)) continue;
    const key = occurrenceKey(log.deadlineId!, log.occurrence!);
    const misses = result.get(key) ?? { outside: 0, reachedElsewhere: 0 };
    misses.outside++;
    if (Object.values(Channel).some((c) => detours.has(detourKey(log.outboxKey!, c)))) misses.reachedElsewhere++;
    result.set(key, misses);
  }
  return result;
}
