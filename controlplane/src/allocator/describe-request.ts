import type { Topology } from './topology.ts';
import type { AllocationRequest } from './types.ts';

/**
 * The "need ..." half of a refusal: what was asked and where, in the words users wrote it
 * (`need 320 ascend-910c in one supernode of cn-southwest-2a`).
 */
export function describeNeed(topo: Topology, req: AllocationRequest, accelerators: number, growthWhere?: string): string {
  const what =
    req.unit === 'servers'
      ? `${req.count} ${req.acceleratorType} server${req.count === 1 ? '' : 's'} (${accelerators} accelerators)`
      : `${req.count} ${req.acceleratorType}`;
  const area = req.zone ?? req.region ?? (topo.zoneNames.length === 1 ? topo.zoneNames[0]! : 'any zone');
  if (growthWhere) return `need ${what} more for ${req.owner} next to what it holds in ${growthWhere}`;
  switch (req.scope) {
    case 'server':
      return `need ${what} in one server of ${area}`;
    case 'supernode':
      return `need ${what} in one supernode of ${area}`;
    case 'zone':
      return req.zone ? `need ${what} in ${area}` : `need ${what} in one zone of ${area}`;
    case 'spread':
      return `need ${what} spread across supernodes of ${area}`;
  }
}
