// Sends what the outbox holds. One worker per bot account and instance; more instances are safe
// (rows are claimed with a conditional update, with FOR UPDATE SKIP LOCKED on PostgreSQL, so
// no two workers ever hold the same row: see claim.ts).
//
// Delivery guarantee. A row is claimed (SENDING, with a lease) before the channel is called
// and marked SENT only after the channel confirmed, so a crash before the call or after the
// mark never sends twice, and a crash at any point never loses a row: when the lease expires
// another worker takes the row again. The one window that can duplicate is a hard crash after
// the channel accepted a message and before the row was marked SENT; that message goes again.
// No channel lets a sender ask "did you already get this?", so at-least-once is the honest
// promise across that window, and exactly-once everywhere else.
import { InterruptibleSleeps } from "../async/interruptible-sleep";
import { untilAborted } from "../async/until-aborted";
import type { Logger } from "pino";
import type { DbTx } from "../db/client";
import type { Channel } from "../db/generated/sqlite/enums";
import { classifyUnknown, PermanentSendError, RateLimitedError, type SendError } from "./errors";
import { claimOutboxRow } from "./claim";
import { parsePayload } from "./payload";
import { OutboxRateLimiter, type ChannelLimits } from "./rate-limiter";
import type { SharedPace } from "./shared-pace";
import type { OutboxChat, OutboxDelivery, Sender, SendResult } from "./sender";

// === Options

/** Called once per chat-level permanent failure (blocked, kicked, chat not found). */
export type PermanentFailureHook = (chat: OutboxChat, error: PermanentSendError, message: { id: number; idempotencyKey: string; kind: string }) => Promise<void> | void;

/** Settings of an {@link OutboxWorker}. */
export interface OutboxWorkerOptions {
  db: DbTx;
  log: Logger;
  /** One sender per channel this worker serves; rows of other channels are left alone. */
  senders: Sender[];
  /** Overrides of the default limits per channel (see rate-limiter.ts). */
  limits?: Partial<Record<Channel, Partial<ChannelLimits>>>;
  /** Sends in flight at once (to different chats); default 8. */
  concurrency?: number;
  /** Due rows looked at per tick; default 100. */
  batchSize?: number;
  /** How long a claimed row belongs to this worker; default 2 minutes. */
  leaseMs?: number;
  /** A send is abandoned (and retried) after this long; default half the lease, and never more. */
  sendTimeoutMs?: number;
  /** Failed attempts before a row is FAILED; default 8. */
  maxAttempts?: number;
  /** Exponential backoff between failed attempts: first delay and cap; default 2 s and 15 min. */
  backoff?: { baseMs?: number; maxMs?: number };
  /** Longest idle sleep between looks at the table; default 1 s. */
  pollIntervalMs?: number;
  /**
   * How long {@link OutboxWorker.stop} lets the sends in hand finish before it cuts them off
   * and hands their rows back for the next start; default 5 s (a shutdown must not wait for
   * a send's full timeout).
   */
  stopGraceMs?: number;
  onPermanentFailure?: PermanentFailureHook;
  /**
   * Limits shared with the other instances of the same bot accounts (shared-pace.ts), asked
   * after this worker's own limiter; none when one instance sends alone.
   */
  sharedPace?: SharedPace;
  /** Milliseconds since the epoch; default Date.now. */
  clock?: () => number;
  /** In [0, 1); default Math.random. Spreads retries so that failed chats do not retry in step. */
  random?: () => number;
}

/** What one tick did. */
export interface TickResult {
  /** Sends started by this tick. */
  started: number;
  /** When the next row (or rate-limited chat) becomes ready, if known. */
  wakeAt: number | undefined;
}

interface ClaimableRow {
  id: number;
  /** The lease this worker's claim wrote; outcomes are recorded only while it still holds. */
  lease?: Date;
  idempotencyKey: string;
  kind: string;
  payload: unknown;
  attempts: number;
  nextAttemptAt: Date;
  chat: OutboxChat;
}

