import { describe, expect, it } from "vitest";
import { UpdateRateLimiter } from "../../handlers/rate-limit";

describe("the per-person update limit", () => {
  it("lets 30 updates a minute through, then notifies once and drops until the pause ends", () => {
    let now = 0;
    const limiter = new UpdateRateLimiter({ limit: 30, windowMs: 60_000, pauseMs: 120_000, now: () => now });
    const decisions = Array.from({ length: 33 }, () => limiter.check("TELEGRAM:1"));
    expect(decisions.slice(0, 30).every((d) => d === "allow")).toBe(true);
    expect(decisions.slice(30)).toEqual(["notify", "drop", "drop"]);
    now += 120_001;
    expect(limiter.check("TELEGRAM:1")).toBe("allow");
    expect(limiter.check("TELEGRAM:2")).toBe("allow");
  });

  it("counts the items of one album as one update", () => {
    const limiter = new UpdateRateLimiter({ limit: 3, now: () => 0 });
    for (let i = 0; i < 10; i++) expect(limiter.check("TELEGRAM:1", "album-1")).toBe("allow");
    expect(limiter.check("TELEGRAM:1")).toBe("allow");
    expect(limiter.check("TELEGRAM:1", "album-2")).toBe("allow");
    expect(limiter.check("TELEGRAM:1")).toBe("notify");
  });
});
