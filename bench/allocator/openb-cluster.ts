import type { AcceleratorTypeSpec, Inventory, Server } from '../../controlplane/src/inventory/types.ts';
import type { OpenbNode, OpenbPod } from './read-openb.ts';

export const OPENB_TYPE = 'openb-gpu';
export const OPENB_ZONE = 'openb-1';

/** Milli-GPU units of one openb GPU: the trace's own grain of sharing. */
export const MILLI = 1000;

/** The accelerator type of an openb server of GPU model `model` when models are kept apart. */
export function openbModelType(model: string): string {
  return `openb-${model}`;
}

/** Whether any pod names GPU models it accepts: then the cluster must keep each server's model. */
export function usesGpuSpec(pods: readonly OpenbPod[]): boolean {
  return pods.some((p) => (p.gpuSpec?.length ?? 0) > 0);
}

/**
 * The openb cluster as an inventory: one zone of standalone servers with the node list's GPU count,
 * CPU and memory. With `byModel` each server's GPU model (P100, T4, V100M16, ...) is its accelerator
 * type (`openbModelType`), so a pod's `gpu_spec` can name the types it accepts; without it every GPU is
 * one type, which is exact for traces whose pods name no model (FGD then ignores the model).
 */
export function openbInventory(nodes: readonly OpenbNode[], byModel = false): Inventory {
  const servers: Server[] = nodes
    .filter((n) => n.gpus > 0)
    .map((n) => ({
      id: n.name,
      zone: OPENB_ZONE,
      acceleratorType: byModel ? openbModelType(n.model) : OPENB_TYPE,
      acceleratorCount: n.gpus,
      serverGroups: [n.gpus],
      cpuMilli: n.cpuMilli,
      memoryMib: n.memoryMib,
    }));
  const acceleratorTypes: Record<string, AcceleratorTypeSpec> = {};
  for (const type of new Set(servers.map((s) => s.acceleratorType))) {
    const maxGpus = Math.max(...servers.filter((s) => s.acceleratorType === type).map((s) => s.acceleratorCount));
    acceleratorTypes[type] = {
      name: type,
      memoryGib: 0,
      bf16Tflops: 0,
      acceleratorsPerServer: maxGpus,
      serverGroups: [maxGpus],
      interconnect: 'server',
      pricePerHour: 0,
    };
  }
  return {
    regions: [{ name: 'openb', zones: [{ name: OPENB_ZONE, region: 'openb', supernodes: [], servers }] }],
    acceleratorTypes,
    shapes: {},
  };
}
