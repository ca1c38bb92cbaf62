// Writing many small units of work (a reminder tick's thousands of messages) one transaction
// each costs a commit per message; one transaction for all of them holds the write lock for
// the whole tick and loses everything to one bad row. Batches sit between the two.
import type { Logger } from "pino";
import type { Db, DbTx } from "./client";

/** How {@link inBatches} groups its work. */
export interface BatchOptions {
  /** Units of work per transaction; default 200. */
  size?: number;
  /** Where a unit that fails on its own is reported; it is then skipped. */
  log?: Logger;
}

/**
 * Runs `unit` for every item, `size` items to a transaction, and returns how many units
 * reported that they did something (returned true). When a batch fails, its items are run
 * again one transaction each, so one failing item costs only itself: it is logged and
 * skipped, and the others are committed. Units must therefore be safe to run again after a
 * rollback (claim-then-write under a unique key, as every calendar job does).
 *
 * @example
 * const queued = await inBatches(db, nudges, (tx, nudge) => claimAndEnqueue(tx, nudge));
 */
export async function inBatches<T>(db: Db, items: readonly T[], unit: (tx: DbTx, item: T) => Promise<boolean>, options: BatchOptions = {}): Promise<number> {
  const size = Math.max(1, Math.floor(options.size ?? 200));
  let done = 0;
  for (let start = 0; start < items.length; start += size) {
    const batch = items.slice(start, start + size);
    try {
      done += await db.$transaction(async (tx) => {
        let count = 0;
        for (const item of batch) if (await unit(tx, item)) count += 1;
        return count;
      });
    } catch (batchError) {
      options.log?.warn({ err: batchError, items: batch.length }, "a batch failed; its items are retried one by one");
      for (const item of batch) {
        try {
          if (await db.$transaction((tx) => unit(tx, item))) done += 1;
        } catch (error) {
          options.log?.error({ err: error }, "a unit of a batch failed on its own and was skipped");
        }
      }
    }
  }
  return done;
}
