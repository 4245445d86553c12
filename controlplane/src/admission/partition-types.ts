import { findProfile, PARTITION_CATALOGUE } from '../../../core/index.ts';
import type { AllocationRequest, Decision, Placement } from '../allocator/index.ts';
import type { QuotaLedger } from './quota-ledger.ts';
import type { PendingRequest } from './types.ts';

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

/** Why one listed type did not start a partition request; `lane` is set when it waits for room there. */
export interface PartitionBlocker {
  type: string;
  why?: string;
  lane?: string;
}

/** The type that starts a partition request, or why each listed type did not. */
export type PartitionTry =
  | { started: true; request: AllocationRequest; placement: Placement; share: number; quota: ReturnType<QuotaLedger['fits']> }
  | { started: false; blockers: PartitionBlocker[] };

/** The lane a partition request waits in: its type and zone (later requests of the lane wait behind it). */
export function partitionLane(req: AllocationRequest): string {
  return `${req.acceleratorType}|${req.zone ?? ''}`;
}

/**
 * Tries a partition request's listed types in order (`request`, then `alternatives`), each against its
 * queue's quota for that type (by share), the lanes earlier requests wait in, and `place` (which must
 * not commit), never in a fenced supernode: the one rule the partition stage and `wouldQueue` share.
 */
export function tryPartitionTypes(
  p: PendingRequest,
  ledger: QuotaLedger,
  blocked: ReadonlySet<string>,
  fences: ReadonlySet<string>,
  place: (req: AllocationRequest) => Decision,
): PartitionTry {
  const all = [p.request, ...(p.alternatives ?? [])];
  const several = all.length > 1;
  const blockers: PartitionBlocker[] = [];
  for (const req of all) {
    const type = req.acceleratorType;
    const share = partitionShare(req) ?? req.count;
    const lane = partitionLane(req);
    const quota = ledger.fits(p.queue, type, share);
    if (!quota.ok) {
      blockers.push({ type, why: quota.why! });
      continue;
    }
    if (blocked.has(lane)) {
      blockers.push({ type, lane, ...(several ? { why: 'behind an earlier request' } : {}) });
      continue;
    }
    const d = place(req);
    if (d.ok && !d.supernodes.some((sn) => fences.has(sn))) return { started: true, request: req, placement: d, share, quota };
    const why = d.ok ? 'the only room is in a supernode reserved for a queued gang' : d.code === 'CAPACITY_EXHAUSTED' ? undefined : d.message;
    blockers.push({ type, lane, ...(why !== undefined ? { why } : several ? { why: 'no room' } : {}) });
  }
  return { started: false, blockers };
}

/**
 * `waiting for 2 x 1g.18gb of nvidia-h200 on one server; position 1`, then what binds: for one type its
 * blocker, if any; for several, each type's (`nvidia-h200: queue ... asked 0.25; ascend-910c: no room`).
 */
export function partitionReason(p: PendingRequest, position: number, blockers: readonly PartitionBlocker[]): string {
  const all = [p.request, ...(p.alternatives ?? [])];
  const profiles = [...new Set(all.map((r) => r.profile))].join(' or ');
  let reason = `waiting for ${p.request.count} x ${profiles} of ${all.map((r) => r.acceleratorType).join(' or ')} on one server; position ${position}`;
  const whys = all.length > 1 ? blockers.map((b) => `${b.type}: ${b.why ?? 'no room'}`) : blockers.flatMap((b) => (b.why ? [b.why] : []));
  if (whys.length) reason += `; ${whys.join('; ')}`;
  return reason;
}
