// The limiter's arithmetic on a clock the test holds.
import { expect, it } from "vitest";
import { OutboxRateLimiter, TokenBucket } from "../../core/outbox/rate-limiter";

const privateChat = { id: 1, channel: "TELEGRAM" as const, kind: "PRIVATE" as const };
const group = { id: 2, channel: "TELEGRAM" as const, kind: "SUPERGROUP" as const };

/** Sends as fast as the limiter allows; returns the send times. */
function schedule(limiter: OutboxRateLimiter, chat: typeof privateChat | typeof group, count: number, start = 0): number[] {
  const times: number[] = [];
  let now = start;
  while (times.length < count) {
    now += limiter.waitMs(chat, now);
    limiter.take(chat, now);
    limiter.completed(chat, now);
    times.push(now);
  }
  return times;
}

it("spaces messages to one Telegram chat a second apart", () => {
  expect(schedule(new OutboxRateLimiter(), privateChat, 4)).toEqual([0, 1000, 2000, 3000]);
});

it("lets 20 messages go to a group at once, then one every 3 s", () => {
  const limiter = new OutboxRateLimiter({ TELEGRAM: { perChatPerSecond: Infinity } });
  const times = schedule(limiter, group, 22);
  expect(times.slice(0, 20)).toEqual(Array(20).fill(0));
  expect(times.slice(20)).toEqual([3000, 6000]);
});

it("holds every chat to the channel's overall rate", () => {
  const limiter = new OutboxRateLimiter({ TELEGRAM: { perSecond: 2, burst: 1 } });
  const chats = [1, 2, 3, 4].map((id) => ({ id, channel: "TELEGRAM" as const, kind: "PRIVATE" as const }));
  const now = 0;
  limiter.take(chats[0]!, now);
  expect(limiter.waitMs(chats[1]!, now)).toBe(500);
  expect(limiter.waitMs(chats[1]!, now + 500)).toBe(0);
});

it("counts from the answer, not the request, so latency never squeezes the spacing", () => {
  const limiter = new OutboxRateLimiter();
  limiter.take(privateChat, 0);
  limiter.completed(privateChat, 300);
  expect(limiter.waitMs(privateChat, 1000)).toBe(300);
  expect(limiter.waitMs(privateChat, 1300)).toBe(0);
});

it("pauses a chat or the whole channel", () => {
  const limiter = new OutboxRateLimiter({ TELEGRAM: { perChatPerSecond: Infinity } });
  limiter.pause(privateChat, "chat", 5000);
  expect(limiter.waitMs(privateChat, 1000)).toBe(4000);
  expect(limiter.waitMs(group, 1000)).toBe(0);
  limiter.pause(group, "channel", 9000);
  expect(limiter.waitMs(group, 1000)).toBe(8000);
  expect(limiter.waitMs({ id: 3, channel: "ZALO", kind: "PRIVATE" }, 1000)).toBe(0);
});

it("keeps Zalo to one message every 3 s with a cool-down of hours", () => {
  const limiter = new OutboxRateLimiter();
  const a = { id: 10, channel: "ZALO" as const, kind: "GROUP" as const };
  const b = { id: 11, channel: "ZALO" as const, kind: "PRIVATE" as const };
  limiter.take(a, 0);
  expect(limiter.waitMs(b, 0)).toBe(3000);
  expect(limiter.limitsFor("ZALO").cooldownSeconds).toBeGreaterThanOrEqual(3600);
});

it("a bucket with an infinite rate never waits", () => {
  const bucket = new TokenBucket(1, Infinity, 0);
  bucket.take(0);
  bucket.take(0);
  expect(bucket.waitMs(0)).toBe(0);
});
