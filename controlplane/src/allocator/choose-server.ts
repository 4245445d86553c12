import type { EngineContext } from './engine-types.ts';
import { takeOptions } from './server-layout.ts';
import { tiesOf } from './tie-order.ts';

export interface ServerChoice {
  server: number;
  take: number;
}

/**
 * The best server among `blocks` for a piece of `k` accelerators. Servers in the same state are
 * interchangeable unless host resources or exclusions tell them apart, so only one per bucket is
 * scored; that keeps a decision proportional to blocks x states, not to servers. Equal scores go to
 * the server first in the instance's tie order (the lower index for a control plane alone).
 */
export function chooseServer(
  ctx: EngineContext,
  blocks: readonly number[],
  k: number,
  cpu: number,
  mem: number,
  opts: { exclude?: ReadonlySet<number>; skipFull?: boolean } = {},
): ServerChoice | undefined {
  const { topo, state, policy } = ctx;
  const ties = tiesOf(ctx);
  if (k < 1 || k > 32) return undefined;
  const bit = 1 << (k - 1);
  const perServer = (topo.tracksHostResources && (cpu > 0 || mem > 0)) || opts.exclude !== undefined;
  let bestScore = Infinity;
  let bestServer = -1;
  let bestTake = 0;
  const consider = (s: number, bucketSize: number) => {
    for (const take of takeOptions(topo.layoutOf(s), state.usable[s]!, k)) {
      const score = policy.scoreServer(ctx, s, take, cpu, mem, bucketSize);
      if (score < bestScore || (score === bestScore && bestServer >= 0 && ties.serverBefore(topo, s, bestServer))) {
        bestScore = score;
        bestServer = s;
        bestTake = take;
      }
    }
  };
  for (const b of blocks) {
    if (state.blockFree[b]! < k) continue;
    const perKey = state.buckets[b]!;
    for (const key of topo.blockKeys[b]!) {
      const list = perKey[key]!;
      if (list.length === 0 || (topo.keyHostable[key]! & bit) === 0) continue;
      if (opts.skipFull && topo.keyIsFull[key]) continue;
      if (perServer) {
        for (const s of list) {
          if (opts.exclude?.has(s)) continue;
          if (state.cpuFree[s]! < cpu || state.memFree[s]! < mem) continue;
          consider(s, 1);
        }
      } else {
        consider(policy.pick(ctx, list), list.length);
      }
    }
    if (policy.firstBlockWins && bestServer >= 0) break;
  }
  return bestServer < 0 ? undefined : { server: bestServer, take: bestTake };
}
