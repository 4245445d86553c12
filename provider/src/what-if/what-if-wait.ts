import type { OccupancySnapshot } from '../../../controlplane/src/snapshot/index.ts';
import type { WaitEstimate } from '../plan/index.ts';

/**
 * A simple, documented estimate (docs/what-if.md): the request needs its own accelerators plus those of
 * every request already waiting for the same type in the same zone (they arrived first). Free
 * accelerators count at once; running work frees its accelerators when it is expected to end (a
 * cluster's `aicloud.dev/expected-duration` label from its creation, a lease at its expiry). The wait
 * is the time until the running total covers the need. It counts accelerators, not their shape (a
 * supernode-scoped gang may wait longer), and is unknown when too little running work says when it ends.
 */
export function estimateWait(snapshot: OccupancySnapshot, need: { acceleratorType: string; zone: string; accelerators: number }, free: number): WaitEstimate {
  const ahead = snapshot.pending.filter((p) => p.acceleratorType === need.acceleratorType && p.zone === need.zone).reduce((n, p) => n + p.accelerators, 0);
  const total = need.accelerators + ahead;
  const aheadText = ahead ? ` after ${ahead} accelerators already waiting` : '';
  if (free >= total) return { waitMs: 0, basis: `${free} free now${aheadText}` };
  const ending = snapshot.owners
    .filter((o) => o.acceleratorType === need.acceleratorType && o.zone === need.zone && o.expectedEndAt !== null)
    .sort((a, b) => a.expectedEndAt! - b.expectedEndAt!);
  let have = free;
  for (const o of ending) {
    have += o.acceleratorCount;
    if (have >= total) {
      return {
        waitMs: Math.max(0, o.expectedEndAt! - snapshot.takenAt),
        basis: `${total} ${need.acceleratorType} needed${aheadText}; ${have} free once work expected to end by then has ended`,
      };
    }
  }
  return { waitMs: null, basis: `${total} ${need.acceleratorType} needed${aheadText}; running work that says when it ends frees only ${have - free}` };
}

/** `45m`, `3h 20m`, `unknown`. */
export function formatWait(ms: number | null): string {
  if (ms === null) return 'unknown';
  if (ms === 0) return 'none';
  const minutes = Math.ceil(ms / 60_000);
  if (minutes < 60) return `${minutes}m`;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m ? `${h}h ${m}m` : `${h}h`;
}
