import type { ServerOccupancy } from './supernode-occupancy.ts';

/**
 * Servers of a supernode that are free, or held only by known work the waiting gang can get out of the
 * way (`clearable`: movable while defragmentation runs, or preemptible by it): how soon it could serve.
 */
export function clearableServers(servers: readonly ServerOccupancy[], clearable: (id: string) => boolean): number {
  let n = 0;
  for (const s of servers) {
    if (s.free === s.total) {
      n++;
      continue;
    }
    let known = 0;
    let all = true;
    for (const [id, held] of s.holders) {
      known += held;
      if (!clearable(id)) {
        all = false;
        break;
      }
    }
    if (all && known === s.total - s.free) n++;
  }
  return n;
}

/**
 * The supernode a blocked gang reserves: the one with the most servers free or clearable (so waiting,
 * moves and preemption free it soonest), then the most whole free servers. Undefined when no supernode
 * outside `taken` could ever hold the gang.
 */
export function chooseFence(
  occupancy: ReadonlyMap<string, ServerOccupancy[]>,
  serversNeeded: number,
  clearable: (id: string) => boolean,
  taken: ReadonlySet<string>,
): { supernode: string; clearable: number } | undefined {
  let best: { supernode: string; clearable: number; whole: number } | undefined;
  for (const [name, servers] of occupancy) {
    if (taken.has(name) || servers.length < serversNeeded) continue;
    const c = clearableServers(servers, clearable);
    let whole = 0;
    for (const s of servers) if (s.free === s.total) whole++;
    if (!best || c > best.clearable || (c === best.clearable && whole > best.whole)) best = { supernode: name, clearable: c, whole };
  }
  return best && { supernode: best.supernode, clearable: best.clearable };
}
