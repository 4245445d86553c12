import { type ControlPlane, changeHoldings } from '../cloud/index.ts';
import { leaseRecord, readLease } from './lease-doc.ts';
import { actionOf, type StoredLease } from './lease-types.ts';

/**
 * Ends a lease: what it still holds goes back to free capacity. Called inside a write transaction; the
 * caller runs admission afterwards when waiting work could use the room.
 */
export async function endLease(cp: ControlPlane, lease: StoredLease, status: 'released' | 'expired' | 'consumed', at: number): Promise<void> {
  // Endpoint replicas first: they are marked inside clusters, some of which the lease itself holds.
  const open = lease.holdings.filter((h) => h.consumedBy === null);
  const held = [...open.filter((h) => actionOf(h) === 'replicas'), ...open.filter((h) => actionOf(h) !== 'replicas')].map((h) => h.owner);
  lease.status = status;
  lease.endedAt = at;
  delete lease.marked;
  await cp.store.putLease(leaseRecord(lease));
  if (!held.length) return;
  await changeHoldings(
    cp,
    async (store) => {
      for (const owner of held) await store.deleteHoldingsOf(owner);
    },
    (allocator) => {
      for (const owner of held) allocator.release(owner);
    },
  );
}

/** Remembers the earliest expiry, so reads skip the database until a lease is due. */
export function noteLeaseExpiry(cp: ControlPlane, expiresAt: number): void {
  if (cp.leaseDueAt === undefined || expiresAt < cp.leaseDueAt) cp.leaseDueAt = expiresAt;
}

/** True when a lease may have come due at `now` (reads settle it, as they settle operations). */
export function leasesDue(cp: ControlPlane, now: number): boolean {
  return cp.leaseDueAt !== undefined && now >= cp.leaseDueAt;
}

/**
 * Expires every active lease whose time has come, at its expiry time (not the time of the read that
 * noticed it), and remembers the next expiry. Inside a write transaction; no timers.
 */
export async function expireDueLeases(cp: ControlPlane, now: number): Promise<boolean> {
  let expired = false;
  cp.leaseDueAt = undefined;
  for (const rec of await cp.store.activeLeases()) {
    if (rec.expiresAt > now) {
      noteLeaseExpiry(cp, rec.expiresAt);
      continue;
    }
    const lease = readLease(rec);
    await endLease(cp, lease, 'expired', lease.expiresAt);
    expired = true;
  }
  return expired;
}

/** The earliest expiry of an active lease, read from the store (start-up, reloads). */
export async function loadLeaseExpiry(cp: ControlPlane): Promise<void> {
  cp.leaseDueAt = (await cp.store.activeLeases())[0]?.expiresAt;
}
