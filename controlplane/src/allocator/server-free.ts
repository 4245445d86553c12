import { popcount } from './server-layout.ts';
import type { AllocatorInternals } from './holding-state.ts';
import type { CapacityFilter } from './types.ts';

/** One server's size and usable free accelerators, with the supernode it belongs to. */
export interface ServerFree {
  serverId: string;
  supernode: string | null;
  total: number;
  free: number;
}

/**
 * Each server's free accelerators in the zones and types the filter names, and nothing else: the
 * admission engine reads this for a reserved gang's zone in every pass, and the full capacity report
 * also works out largest free blocks and partition instances, which that read never uses.
 */
export function serversFree(a: AllocatorInternals, filter: CapacityFilter = {}): ServerFree[] {
  const { topo, state } = a;
  const out: ServerFree[] = [];
  for (let z = 0; z < topo.zoneNames.length; z++) {
    if (filter.zone !== undefined && topo.zoneNames[z] !== filter.zone) continue;
    if (filter.region !== undefined && topo.zoneRegion[z] !== filter.region) continue;
    for (const [t, blocks] of topo.zoneBlocks[z]!) {
      if (filter.acceleratorType !== undefined && topo.typeNames[t] !== filter.acceleratorType) continue;
      for (const b of blocks) {
        for (let s = topo.blockStart[b]!; s < topo.blockEnd[b]!; s++) {
          out.push({ serverId: topo.serverName[s]!, supernode: topo.blockName[b] ?? null, total: topo.layoutOf(s).count, free: popcount(state.usable[s]!) });
        }
      }
    }
  }
  return out;
}