const rowSelect = {
  id: true,
  idempotencyKey: true,
  kind: true,
  payload: true,
  attempts: true,
  nextAttemptAt: true,
  chat: { select: { id: true, channel: true, externalId: true, kind: true } },
} as const;

/**
 * A channel name fit to stand inside the heads query: the enum's own spelling, checked, since
 * an enum compared with a bound text parameter fails on PostgreSQL.
 */
function sqlChannel(channel: Channel): Channel {
  if (!/^[A-Z_]+$/.test(channel)) throw new Error(`not a channel name: ${channel}`);
  return channel;
}

// === Worker

/**
 * Delivers outbox rows through per-channel senders, within the channels' limits, in order
 * per chat (one row in flight per chat; part 2 never leaves before part 1 is finished).
 *
 * @example
 * const worker = new OutboxWorker({ db, log, senders: [new TelegramOutboxSender(api)] });
 * worker.start();
 * // ...
 * await worker.stop();
 */
export class OutboxWorker {
  private readonly db: DbTx;
  private readonly log: Logger;
  private readonly senders: Map<Channel, Sender>;
  private readonly limiter: OutboxRateLimiter;
  private readonly concurrency: number;
  private readonly batchSize: number;
  private readonly leaseMs: number;
  private readonly sendTimeoutMs: number;
  private readonly maxAttempts: number;
  private readonly backoffBaseMs: number;
  private readonly backoffMaxMs: number;
  private readonly pollIntervalMs: number;
  private readonly stopGraceMs: number;
  private readonly onPermanentFailure: PermanentFailureHook | undefined;
  private readonly sharedPace: SharedPace | undefined;
  private readonly clock: () => number;
  private readonly random: () => number;

  /** Sends in flight, by chat row id. */
  private readonly inFlight = new Map<number, Promise<void>>();
  private running = false;
  private loop: Promise<void> | undefined;
  private stopRequested = false;
  private claiming: Promise<unknown> = Promise.resolve();
  private readonly sleeps = new InterruptibleSleeps();
  /** Aborted by {@link stop} when the sends in hand outlast the grace period. */
  private interrupt = new AbortController();

  constructor(options: OutboxWorkerOptions) {
    this.db = options.db;
    this.log = options.log;
    this.senders = new Map(options.senders.map((s) => [s.channel, s]));
    this.limiter = new OutboxRateLimiter(options.limits);
    this.concurrency = options.concurrency ?? 8;
    this.batchSize = Math.max(1, Math.floor(options.batchSize ?? 100));
    this.leaseMs = options.leaseMs ?? 120_000;
    this.sendTimeoutMs = Math.min(options.sendTimeoutMs ?? this.leaseMs / 2, this.leaseMs / 2);
    this.maxAttempts = options.maxAttempts ?? 8;
    this.backoffBaseMs = options.backoff?.baseMs ?? 2_000;
    this.backoffMaxMs = options.backoff?.maxMs ?? 15 * 60_000;
    this.pollIntervalMs = options.pollIntervalMs ?? 1_000;
    this.stopGraceMs = options.stopGraceMs ?? 5_000;
    this.onPermanentFailure = options.onPermanentFailure;
    this.sharedPace = options.sharedPace;
    this.clock = options.clock ?? Date.now;
    this.random = options.random ?? Math.random;
  }

  // === Running

  /** Starts sending in the background until {@link stop}. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /**
   * Stops taking rows and waits for the sends in hand to finish and be recorded. A send still
   * going after the grace period is cut off and its row goes back to PENDING at once (no
   * attempt counted), so the next start sends it without waiting for the lease to expire.
   */
  async stop(): Promise<void> {
    this.running = false;
    this.stopRequested = true;
    this.wake();
    await this.loop;
    this.loop = undefined;
    let timer: NodeJS.Timeout | undefined;
    const grace = new Promise<void>((resolve) => (timer = setTimeout(resolve, this.stopGraceMs)));
    await Promise.race([this.settled(), grace]);
    clearTimeout(timer);
    if (this.inFlight.size > 0) {
      this.log.warn({ inFlight: this.inFlight.size, graceMs: this.stopGraceMs }, "outbox stopping: sends still in hand are cut off and handed back");
      this.interrupt.abort(new Error("the outbox worker is stopping"));
    }
    await this.settled();
    this.interrupt = new AbortController();
    this.stopRequested = false;
  }

