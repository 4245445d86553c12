import { askOf, serverSize, type Allocator } from '../allocator/index.ts';
import { findVictims } from './find-victims.ts';
import { tryFurtherTypes } from './further-types.ts';
import { orderPending } from './order-pending.ts';
import { anyTypeCauses, causeText, describeWaitAny, fencedOut, pendingReason, type WaitCause } from './pending-reason.ts';
import { QuotaLedger } from './quota-ledger.ts';
import { quotaAfterPreemption } from './quota-victims.ts';
import { wouldQueuePartition } from './would-queue-partition.ts';
import type { QueueVerdict } from './queue-verdict.ts';
import type { AdmissionState, AdmitOptions, PendingRequest } from './types.ts';

export type { QueueVerdict } from './queue-verdict.ts';

/**
 * Whether a new request `p` would wait if it arrived now, and why: the same checks a pass makes, in
 * its order (quota, the head of the line when backfill is off, room outside the other gangs' fences,
 * preemption where its queue allows it), so a plan's `will queue` agrees with what the create then
 * does. Changes nothing: room is asked of the allocator's preview. For clusters of whole servers or
 * accelerators (the gang stage) and partitioned clusters (the partition stage, `wouldQueuePartition`);
 * the position counts the requests that already wait ahead of it.
 */
export function wouldQueue(
  state: AdmissionState,
  allocator: Allocator,
  p: PendingRequest,
  options: Pick<AdmitOptions, 'backfill' | 'pinned'> = {},
): QueueVerdict {
  // Partitioned clusters have their own stage, with its own rules.
  if (p.request.profile !== undefined) return wouldQueuePartition(state, allocator, p);
  const { backfill = true, pinned } = options;
  const queues = new Map(state.queues.map((q) => [q.name, q]));
  const ledger = new QuotaLedger(queues).charge(state.running);
  const type = p.request.acceleratorType;
  const sizeOf = (t: string) => serverSize(allocator.topology, t);
  const ask = askOf(p.request, sizeOf(type));
  const fences = [...new Set(state.reservations.filter((r) => r.requestId !== p.id).map((r) => r.supernode))];
  const canPreempt = queues.get(p.queue)?.preemption === 'lowerPriority';
  const position = orderPending([...state.pending.filter((x) => x.id !== p.id), p], queues).findIndex((x) => x.id === p.id) + 1;
  // Why each further accepted type did not start it, once they were tried (see `admitPass`).
  let tried: string[] | undefined;
  const all = [p.request, ...(p.alternatives ?? [])];
  const waits = (cause: WaitCause): QueueVerdict => ({
    queues: true,
    cause,
    position,
    reason: pendingReason(describeWaitAny(all, sizeOf), position, undefined, tried ? anyTypeCauses(type, causeText(cause), tried) : causeText(cause)),
  });

  const quota = ledger.fits(p.queue, type, ask);
  if (!backfill && state.reservations.some((r) => r.requestId !== p.id)) return waits(quota.ok ? { kind: 'behind-head' } : { kind: 'quota', why: quota.why! });
  if (quota.ok) {
    const d = allocator.placeWithin(p.request, { exclude: fences });
    if (d.ok) return { queues: false, preempts: [] };
  }
  if (p.alternatives?.length) {
    const further = tryFurtherTypes(p, ledger, sizeOf, (alt) => allocator.placeWithin(alt, { exclude: fences }));
    if (further.started) return { queues: false, preempts: [] };
    tried = further.tried;
  }
  if (canPreempt) {
    const moving = new Set(state.moves.map((m) => m.owner));
    const candidates = state.running.filter((w) => !moving.has(w.id) && !(w.preemptible && pinned?.(w.id)));
    const victims = findVictims(allocator, p.request, p.priority, candidates, new Set(fences), quotaAfterPreemption(ledger, queues, p, ask));
    if (victims) return { queues: false, preempts: victims };
  }
  if (!quota.ok) return waits({ kind: 'quota', why: quota.why! });
  return waits(fencedOut(p.request, fences, (req, limits) => allocator.placeWithin(req, limits)));
}
