import type { AllocationSummary, ReplicaPlacement } from './allocation-wire.ts';
import type { ControlPlane } from './control-plane.ts';
import type { WireResource } from './resource-doc.ts';

/** A leased placement a change takes over: what it will hold, and the step that hands it over. */
interface LeasedPlan {
  allocation: AllocationSummary;
  /** The type the leased placement is on (chosen from the cluster's acceleratorTypes when it lists several). */
  acceleratorType?: string;
  commit(cp: ControlPlane): Promise<void>;
}

/**
 * Where the cloud's code calls into leases. The control plane carries these on `cp.leases` (set when
 * it opens) instead of importing them, because leases are built on the cloud's transactions and
 * holdings: the dependency runs one way, and a control plane without leases simply has none.
 */
export interface LeaseHooks {
  /** Reads the earliest expiry (start-up and reloads). */
  loadExpiry(cp: ControlPlane): Promise<void>;
  /** Whether a lease may have come due; cheap, no database. */
  due(cp: ControlPlane, now: number): boolean;
  /** Expires what is due, inside a write transaction. */
  expireDue(cp: ControlPlane, now: number): Promise<boolean>;
  /** Whether a cluster (or, with `kind`, an endpoint) create draws on the lease (it then never waits in a queue). */
  covers(cp: ControlPlane, project: string, leaseId: string, spec: Record<string, unknown>, kind?: 'Cluster' | 'ModelEndpoint'): Promise<boolean>;
  /** The leased placement a cluster create takes over, or undefined to place it as usual. */
  planFrom(cp: ControlPlane, project: string, leaseId: string, id: string, spec: Record<string, unknown>): Promise<LeasedPlan | undefined>;
  /** The leased servers a cluster update that grows it takes over, or undefined to grow it as usual. */
  growFrom(cp: ControlPlane, leaseId: string, before: WireResource, spec: Record<string, unknown>): Promise<LeasedPlan | undefined>;
  /** The leased replicas an endpoint create or update takes over inside `clusterId`, or undefined to place them as usual. */
  replicasFrom(
    cp: ControlPlane,
    project: string,
    leaseId: string,
    endpointId: string,
    spec: Record<string, unknown>,
    clusterId: string,
  ): Promise<{ placements: ReplicaPlacement[]; commit(cp: ControlPlane): Promise<void> } | undefined>;
  /** What a previewed create of this shape, or growth to this size, would get from the lease, if it holds one for it. */
  leasedFor(
    cp: ControlPlane,
    project: string,
    leaseId: string,
    request: Record<string, unknown>,
  ): Promise<{ owner: string; allocation: AllocationSummary } | undefined>;
  /** Owners of active lease holdings, live for the invariant check. */
  holders(cp: ControlPlane): Promise<string[]>;
  /** The lease half of the invariant check. */
  check(cp: ControlPlane): Promise<string[]>;
}
