import type { AcceleratorTypeSpec as CatalogueSpec } from '../../../core/index.ts';

/**
 * What the inventory needs to know about an accelerator type. A subset of the core's catalogue entry so
 * that an inventory file (or a benchmark) can describe hardware the catalogue does not list.
 */
export type AcceleratorTypeSpec = Pick<
  CatalogueSpec,
  'name' | 'memoryGib' | 'bf16Tflops' | 'acceleratorsPerServer' | 'serverGroups' | 'interconnect' | 'pricePerHour'
>;

/** A supernode's shape is data: how many servers, how many accelerators each, and the groups inside a server. */
export interface SupernodeShape {
  name: string;
  acceleratorType: string;
  serversPerSupernode: number;
  acceleratorsPerServer: number;
  /** Sizes of the fast-link groups inside one server; they sum to `acceleratorsPerServer`. */
  serverGroups: number[];
}

/** One server. Ids are unique within a zone (`sn-1/s07`, `b910-12`). */
export interface Server {
  id: string;
  zone: string;
  /** The supernode the server belongs to, absent for a standalone server. */
  supernode?: string;
  acceleratorType: string;
  acceleratorCount: number;
  serverGroups: number[];
  /** Host CPU and memory; only traces that constrain them (the benchmark) set these. */
  cpuMilli?: number;
  memoryMib?: number;
}

export interface Supernode {
  id: string;
  zone: string;
  shape: string;
  acceleratorType: string;
  servers: Server[];
}

export interface Zone {
  name: string;
  region: string;
  supernodes: Supernode[];
  /** Servers outside any supernode. */
  servers: Server[];
}

export interface Region {
  name: string;
  zones: Zone[];
}

/** The whole topology the control plane allocates from: region > zone > supernode (optional) > server > accelerator. */
export interface Inventory {
  regions: Region[];
  acceleratorTypes: Record<string, AcceleratorTypeSpec>;
  shapes: Record<string, SupernodeShape>;
}
