import { ACCELERATOR_TYPES } from '../../../core/index.ts';
import type { Topology } from './topology.ts';
import type { AllocationRequest } from './types.ts';

/**
 * Accelerators per server of a type: its usual server layout in this inventory, else the core's
 * accelerator catalogue (a type this inventory has no servers of). Admission counts a request of
 * whole servers against its quota with this size, and so do the checks made before a request waits.
 */
export function serverSize(topo: Topology, type: string): number {
  const t = topo.typeIndex.get(type);
  if (t !== undefined) return topo.layouts[topo.typeLayout[t]!]!.count;
  const spec = ACCELERATOR_TYPES[type];
  if (!spec) throw new Error(`accelerator type ${type} is in neither the inventory nor the catalogue`);
  return spec.acceleratorsPerServer;
}

/**
 * Accelerators a request takes: whole servers count every accelerator on them. Quotas, admission and
 * the fragmentation profile all count a request this way, so they cannot disagree about its size.
 */
export function askOf(req: Pick<AllocationRequest, 'unit' | 'count'>, perServer: number): number {
  return req.unit === 'servers' ? req.count * perServer : req.count;
}
