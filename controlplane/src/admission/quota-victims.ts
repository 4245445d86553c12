import type { QuotaLedger } from './quota-ledger.ts';
import type { PendingRequest, QueueSpec, RunningWork } from './types.ts';

/**
 * What preempting some running work does for a waiting request's quota (Kueue's `withinClusterQueue:
 * LowerPriority` and `reclaimWithinCohort`): work of the request's own queue gives its accelerators
 * back to that queue; work of another queue of the cohort that borrows above its nominal quota gives
 * them back to the cohort, but only to a request whose queue stays within its own nominal quota (it
 * reclaims what it owns, it does not preempt to borrow). Any other victim frees capacity, not quota.
 * The caller has already limited victims to lower-priority preemptible work.
 */
export function quotaAfterPreemption(
  ledger: QuotaLedger,
  queues: ReadonlyMap<string, QueueSpec>,
  p: PendingRequest,
  ask: number,
): (victims: readonly RunningWork[]) => boolean {
  const type = p.request.acceleratorType;
  const cohort = queues.get(p.queue)?.cohort;
  const withinNominal = ledger.usedBy(p.queue, type) + ask <= ledger.nominalOf(p.queue, type);
  const borrowing = new Map<string, boolean>();
  const counts = (w: RunningWork): boolean => {
    if (w.queue === p.queue) return true;
    if (cohort === undefined || !withinNominal || queues.get(w.queue)?.cohort !== cohort) return false;
    let b = borrowing.get(w.queue);
    if (b === undefined) borrowing.set(w.queue, (b = ledger.usedBy(w.queue, type) > ledger.nominalOf(w.queue, type)));
    return b;
  };
  return (victims) => ledger.fitsWithout(p.queue, type, ask, victims.filter(counts));
}
