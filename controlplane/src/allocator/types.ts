import type { ErrorCode } from '../../../core/index.ts';

export type Scope = 'server' | 'supernode' | 'zone' | 'spread';
export type Unit = 'servers' | 'accelerators';

/** One gang request: all of it is placed, or none. */
export interface AllocationRequest {
  /** The resource that will hold the accelerators (a cluster id, say); rows are keyed by it. */
  owner: string;
  project: string;
  acceleratorType: string;
  region?: string;
  zone?: string;
  count: number;
  unit: Unit;
  scope: Scope;
  /** Host CPU and memory per server; only benchmark traces set them. */
  cpuMilli?: number;
  memoryMib?: number;
  /**
   * A partition profile of the type (a MIG profile, a vNPU template): then `count` instances of it are
   * placed on one server, each inside one accelerator; `unit` and `scope` are ignored.
   */
  profile?: string;
}

/**
 * How a request that lists several accelerator types picks one: `listed` takes the first that fits
 * (like SkyPilot's `ordered`); `least-fragmentation` takes, among those that fit, the one whose
 * placement grows the fragment measure least (ties to the earlier type).
 */
export type TypeOrder = 'listed' | 'least-fragmentation';

/**
 * A gang request that accepts several accelerator types, most preferred first. It is placed whole on
 * one of them (all or nothing per type, never mixing types); the placement's `acceleratorType` names it.
 */
export interface AnyTypeRequest extends Omit<AllocationRequest, 'acceleratorType'> {
  acceleratorTypes: readonly string[];
  typeOrder?: TypeOrder;
}

/** A request naming one accelerator type, or listing several. */
export type PlacementRequest = AllocationRequest | AnyTypeRequest;

/** One partition instance: which accelerator, which positions (positional) or how many pool units. */
export interface PlacedSlice {
  acceleratorId: string;
  profile: string;
  /** First position (positional profiles); -1 for pooled ones, whose units are interchangeable. */
  start: number;
  units: number;
}

export interface PlacedServer {
  serverId: string;
  supernode: string | null;
  acceleratorIds: string[];
}

export interface PlacedReplica {
  index: number;
  supernode: string | null;
  servers: string[];
  acceleratorIds: string[];
  /** The partition instance the replica runs on (an endpoint with a profile). */
  slice?: PlacedSlice;
}

/** A decision to place, not yet committed. JSON-safe; `commit` accepts it back after a round trip. */
export interface Placement {
  ok: true;
  owner: string;
  project: string;
  acceleratorType: string;
  region: string;
  zone: string;
  scope: Scope;
  unit: Unit;
  acceleratorCount: number;
  supernodes: string[];
  servers: PlacedServer[];
  /** Adds to what the owner holds (from `grow`). */
  growth?: boolean;
  /** Endpoint replicas: a sub-holding inside this cluster's holding. */
  parentOwner?: string;
  replicas?: PlacedReplica[];
  /** Partition instances (a request with `profile`); `acceleratorCount` is then 0. */
  profile?: string;
  slices?: PlacedSlice[];
  /** Host CPU and memory a partition placement takes on its server (benchmark traces only). */
  hostShare?: { cpu: number; mem: number };
}

/** Why a request cannot be placed; the message names the request and the largest free block. */
export interface Refusal {
  ok: false;
  code: ErrorCode;
  message: string;
  owner: string;
  project: string;
  field?: string;
  hint?: string;
  largestFreeBlock?: { accelerators: number; where: string };
  quota?: { project: string; acceleratorType: string; limit: number; used: number; asked: number };
  /** A request listing several types: why each one did not fit, in list order. */
  byType?: { acceleratorType: string; code: ErrorCode; message: string }[];
}

export type Decision = Placement | Refusal;

/** Replicas of a model endpoint inside its cluster's holding. */
export interface ReplicaRequest {
  clusterOwner: string;
  endpointOwner: string;
  replicas: number;
  acceleratorsPerReplica: number;
  /** A partition profile: each replica runs on one instance of it (acceleratorsPerReplica is then 1). */
  profile?: string;
}

/** The persisted form of a holding: one row per accelerator. */
export interface HoldingRow {
  acceleratorId: string;
  owner: string;
  project: string;
  /** Set on an endpoint's rows: the cluster whose accelerators it uses. */
  parentOwner?: string;
  /** Set when the row is one partition instance of the accelerator rather than the whole of it. */
  slice?: { profile: string; start: number; units: number };
}

/** What an owner holds, shaped for a resource's `allocation` output. */
export interface Holding {
  owner: string;
  project: string;
  acceleratorType: string;
  region: string;
  zone: string;
  parentOwner?: string;
  acceleratorCount: number;
  supernodes: string[];
  servers: PlacedServer[];
  profile?: string;
  slices?: PlacedSlice[];
}

/** Owners running on accelerators that just became faulty or draining. */
export interface HealthReport {
  acceleratorIds: string[];
  affected: { owner: string; project: string; parentOwner?: string; acceleratorIds: string[] }[];
}

export interface CapacityFilter {
  region?: string;
  zone?: string;
  acceleratorType?: string;
}

export interface FreeBlock {
  accelerators: number;
  where: string;
}

export interface ServerCapacity {
  serverId: string;
  supernode: string | null;
  total: number;
  free: number;
  faulty: number;
  draining: boolean;
  /** Accelerators cut into partitions (counted as not free), and their pool units or positions still free. */
  partitioned?: number;
  freeSliceUnits?: number;
  /** Partition instances held by clusters on this server, and how many of them endpoint replicas run on. */
  instances?: number;
  endpointInstances?: number;
}

export interface SupernodeCapacity {
  supernode: string;
  total: number;
  free: number;
  wholeServersFree: number;
  largestFreeBlock: number;
}

export interface ZoneCapacity {
  region: string;
  zone: string;
  acceleratorType: string;
  total: number;
  free: number;
  held: number;
  /** Faulty or on draining servers, and not held. */
  unavailable: number;
  largestFreeBlock: FreeBlock;
  supernodes: SupernodeCapacity[];
  servers: ServerCapacity[];
}

export interface CapacityReport {
  zones: ZoneCapacity[];
}

export interface InvariantReport {
  ok: boolean;
  violations: string[];
}

/** A preview item: a new request, a growth of an existing owner, or endpoint replicas. */
export type PreviewItem = (PlacementRequest & { grow?: boolean }) | ReplicaRequest;

export interface PreviewResult {
  ok: boolean;
  results: Decision[];
}
