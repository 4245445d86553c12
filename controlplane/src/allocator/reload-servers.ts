import type { AllocatorCore } from './allocator-core.ts';
import { addRows } from './load-rows.ts';
import { release } from './release.ts';
import type { HoldingRow } from './types.ts';

/**
 * Owners that hold anything on these servers (`zone/serverId`) in memory: clusters, endpoints inside
 * them and partition holders. With the owners the rows name there, they are what another writer may
 * have changed on those servers, so a catch-up re-reads only them instead of every row.
 */
export function ownersOnServers(core: AllocatorCore, servers: readonly string[]): Set<string> {
  const { topo, state } = core;
  const owners = new Set<string>();
  const indexes = new Set<number>();
  for (const name of servers) {
    const s = topo.serverIndex.get(name);
    if (s === undefined) continue;
    indexes.add(s);
    const end = s + 1 < topo.serverCount ? topo.serverBase[s + 1]! : topo.acceleratorCount;
    for (let acc = topo.serverBase[s]!; acc < end; acc++) {
      const h = state.holder[acc]!;
      if (h >= 0) owners.add(core.ownerNames[h]!);
      const sub = state.subHolder[acc]!;
      if (sub >= 0) owners.add(core.ownerNames[sub]!);
    }
  }
  if (indexes.size) for (const sh of core.sliceHoldings.values()) if (indexes.has(sh.server)) owners.add(sh.owner);
  return owners;
}

/**
 * Replaces what these owners hold with their stored rows: each is released (a cluster with the
 * endpoints inside it), then the rows are added back, clusters first. `rows` must hold every row of
 * these owners and of endpoints inside them, so a released endpoint that still exists comes back.
 */
export function replaceOwners(core: AllocatorCore, owners: Iterable<string>, rows: readonly HoldingRow[]): void {
  for (const owner of owners) release(core, owner);
  core.sliceCache = undefined;
  addRows(core, rows);
}