  /** Looks at the table now instead of at the next poll (e.g. right after an enqueue). */
  wake(): void {
    this.sleeps.wakeAll();
  }

  /**
   * Works until no row of this worker's channels is PENDING or SENDING, waiting out rate
   * limits, retry delays and expired leases on the way. For tests, scripts and shutdown.
   * Throws when the outbox is not empty after `timeoutMs`.
   */
  async drain(options: { timeoutMs?: number } = {}): Promise<void> {
    const deadline = this.clock() + (options.timeoutMs ?? 30_000);
    for (;;) {
      const { wakeAt } = await this.tick();
      if (this.inFlight.size === 0 && (await this.openRows()) === 0) return;
      if (this.clock() > deadline) throw new Error(`The outbox still has ${await this.openRows()} unfinished rows after ${options.timeoutMs ?? 30_000} ms`);
      await this.sleeps.sleep(this.idleDelay(wakeAt));
    }
  }

  /**
   * One look at the table at time `now`: takes back rows whose lease expired, then claims and
   * starts the due rows the limits allow. Returns without waiting for the sends.
   */
  async tick(now: number = this.clock()): Promise<TickResult> {
    return this.exclusive(() => this.tickOnce(now));
  }

  /** Resolves when every send in hand has finished and been recorded. */
  async settled(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all(this.inFlight.values());
  }

  private async run(): Promise<void> {
    while (this.running) {
      let wakeAt: number | undefined;
      try {
        ({ wakeAt } = await this.tick());
      } catch (error) {
        this.log.error({ err: error }, "outbox tick failed");
      }
      if (this.running) await this.sleeps.sleep(this.idleDelay(wakeAt));
    }
  }

  /**
   * Runs claims one at a time: each reads the limiter, then claims, then takes a token, and
   * two interleaved would both pass the limiter for the same chat.
   */
  private exclusive<T>(claim: () => Promise<T>): Promise<T> {
    const result = this.claiming.then(claim);
    this.claiming = result.catch(() => undefined);
    return result;
  }

  private idleDelay(wakeAt: number | undefined): number {
    if (wakeAt === undefined) return this.pollIntervalMs;
    return Math.min(this.pollIntervalMs, Math.max(0, wakeAt - this.clock()));
  }


  // === Claiming

  private async tickOnce(now: number): Promise<TickResult> {
    await this.reclaimExpiredLeases(now);
    if (this.stopRequested || this.inFlight.size >= this.concurrency) return { started: 0, wakeAt: undefined };

    let started = 0;
    let wakeAt: number | undefined;
    const later = (at: number) => (wakeAt = wakeAt === undefined ? at : Math.min(wakeAt, at));
    for (const row of await this.heads()) {
      if (this.inFlight.size >= this.concurrency) break;
      if (this.inFlight.has(row.chat.id)) continue;
      const due = row.nextAttemptAt.getTime();
      if (due > now) {
        later(due);
        break; // heads come in nextAttemptAt order: the rest are later still
      }
      const sender = this.senders.get(row.chat.channel);
      if (!sender) continue;
      const wait = await this.waitMs(row.chat, now);
      if (wait > 0) {
        later(now + wait);
        continue;
      }
      const lease = await this.claim(row.id, now);
      if (!lease) continue;
      this.limiter.take(row.chat, now);
      this.launch({ ...row, lease }, sender);
      started += 1;
    }
    return { started, wakeAt };
  }

