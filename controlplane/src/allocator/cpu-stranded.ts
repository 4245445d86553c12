import type { PartitionCatalogue } from '../../../core/index.ts';
import { sliceFragment, type SliceView } from './slice-fragment.ts';
import type { SliceClass } from './slice-workload.ts';

/**
 * Weight of `cpuStranded` in `fgd-pack-cpu`'s measure for host-only pieces, in accelerators per
 * stranded accelerator. Only 1 was measured (bench/allocator/README.md, seeds 11-14).
 */
export const CPU_STRAND_WEIGHT = 1;

const cpuPerAcceleratorOf = new WeakMap<readonly SliceClass[], number>();

/**
 * Host CPU the workload asks per accelerator: the classes' CPU over their accelerators, weighted by
 * how often each comes (classes that ask for no accelerator, such as FGD's no-access class, left out).
 */
export function cpuPerAccelerator(classes: readonly SliceClass[], catalogue: PartitionCatalogue): number {
  let per = cpuPerAcceleratorOf.get(classes);
  if (per !== undefined) return per;
  let cpu = 0;
  let accelerators = 0;
  for (const c of classes) {
    const a = c.whole > 0 ? c.whole : c.units / catalogue.units;
    if (a <= 0) continue;
    cpu += c.p * c.cpu;
    accelerators += c.p * a;
  }
  per = accelerators > 0 ? cpu / accelerators : 0;
  cpuPerAcceleratorOf.set(classes, per);
  return per;
}

/**
 * Free accelerators of a server that its free host CPU cannot feed at the workload's CPU per
 * accelerator. FGD's measure counts them only once a typical request no longer fits, so a piece that
 * takes the CPU next to free accelerators looks harmless until it is too late. In accelerators.
 */
export function cpuStranded(classes: readonly SliceClass[], catalogue: PartitionCatalogue, v: SliceView): number {
  const per = cpuPerAccelerator(classes, catalogue);
  if (per <= 0 || v.cpu === Infinity) return 0;
  let free = 0;
  for (let i = 0; i < v.count; i++) free += v.free[i]!;
  free /= catalogue.units;
  return Math.max(0, free - Math.max(0, v.cpu) / per);
}

/**
 * The measure an FGD policy ranks servers by for a piece that takes host CPU and memory but no
 * accelerator (a CPU-only pod): FGD's `sliceFragment`, plus for `fgd-pack-cpu` the accelerators left
 * without the CPU to use them. Pieces with accelerators keep FGD's measure: counting the stranded
 * accelerators there too lost 2.5 to 3 points at 100% arrived demand (bench/allocator/README.md).
 */
export function hostOnlyMeasure(policy: string, classes: readonly SliceClass[], catalogue: PartitionCatalogue, v: SliceView): number {
  const frag = sliceFragment(classes, catalogue, v);
  return policy === 'fgd-pack-cpu' ? frag + CPU_STRAND_WEIGHT * cpuStranded(classes, catalogue, v) : frag;
}
