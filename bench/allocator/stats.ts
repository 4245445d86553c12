/** Small numeric helpers for the benchmark's tables. */
export function mean(xs: readonly number[]): number {
  return xs.length === 0 ? NaN : xs.reduce((a, b) => a + b, 0) / xs.length;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export function round(x: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** Sample standard deviation (n - 1); 0 for fewer than two values. */
export function stdev(xs: readonly number[]): number {
  if (xs.length < 2) return 0;
  const m = mean(xs);
  return Math.sqrt(xs.reduce((a, x) => a + (x - m) ** 2, 0) / (xs.length - 1));
}

/**
 * Mean and spread of paired differences a[i] - b[i] (same seed, same stream): the seed-to-seed spread
 * of the streams cancels, so this is what says whether one policy beats another.
 */
export function pairedDifference(a: readonly number[], b: readonly number[]): { mean: number; sd: number; min: number; max: number; wins: number; n: number } {
  const d = a.map((x, i) => x - b[i]!);
  return { mean: mean(d), sd: stdev(d), min: Math.min(...d), max: Math.max(...d), wins: d.filter((x) => x > 0).length, n: d.length };
}
