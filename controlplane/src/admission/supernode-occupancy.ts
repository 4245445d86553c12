import type { Allocator } from '../allocator/index.ts';

/** One server of a supernode: its size, free accelerators, and which known work holds the rest. */
export interface ServerOccupancy {
  serverId: string;
  total: number;
  free: number;
  /**
   * Running work holding accelerators here (work the engine did not admit is not listed): the
   * admission view's own index, not a copy, so read it before the view changes.
   */
  holders: ReadonlyMap<string, number>;
}

const NO_HOLDERS: ReadonlyMap<string, number> = new Map();

/**
 * The servers of each supernode of a type in a zone, with who holds them, for fence choice and moves.
 * `holders` is the engine's index of running work per server (the admission view keeps it up to date).
 */
export function supernodeOccupancy(
  allocator: Allocator,
  zone: string | undefined,
  type: string,
  holders: ReadonlyMap<string, ReadonlyMap<string, number>>,
): Map<string, ServerOccupancy[]> {
  const out = new Map<string, ServerOccupancy[]>();
  for (const s of allocator.serversFree({ acceleratorType: type, ...(zone ? { zone } : {}) })) {
    if (s.supernode === null) continue;
    const held = holders.get(s.serverId);
    const occ: ServerOccupancy = { serverId: s.serverId, total: s.total, free: s.free, holders: held ?? NO_HOLDERS };
    if (!out.has(s.supernode)) out.set(s.supernode, []);
    out.get(s.supernode)!.push(occ);
  }
  return out;
}
