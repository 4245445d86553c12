import type { Allocator } from '../allocator/allocator.ts';
import type { RunningWork } from './types.ts';

/** One server of a supernode: its size, free accelerators, and which known work holds the rest. */
export interface ServerOccupancy {
  serverId: string;
  total: number;
  free: number;
  /** Running work holding accelerators here (work the engine did not admit is not listed). */
  holders: Map<string, number>;
}

/** The servers of each supernode of a type in a zone, with who holds them, for fence choice and moves. */
export function supernodeOccupancy(allocator: Allocator, zone: string | undefined, type: string, running: readonly RunningWork[]): Map<string, ServerOccupancy[]> {
  const out = new Map<string, ServerOccupancy[]>();
  const byServer = new Map<string, ServerOccupancy>();
  for (const z of allocator.capacity({ acceleratorType: type, ...(zone ? { zone } : {}) }).zones) {
    for (const s of z.servers) {
      if (s.supernode === null) continue;
      const occ: ServerOccupancy = { serverId: s.serverId, total: s.total, free: s.free, holders: new Map() };
      if (!out.has(s.supernode)) out.set(s.supernode, []);
      out.get(s.supernode)!.push(occ);
      byServer.set(s.serverId, occ);
    }
  }
  for (const w of running) {
    if (w.request.acceleratorType !== type) continue;
    for (const s of allocator.holdings(w.id)?.servers ?? []) {
      const occ = byServer.get(s.serverId);
      if (occ) occ.holders.set(w.id, s.acceleratorIds.length);
    }
  }
  return out;
}
