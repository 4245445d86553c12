import type { Placement } from '../allocator/index.ts';
import type { AllocationSummary } from '../cloud/index.ts';
export { LEASE_OWNER_PREFIX, leaseOfOwner, leaseOwner } from '../cloud/index.ts';

/**
 * What a lease holds for one accelerator change of the plan: a new cluster (`create`), the servers a
 * running cluster grows by (`grow`), or an endpoint's replicas inside its cluster (`replicas`).
 */
export type LeaseAction = 'create' | 'grow' | 'replicas';

/** What one planned change holds under a lease, until the create or update it is for draws on it. */
export interface LeaseHolding {
  /** The resource the plan changes (`Cluster/<name>`, `ModelEndpoint/<name>`) and its name. */
  address: string;
  name: string;
  /** Absent on leases taken before growth and replicas could be leased: those hold creates only. */
  action?: LeaseAction;
  /** The holding's owner in the allocator and the holdings table while the lease holds it. */
  owner: string;
  acceleratorType: string;
  /** A cluster's placement scope (`supernode`, `zone`, `spread`), which the drawing change must match. */
  placement?: string;
  /** A cluster's total servers after the change (create, grow). */
  nodeCount?: number;
  /** A grow: the cluster it is for and the servers it held when the lease was taken. */
  clusterId?: string;
  fromNodeCount?: number;
  /** Replicas: the cluster they run in, how many, and how large (accelerators, or one instance of a profile). */
  cluster?: string;
  replicas?: number;
  acceleratorsPerReplica?: number;
  /** A partitioned cluster's profile and instance count, or the profile an endpoint's replicas run on. */
  acceleratorProfile?: string;
  profileCount?: number;
  /**
   * What the change will get: a new cluster's allocation, the servers a growth adds, or where an
   * endpoint's replicas go (inside its cluster, so not counted in the lease's `acceleratorCount`).
   */
  allocation: AllocationSummary;
  /** The resource that drew on it; null while the lease still holds it. */
  consumedBy: string | null;
}

/** The action of a holding; leases stored before growth and replicas were leased hold creates only. */
export function actionOf(h: LeaseHolding): LeaseAction {
  return h.action ?? 'create';
}

/** The lease document as stored: the wire lease plus each holding's allocator placement. */
export interface StoredLease {
  id: string;
  project: string;
  owner: string;
  status: 'active' | 'released' | 'expired' | 'consumed';
  createdAt: number;
  expiresAt: number;
  endedAt: number | null;
  planDigest: string;
  holdings: LeaseHolding[];
  /**
   * One per holding, by owner: what the change will get. A replicas placement names the cluster it
   * runs in as `parentOwner` (the cluster's id, or the lease owner of a cluster the lease creates).
   */
  placements: Placement[];
  /**
   * For replicas holdings, by owner: the accelerators (`zone/server/index`, or `.../index@start` for a
   * partition instance) the lease itself marks inside the cluster now. The rest of the placement is
   * the endpoint's own already, or on servers the lease holds for a growth of the cluster.
   */
  marked?: Record<string, string[]>;
}

/** A lease as the API shows it. */
export interface WireLease {
  id: string;
  project: string;
  owner: string;
  status: StoredLease['status'];
  createdAt: string;
  expiresAt: string;
  endedAt: string | null;
  planDigest: string;
  /** Accelerators taken from free capacity that the lease still holds (clusters created or grown). */
  acceleratorCount: number;
  holdings: LeaseHolding[];
}
