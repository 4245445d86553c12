import { apiError } from './errors.ts';
import type { ControlPlane } from './control-plane.ts';
import { regionNames } from './inventory-view.ts';

/** Region and zone must exist in the inventory; the core only knows their shape. */
export function checkLocation(cp: ControlPlane, spec: Record<string, unknown>): void {
  const topo = cp.allocator.topology;
  if (typeof spec.region === 'string' && !topo.zoneRegion.includes(spec.region)) {
    throw apiError('INVALID_VALUE', `region ${spec.region} does not exist`, {
      field: 'region',
      value: spec.region,
      status: 400,
      hint: `Use one of: ${regionNames(topo).join(', ')}.`,
    });
  }
  if (typeof spec.zone === 'string' && !topo.zoneIndex.has(spec.zone)) {
    throw apiError('INVALID_VALUE', `zone ${spec.zone} does not exist`, {
      field: 'zone',
      value: spec.zone,
      status: 400,
      hint: `Use one of: ${topo.zoneNames.join(', ')}.`,
    });
  }
}
