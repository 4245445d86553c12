import { popcount } from './server-layout.ts';
import type { AllocatorInternals } from './holding-state.ts';
import { blockLargest, largestFreeBlock } from './largest-free-block.ts';
import type { CapacityFilter, CapacityReport, ZoneCapacity } from './types.ts';

/** Free and total per zone and type, supernode and server, with the largest free block of each. */
export function capacityReport(a: AllocatorInternals, filter: CapacityFilter = {}): CapacityReport {
  const { topo, state } = a;
  const zones: ZoneCapacity[] = [];
  // Cluster partition instances per server, and how many of them endpoint replicas run on.
  const instances = new Map<number, { all: number; used: number }>();
  for (const sh of a.sliceHoldings.values()) {
    if (sh.parent !== undefined) {
      // Instances cut from a whole-accelerator cluster count as instances endpoints run on.
      if (a.sliceHoldings.has(sh.parent)) continue;
      const n = instances.get(sh.server) ?? { all: 0, used: 0 };
      n.all += sh.pieces.length;
      n.used += sh.pieces.length;
      instances.set(sh.server, n);
      continue;
    }
    const n = instances.get(sh.server) ?? { all: 0, used: 0 };
    n.all += sh.pieces.length;
    n.used += sh.pieces.filter((p) => p.user !== undefined).length;
    instances.set(sh.server, n);
  }
  for (let z = 0; z < topo.zoneNames.length; z++) {
    if (filter.zone !== undefined && topo.zoneNames[z] !== filter.zone) continue;
    if (filter.region !== undefined && topo.zoneRegion[z] !== filter.region) continue;
    for (const [t, blocks] of topo.zoneBlocks[z]!) {
      if (filter.acceleratorType !== undefined && topo.typeNames[t] !== filter.acceleratorType) continue;
      const entry: ZoneCapacity = {
        region: topo.zoneRegion[z]!,
        zone: topo.zoneNames[z]!,
        acceleratorType: topo.typeNames[t]!,
        total: 0,
        free: 0,
        held: 0,
        unavailable: 0,
        largestFreeBlock: largestFreeBlock(a, blocks, 'zone', false),
        supernodes: [],
        servers: [],
      };
      for (const b of blocks) {
        let blockTotal = 0;
        for (let s = topo.blockStart[b]!; s < topo.blockEnd[b]!; s++) {
          const count = topo.layoutOf(s).count;
          const unheld = popcount(state.free[s]!);
          const usable = popcount(state.usable[s]!);
          blockTotal += count;
          entry.total += count;
          entry.free += usable;
          entry.held += count - unheld;
          entry.unavailable += unheld - usable;
          const server: ZoneCapacity['servers'][number] = {
            serverId: topo.serverName[s]!,
            supernode: topo.blockName[b] ?? null,
            total: count,
            free: usable,
            faulty: popcount(state.faulty[s]!),
            draining: state.draining[s] === 1,
          };
          const catalogue = a.partitions[t];
          if (catalogue) {
            let partitioned = 0;
            let freeUnits = 0;
            for (let i = 0; i < count; i++) {
              const acc = topo.serverBase[s]! + i;
              if (state.sliceUnits[acc]! === 0) continue;
              partitioned++;
              if (!state.draining[s] && !(state.faulty[s]! & (1 << i))) freeUnits += catalogue.units - state.sliceUnits[acc]!;
            }
            if (partitioned > 0) {
              server.partitioned = partitioned;
              server.freeSliceUnits = freeUnits;
            }
            const held = instances.get(s);
            if (held) {
              server.instances = held.all;
              server.endpointInstances = held.used;
            }
          }
          entry.servers.push(server);
        }
        if (topo.blockIsSupernode[b]) {
          entry.supernodes.push({
            supernode: topo.blockName[b]!,
            total: blockTotal,
            free: state.blockFree[b]!,
            wholeServersFree: state.blockFull[b]!,
            largestFreeBlock: blockLargest(a, b),
          });
        }
      }
      zones.push(entry);
    }
  }
  return { zones };
}
