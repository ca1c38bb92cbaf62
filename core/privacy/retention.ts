// Retention: a nomination's contact phone and the photos that were never published are kept
// only a configured number of months after the nomination was decided (approved, rejected or
// withdrawn), then deleted by a daily job. Published stories keep their photos: they are public.
import type { Logger } from "pino";
import { claimReminder } from "../calendar/record";
import type { TickJob } from "../calendar/ticker";
import { addLocalMonths, formatIsoDate, localDateOf, startOfLocalDay } from "../calendar/zoned-time";
import { inBatches } from "../db/batches";
import type { Db, DbTx } from "../db/client";
import { deleteFiles } from "./erase";

/** What the retention job needs. */
export interface RetentionOptions {
  db: Db;
  log: Logger;
  /** Months after the decision that contact phones and unpublished photos are kept. */
  months: number;
  mediaDir: string;
  timeZone: string;
  /** Nominations per transaction; default 200. */
  batchSize?: number;
}

/** What one run deleted. */
export interface RetentionCounts {
  phones: number;
  photos: number;
}

/** The instant before which a decision is old enough: the start of the same local day `months` ago. */
export function retentionCutoff(now: Date, months: number, timeZone: string): Date {
  return startOfLocalDay(addLocalMonths(localDateOf(now, timeZone), -months), timeZone);
}

/** Photos of a decided nomination that are not public: every photo unless the story is approved or published with consent, and answers' photos always. */
function unpublishedPhotosWhere(cutoff: Date) {
  const decided = { decidedAt: { lt: cutoff } };
  return {
    OR: [
      { forEventId: { not: null }, nomination: decided },
      { nomination: { ...decided, status: { notIn: ["APPROVED" as const, "PUBLISHED" as const] } } },
      { nomination: { ...decided, consent: "WITHDRAWN" as const } },
    ],
  };
}

/** Deletes one nomination's due photos; returns how many rows went and the files no other row uses. */
async function purgePhotosOf(tx: DbTx, nominationId: number, cutoff: Date): Promise<{ count: number; files: string[] }> {
  const photos = await tx.attachment.findMany({ where: { nominationId, ...unpublishedPhotosWhere(cutoff) }, select: { id: true, storagePath: true } });
  if (photos.length === 0) return { count: 0, files: [] };
  await tx.attachment.deleteMany({ where: { id: { in: photos.map((p) => p.id) } } });
  const paths = photos.map((p) => p.storagePath).filter((p): p is string => p !== null);
  const stillUsed = new Set((await tx.attachment.findMany({ where: { storagePath: { in: paths } }, select: { storagePath: true } })).map((a) => a.storagePath));
  return { count: photos.length, files: paths.filter((p) => !stillUsed.has(p)) };
}

/**
 * Deletes what is due as of `now`, in batches, and logs the counts.
 *
 * ```ts
 * const counts = await purgeExpiredPersonalData({ db, log, months: 12, mediaDir, timeZone }, new Date());
 * ```
 */
export async function purgeExpiredPersonalData(options: RetentionOptions, now: Date): Promise<RetentionCounts> {
  const { db, log } = options;
  const cutoff = retentionCutoff(now, options.months, options.timeZone);
  const batch = { size: options.batchSize ?? 200, log };
  const withPhone = await db.nomination.findMany({ where: { decidedAt: { lt: cutoff }, contactPhone: { not: null } }, select: { id: true } });
  const phones = await inBatches(db, withPhone, async (tx, n) => (await tx.nomination.updateMany({ where: { id: n.id, contactPhone: { not: null } }, data: { contactPhone: null } })).count > 0, batch);
  const withPhotos = await db.nomination.findMany({ where: { attachments: { some: unpublishedPhotosWhere(cutoff) } }, select: { id: true } });
  // Keyed by nomination: a batch that fails is run again item by item, and a rerun replaces its count.
  const purged = new Map<number, { count: number; files: string[] }>();
  await inBatches(
    db,
    withPhotos,
    async (tx, n) => {
      const result = await purgePhotosOf(tx, n.id, cutoff);
      purged.set(n.id, result);
      return result.count > 0;
    },
    batch,
  );
  const photos = [...purged.values()].reduce((sum, r) => sum + r.count, 0);
  await deleteFiles(options.mediaDir, [...new Set([...purged.values()].flatMap((r) => r.files))]);
  log.info({ phones, photos, months: options.months, cutoff: cutoff.toISOString() }, "retention: expired contact phones and unpublished photos deleted");
  return { phones, photos };
}

/**
 * The retention job of the periodic ticks: its first tick of each local day claims that day
 * and purges what is due; the other ticks of the day return null. A purge that fails after its
 * claim is logged by the ticker and caught up the next day (the cutoff only moves forward).
 *
 * ```ts
 * const jobs = [...calendarJobs(deps), retentionJob({ db, log, months: 12, mediaDir, timeZone })];
 * ```
 */
export function retentionJob(options: RetentionOptions): TickJob {
  return {
    name: "retention",
    async run(now) {
      const day = formatIsoDate(localDateOf(now, options.timeZone));
      const claimed = await claimReminder(options.db, `retention:${day}`, { kind: "retention", recipient: "all", now });
      return claimed ? purgeExpiredPersonalData(options, now) : null;
    },
  };
}
