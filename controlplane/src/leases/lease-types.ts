import type { Placement } from '../allocator/index.ts';
import type { AllocationSummary } from '../cloud/index.ts';
export { LEASE_OWNER_PREFIX, leaseOfOwner, leaseOwner } from '../cloud/index.ts';

/** What one planned cluster create holds under a lease, until a create draws on it. */
export interface LeaseHolding {
  /** The cluster the plan creates (`Cluster/<name>`) and its name. */
  address: string;
  name: string;
  /** The holding's owner in the allocator and the holdings table while the lease holds it. */
  owner: string;
  acceleratorType: string;
  /** The cluster's placement scope (`supernode`, `zone`, `spread`), which the drawing create must match. */
  placement: string;
  nodeCount: number;
  acceleratorProfile?: string;
  profileCount?: number;
  allocation: AllocationSummary;
  /** The cluster that drew on it; null while the lease still holds it. */
  consumedBy: string | null;
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
  placements: Placement[];
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
  acceleratorCount: number;
  holdings: LeaseHolding[];
}
