import type { Policy } from '../policy.ts';

/** The lowest-numbered server or block that fits: the baseline every scheduler starts from. */
export function firstFitPolicy(): Policy {
  return {
    name: 'first-fit',
    firstBlockWins: true,
    scoreServer: (_ctx, s) => s,
    scoreBlock: (_ctx, b) => b,
    pick: (_ctx, bucket) => {
      let min = bucket[0]!;
      for (const s of bucket) if (s < min) min = s;
      return min;
    },
  };
}
