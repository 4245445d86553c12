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
    const all = [p.request, ...(p.alternatives ?? [])];
    // Why each type did not start it; a type waited on for room blocks its lane for later requests.
    const blockers: { type: string; why?: string; lane?: string }[] = [];
    let started = false;
    for (const req of all) {
      const type = req.acceleratorType;
      const share = partitionShare(req) ?? req.count;
      const lane = `${type}|${req.zone ?? ''}`;
      const quota = ledger.fits(p.queue, type, share);
      if (!quota.ok) {
        blockers.push({ type, why: quota.why! });
        continue;
      }
      if (blocked.has(lane)) {
        blockers.push({ type, lane, ...(all.length > 1 ? { why: 'behind an earlier request' } : {}) });
        continue;
      }
      const d = allocator.place(req);
      if (d.ok && !d.supernodes.some((sn) => fences.has(sn))) {
        allocator.commit(p.id, d);
        ledger.add(p.queue, type, share);
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
        started = true;
        break;
      }
      const why = d.ok ? 'the only room is in a supernode reserved for a queued gang' : d.code === 'CAPACITY_EXHAUSTED' ? undefined : d.message;
      blockers.push({ type, lane, ...(why !== undefined ? { why } : all.length > 1 ? { why: 'no room' } : {}) });
    }
    if (started) continue;
    position++;
    for (const b of blockers) if (b.lane) blocked.add(b.lane);
    decisions.push({ kind: 'pending', id: p.id, position, reason: partitionReason(all, position, blockers) });
  }
  return {
    state: { ...state, pending: [...state.pending, ...split.partitions.filter((p) => !admitted.has(p.id))], running: [...running.values()] },
    decisions,
  };
}

/**
 * `waiting for 2 x 1g.18gb of nvidia-h200 on one server; position 1`, then what binds: for one type its
 * blocker, if any; for several, each type's (`nvidia-h200: queue ... asked 0.25; ascend-910c: no room`).
 */
function partitionReason(all: readonly AllocationRequest[], position: number, blockers: readonly { type: string; why?: string }[]): string {
  const first = all[0]!;
  const profiles = [...new Set(all.map((r) => r.profile))].join(' or ');
  let reason = `waiting for ${first.count} x ${profiles} of ${all.map((r) => r.acceleratorType).join(' or ')} on one server; position ${position}`;
  const whys = all.length > 1 ? blockers.map((b) => `${b.type}: ${b.why ?? 'no room'}`) : blockers.flatMap((b) => (b.why ? [b.why] : []));
  if (whys.length) reason += `; ${whys.join('; ')}`;
  return reason;
}
