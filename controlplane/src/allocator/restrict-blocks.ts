import type { Topology } from './topology.ts';

/** Which supernodes a placement may use: only some of them, or any but some (by supernode name). */
export interface BlockLimits {
  only?: readonly string[];
  exclude?: readonly string[];
}

/**
 * The blocks of a type in some zones that a placement may use under `limits`. The admission engine
 * fences a reserved gang's supernode this way, so later requests can start only outside it.
 */
export function allowedBlocks(topo: Topology, type: number, zones: readonly number[], limits: BlockLimits): Set<number> {
  const only = limits.only ? new Set(limits.only) : undefined;
  const exclude = new Set(limits.exclude ?? []);
  const out = new Set<number>();
  for (const z of zones) {
    for (const b of topo.zoneBlocks[z]!.get(type) ?? []) {
      const name = topo.blockName[b] ?? '';
      if (only && !only.has(name)) continue;
      if (exclude.has(name)) continue;
      out.add(b);
    }
  }
  return out;
}