  /**
   * The first unfinished row of each chat, if it is PENDING, soonest first. A chat whose first
   * unfinished row is in flight (here or in another worker) has no head: that keeps parts in
   * order and one send per chat at a time.
   */
  private async heads(): Promise<ClaimableRow[]> {
    // One statement whatever the number of chats: its only parameters are the worker's
    // channels and the batch size. (Listing every chat's first row id as parameters broke
    // past SQLite's 999-parameter cap and stopped the whole outbox.) The NOT EXISTS probe
    // walks the (chatId, status) index. Table and column names are quoted, as Prisma
    // creates them on SQLite and PostgreSQL alike.
    const channels = [...this.senders.keys()];
    if (channels.length === 0) return [];
    const heads = await this.db.$queryRawUnsafe<{ id: number | bigint }[]>(
      `SELECT m."id" FROM "OutboxMessage" m JOIN "Chat" c ON c."id" = m."chatId"
       WHERE m."status" = 'PENDING' AND c."channel" IN (${channels.map((c) => `'${sqlChannel(c)}'`).join(", ")})
         AND NOT EXISTS (SELECT 1 FROM "OutboxMessage" p
                         WHERE p."chatId" = m."chatId" AND p."status" IN ('PENDING', 'SENDING') AND p."id" < m."id")
       ORDER BY m."nextAttemptAt" ASC, m."id" ASC
       LIMIT ${this.batchSize}`,
    );
    if (heads.length === 0) return [];
    const rows = await this.db.outboxMessage.findMany({
      where: { id: { in: heads.map((h) => Number(h.id)) }, status: "PENDING" },
      orderBy: [{ nextAttemptAt: "asc" }, { id: "asc" }],
      select: rowSelect,
    });
    return rows;
  }

  /**
   * How long a send to `chat` must wait: this worker's own limiter first, then the pace shared
   * with other instances, whose token is taken when it says 0 (a claim lost after that only
   * leaves the shared pace a little slower).
   */
  private async waitMs(chat: ClaimableRow["chat"], now: number): Promise<number> {
    const own = this.limiter.waitMs(chat, now);
    if (own > 0 || !this.sharedPace) return own;
    return this.sharedPace.acquire(chat, this.limiter.limitsFor(chat.channel));
  }

  /**
   * PENDING → SENDING with a lease, only if still PENDING and due: of two claimers one wins.
   * Returns the lease written, or undefined when another worker won.
   */
  private async claim(id: number, now: number): Promise<Date | undefined> {
    const lease = new Date(now + this.leaseMs);
    return (await claimOutboxRow(this.db, id, now, lease)) ? lease : undefined;
  }

  /**
   * The row as this worker claimed it: still SENDING under this worker's lease. After the
   * lease expired another worker may have taken the row back and claimed it again; an
   * outcome recorded then would overwrite that worker's claim.
   */
  private mine(row: ClaimableRow): { id: number; status: "SENDING"; lockedUntil?: Date } {
    return { id: row.id, status: "SENDING", ...(row.lease ? { lockedUntil: row.lease } : {}) };
  }

  /**
   * Rows left SENDING by a worker that died. Each counts as a failed attempt, so a message
   * that kills its worker every time ends FAILED instead of looping.
   */
  private async reclaimExpiredLeases(now: number): Promise<void> {
    const expired = await this.db.outboxMessage.findMany({
      where: { status: "SENDING", lockedUntil: { lt: new Date(now) }, chat: { channel: { in: [...this.senders.keys()] } } },
      select: { id: true, attempts: true, lockedUntil: true, chatId: true },
    });
    for (const row of expired) {
      if (this.inFlight.has(row.chatId)) continue;
      const attempts = row.attempts + 1;
      const gaveUp = attempts >= this.maxAttempts;
      const { count } = await this.db.outboxMessage.updateMany({
        where: { id: row.id, status: "SENDING", lockedUntil: row.lockedUntil },
        data: {
          status: gaveUp ? "FAILED" : "PENDING",
          attempts,
          lockedUntil: null,
          nextAttemptAt: new Date(now),
          lastError: "lease expired: the worker sending it stopped before recording the outcome",
        },
      });
      if (count === 1) this.log.warn({ outboxId: row.id, attempts, gaveUp }, "outbox lease expired; row taken back");
    }
  }

