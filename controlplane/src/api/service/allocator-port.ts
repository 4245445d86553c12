import type { AllocationRow, HealthMark, QuotaRecord } from '../../store/index.ts';

/** Where a cluster's accelerators are, as shown on the wire (`resource.allocation`). */
export interface AllocationSummary {
  zone: string;
  supernodes: string[];
  servers: string[];
  acceleratorCount: number;
}

/** A refusal the API turns into a 409 with the allocator's own words. */
export interface Refusal {
  ok: false;
  code: 'CAPACITY_EXHAUSTED' | 'QUOTA_EXCEEDED' | 'INVALID_VALUE';
  message: string;
  field?: string;
}

/** A decision to hold and free accelerators for one owner; nothing changes until `commit`. */
export interface Grant {
  ok: true;
  owner: string;
  add: AllocationRow[];
  remove: string[];
  allocation: AllocationSummary;
}

export interface ClusterRequest {
  owner: string;
  project: string;
  zone: string;
  acceleratorType: string;
  nodeCount: number;
  placement: string;
}

export interface ReplicaPlacement {
  replica: number;
  supernode: string;
  servers: string[];
  acceleratorCount: number;
  accelerators: string[];
}

/** One entry of a placement preview batch. */
export type PreviewRequest =
  | { action: 'create'; name: string; zone: string; acceleratorType: string; nodeCount: number; placement: string }
  | { action: 'grow'; name: string; nodeCount: number }
  | { action: 'release'; name: string };

export type PreviewResult =
  | { index: number; action: string; name: string; fits: true; allocation?: AllocationSummary }
  | { index: number; action: string; name: string; fits: false; code: string; message: string };

/**
 * What the API needs from the accelerator allocator. The allocator decides in memory; the API
 * writes the decision's rows in the same transaction as the resource, then commits it.
 */
export interface AllocatorPort {
  /** Rebuilds in-memory state from the database (start-up, or another process wrote the file). */
  load(rows: readonly AllocationRow[], quotas: readonly QuotaRecord[], marks: readonly HealthMark[]): void;
  planCluster(req: ClusterRequest): Grant | Refusal;
  /** Grows next to what the owner holds, or shrinks by freeing the fewest fragments. */
  planResize(req: ClusterRequest): Grant | Refusal;
  commit(grant: Grant): void;
  /** Frees everything the owner holds; returns the accelerators freed. */
  release(owner: string): string[];
  summary(owner: string): AllocationSummary | undefined;
  /** Places replicas inside the owner's accelerators, avoiding those already `used` by other endpoints. */
  placeReplicas(
    clusterOwner: string,
    replicas: number,
    acceleratorsPerReplica: number,
    used: ReadonlySet<string>,
  ): { ok: true; placements: ReplicaPlacement[] } | Refusal;
  /** Dry run of a batch against current free capacity; changes nothing. `owners` maps cluster names to owners. */
  preview(project: string, requests: readonly PreviewRequest[], owners: ReadonlyMap<string, string>): PreviewResult[];
  setQuota(quota: QuotaRecord): void;
  mark(mark: HealthMark): { ok: true } | Refusal;
  regions(): unknown;
  capacity(filter: { zone?: string; acceleratorType?: string }): unknown;
  /** Zones the inventory knows, with their region, for validating `zone` and `region`. */
  zones(): ReadonlyMap<string, { region: string }>;
  regionNames(): readonly string[];
  check(): string[];
}
