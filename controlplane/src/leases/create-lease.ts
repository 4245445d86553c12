import { createHash } from 'node:crypto';
import type { AllocationRequest, Placement } from '../allocator/index.ts';
import { apiError, summarizeServers, summarizeSlices, changeHoldings, writeTransaction, type ControlPlane, rowsOfPlacement } from '../cloud/index.ts';
import { leaseRecord, newLeaseId, toWireLease } from './lease-doc.ts';
import { expireDueLeases, noteLeaseExpiry } from './expire-leases.ts';
import { leaseOwner, type LeaseHolding, type StoredLease, type WireLease } from './lease-types.ts';

/** The longest lease the control plane grants: a lease bridges a review, not a reservation for good. */
export const MAX_LEASE_SECONDS = 7 * 24 * 3600;

interface ClusterCreate {
  name: string;
  zone: string;
  acceleratorType: string;
  nodeCount: number;
  placement: string;
  queue?: string;
  acceleratorProfile?: string;
  profileCount?: number;
}

/** Reads `ttlSeconds` (1 s to 7 days); shared with extend. */
export function parseTtl(value: unknown, field = 'ttlSeconds'): number {
  if (typeof value !== 'number' || !Number.isInteger(value))
    throw apiError('INVALID_TYPE', `${field} must be an integer number of seconds`, { field, status: 400 });
  if (value < 1 || value > MAX_LEASE_SECONDS)
    throw apiError('OUT_OF_RANGE', `${field} must be between 1 and ${MAX_LEASE_SECONDS}`, { field, value, status: 400 });
  return value;
}

function parseCreates(raw: unknown): ClusterCreate[] {
  if (!Array.isArray(raw))
    throw apiError('MISSING_FIELD', 'requests must be an array (the placement preview requests of the plan)', { field: 'requests', status: 400 });
  const out: ClusterCreate[] = [];
  for (const [i, r] of raw.entries()) {
    const o = r as Record<string, unknown> | null;
    if (!o || typeof o !== 'object') throw apiError('INVALID_TYPE', `requests[${i}] must be an object`, { field: `requests[${i}]`, status: 400 });
    // A lease holds new clusters only: growth, endpoint replicas and releases are left to apply.
    if (o.action !== 'create') continue;
    for (const f of ['name', 'zone', 'acceleratorType', 'placement'] as const) {
      if (typeof o[f] !== 'string') throw apiError('MISSING_FIELD', `requests[${i}].${f} must be a string`, { field: `requests[${i}].${f}`, status: 400 });
    }
    if (typeof o.nodeCount !== 'number')
      throw apiError('MISSING_FIELD', `requests[${i}].nodeCount must be a number`, { field: `requests[${i}].nodeCount`, status: 400 });
    out.push(o as unknown as ClusterCreate);
  }
  return out;
}

function allocationRequest(project: string, owner: string, r: ClusterCreate): AllocationRequest {
  return r.acceleratorProfile
    ? {
        owner,
        project,
        acceleratorType: r.acceleratorType,
        zone: r.zone,
        count: r.profileCount ?? 1,
        unit: 'accelerators',
        scope: 'server',
        profile: r.acceleratorProfile,
      }
    : { owner, project, acceleratorType: r.acceleratorType, zone: r.zone, count: r.nodeCount, unit: 'servers', scope: r.placement as 'zone' };
}

/**
 * `POST /v1/projects/{project}/leases`: places the plan's new clusters exactly as the placement preview
 * does (together, in order, against free capacity now) and holds what it found under lease owners, in
 * one transaction with the lease row. A queued create that does not fit is left out (it waits at apply);
 * any other that does not fit refuses the whole lease with the allocator's reason.
 */
export async function createLease(cp: ControlPlane, project: string, body: unknown, idempotencyKey?: string): Promise<WireLease> {
  const b = (body ?? {}) as Record<string, unknown>;
  const creates = parseCreates(b.requests);
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
    const items = creates.map((r, i) => allocationRequest(project, leaseOwner(id, i), r));
    const { results } = cp.allocator.preview(items);
    const holdings: LeaseHolding[] = [];
    const placements: Placement[] = [];
    const refused: string[] = [];
    for (const [i, d] of results.entries()) {
      const r = creates[i]!;
      if (!d.ok) {
        if (!(r.queue && d.code === 'CAPACITY_EXHAUSTED')) refused.push(`Cluster/${r.name}: ${d.message.split(leaseOwner(id, i)).join(r.name)}`);
        continue;
      }
      const p = d as Placement;
      const servers = p.servers.map((s) => s.serverId);
      const allocation = p.slices
        ? summarizeSlices(cp.allocator.topology, p.zone, servers, p.slices)
        : summarizeServers(cp.allocator.topology, p.zone, servers, p.acceleratorCount);
      placements.push(p);
      holdings.push({
        address: `Cluster/${r.name}`,
        name: r.name,
        owner: p.owner,
        acceleratorType: r.acceleratorType,
        placement: r.placement,
        nodeCount: r.nodeCount,
        ...(r.acceleratorProfile ? { acceleratorProfile: r.acceleratorProfile, profileCount: r.profileCount ?? 1 } : {}),
        allocation,
        consumedBy: null,
      });
    }
    if (refused.length)
      throw apiError('CAPACITY_EXHAUSTED', `cannot lease the plan's placements: ${refused.join('; ')}`, { field: 'requests', details: { refused } });
    if (!holdings.length) throw apiError('INVALID_VALUE', 'the plan creates no cluster that could be leased now', { field: 'requests', status: 400 });
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
    await cp.store.putLease(leaseRecord(lease));
    await changeHoldings(
      cp,
      (store) => store.putHoldings(placements.flatMap(rowsOfPlacement)),
      (allocator) => {
        for (const p of placements) allocator.commit(p.owner, p);
      },
    );
    noteLeaseExpiry(cp, lease.expiresAt);
    const wire = toWireLease(lease);
    if (key) await cp.store.putIdempotency({ project, key, requestHash, status: 201, body: JSON.stringify(wire), createdAt: now });
    return wire;
  });
}
