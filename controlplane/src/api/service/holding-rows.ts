import type { HoldingRow, Placement } from '../../allocator/index.ts';
import type { HoldingRecord } from '../../store/index.ts';

/** A placement as the store keeps it: one row per server, the accelerators as a bitmask. */
export function rowsOfPlacement(p: Placement): HoldingRecord[] {
  const parentOwner = p.parentOwner ?? null;
  return p.servers.map((s) => {
    let mask = 0;
    for (const id of s.acceleratorIds) mask |= 1 << Number(id.slice(id.lastIndexOf('/') + 1));
    return { owner: p.owner, server: `${p.zone}/${s.serverId}`, project: p.project, parentOwner, mask: mask >>> 0 };
  });
}

/** The allocator loads one row per accelerator; stored rows are expanded here. */
export function expandRows(rows: readonly HoldingRecord[]): HoldingRow[] {
  const out: HoldingRow[] = [];
  for (const r of rows) {
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
