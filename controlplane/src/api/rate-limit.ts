/** Requests per second each token may make, with a burst allowance. */
export interface RateLimitOptions {
  perSecond: number;
  burst?: number;
}

/**
 * A token bucket per caller. Returns 0 when the request may pass, otherwise the seconds to wait,
 * which becomes `Retry-After`.
 */
export function createRateLimiter(opts: RateLimitOptions, now: () => number): (caller: string) => number {
  const burst = opts.burst ?? Math.max(1, Math.ceil(opts.perSecond));
  const buckets = new Map<string, { tokens: number; at: number }>();
  return (caller) => {
    const t = now();
    let b = buckets.get(caller);
    if (!b) {
      if (buckets.size > 10_000) buckets.clear();
      b = { tokens: burst, at: t };
      buckets.set(caller, b);
    }
    b.tokens = Math.min(burst, b.tokens + ((t - b.at) / 1000) * opts.perSecond);
    b.at = t;
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - b.tokens) / opts.perSecond));
  };
}
