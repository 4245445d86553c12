import { findProfile, PARTITION_CATALOGUE } from '../../../core/index.ts';
import type { AllocationRequest, Allocator } from '../allocator/index.ts';
import { orderPending } from './order-pending.ts';
import { QuotaLedger } from './quota-ledger.ts';
import type { AdmissionDecision, AdmissionState, PendingRequest, RunningWork } from './types.ts';

/**
 * The accelerators a partition request counts against its queue: each instance is its share of an
 * accelerator (slices / slices per accelerator, e.g. a 1g.18gb MIG instance is 1/8 of an H200).
 * Undefined for a request of whole accelerators.
 */
export function partitionShare(req: AllocationRequest): number | undefined {
  if (req.profile === undefined) return undefined;
  const catalogue = PARTITION_CATALOGUE[req.acceleratorType];
  const profile = findProfile(catalogue, req.profile);
  if (!catalogue || !profile) return undefined;
  return (req.count * profile.size) / catalogue.units;
}

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
    const req = p.request;
    const share = partitionShare(req) ?? req.count;
    const lane = `${req.acceleratorType}|${req.zone ?? ''}`;
    const wait = (extra?: string, fence = true) => {
      position++;
      if (fence) blocked.add(lane);
      let reason = `waiting for ${req.count} x ${req.profile} of ${req.acceleratorType} on one server; position ${position}`;
      if (extra) reason += `; ${extra}`;
      decisions.push({ kind: 'pending', id: p.id, position, reason });
    };
    const quota = ledger.fits(p.queue, req.acceleratorType, share);
    if (!quota.ok) {
      wait(quota.why, false);
      continue;
    }
    if (blocked.has(lane)) {
      wait();
      continue;
    }
    const d = allocator.place(req);
    if (d.ok && !d.supernodes.some((sn) => fences.has(sn))) {
      allocator.commit(p.id, d);
      ledger.add(p.queue, req.acceleratorType, share);
      running.set(p.id, {
        id: p.id,
        request: req,
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
    wait(d.ok ? 'the only room is in a supernode reserved for a queued gang' : d.code === 'CAPACITY_EXHAUSTED' ? undefined : d.message);
  }
  return {
    state: { ...state, pending: [...state.pending, ...split.partitions.filter((p) => !admitted.has(p.id))], running: [...running.values()] },
    decisions,
  };
}
