/** Resource lifecycle states shown to users. */
export type ResourceStatus = 'pending' | 'provisioning' | 'ready' | 'updating' | 'deleting' | 'failed';

/** A resource as the control plane keeps it; `doc` is the wire JSON without secrets. */
export interface ResourceRecord {
  id: string;
  project: string;
  kind: string;
  name: string;
  resourceVersion: number;
  /** Serialized wire resource (everything except the secret), so reads can send it without re-encoding. */
  doc: string;
  /** Encrypted secret outputs (an endpoint's apiKey), or null. */
  secret: string | null;
}

export type OperationType = 'create' | 'update' | 'delete';
export type OperationStatus = 'running' | 'done' | 'failed';

/** A long-running change; `dueAt` is when it completes, so reads can advance it without timers. */
export interface OperationRecord {
  id: string;
  project: string;
  type: OperationType;
  kind: string;
  name: string;
  resourceId: string;
  status: OperationStatus;
  error: { code: string; message: string } | null;
  /** Decided when the operation starts (fault injection), applied when it comes due. */
  failure: { code: string; message: string } | null;
  createdAt: number;
  dueAt: number;
  doneAt: number | null;
}

/**
 * What one owner holds on one server, as a bitmask of accelerator indices (bit i is accelerator
 * `server/i`). One row per server instead of one per accelerator keeps a create to a row or two; the
 * database cannot see a double hand-out inside a mask, so the invariant check rebuilds an allocator
 * from these rows and reports any accelerator held twice.
 */
export interface HoldingRecord {
  owner: string;
  /** `zone/serverId`. */
  server: string;
  project: string;
  /** Set on an endpoint's rows: the cluster whose accelerators it runs on. */
  parentOwner: string | null;
  mask: number;
  /**
   * Partition instances the owner holds on this server (its accelerators are then not in `mask`, which
   * is 0): absent or null on rows of whole accelerators, which is every row written before partitions.
   */
  slices?: HeldSlice[] | null;
}

/** One partition instance in a holding row: the accelerator's index on the server, profile, place. */
export interface HeldSlice {
  index: number;
  profile: string;
  /** First position (positional profiles), -1 for pooled ones. */
  start: number;
  units: number;
}

export interface TokenRecord {
  hash: string;
  /** null for the admin token, which reaches every project. */
  project: string | null;
  admin: boolean;
  createdAt: number;
}

export interface IdempotencyRecord {
  project: string;
  key: string;
  requestHash: string;
  status: number;
  body: string;
  createdAt: number;
}

export interface LockRecord {
  project: string;
  stack: string;
  holder: string;
  since: number;
  expiresAt: number | null;
}

export interface QuotaRecord {
  project: string;
  acceleratorType: string;
  limit: number;
}

/** An accelerator marked faulty or a server drained by an operator. */
export interface HealthMark {
  target: string;
  type: 'accelerator' | 'server';
  reason: string;
  createdAt: number;
}
