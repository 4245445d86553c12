import { createHash } from 'node:crypto';
import { apiError, changeHoldings, writeTransaction, type ControlPlane, rowsOfPlacement } from '../cloud/index.ts';
import { leaseRecord, newLeaseId, toWireLease } from './lease-doc.ts';
import { expireDueLeases, noteLeaseExpiry } from './expire-leases.ts';
import { parseLeaseRequests, placeLeaseBatch } from './lease-batch.ts';
import { markReplicas } from './lease-replicas.ts';
import { actionOf, type StoredLease, type WireLease } from './lease-types.ts';

/** The longest lease the control plane grants: a lease bridges a review, not a reservation for good. */
export const MAX_LEASE_SECONDS = 7 * 24 * 3600;

/** Reads `ttlSeconds` (1 s to 7 days); shared with extend. */
export function parseTtl(value: unknown, field = 'ttlSeconds'): number {
  if (typeof value !== 'number' || !Number.isInteger(value))
    throw apiError('INVALID_TYPE', `${field} must be an integer number of seconds`, { field, status: 400 });
  if (value < 1 || value > MAX_LEASE_SECONDS)
    throw apiError('OUT_OF_RANGE', `${field} must be between 1 and ${MAX_LEASE_SECONDS}`, { field, value, status: 400 });
  return value;
}

/**
 * `POST /v1/projects/{project}/leases`: places every accelerator change of the plan exactly as the
 * placement preview does (new clusters, growth of running clusters, endpoints' replicas inside their
 * clusters; together, in order, against free capacity now) and holds what it found under lease owners,
 * in one transaction with the lease row. A queued create or endpoint that does not fit is left out (it
 * waits at apply); any other change that does not fit refuses the whole lease with the allocator's reason.
 */
export async function createLease(cp: ControlPlane, project: string, body: unknown, idempotencyKey?: string): Promise<WireLease> {
  const b = (body ?? {}) as Record<string, unknown>;
  const requests = parseLeaseRequests(b.requests);
  const ttl = parseTtl(b.ttlSeconds);
  if (typeof b.planDigest !== 'string' || !b.planDigest)
    throw apiError('MISSING_FIELD', 'planDigest must name the plan the lease is for', { field: 'planDigest', status: 400 });
  const owner = typeof b.owner === 'string' && b.owner ? b.owner : 'unnamed';
  // A retried request (the answer was lost) gets the first lease, never a second one.
  const key = idempotencyKey ? `lease:${idempotencyKey}` : undefined;
  const requestHash = key
    ? createHash('sha256')
        .update(JSON.stringify(body) ?? '')
        .digest('hex')
    : '';
  return writeTransaction(cp, async () => {
    const now = cp.clock.now();
    if (key) {
      const seen = await cp.store.getIdempotency(project, key);
      if (seen && seen.requestHash !== requestHash)
        throw apiError('IDEMPOTENCY_KEY_REUSED', `Idempotency-Key ${idempotencyKey} was used for a different lease request`);
      if (seen) return JSON.parse(seen.body) as WireLease;
    }
    await expireDueLeases(cp, now);
    const id = newLeaseId();
    const { holdings, placements, refused } = await placeLeaseBatch(cp, project, id, requests);
    if (refused.length)
      throw apiError('CAPACITY_EXHAUSTED', `cannot lease the plan's placements: ${refused.join('; ')}`, { field: 'requests', details: { refused } });
    if (!holdings.length)
      throw apiError('INVALID_VALUE', 'the plan creates or grows no cluster and places no endpoint replicas that could be leased now', {
        field: 'requests',
        status: 400,
      });
    const lease: StoredLease = {
      id,
      project,
      owner,
      status: 'active',
      createdAt: now,
      expiresAt: now + ttl * 1000,
      endedAt: null,
      planDigest: b.planDigest as string,
      holdings,
      placements,
    };
    // Clusters first (created or grown: taken from free capacity), then the replicas inside them.
    const taken = placements.filter((_, i) => actionOf(holdings[i]!) !== 'replicas');
    await changeHoldings(
      cp,
      (store) => store.putHoldings(taken.flatMap(rowsOfPlacement)),
      (allocator) => {
        for (const p of taken) allocator.commit(p.owner, p);
      },
    );
    for (const h of holdings) if (actionOf(h) === 'replicas') await markReplicas(cp, lease, h);
    await cp.store.putLease(leaseRecord(lease));
    noteLeaseExpiry(cp, lease.expiresAt);
    const wire = toWireLease(lease);
    if (key) await cp.store.putIdempotency({ project, key, requestHash, status: 201, body: JSON.stringify(wire), createdAt: now });
    return wire;
  });
}
