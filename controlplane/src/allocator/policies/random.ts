import type { Policy } from '../policy.ts';

/**
 * A uniformly random feasible server (or block), from the allocator's seeded generator. A bucket of n
 * equal servers scores an exponential race of rate n, so each server is equally likely.
 */
export function randomPolicy(): Policy {
  return {
    name: 'random',
    scoreServer: (ctx, _s, _take, _cpu, _mem, bucketSize) => -Math.log(1 - ctx.rng()) / bucketSize,
    scoreBlock: (ctx) => ctx.rng(),
    pick: (ctx, bucket) => bucket[Math.floor(ctx.rng() * bucket.length)]!,
  };
}
