import { PARTITION_CATALOGUE, type PartitionCatalogue } from '../../../core/index.ts';
import { AllocState } from './alloc-state.ts';
import type { EngineContext, Part } from './engine-types.ts';
import type { AllocatorInternals, HoldingState, SliceHolding } from './holding-state.ts';
import type { Policy, PolicyName } from './policy.ts';
import { createPolicy, DEFAULT_POLICY } from './policies/policy-registry.ts';
import { seededRandom } from './seeded-random.ts';
import type { SliceScoreCache } from './place-slices.ts';
import { SliceWorkload } from './slice-workload.ts';
import type { Topology } from './topology.ts';
import type { BusyElsewhere } from './busy-elsewhere.ts';
import { TieOrder } from './tie-order.ts';
import type { Scope } from './types.ts';
import { WorkloadProfile } from './workload-profile.ts';

export interface AllocatorOptions {
  /** A policy by name, or any implementation of the interface (the benchmark measures variants this way). */
  policy?: PolicyName | Policy;
  /** Seeds the random policy; every other policy is deterministic. */
  seed?: number;
  /**
   * Where the workload profile comes from: `commit` (default) learns from committed placements;
   * `manual` only from `observe()`, for callers that see every arrival (the benchmark).
   */
  learn?: 'commit' | 'manual';
  /** Partition catalogues by type name; the core's catalogue by default (the benchmark adds its own GPU's). */
  partitions?: Record<string, PartitionCatalogue>;
}

/** Options only a preview's scratch copy sets: it shares the learned workload and learns nothing. */
export interface CoreOptions extends AllocatorOptions {
  profile?: WorkloadProfile;
  learnOff?: boolean;
  sliceWorkloads?: (SliceWorkload | undefined)[];
}

/**
 * Everything the allocator knows, in one object the parts of the allocator (placement, partitions,
 * endpoint instances, rows, health, quotas, previews) work on; the `Allocator` class is its face.
 */
export interface AllocatorCore extends AllocatorInternals {
  readonly topo: Topology;
  readonly policy: Policy;
  state: AllocState;
  readonly profile: WorkloadProfile;
  readonly rng: () => number;
  readonly seed: number;
  readonly learn: 'commit' | 'manual' | 'off';
  readonly holdings: Map<string, HoldingState>;
  readonly ownerNames: (string | undefined)[];
  readonly freeOwnerNos: number[];
  readonly quotas: Map<string, number>;
  readonly quotaUsed: Map<string, number>;
  loadViolations: string[];
  /** Parts of the placements this allocator made, so a commit need not re-read ids. */
  readonly partsOf: WeakMap<object, Part[][]>;
  readonly partitions: (PartitionCatalogue | undefined)[];
  readonly sliceWorkloads: (SliceWorkload | undefined)[];
  readonly sliceHoldings: Map<string, SliceHolding>;
  sliceCache: SliceScoreCache | undefined;
  /** Per type index: partition holdings, so whole requests know when partitions are around. */
  readonly slicedTypes: Map<number, number>;
  /** Accelerators of whole-accelerator clusters cut into instances for endpoints: units and positions taken. */
  readonly carved: Map<number, { units: number; positions: number }>;
  /** How equal scores are broken: the index order unless this is one of several instances. */
  tieOrder: TieOrder;
  /** Blocks other instances of the database changed lately (none for a control plane alone). */
  busyElsewhere: BusyElsewhere | undefined;
  /** Per cluster: the endpoints whose replicas run on partition instances of it (taken or cut). */
  readonly sliceChildren: Map<string, Set<string>>;
}

/** An empty allocator over a topology: nothing held, no quotas, no health marks. */
export function createCore(topo: Topology, options: CoreOptions = {}): AllocatorCore {
  const seed = options.seed ?? 1;
  const catalogues = options.partitions ?? PARTITION_CATALOGUE;
  const partitions = topo.typeNames.map((name) => catalogues[name]);
  return {
    topo,
    policy: typeof options.policy === 'object' ? options.policy : createPolicy(options.policy ?? DEFAULT_POLICY),
    seed,
    rng: seededRandom(seed),
    learn: options.learnOff ? 'off' : (options.learn ?? 'commit'),
    state: new AllocState(topo),
    profile: options.profile ?? new WorkloadProfile(topo),
    holdings: new Map(),
    ownerNames: [],
    freeOwnerNos: [],
    quotas: new Map(),
    quotaUsed: new Map(),
    loadViolations: [],
    partsOf: new WeakMap(),
    partitions,
    sliceWorkloads: options.sliceWorkloads ?? partitions.map((c) => c && new SliceWorkload(c)),
    sliceHoldings: new Map(),
    sliceCache: undefined,
    slicedTypes: new Map(),
    carved: new Map(),
    sliceChildren: new Map(),
    tieOrder: TieOrder.INDEX,
    busyElsewhere: undefined,
  };
}

/** What the placement engine needs for one accelerator type. */
export function engineContext(core: AllocatorCore, type: number, scope?: Scope): EngineContext {
  return {
    topo: core.topo,
    state: core.state,
    tables: core.profile.tables(type),
    rng: core.rng,
    policy: core.policy,
    scope,
    ties: core.tieOrder,
    busyElsewhere: core.busyElsewhere,
  };
}

/** An accelerator's id from its global number. */
export function accName(core: AllocatorCore, acc: number): string {
  const s = core.topo.acceleratorServer[acc]!;
  return core.topo.acceleratorName(s, acc - core.topo.serverBase[s]!);
}
