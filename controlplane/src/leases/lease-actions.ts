import { apiError, notFound, runAdmission, writeTransaction, type ControlPlane } from '../cloud/index.ts';
import { MAX_LEASE_SECONDS, parseTtl } from './create-lease.ts';
import { endLease, noteLeaseExpiry } from './expire-leases.ts';
import { leaseRecord, readLease, toWireLease } from './lease-doc.ts';
import type { StoredLease, WireLease } from './lease-types.ts';

/** A project's lease by id; another project's lease is not found (ids never leak across projects). */
export async function findLease(cp: ControlPlane, project: string, id: string): Promise<StoredLease> {
  const rec = await cp.store.getLease(id);
  if (!rec || rec.project !== project) throw notFound(`lease ${id}`);
  return readLease(rec);
}

/** Why an ended lease can no longer be used, in words a plan's user can act on. */
export function endedReason(lease: StoredLease): string {
  const at = lease.endedAt === null ? '' : ` at ${new Date(lease.endedAt).toISOString()}`;
  if (lease.status === 'expired') return `lease ${lease.id} expired${at}; its accelerators were freed`;
  if (lease.status === 'released') return `lease ${lease.id} was released${at}; its accelerators were freed`;
  return `lease ${lease.id} was used up${at}`;
}

/** `GET .../leases`: newest first; the guard has already expired what was due. */
export async function listLeases(cp: ControlPlane, project: string): Promise<{ items: WireLease[] }> {
  return { items: (await cp.store.listLeases(project)).map((r) => toWireLease(readLease(r))) };
}

export async function getLease(cp: ControlPlane, project: string, id: string): Promise<WireLease> {
  return toWireLease(await findLease(cp, project, id));
}

/** `POST .../leases/{id}:extend` with `{ "bySeconds": n }`: moves the expiry of an active lease later. */
export async function extendLease(cp: ControlPlane, project: string, id: string, body: unknown): Promise<WireLease> {
  const by = parseTtl((body as { bySeconds?: unknown } | null)?.bySeconds, 'bySeconds');
  return writeTransaction(cp, async () => {
    const lease = await findLease(cp, project, id);
    if (lease.status !== 'active') throw apiError('LEASE_EXPIRED', `cannot extend: ${endedReason(lease)}`, { field: 'id', value: id });
    const now = cp.clock.now();
    if (lease.expiresAt + by * 1000 - now > MAX_LEASE_SECONDS * 1000) {
      const room = Math.max(0, Math.floor((now + MAX_LEASE_SECONDS * 1000 - lease.expiresAt) / 1000));
      throw apiError(
        'OUT_OF_RANGE',
        `lease ${id} may run at most ${MAX_LEASE_SECONDS} seconds (7 days) from now; it expires at ${new Date(lease.expiresAt).toISOString()}, so it can be extended by at most ${room} seconds`,
        { field: 'bySeconds', value: by, status: 400 },
      );
    }
    lease.expiresAt += by * 1000;
    await cp.store.putLease(leaseRecord(lease));
    noteLeaseExpiry(cp, lease.expiresAt);
    return toWireLease(lease);
  });
}

/** `DELETE .../leases/{id}`: frees what the lease still holds; releasing an ended lease changes nothing. */
export async function releaseLease(cp: ControlPlane, project: string, id: string): Promise<WireLease> {
  return writeTransaction(cp, async () => {
    const lease = await findLease(cp, project, id);
    if (lease.status !== 'active') return toWireLease(lease);
    await endLease(cp, lease, 'released', cp.clock.now());
    // Work waiting in a queue may fit in what the lease held.
    await runAdmission(cp);
    return toWireLease(lease);
  });
}
