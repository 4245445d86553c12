import type { Allocator } from '../allocator/index.ts';

/** Accelerators per server of a type (its usual layout), to count whole servers against quotas; 8 when the type is unknown. */
export function serverSize(allocator: Allocator, type: string): number {
  const topo = allocator.topology;
  const t = topo.typeIndex.get(type);
  return t === undefined ? 8 : topo.layouts[topo.typeLayout[t]!]!.count;
}
