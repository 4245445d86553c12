import { findProfile } from '../../../core/index.ts';
import type { AllocatorCore } from './allocator-core.ts';
import { askOf } from './server-size.ts';
import type { AllocationRequest } from './types.ts';

/** Tells fragmentation-aware policies about a request the workload made (placed or not). */
export function observe(
  core: AllocatorCore,
  req: Pick<AllocationRequest, 'acceleratorType' | 'count' | 'unit' | 'scope' | 'cpuMilli' | 'memoryMib' | 'profile'>,
  weight = 1,
): void {
  const t = core.topo.typeIndex.get(req.acceleratorType);
  if (t === undefined || !(req.count >= 1)) return;
  const slices = core.sliceWorkloads[t];
  if (req.profile !== undefined) {
    const profile = findProfile(core.partitions[t], req.profile);
    if (profile) slices?.observeSlice(profile, req.cpuMilli ?? 0, req.memoryMib ?? 0, weight * req.count);
    return;
  }
  const per = core.topo.layouts[core.topo.typeLayout[t]!]!.count;
  const accelerators = askOf(req, per);
  if (accelerators <= per) slices?.observeWhole(accelerators, req.cpuMilli ?? 0, req.memoryMib ?? 0, weight);
  if (req.scope === 'server' || (req.unit === 'accelerators' && accelerators < per)) {
    core.profile.observe(t, { size: Math.min(accelerators, per), servers: 0, cpuMilli: req.cpuMilli ?? 0, memoryMib: req.memoryMib ?? 0 }, weight);
  } else {
    core.profile.observe(t, { size: 0, servers: Math.ceil(accelerators / per), cpuMilli: 0, memoryMib: 0 }, weight);
  }
}
