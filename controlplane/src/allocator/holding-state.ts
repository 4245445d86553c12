import type { AllocState } from './alloc-state.ts';
import type { Topology } from './topology.ts';

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
}

export function quotaKey(project: string, type: string): string {
  return `${project}\u0000${type}`;
}
