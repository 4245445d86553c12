import { buildInventory } from './build-inventory.ts';
import type { InventorySpec } from './inventory-spec.ts';
import type { Inventory } from './types.ts';

/**
 * The embedded cloud's hardware, as data: two zones of one region with the shapes users meet in practice
 * (CloudMatrix384 supernodes, HCCS-grouped 910B servers, H200 servers and NVL72 racks).
 */
export const DEFAULT_INVENTORY_SPEC: InventorySpec = {
  shapes: {
    cloudmatrix384: { acceleratorType: 'ascend-910c', serversPerSupernode: 48, acceleratorsPerServer: 8, serverGroups: [8] },
    nvl72: { acceleratorType: 'nvidia-gb200', serversPerSupernode: 18, acceleratorsPerServer: 4, serverGroups: [4] },
  },
  regions: [
    {
      name: 'cn-southwest-2',
      zones: [
        {
          name: 'cn-southwest-2a',
          supernodes: [{ shape: 'cloudmatrix384', count: 4, prefix: 'sn' }],
          servers: [{ acceleratorType: 'ascend-910b', count: 32, prefix: 'b910' }],
        },
        {
          name: 'cn-southwest-2b',
          supernodes: [
            { shape: 'cloudmatrix384', count: 2, prefix: 'sn' },
            { shape: 'nvl72', count: 8, prefix: 'nvl' },
          ],
          servers: [{ acceleratorType: 'nvidia-h200', count: 16, prefix: 'h200' }],
        },
      ],
    },
  ],
};

/** A fresh copy each call, so callers may not share mutable topology by accident. */
export function defaultInventory(): Inventory {
  return buildInventory(DEFAULT_INVENTORY_SPEC);
}
