import type { ServerOccupancy } from './supernode-occupancy.ts';
import type { RunningLookup } from './types.ts';

/**
 * The supernode a blocked gang reserves: the one where the most servers are free or held only by
 * movable work (so waiting and defragmentation free it soonest), then the most whole free servers.
 * Returns undefined when no supernode could ever hold the gang.
 */
export function chooseFence(occupancy: ReadonlyMap<string, ServerOccupancy[]>, serversNeeded: number, running: RunningLookup, taken: ReadonlySet<string>): string | undefined {
  let best: { name: string; clearable: number; whole: number } | undefined;
  for (const [name, servers] of occupancy) {
    if (taken.has(name) || servers.length < serversNeeded) continue;
    let clearable = 0;
    let whole = 0;
    for (const s of servers) {
      if (s.free === s.total) whole++;
      const known = [...s.holders.values()].reduce((a, n) => a + n, 0);
      const allMovable = [...s.holders.keys()].every((id) => running.get(id)?.movable);
      if (known === s.total - s.free && allMovable) clearable++;
    }
    if (!best || clearable > best.clearable || (clearable === best.clearable && whole > best.whole)) best = { name, clearable, whole };
  }
  return best?.name;
}
