import type { Logger } from "pino";

type Closer = { name: string; close: () => Promise<void> | void };

/**
 * Closes what the process opened, in reverse order of opening, on SIGINT/SIGTERM: the bot
 * first (it finishes the update in hand), the database last.
 */
export class Shutdown {
  private readonly closers: Closer[] = [];
  private running: Promise<void> | undefined;

  constructor(private readonly log: Logger) {}

  /** Registers something to close; returns it for chaining. */
  add(name: string, close: () => Promise<void> | void): void {
    this.closers.push({ name, close });
  }

  /** Closes everything once, however many signals arrive. */
  run(reason: string): Promise<void> {
    this.running ??= (async () => {
      this.log.info({ reason }, "shutting down");
      for (const { name, close } of [...this.closers].reverse()) {
        try {
          await close();
        } catch (err) {
          this.log.error({ err, name }, "error while closing");
        }
      }
      this.log.info("stopped");
    })();
    return this.running;
  }

  /**
   * Runs on SIGINT and SIGTERM, then exits. The listener stays for every later signal: a
   * second signal during a slow shutdown must find it (the closing already under way answers
   * it), or the process dies by that signal with the outbox's rows still in hand.
   */
  listen(): void {
    for (const signal of ["SIGINT", "SIGTERM"] as const) {
      process.on(signal, () => void this.run(signal).then(() => process.exit(0)));
    }
  }
}
