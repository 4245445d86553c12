import type { Inventory } from '../inventory/index.ts';
import type { HealthMark, HoldingRecord } from '../store/index.ts';

/** One holder of accelerators, as a what-if plan needs it: what it holds and when it is expected to let go. */
export interface SnapshotOwner {
  /** The holder's id; another project's holders are renamed `other-<n>` for a project token. */
  owner: string;
  project: string;
  kind: string | null;
  name: string | null;
  acceleratorType: string;
  zone: string;
  acceleratorCount: number;
  /**
   * When it is expected to free its accelerators (epoch ms): a cluster's `aicloud.dev/expected-duration`
   * label counted from its creation, a lease's expiry; null when nothing says.
   */
  expectedEndAt: number | null;
}

/** A request waiting in a queue, in the order its queue admits. */
export interface SnapshotPending {
  id: string;
  project: string;
  kind: string | null;
  name: string | null;
  queue: string;
  acceleratorType: string;
  zone: string;
  /** Accelerators it waits for (servers x accelerators per server for a gang). */
  accelerators: number;
  scope: string;
  arrival: number;
}

/**
 * The cloud's occupancy at one instant (`GET /v1/projects/{project}/snapshot`, `aicloud snapshot save`):
 * enough to rebuild the allocator and the queues in memory and plan against them, touching nothing live.
 */
export interface OccupancySnapshot {
  formatVersion: 1;
  takenAt: number;
  project: string;
  /** False for a project token: other projects' holders are anonymous. */
  complete: boolean;
  inventory: Inventory;
  holdings: HoldingRecord[];
  healthMarks: HealthMark[];
  quotas: { acceleratorType: string; limit: number }[];
  owners: SnapshotOwner[];
  pending: SnapshotPending[];
  /** The project's active leases (wire form); other projects' leases are among `owners` as kind Lease. */
  leases: unknown[];
  /** The project's resources, as the API shows them (no secrets), so a plan's observed state needs no live read. */
  resources: unknown[];
}
