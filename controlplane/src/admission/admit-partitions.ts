import type { Allocator } from '../allocator/index.ts';
import { orderPending } from './order-pending.ts';
import { partitionReason, tryPartitionTypes } from './partition-types.ts';
import { QuotaLedger } from './quota-ledger.ts';
import type { AdmissionDecision, AdmissionState, PendingRequest, RunningWork } from './types.ts';

export { partitionShare } from './partition-types.ts';

/** Pending work split: partition requests have their own stage; the rest goes on to the gang stage. */
export interface PartitionSplit {
  rest: AdmissionState;
  partitions: PendingRequest[];
  /** Running partition work as it really is, restored after the gang stage (which never preempts or moves it). */
  partitionWork: Map<string, RunningWork>;
}

export function splitPartitionWork(state: AdmissionState): PartitionSplit {
  const partitionWork = new Map<string, RunningWork>();
  for (const w of state.running) if (w.request.profile !== undefined) partitionWork.set(w.id, w);
  const partitions = state.pending.filter((p) => p.request.profile !== undefined);
  if (!partitions.length && !partitionWork.size) return { rest: state, partitions, partitionWork };
  return {
    rest: {
      ...state,
      pending: state.pending.filter((p) => p.request.profile === undefined),
      running: state.running.map((w) => (w.request.profile !== undefined ? { ...w, preemptible: false, movable: false } : w)),
    },
    partitions,
    partitionWork,
  };
}

/**
 * The partition stage of a pass, after the gangs: partitioned clusters (instances of a profile on one
 * server) in queue order, all instances or none. Quota counts each instance as its share of an
 * accelerator. Conservative: once a partition request of a type and zone waits, later ones of the
 * same type and zone wait behind it (they could take the slices it waits for), and none is placed in
 * a supernode a gang has reserved. Partition requests neither preempt nor are preempted or moved.
 * A request listing several types (`alternatives`) starts on the first type, in order, that its
 * queue's quota for that type and the room left on that type allow; it waits behind earlier requests
 * only on the types it waits for room on, and its reason names each type's blocker.
 */
export function admitPartitions(
  after: { state: AdmissionState; decisions: AdmissionDecision[] },
  split: PartitionSplit,
  allocator: Allocator,
  now: number,
): { state: AdmissionState; decisions: AdmissionDecision[] } {
  if (!split.partitions.length && !split.partitionWork.size) return after;
  const state = after.state;
  const decisions = after.decisions;
  const running = new Map(state.running.map((w) => [w.id, split.partitionWork.get(w.id) ?? w]));
  if (!split.partitions.length) return { state: { ...state, running: [...running.values()] }, decisions };
  const queues = new Map(state.queues.map((q) => [q.name, q]));
  const ledger = new QuotaLedger(queues).charge(running.values());
  const fences = new Set(state.reservations.map((r) => r.supernode));
  const blocked = new Set<string>();
  const admitted = new Set<string>();
  let position = 0;
  for (const p of orderPending(split.partitions, queues)) {
    const tried = tryPartitionTypes(p, ledger, blocked, fences, (req) => allocator.place(req));
    if (tried.started) {
      const { request, placement: d, share, quota } = tried;
      allocator.commit(p.id, d);
      ledger.add(p.queue, request.acceleratorType, share);
      running.set(p.id, {
        id: p.id,
        request,
        queue: p.queue,
        priority: p.priority,
        preemptible: p.preemptible,
        movable: false,
        accelerators: share,
        admittedAt: now,
        arrival: p.arrival,
      });
      admitted.add(p.id);
      decisions.push({ kind: 'admit', id: p.id, placement: d, borrowed: quota.borrowed, waitedMs: now - p.arrival });
      continue;
    }
    position++;
    // A type it waits for room on blocks that lane for later requests; one it waits for quota on does not.
    for (const b of tried.blockers) if (b.lane) blocked.add(b.lane);
    decisions.push({ kind: 'pending', id: p.id, position, reason: partitionReason(p, position, tried.blockers) });
  }
  return {
    state: { ...state, pending: [...state.pending, ...split.partitions.filter((p) => !admitted.has(p.id))], running: [...running.values()] },
    decisions,
  };
}
