import type { PartitionCatalogue } from '../../../provider/src/core/partitions.ts';
import type { SliceClass } from './slice-workload.ts';

/**
 * A server's accelerators as FGD sees them for partitioning: per accelerator its free pool units (0 when
 * held whole, faulty or draining), its taken positions, and the server's free CPU and memory.
 */
export interface SliceView {
  free: Int32Array;
  taken: Uint32Array;
  count: number;
  cpu: number;
  mem: number;
}

function canHost(c: SliceClass, catalogue: PartitionCatalogue, free: number, taken: number): boolean {
  if (free < c.units) return false;
  if (catalogue.kind === 'pooled') return true;
  for (const m of c.masks) if ((m & taken) === 0) return true;
  return false;
}

/**
 * FGD's fragmentation of one server for a target workload, on slices (Weng et al., ATC '23, for
 * fractional GPUs): for each class of request, the free share of the server it cannot use, weighted by
 * how often the class comes. A class that does not fit on the server at all (host CPU or memory, or
 * fewer whole accelerators than it needs) finds every free unit a fragment; a partition class finds
 * the accelerators too small for it (or, positionally, with no allowed start free) fragments; a
 * whole-accelerator class finds every partly used accelerator a fragment. In accelerators.
 */
export function sliceFragment(classes: readonly SliceClass[], catalogue: PartitionCatalogue, v: SliceView): number {
  const full = catalogue.units;
  let total = 0;
  let wholeFree = 0;
  let partialFree = 0;
  for (let i = 0; i < v.count; i++) {
    const f = v.free[i]!;
    total += f;
    if (f === full) wholeFree++;
    else partialFree += f;
  }
  if (total === 0) return 0;
  let frag = 0;
  for (const c of classes) {
    if (c.cpu > v.cpu || c.mem > v.mem) { frag += c.p * total; continue; }
    if (c.whole > 0) {
      frag += c.p * (c.whole > wholeFree ? total : partialFree);
      continue;
    }
    let lost = 0;
    let fits = false;
    for (let i = 0; i < v.count; i++) {
      const f = v.free[i]!;
      if (f === 0) continue;
      if (canHost(c, catalogue, f, v.taken[i]!)) fits = true;
      else lost += f;
    }
    frag += c.p * (fits ? lost : total);
  }
  return frag / full;
}
