import pino from "pino";
import { describe, expect, it } from "vitest";
import { runTick, startTicker } from "../../core/calendar/ticker";

const log = pino({ level: "silent" });

describe("calendar ticks", () => {
  it("runs every job as of the given moment, and one failure does not stop the rest", async () => {
    const seen: string[] = [];
    const now = new Date("2026-12-31T16:30:00Z");
    const outcomes = await runTick(
      [
        { name: "reminders", run: async (at) => seen.push(`reminders@${at.toISOString()}`) },
        { name: "nudges", run: async () => Promise.reject(new Error("db busy")) },
        { name: "reviews", run: async (at) => seen.push(`reviews@${at.toISOString()}`) },
      ],
      now,
      log,
    );
    expect(seen).toEqual(["reminders@2026-12-31T16:30:00.000Z", "reviews@2026-12-31T16:30:00.000Z"]);
    expect(outcomes.map((o) => [o.name, o.ok, o.error])).toEqual([
      ["reminders", true, undefined],
      ["nudges", false, "db busy"],
      ["reviews", true, undefined],
    ]);
  });

  it("node-cron drives the jobs with the scheduled instant, until stopped", async () => {
    const instants: Date[] = [];
    let fired!: () => void;
    const firstTick = new Promise<void>((resolve) => (fired = resolve));
    const ticker = startTicker({
      jobs: [{ name: "probe", run: async (now) => void (instants.push(now), fired()) }],
      schedule: "* * * * * *",
      timeZone: "Asia/Ho_Chi_Minh",
      log,
    });
    await firstTick;
    await ticker.stop();
    const count = instants.length;
    expect(instants[0]?.getUTCMilliseconds()).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(instants.length).toBe(count);
  });

  it("refuses a malformed schedule", () => {
    expect(() => startTicker({ jobs: [], schedule: "every minute", timeZone: "Asia/Ho_Chi_Minh", log })).toThrow(RangeError);
  });
});