  /** Rows of this worker's channels not yet finished. */
  private openRows(): Promise<number> {
    return this.db.outboxMessage.count({
      where: { status: { in: ["PENDING", "SENDING"] }, chat: { channel: { in: [...this.senders.keys()] } } },
    });
  }

  // === Sending

  /**
   * Sends `row`, then keeps the chat's slot for its next part while that part can go at once
   * (a broadcast's parts, one after another), so a busy outbox is not rescanned per message.
   */
  private launch(row: ClaimableRow, sender: Sender): void {
    const chatId = row.chat.id;
    const lane = async () => {
      let next: ClaimableRow | undefined = row;
      while (next) {
        await this.deliver(next, sender);
        next = this.stopRequested ? undefined : await this.exclusive(() => this.claimNextOf(next as ClaimableRow));
      }
    };
    const task = lane()
      .catch((error: unknown) => {
        // The outcome could not be recorded (database gone); the lease brings the row back.
        this.log.error({ err: error, chatId }, "outbox outcome not recorded");
      })
      .finally(() => {
        this.inFlight.delete(chatId);
        this.wake();
      });
    this.inFlight.set(chatId, task);
  }

  /** Claims the chat's next part if it is the chat's first unfinished row, due, and allowed now. */
  private async claimNextOf(previous: ClaimableRow): Promise<ClaimableRow | undefined> {
    const now = this.clock();
    const next = await this.db.outboxMessage.findFirst({
      where: { chatId: previous.chat.id, status: { in: ["PENDING", "SENDING"] } },
      orderBy: { id: "asc" },
      select: { status: true, ...rowSelect },
    });
    if (!next || next.status !== "PENDING" || next.nextAttemptAt.getTime() > now) return undefined;
    if ((await this.waitMs(next.chat, now)) > 0) return undefined;
    const lease = await this.claim(next.id, now);
    if (!lease) return undefined;
    this.limiter.take(next.chat, now);
    return { ...next, lease };
  }

  private async deliver(row: ClaimableRow, sender: Sender): Promise<void> {
    let message: OutboxDelivery;
    try {
      message = { id: row.id, idempotencyKey: row.idempotencyKey, chat: row.chat, kind: row.kind, payload: parsePayload(row.payload), attempts: row.attempts };
    } catch (error) {
      await this.failed(row, new PermanentSendError("message", `invalid payload: ${(error as Error).message}`));
      return;
    }
    let result: SendResult | undefined;
    let failure: SendError | undefined;
    const signal = AbortSignal.any([AbortSignal.timeout(this.sendTimeoutMs), this.interrupt.signal]);
    try {
      // Raced against the signal too: a sender that misses it must not hold the worker (and a
      // shutdown) past the timeout.
      result = await untilAborted(sender.send(message, signal), signal);
    } catch (error) {
      failure = classifyUnknown(error);
    }
    this.limiter.completed(row.chat, this.clock());
    if (result) await this.sent(row, result);
    else if (this.interrupt.signal.aborted) await this.handedBack(row, failure);
    else if (failure instanceof RateLimitedError) await this.rateLimited(row, failure);
    else if (failure instanceof PermanentSendError) await this.failed(row, failure);
    else if (failure) await this.retryLater(row, failure);
  }

  // === Outcomes

  private async sent(row: ClaimableRow, result: SendResult): Promise<void> {
    const { count } = await this.db.outboxMessage.updateMany({
      where: this.mine(row),
      data: { status: "SENT", sentAt: new Date(this.clock()), sentMessageIds: result.messageIds, lockedUntil: null },
    });
    if (count === 0) this.log.warn({ outboxId: row.id }, "outbox row delivered after its lease was taken back; it may go twice");
    this.log.debug({ outboxId: row.id, chatId: row.chat.id, messageIds: result.messageIds }, "outbox message sent");
  }

