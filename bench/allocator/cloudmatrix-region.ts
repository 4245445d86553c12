import { buildInventory } from '../../controlplane/src/inventory/build-inventory.ts';
import type { Inventory } from '../../controlplane/src/inventory/types.ts';

export const CM_ZONE = 'cmb-1';

/** A region of CloudMatrix384 supernodes (48 servers x 8 ascend-910c each) in one zone. */
export function cloudMatrixRegion(supernodes: number): Inventory {
  return buildInventory({
    shapes: { cloudmatrix384: { acceleratorType: 'ascend-910c', serversPerSupernode: 48, acceleratorsPerServer: 8, serverGroups: [8] } },
    regions: [{ name: 'cmb', zones: [{ name: CM_ZONE, supernodes: [{ shape: 'cloudmatrix384', count: supernodes, prefix: 'sn' }] }] }],
  });
}
