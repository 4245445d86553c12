import { askOf, type AllocationRequest, type Decision, type Placement } from '../allocator/index.ts';
import type { QuotaLedger } from './quota-ledger.ts';
import type { PendingRequest } from './types.ts';

/** A further type that starts the request, or why each one did not (`ascend-910c: no room`). */
export type FurtherTypes =
  { started: true; request: AllocationRequest; placement: Placement; quota: ReturnType<QuotaLedger['fits']> } | { started: false; tried: string[] };

/**
 * Tries a request's further accepted types in order, each against its queue's quota for that type
 * and then `place` (which must not commit): the one rule the admission pass and `wouldQueue` share,
 * so the plan's `will queue` says what the pass then does.
 */
export function tryFurtherTypes(
  p: PendingRequest,
  ledger: QuotaLedger,
  perServer: (type: string) => number,
  place: (req: AllocationRequest) => Decision | undefined,
): FurtherTypes {
  const tried: string[] = [];
  for (const alt of p.alternatives ?? []) {
    const t = alt.acceleratorType;
    const quota = ledger.fits(p.queue, t, askOf(alt, perServer(t)));
    const d = quota.ok ? place(alt) : undefined;
    if (d?.ok) return { started: true, request: alt, placement: d, quota };
    tried.push(`${t}: ${quota.ok ? 'no room' : quota.why!}`);
  }
  return { started: false, tried };
}
