import type { Placement } from '../allocator/index.ts';
import { type AllocationSummary, apiError, type HoldingPlan, changeHoldings, type ControlPlane, rowsOfPlacement } from '../cloud/index.ts';
import { endedReason, findLease } from './lease-actions.ts';
import { leaseRecord, readLease } from './lease-doc.ts';
import type { LeaseHolding, StoredLease } from './lease-types.ts';

type Spec = Record<string, unknown>;

/**
 * The lease a create names, or the reason it cannot be drawn on. A used-up lease is no error: the other
 * creates of the same apply name it too, and it holds nothing for them.
 */
async function activeLease(cp: ControlPlane, project: string, leaseId: string): Promise<StoredLease> {
  const lease = await findLease(cp, project, leaseId);
  if (lease.status === 'expired' || lease.status === 'released') throw apiError('LEASE_EXPIRED', endedReason(lease), { field: 'lease', value: leaseId });
  return lease;
}

function holdingFor(lease: StoredLease, name: unknown): LeaseHolding | undefined {
  return lease.holdings.find((h) => h.name === name && h.consumedBy === null);
}

/** True when the create of this cluster draws on the lease (then it never waits in a queue). */
export async function leaseCovers(cp: ControlPlane, project: string, leaseId: string, spec: Spec): Promise<boolean> {
  return holdingFor(await activeLease(cp, project, leaseId), spec.name) !== undefined;
}

/**
 * For a placement preview that names the lease: the leased allocation a create of this shape will get
 * (and the owner holding it), or undefined when the lease cannot serve it (the preview places it as usual).
 */
export async function leasedFor(
  cp: ControlPlane,
  project: string,
  leaseId: string,
  spec: Spec,
): Promise<{ owner: string; allocation: AllocationSummary } | undefined> {
  const rec = await cp.store.getLease(leaseId);
  if (!rec || rec.project !== project || rec.status !== 'active') return undefined;
  const h = holdingFor(readLease(rec), spec.name);
  return h && !mismatch(h, spec) ? { owner: h.owner, allocation: h.allocation } : undefined;
}

/** Says what differs between the leased request and the create, or nothing when they match. */
function mismatch(h: LeaseHolding, spec: Spec): string | undefined {
  const want: [string, unknown, unknown][] = [
    ['zone', h.allocation.zone, spec.zone],
    ['acceleratorType', h.acceleratorType, spec.acceleratorType],
    ['placement', h.placement, spec.placement],
    ['nodeCount', h.nodeCount, spec.nodeCount],
    ['acceleratorProfile', h.acceleratorProfile, spec.acceleratorProfile],
    ['profileCount', h.profileCount, spec.acceleratorProfile ? ((spec.profileCount as number | undefined) ?? 1) : undefined],
  ];
  const bad = want.find(([, leased, asked]) => leased !== asked);
  return bad ? `${bad[0]} is ${JSON.stringify(bad[2])} but the lease holds ${JSON.stringify(bad[1])}` : undefined;
}

/**
 * A cluster create that names a lease gets exactly the leased placement: the lease owner's holding
 * passes to the cluster in one step (rows and allocator), so no one can take it in between and quotas
 * count it once. Undefined when the lease holds nothing for this cluster (it is then placed as usual).
 */
export async function planFromLease(cp: ControlPlane, project: string, leaseId: string, id: string, spec: Spec): Promise<HoldingPlan | undefined> {
  const lease = await activeLease(cp, project, leaseId);
  const h = holdingFor(lease, spec.name);
  if (!h) return undefined;
  const why = mismatch(h, spec);
  if (why) throw apiError('LEASE_MISMATCH', `lease ${leaseId} holds a different Cluster ${h.name}: ${why}`, { field: 'lease', value: leaseId });
  const leased = lease.placements.find((p) => p.owner === h.owner)!;
  const placement: Placement = { ...leased, owner: id };
  return {
    allocation: h.allocation,
    commit: async (c) => {
      h.consumedBy = id;
      if (lease.holdings.every((x) => x.consumedBy !== null)) {
        lease.status = 'consumed';
        lease.endedAt = c.clock.now();
      }
      await c.store.putLease(leaseRecord(lease));
      await changeHoldings(
        c,
        async (store) => {
          await store.deleteHoldingsOf(h.owner);
          await store.putHoldings(rowsOfPlacement(placement));
        },
        (allocator) => {
          allocator.release(h.owner);
          allocator.commit(id, placement);
        },
      );
    },
  };
}
