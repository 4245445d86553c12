import { randomHex } from '../cloud/index.ts';
import type { LeaseRecord } from '../store/index.ts';
import { actionOf, type StoredLease, type WireLease } from './lease-types.ts';

const iso = (ms: number) => new Date(ms).toISOString();

/** Lease ids start with the creation time in hex, as resource ids do, so new rows append. */
export function newLeaseId(): string {
  return `lse-${Date.now().toString(16).padStart(12, '0')}${randomHex(4)}`;
}

export function readLease(record: LeaseRecord): StoredLease {
  return JSON.parse(record.doc) as StoredLease;
}

export function leaseRecord(lease: StoredLease): LeaseRecord {
  return { id: lease.id, project: lease.project, status: lease.status, expiresAt: lease.expiresAt, doc: JSON.stringify(lease) };
}

/** The wire form: times as ISO strings; the allocator placements and marks stay inside the control plane. */
export function toWireLease(lease: StoredLease): WireLease {
  return {
    id: lease.id,
    project: lease.project,
    owner: lease.owner,
    status: lease.status,
    createdAt: iso(lease.createdAt),
    expiresAt: iso(lease.expiresAt),
    endedAt: lease.endedAt === null ? null : iso(lease.endedAt),
    planDigest: lease.planDigest,
    // Endpoint replicas run inside clusters: their accelerators are counted with their cluster's.
    acceleratorCount: lease.holdings.filter((h) => h.consumedBy === null && actionOf(h) !== 'replicas').reduce((n, h) => n + h.allocation.acceleratorCount, 0),
    holdings: lease.holdings,
  };
}
