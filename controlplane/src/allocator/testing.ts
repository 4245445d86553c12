import { buildInventory, type Inventory } from '../inventory/index.ts';
import type { AllocationRequest } from './types.ts';

/**
 * A small topology for tests: zone `t-1a` with three 910C supernodes of four servers (32 accelerators
 * each) and four 910B servers; zone `t-1b` with one 910C supernode and two H200 servers.
 */
export function testInventory(): Inventory {
  return buildInventory({
    shapes: { mini: { acceleratorType: 'ascend-910c', serversPerSupernode: 4 } },
    regions: [
      {
        name: 't-1',
        zones: [
          { name: 't-1a', supernodes: [{ shape: 'mini', count: 3 }], servers: [{ acceleratorType: 'ascend-910b', count: 4, prefix: 'b' }] },
          { name: 't-1b', supernodes: [{ shape: 'mini', count: 1 }], servers: [{ acceleratorType: 'nvidia-h200', count: 2, prefix: 'h' }] },
        ],
      },
    ],
  });
}

/** A request with test defaults; override what the case is about. */
export function req(owner: string, over: Partial<AllocationRequest> = {}): AllocationRequest {
  return { owner, project: 'p1', acceleratorType: 'ascend-910c', zone: 't-1a', count: 1, unit: 'servers', scope: 'supernode', ...over };
}
