import type { ServerOccupancy, SupernodeOccupancy, ZoneOccupancy } from './occupancy-types.ts';

/** Counts the console prints beside each supernode and zone, so no figure is only a colour. */
export interface Counts {
  total: number;
  held: number;
  free: number;
  faulty: number;
  /** Free accelerators on draining servers: not held, not faulty, but not for new work either. */
  draining: number;
}

export function popcount(mask: number): number {
  let n = 0;
  for (let m = mask >>> 0; m !== 0; m &= m - 1) n++;
  return n;
}

/** Held, free, faulty and draining accelerators of one server. */
export function serverCounts(s: ServerOccupancy): Counts {
  let heldMask = 0;
  for (const [, mask] of s.held) heldMask |= mask;
  const held = popcount(heldMask);
  const faulty = popcount(s.faultyMask & ~heldMask);
  const rest = s.accelerators - held - faulty;
  return { total: s.accelerators, held, faulty, free: s.draining ? 0 : rest, draining: s.draining ? rest : 0 };
}

export function sumCounts(servers: readonly ServerOccupancy[]): Counts {
  const c: Counts = { total: 0, held: 0, free: 0, faulty: 0, draining: 0 };
  for (const s of servers) {
    const x = serverCounts(s);
    c.total += x.total;
    c.held += x.held;
    c.free += x.free;
    c.faulty += x.faulty;
    c.draining += x.draining;
  }
  return c;
}

/** Utilisation and fragmentation of a zone, the two figures the map page heads each zone with. */
export interface ZoneFigures extends Counts {
  /** held / total. */
  utilisation: number;
  /**
   * Stranded free / free: the share of free accelerators that sit on servers partly held by work, so
   * they cannot serve a request for whole servers, the shape gangs and most training clusters ask for
   * (`placement: supernode` gangs, NVL72 racks, multi-server clusters). 0 for an empty zone, however
   * many supernodes it has; 1 when every free accelerator is a leftover beside running work.
   */
  fragmentation: number;
  /** Free accelerators on servers partly held by work (the numerator of `fragmentation`). */
  strandedFree: number;
  largestFreeBlock: number;
  largestFreeBlockWhere: string | null;
}

/** Free accelerators beside held ones on the same server: they cannot serve a whole-server request. */
export function strandedFree(servers: readonly ServerOccupancy[]): number {
  let n = 0;
  for (const s of servers) {
    const c = serverCounts(s);
    if (c.held > 0) n += c.free;
  }
  return n;
}

export function zoneFigures(z: ZoneOccupancy): ZoneFigures {
  const all = [...z.supernodes.flatMap((sn) => sn.servers), ...z.servers];
  const c = sumCounts(all);
  const stranded = strandedFree(all);
  let largest = 0;
  let where: string | null = null;
  // Servers outside supernodes have no supernode-wide block; a whole free server is their largest.
  for (const s of z.servers) {
    const free = serverCounts(s).free;
    if (free > largest) {
      largest = free;
      where = s.id;
    }
  }
  for (const sn of z.supernodes) {
    if (sn.largestFreeBlock > largest) {
      largest = sn.largestFreeBlock;
      where = sn.id;
    }
  }
  return {
    ...c,
    utilisation: c.total ? c.held / c.total : 0,
    fragmentation: c.free ? stranded / c.free : 0,
    strandedFree: stranded,
    largestFreeBlock: largest,
    largestFreeBlockWhere: where,
  };
}

/**
 * Figures per zone and accelerator type: free ascend-910c accelerators do nothing for a request of
 * nvidia-gb200, so utilisation and fragmentation are only meaningful within one type.
 */
export function zoneTypeFigures(z: ZoneOccupancy): Array<{ acceleratorType: string; figures: ZoneFigures }> {
  const types = [...new Set([...z.supernodes.map((sn) => sn.acceleratorType), ...z.servers.map((s) => s.acceleratorType ?? 'unknown')])];
  return types.map((t) => {
    const figures = zoneFigures({
      ...z,
      supernodes: z.supernodes.filter((sn) => sn.acceleratorType === t),
      servers: z.servers.filter((s) => (s.acceleratorType ?? 'unknown') === t),
    });
    // Within supernodes the largest block is the best supernode's (what a one-supernode gang can
    // get); for servers outside supernodes the allocator knows what a gang may span.
    const block = z.supernodes.some((sn) => sn.acceleratorType === t) ? undefined : z.blocks?.find((b) => b.acceleratorType === t);
    if (block) {
      figures.largestFreeBlock = block.largestFreeBlock;
      figures.largestFreeBlockWhere = block.where;
    }
    return { acceleratorType: t, figures };
  });
}

/** What one holder has in the shown inventory: servers touched and accelerators held. */
export function holderTotals(zones: readonly ZoneOccupancy[]): Map<number, { servers: number; accelerators: number }> {
  const out = new Map<number, { servers: number; accelerators: number }>();
  const add = (s: ServerOccupancy) => {
    for (const [h, mask] of s.held) {
      const t = out.get(h) ?? { servers: 0, accelerators: 0 };
      t.servers++;
      t.accelerators += popcount(mask);
      out.set(h, t);
    }
  };
  for (const z of zones) {
    for (const sn of z.supernodes) sn.servers.forEach(add);
    z.servers.forEach(add);
  }
  return out;
}

export function supernodeCounts(sn: SupernodeOccupancy): Counts {
  return sumCounts(sn.servers);
}
