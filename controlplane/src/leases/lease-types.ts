import type { Placement } from '../allocator/index.ts';
import type { AllocationSummary } from '../api/service/allocation-wire.ts';

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

/** Allocator owners of lease holdings start with this; nothing else does. */
export const LEASE_OWNER_PREFIX = 'lease:';

/** The owner that holds a lease's n-th holding. */
export function leaseOwner(leaseId: string, n: number): string {
  return `${LEASE_OWNER_PREFIX}${leaseId}/${n}`;
}

/** The lease id of a lease holding's owner, or undefined for any other owner. */
export function leaseOfOwner(owner: string): string | undefined {
  if (!owner.startsWith(LEASE_OWNER_PREFIX)) return undefined;
  return owner.slice(LEASE_OWNER_PREFIX.length, owner.lastIndexOf('/'));
}
