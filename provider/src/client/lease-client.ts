import { randomUUID } from 'node:crypto';
import type { CloudClient } from './cloud-client.ts';
import type { PlacementRequest } from './cloud-client.ts';

/** What one planned change holds under a lease (the control plane's lease holding; docs/leases.md). */
export interface LeaseHolding {
  address: string;
  name: string;
  /** A new cluster, the servers a cluster grows by, or an endpoint's replicas inside its cluster; absent means create. */
  action?: 'create' | 'grow' | 'replicas';
  acceleratorType: string;
  placement?: string;
  nodeCount?: number;
  cluster?: string;
  replicas?: number;
  allocation: { zone: string; supernodes: string[]; servers: string[]; acceleratorCount: number };
  consumedBy: string | null;
}

/** A capacity lease as the API returns it. */
export interface Lease {
  id: string;
  project: string;
  owner: string;
  status: 'active' | 'released' | 'expired' | 'consumed';
  createdAt: string;
  expiresAt: string;
  endedAt: string | null;
  planDigest: string;
  acceleratorCount: number;
  holdings: LeaseHolding[];
}

const base = (cloud: CloudClient) => `/v1/projects/${cloud.project}/leases`;

/** Leases the placements of the plan's accelerator changes (its preview requests) for `ttlSeconds`. */
export async function createLease(
  cloud: CloudClient,
  body: { requests: PlacementRequest[]; ttlSeconds: number; planDigest: string; owner?: string },
): Promise<Lease> {
  // One key for every retry of this call, so a lost answer never leases twice.
  return (await cloud.raw<Lease>('POST', base(cloud), { body, headers: { 'idempotency-key': randomUUID() } })).body;
}

export async function listLeases(cloud: CloudClient): Promise<Lease[]> {
  return (await cloud.raw<{ items: Lease[] }>('GET', base(cloud))).body.items;
}

export async function getLease(cloud: CloudClient, id: string): Promise<Lease> {
  return (await cloud.raw<Lease>('GET', `${base(cloud)}/${encodeURIComponent(id)}`)).body;
}

export async function extendLease(cloud: CloudClient, id: string, bySeconds: number): Promise<Lease> {
  return (await cloud.raw<Lease>('POST', `${base(cloud)}/${encodeURIComponent(id)}:extend`, { body: { bySeconds } })).body;
}

export async function releaseLease(cloud: CloudClient, id: string): Promise<Lease> {
  return (await cloud.raw<Lease>('DELETE', `${base(cloud)}/${encodeURIComponent(id)}`)).body;
}
