// The playground's own clock: real time plus an offset the clock panel moves forward. The
// outbox, the digest handlers and every tick read it, so a week moved on the panel is a week
// for the whole bot (reminders due, quiet drafts nudged, the Monday digest sent).

/** A clock that can be moved forward, never back. */
export class PlaygroundClock {
  private offsetMs = 0;

  /** Milliseconds since the epoch, as the playground sees it. */
  nowMs = (): number => Date.now() + this.offsetMs;

  now = (): Date => new Date(this.nowMs());

  /** Moves time forward by `ms` (at least zero); returns the new moment. */
  advance(ms: number): Date {
    this.offsetMs += Math.max(0, ms);
    return this.now();
  }

  /** Moves time forward to `moment` when it lies ahead; returns the new moment. */
  advanceTo(moment: Date): Date {
    return this.advance(moment.getTime() - this.nowMs());
  }

  /** Back to real time (a reset of the playground). */
  reset(): void {
    this.offsetMs = 0;
  }
}
