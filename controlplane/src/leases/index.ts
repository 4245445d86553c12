// Capacity leases: a saved plan's placements held until apply draws on them, or they expire.
export { createLease, MAX_LEASE_SECONDS } from './create-lease.ts';
export { extendLease, getLease, listLeases, releaseLease, endedReason } from './lease-actions.ts';
export { expireDueLeases, leasesDue, loadLeaseExpiry } from './expire-leases.ts';
export { growthFromLease, leaseCovers, planFromLease, replicasFromLease } from './draw-lease.ts';
export { checkLeases, leaseHolders } from './check-leases.ts';
export { leaseOfOwner, LEASE_OWNER_PREFIX } from './lease-types.ts';
export type { LeaseAction, LeaseHolding, WireLease } from './lease-types.ts';
import { checkLeases, leaseHolders } from './check-leases.ts';
import { growthFromLease, leaseCovers, leasedFor, planFromLease, replicasFromLease } from './draw-lease.ts';
import { expireDueLeases, leasesDue, loadLeaseExpiry } from './expire-leases.ts';
import type { LeaseHooks } from '../cloud/index.ts';

/** The hooks a control plane opens with (`cp.leases`). */
export const leaseHooks: LeaseHooks = {
  loadExpiry: loadLeaseExpiry,
  due: leasesDue,
  expireDue: expireDueLeases,
  covers: leaseCovers,
  planFrom: planFromLease,
  growFrom: growthFromLease,
  replicasFrom: replicasFromLease,
  leasedFor,
  holders: leaseHolders,
  check: checkLeases,
};
