// Waiting that can be cut short: a loop sleeps between polls, and `wakeAll` (new work, or a
// stop) ends every current sleep at once instead of waiting out the interval.

/** A set of sleeps that can all be woken together. */
export class InterruptibleSleeps {
  private readonly sleepers = new Set<() => void>();

  /** Resolves after `ms`, or as soon as {@link wakeAll} is called. */
  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.sleepers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.sleepers.add(done);
    });
  }

  /** Ends every sleep in progress. */
  wakeAll(): void {
    for (const wake of [...this.sleepers]) wake();
  }
}
