import type { Allocator } from '../allocator/index.ts';
import { orderPending } from './order-pending.ts';
import { partitionLane, partitionReason, partitionShare, tryPartitionTypes } from './partition-types.ts';
import { QuotaLedger } from './quota-ledger.ts';
import type { AdmissionState, PendingRequest } from './types.ts';
import type { QueueVerdict } from './queue-verdict.ts';

/**
 * `wouldQueue` for a partition request (a partitioned cluster, on its one type or its listed types):
 * the partition stage's checks in its order, on the allocator's decisions without committing. After a
 * pass, every partition request that still waits waits for room on the types its quota allows, so
 * the lanes of those ahead of `p` are blocked as the next pass would block them; the reason is the one
 * that pass would give. Partition requests never preempt.
 */
export function wouldQueuePartition(state: AdmissionState, allocator: Allocator, p: PendingRequest): QueueVerdict {
  const queues = new Map(state.queues.map((q) => [q.name, q]));
  const ledger = new QuotaLedger(queues).charge(state.running);
  const fences = new Set(state.reservations.map((r) => r.supernode));
  const { blocked, ahead } = partitionLanesAhead(state, p, ledger);
  const tried = tryPartitionTypes(p, ledger, blocked, fences, (req) => allocator.place(req));
  if (tried.started) return { queues: false, preempts: [] };
  const position = ahead + 1;
  const quotaOnly = tried.blockers.every((b) => b.lane === undefined);
  const firstWhy = tried.blockers.find((b) => b.lane === undefined)?.why;
  return {
    queues: true,
    cause: quotaOnly && firstWhy !== undefined ? { kind: 'quota', why: firstWhy } : { kind: 'capacity' },
    position,
    reason: partitionReason(p, position, tried.blockers),
  };
}

/**
 * The lanes (type and zone) that partition requests waiting ahead of `p` in its order hold, and how
 * many wait ahead. After a pass every waiting partition request waits for room on each type its quota
 * allows, so those lanes are closed to `p` (conservative: it may not take the slices they wait for).
 * `ledger` is the quota use to judge them by (the running work's by default).
 */
export function partitionLanesAhead(state: AdmissionState, p: PendingRequest, ledger?: QuotaLedger): { blocked: Set<string>; ahead: number } {
  const queues = new Map(state.queues.map((q) => [q.name, q]));
  const used = ledger ?? new QuotaLedger(queues).charge(state.running);
  const partitions = state.pending.filter((x) => x.request.profile !== undefined && x.id !== p.id);
  const blocked = new Set<string>();
  let ahead = 0;
  for (const x of orderPending([...partitions, p], queues)) {
    if (x.id === p.id) break;
    ahead++;
    for (const req of [x.request, ...(x.alternatives ?? [])]) {
      if (used.fits(x.queue, req.acceleratorType, partitionShare(req) ?? req.count).ok) blocked.add(partitionLane(req));
    }
  }
  return { blocked, ahead };
}
