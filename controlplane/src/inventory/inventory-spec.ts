import type { AcceleratorTypeSpec } from './types.ts';

/**
 * The compact, declarative form of an inventory: shapes and counts rather than every server. The default
 * inventory and inventory files are both written this way and expanded by `buildInventory`.
 */
export interface InventorySpec {
  /** Types beyond (or overriding) the core catalogue. */
  acceleratorTypes?: Record<string, Omit<AcceleratorTypeSpec, 'name'>>;
  shapes?: Record<string, ShapeSpec>;
  regions: RegionSpec[];
}

export interface ShapeSpec {
  acceleratorType: string;
  serversPerSupernode: number;
  acceleratorsPerServer?: number;
  serverGroups?: number[];
}

export interface RegionSpec {
  name: string;
  zones: ZoneSpec[];
}

export interface ZoneSpec {
  name: string;
  supernodes?: SupernodePoolSpec[];
  servers?: ServerPoolSpec[];
}

/** `count` supernodes of one shape, named `<prefix>-1`, `<prefix>-2`, ... */
export interface SupernodePoolSpec {
  shape: string;
  count: number;
  prefix?: string;
}

/** `count` standalone servers named `<prefix>-01`, ... */
export interface ServerPoolSpec {
  acceleratorType: string;
  count: number;
  prefix: string;
  acceleratorsPerServer?: number;
  serverGroups?: number[];
  cpuMilli?: number;
  memoryMib?: number;
}
