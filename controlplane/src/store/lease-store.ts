/**
 * A capacity lease as the store keeps it: indexed columns for the reads that settle expiry, and the
 * whole lease as a JSON document (holdings and all), so the lease's shape can grow without a migration.
 */
export interface LeaseRecord {
  id: string;
  project: string;
  /** `active` holds accelerators; the others are ended and kept for reads. */
  status: 'active' | 'released' | 'expired' | 'consumed';
  expiresAt: number;
  doc: string;
}

/** The lease table group; both stores serve it. */
export interface LeaseStore {
  getLease(id: string): Promise<LeaseRecord | undefined>;
  /** A project's leases, newest first. */
  listLeases(project: string): Promise<LeaseRecord[]>;
  /** Every active lease (expiry, the invariant check, occupancy). */
  activeLeases(): Promise<LeaseRecord[]>;
  putLease(lease: LeaseRecord): Promise<void>;
}
