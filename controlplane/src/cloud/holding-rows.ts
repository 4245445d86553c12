import type { HoldingRow, Placement } from '../allocator/index.ts';
import type { HeldSlice, HoldingRecord } from '../store/index.ts';

function indexOf(acceleratorId: string): number {
  return Number(acceleratorId.slice(acceleratorId.lastIndexOf('/') + 1));
}

/**
 * A placement as the store keeps it: one row per server, whole accelerators as a bitmask; a partition
 * placement's row has mask 0 and lists its instances.
 */
export function rowsOfPlacement(p: Placement): HoldingRecord[] {
  const parentOwner = p.parentOwner ?? null;
  if (p.slices) {
    return p.servers.map((s) => {
      const slices: HeldSlice[] = p
        .slices!.filter((sl) => s.acceleratorIds.includes(sl.acceleratorId))
        .map((sl) => ({ index: indexOf(sl.acceleratorId), profile: sl.profile, start: sl.start, units: sl.units }));
      return { owner: p.owner, server: `${p.zone}/${s.serverId}`, project: p.project, parentOwner, mask: 0, slices };
    });
  }
  return p.servers.map((s) => {
    let mask = 0;
    for (const id of s.acceleratorIds) mask |= 1 << indexOf(id);
    return { owner: p.owner, server: `${p.zone}/${s.serverId}`, project: p.project, parentOwner, mask: mask >>> 0 };
  });
}

/** The allocator loads one row per accelerator (one per partition instance); stored rows are expanded here. */
export function expandRows(rows: readonly HoldingRecord[]): HoldingRow[] {
  const out: HoldingRow[] = [];
  for (const r of rows) {
    for (const sl of r.slices ?? []) {
      const row: HoldingRow = {
        acceleratorId: `${r.server}/${sl.index}`,
        owner: r.owner,
        project: r.project,
        slice: { profile: sl.profile, start: sl.start, units: sl.units },
      };
      if (r.parentOwner !== null) row.parentOwner = r.parentOwner;
      out.push(row);
    }
    for (let i = 0, m = r.mask >>> 0; m !== 0; i++, m >>>= 1) {
      if (!(m & 1)) continue;
      const row: HoldingRow = { acceleratorId: `${r.server}/${i}`, owner: r.owner, project: r.project };
      if (r.parentOwner !== null) row.parentOwner = r.parentOwner;
      out.push(row);
    }
  }
  return out;
}

export function popcount(mask: number): number {
  let n = 0;
  for (let m = mask >>> 0; m !== 0; m &= m - 1) n++;
  return n;
}
