// Small statistics over samples: percentiles, sums, ratios, rounding for the table.

/** The p-th percentile (0–100) of `samples` by nearest rank; NaN when there are none. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1]!;
}

/** The median of `samples`. */
export function median(samples: readonly number[]): number {
  return percentile(samples, 50);
}

/** `value` rounded to `digits` decimals (a number, for the JSON file). */
export function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** a / b, or NaN when b is zero. */
export function ratio(a: number, b: number): number {
  return b === 0 ? Number.NaN : a / b;
}
