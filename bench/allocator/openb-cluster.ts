import type { Inventory, Server } from '../../controlplane/src/inventory/types.ts';
import type { OpenbNode } from './read-openb.ts';

export const OPENB_TYPE = 'openb-gpu';
export const OPENB_ZONE = 'openb-1';

/**
 * The openb cluster as an inventory: one zone of standalone servers with the node list's GPU count,
 * CPU and memory. Pods in the trace name no GPU model, so every GPU is one type.
 */
export function openbInventory(nodes: readonly OpenbNode[]): Inventory {
  const servers: Server[] = nodes
    .filter((n) => n.gpus > 0)
    .map((n) => ({
      id: n.name,
      zone: OPENB_ZONE,
      acceleratorType: OPENB_TYPE,
      acceleratorCount: n.gpus,
      serverGroups: [n.gpus],
      cpuMilli: n.cpuMilli,
      memoryMib: n.memoryMib,
    }));
  const maxGpus = Math.max(...servers.map((s) => s.acceleratorCount));
  return {
    regions: [{ name: 'openb', zones: [{ name: OPENB_ZONE, region: 'openb', supernodes: [], servers }] }],
    acceleratorTypes: {
      [OPENB_TYPE]: {
        name: OPENB_TYPE,
        memoryGib: 0,
        bf16Tflops: 0,
        acceleratorsPerServer: maxGpus,
        serverGroups: [maxGpus],
        interconnect: 'server',
        pricePerHour: 0,
      },
    },
    shapes: {},
  };
}