  /** Cut off by stop(): back to PENDING, due now, no attempt counted (it was not the message's fault). */
  private async handedBack(row: ClaimableRow, failure: SendError | undefined): Promise<void> {
    await this.db.outboxMessage.updateMany({
      where: this.mine(row),
      data: { status: "PENDING", nextAttemptAt: new Date(this.clock()), lockedUntil: null, lastError: `interrupted by shutdown: ${failure?.message ?? "no answer yet"}` },
    });
    this.log.warn({ outboxId: row.id, chatId: row.chat.id }, "outbox send cut off by shutdown; the row goes at the next start");
  }

  private async rateLimited(row: ClaimableRow, error: RateLimitedError): Promise<void> {
    const seconds = error.retryAfterSeconds ?? this.limiter.limitsFor(row.chat.channel).cooldownSeconds;
    const until = this.clock() + seconds * 1000;
    this.limiter.pause(row.chat, error.scope, until);
    await this.sharedPace?.pause(row.chat, error.scope, until, this.limiter.limitsFor(row.chat.channel));
    await this.db.outboxMessage.updateMany({
      where: this.mine(row),
      data: { status: "PENDING", nextAttemptAt: new Date(until), lockedUntil: null, lastError: error.message },
    });
    if (error.scope === "channel") {
      // Written down so that the rest also waits after a restart, when the limiter is empty.
      await this.db.outboxMessage.updateMany({
        where: { status: "PENDING", nextAttemptAt: { lt: new Date(until) }, chat: { channel: row.chat.channel } },
        data: { nextAttemptAt: new Date(until) },
      });
    }
    this.log.warn({ outboxId: row.id, chatId: row.chat.id, scope: error.scope, retryAfterSeconds: seconds }, "outbox rate limited");
  }

  private async retryLater(row: ClaimableRow, error: SendError): Promise<void> {
    const attempts = row.attempts + 1;
    const gaveUp = attempts >= this.maxAttempts;
    await this.db.outboxMessage.updateMany({
      where: this.mine(row),
      data: {
        status: gaveUp ? "FAILED" : "PENDING",
        attempts,
        lockedUntil: null,
        lastError: error.message,
        ...(gaveUp ? {} : { nextAttemptAt: new Date(this.clock() + this.backoffMs(attempts)) }),
      },
    });
    this.log.warn({ outboxId: row.id, chatId: row.chat.id, attempts, gaveUp, error: error.message }, "outbox send failed");
  }

  private async failed(row: ClaimableRow, error: PermanentSendError): Promise<void> {
    await this.db.outboxMessage.updateMany({
      where: this.mine(row),
      data: { status: "FAILED", attempts: row.attempts + 1, lockedUntil: null, lastError: error.message, failureReason: error.reason ?? null },
    });
    this.log.warn({ outboxId: row.id, chatId: row.chat.id, scope: error.scope, reason: error.reason, error: error.message }, "outbox send failed for good");
    if (error.scope !== "chat") return;
    await this.db.outboxMessage.updateMany({
      where: { chatId: row.chat.id, status: "PENDING" },
      data: { status: "CANCELLED", lastError: `cancelled: ${error.message}` },
    });
    try {
      await this.onPermanentFailure?.(row.chat, error, { id: row.id, idempotencyKey: row.idempotencyKey, kind: row.kind });
    } catch (hookError) {
      this.log.error({ err: hookError, chatId: row.chat.id }, "permanent-failure hook failed");
    }
  }

  /** Exponential, capped, with jitter in the upper half so retries spread but still grow. */
  private backoffMs(attempts: number): number {
    const ceiling = Math.min(this.backoffMaxMs, this.backoffBaseMs * 2 ** (attempts - 1));
    return Math.round(ceiling * (0.5 + this.random() * 0.5));
  }
}
