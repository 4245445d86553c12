import type { Store } from '../store/index.ts';

/** Requests per second each token may make, with a burst allowance. */
export interface RateLimitOptions {
  perSecond: number;
  burst?: number;
}

/**
 * A token bucket per caller. Returns 0 when the request may pass, otherwise the seconds to wait,
 * which becomes `Retry-After`.
 */
export function createRateLimiter(opts: RateLimitOptions, now: () => number, shared?: Pick<Store, 'takeRateToken'>): (caller: string) => Promise<number> {
  const burst = opts.burst ?? Math.max(1, Math.ceil(opts.perSecond));
  const buckets = new Map<string, { tokens: number; at: number }>();
  // Instances on one database share the buckets there, so the limit is per caller, not per instance.
  if (shared?.takeRateToken) return (caller) => shared.takeRateToken!(caller, now(), opts.perSecond, burst);
  return async (caller) => {
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
