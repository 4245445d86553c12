import type { AllocState } from './alloc-state.ts';
import type { PartitionCatalogue } from '../../../core/index.ts';
import type { Topology } from './topology.ts';

/** One partition instance an owner holds: accelerator number, positions (positional) and pool units. */
export interface SlicePiece {
  acc: number;
  start: number;
  positions: number;
  units: number;
  /** On a partitioned cluster's instance: the endpoint whose replica runs on it. */
  user?: string;
}

/** What one owner holds in partitions: instances of one profile on one server, with its host share. */
export interface SliceHolding {
  owner: string;
  project: string;
  type: number;
  zone: number;
  server: number;
  profile: string;
  pieces: SlicePiece[];
  cpu: number;
  mem: number;
  /**
   * Set on an endpoint's instances: the partitioned cluster they belong to. They are copies of the
   * cluster's pieces (marked with `user`) and take no capacity of their own.
   */
  parent?: string;
}

/** What one owner holds, per server; an endpoint's parts are masks inside its cluster's parts. */
export interface HoldingState {
  owner: string;
  no: number;
  project: string;
  type: number;
  zone: number;
  parent?: string;
  children: Set<string>;
  parts: Map<number, { mask: number; cpu: number; mem: number }>;
  count: number;
}

/** The allocator's state that helpers outside the class read (invariants, capacity). */
export interface AllocatorInternals {
  topo: Topology;
  state: AllocState;
  holdings: Map<string, HoldingState>;
  ownerNames: (string | undefined)[];
  quotaUsed: Map<string, number>;
  loadViolations: string[];
  /** Per type index: its partition catalogue, if it can be partitioned. */
  partitions: (PartitionCatalogue | undefined)[];
  sliceHoldings: Map<string, SliceHolding>;
  /** Accelerators of whole-accelerator clusters cut into endpoint instances: units and positions taken. */
  carved?: Map<number, { units: number; positions: number }>;
  /** Per cluster: endpoints running on partition instances of it. */
  sliceChildren?: Map<string, Set<string>>;
}

export function quotaKey(project: string, type: string): string {
  return `${project}\u0000${type}`;
}
