import type { AllocationRequest, Placement } from '../allocator/index.ts';

/** A queue's share of one accelerator type: what it owns, and how much more it may borrow from its cohort. */
export interface TypeQuota {
  nominal: number;
  /** Extra accelerators it may borrow from unused nominal quota of its cohort (0 when absent). */
  borrowingLimit?: number;
}

/** A queue (Kueue's ClusterQueue, Volcano's queue): quotas per accelerator type, a cohort, an order and a preemption rule. */
export interface QueueSpec {
  name: string;
  /** Accelerators per type; a type not named has no quota in this queue (nothing of it is admitted). */
  quotas: Record<string, TypeQuota>;
  cohort?: string;
  admissionPolicy: 'fifo' | 'priority';
  preemption: 'never' | 'lowerPriority';
}

/** A request waiting for admission: one all-or-nothing gang plus where it queues. Times are epoch milliseconds. */
export interface PendingRequest {
  id: string;
  request: AllocationRequest;
  /**
   * The same gang on each further accepted type, most preferred first (a cluster listing several
   * `acceleratorTypes`; `request` is on the first). A pass starts it on the first of `request` and these
   * that fits both its queue's quota for that type and capacity; preemption and reservations consider
   * `request` alone. Absent for work of one type.
   */
  alternatives?: AllocationRequest[];
  queue: string;
  priority: number;
  preemptible: boolean;
  /** Small holdings the defragmenter may move once running (preemptible work is movable too). */
  movable?: boolean;
  arrival: number;
  /** Set for an endpoint: its replicas wait for room inside one cluster's accelerators, not for servers. */
  replicas?: ReplicaAsk;
  /**
   * The reason last written to the request's document, kept by the control plane so a pass writes a
   * document only when more than the position changed. The engine neither reads nor sets it.
   */
  shown?: string;
}

/**
 * An endpoint's replicas: all of them are placed inside the cluster `cluster` (its owner id) or none.
 * `request` of the same work counts `replicas x acceleratorsPerReplica` accelerators of the cluster's type.
 */
export interface ReplicaAsk {
  cluster: string;
  /** The cluster's name, for pending reasons. */
  clusterName: string;
  replicas: number;
  acceleratorsPerReplica: number;
  /**
   * A partition profile: each replica runs on one instance of it (acceleratorsPerReplica is then 1),
   * and the queue counts each instance as its share of an accelerator. Absent in states saved before
   * endpoints on partitions could wait, which therefore still load.
   */
  profile?: string;
}

/** Admitted work the engine knows about: what preemption and defragmentation may touch. */
export interface RunningWork {
  id: string;
  request: AllocationRequest;
  queue: string;
  priority: number;
  preemptible: boolean;
  movable: boolean;
  accelerators: number;
  admittedAt: number;
  /**
   * When the request first arrived (its `PendingRequest.arrival`), so preempted work waits again in
   * its first arrival's place. Absent in states saved before it was kept; `admittedAt` stands in.
   */
  arrival?: number;
  /** Set for an endpoint (see `PendingRequest.replicas`). */
  replicas?: ReplicaAsk;
}

/** A head-of-queue gang's fence: the supernode it will get; nothing else starts there. */
export interface Reservation {
  requestId: string;
  supernode: string;
  since: number;
  /** When defragmentation last looked at this fence. */
  plannedAt?: number;
}

/**
 * A simulated migration: the source stays held by `owner` until `due`; the target is held from the
 * start by `holdingOwner`, so no accelerator is held twice and invariants hold at every step.
 */
export interface MoveInFlight {
  owner: string;
  holdingOwner: string;
  target: Placement;
  startedAt: number;
  due: number;
  /** The reservation the move frees room for. */
  forRequest: string;
}

/** All engine state: plain JSON, so the control plane can persist it and resume after a crash. */
export interface AdmissionState {
  queues: QueueSpec[];
  pending: PendingRequest[];
  running: RunningWork[];
  reservations: Reservation[];
  moves: MoveInFlight[];
}

/** What one admission pass decided; the allocator has already been changed accordingly. */
export type AdmissionDecision =
  | { kind: 'admit'; id: string; placement: Placement; borrowed: number; waitedMs: number }
  | { kind: 'preempt'; id: string; by: string }
  | { kind: 'reserve'; id: string; supernode: string; since: number }
  | { kind: 'move-start'; owner: string; holdingOwner: string; from: string[]; to: string[]; due: number }
  | { kind: 'move-done'; owner: string }
  | { kind: 'pending'; id: string; position: number; reason: string };

export interface AdmitOptions {
  /** Let later requests start outside reservations' fences (conservative backfill); default true. */
  backfill?: boolean;
  /** Plan moves out of a reserved gang's fence; default false. */
  defragment?: boolean;
  /** How long a move of this work takes, in ms (the control plane's latency table); default 60 s. */
  moveDurationMs?: (work: RunningWork) => number;
  /** Moves started in one pass at most; default 16. */
  maxMovesPerPass?: number;
  /** Defragmentation re-reads a fence at most this often, in ms; default 60 s. */
  replanMs?: number;
  /** Reservations at most per accelerator type and zone; default 1. */
  reservationsPerType?: number;
  /**
   * Running work that may neither move nor be preempted right now, whatever its flags: the control
   * plane pins a cluster while endpoints run inside it. Asked only of candidates, so a pass stays
   * O(candidates), and the stored flags stay what the user asked for.
   */
  pinned?: (id: string) => boolean;
}

/** What the defragmenter asks of running work: by id, with `movable` already false for pinned work. */
export interface RunningLookup {
  get(id: string): RunningWork | undefined;
}

/** The holding owner a move's target is committed under while the move runs. */
export function moveHoldingOwner(owner: string): string {
  return `${owner}~move`;
}
