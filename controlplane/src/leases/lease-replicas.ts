import type { Holding, Placement, PlacedSlice } from '../allocator/index.ts';
import { changeHoldings, rowsOfPlacement, type ControlPlane } from '../cloud/index.ts';
import { actionOf, type LeaseHolding, type StoredLease } from './lease-types.ts';

/** How a replica's accelerator (or partition instance, `id@start`) is named in `StoredLease.marked`. */
const sliceKey = (s: Pick<PlacedSlice, 'acceleratorId' | 'start'>) => `${s.acceleratorId}@${s.start}`;

/** What an owner holds, as keys: accelerator ids, or one `id@start` per partition instance. */
export function heldKeys(h: Holding | undefined): string[] {
  if (!h) return [];
  if (h.slices) return h.slices.map(sliceKey);
  return h.servers.flatMap((s) => s.acceleratorIds);
}

/** What a placement takes, as the same keys. */
export function placementKeys(p: Pick<Placement, 'slices' | 'servers'>): string[] {
  return p.slices ? p.slices.map(sliceKey) : p.servers.flatMap((s) => s.acceleratorIds);
}

/** The placement a replicas holding stands for. */
export function placementOf(lease: StoredLease, h: LeaseHolding): Placement {
  return lease.placements.find((p) => p.owner === h.owner)!;
}

/**
 * The part of an endpoint's leased replicas the lease marks inside the cluster now: what the cluster
 * holds, less what the endpoint itself already runs on (an endpoint placed again keeps using its own).
 * The rest lies on servers the lease holds for a growth of the cluster, where nobody else can go; it is
 * marked once that growth is drawn on and the servers are the cluster's.
 */
async function markablePart(cp: ControlPlane, lease: StoredLease, h: LeaseHolding): Promise<Placement | undefined> {
  const p = placementOf(lease, h);
  const parent = cp.allocator.holdings(p.parentOwner!);
  if (!parent) return undefined;
  const endpoint = await cp.store.getResource(lease.project, 'ModelEndpoint', h.name);
  const own = heldKeys(endpoint ? cp.allocator.holdings(endpoint.id) : undefined);
  const take = (key: string) => {
    const i = own.indexOf(key);
    if (i < 0) return true;
    own.splice(i, 1);
    return false;
  };
  if (p.slices) {
    // A partitioned cluster lists its instances; a cluster of whole accelerators has instances cut from them.
    const inside = parent.slices ? new Set(heldKeys(parent)) : new Set(parent.servers.flatMap((s) => s.acceleratorIds));
    const slices = p.slices.filter((s) => inside.has(parent.slices ? sliceKey(s) : s.acceleratorId) && take(sliceKey(s)));
    if (!slices.length) return undefined;
    const ids = new Set(slices.map((s) => s.acceleratorId));
    return {
      ...p,
      slices,
      replicas: (p.replicas ?? []).filter((r) => r.slice && slices.includes(r.slice)),
      servers: p.servers.map((s) => ({ ...s, acceleratorIds: s.acceleratorIds.filter((a) => ids.has(a)) })).filter((s) => s.acceleratorIds.length),
    };
  }
  const inside = new Set(heldKeys(parent));
  const ids = new Set(p.servers.flatMap((s) => s.acceleratorIds).filter((a) => inside.has(a) && take(a)));
  if (!ids.size) return undefined;
  return {
    ...p,
    acceleratorCount: ids.size,
    replicas: (p.replicas ?? []).map((r) => ({ ...r, acceleratorIds: r.acceleratorIds.filter((a) => ids.has(a)) })).filter((r) => r.acceleratorIds.length),
    servers: p.servers.map((s) => ({ ...s, acceleratorIds: s.acceleratorIds.filter((a) => ids.has(a)) })).filter((s) => s.acceleratorIds.length),
  };
}

/** Marks what a replicas holding can mark inside its cluster now (rows, then the allocator), and records it. */
export async function markReplicas(cp: ControlPlane, lease: StoredLease, h: LeaseHolding): Promise<void> {
  const part = await markablePart(cp, lease, h);
  lease.marked = { ...lease.marked, [h.owner]: part ? placementKeys(part) : [] };
  if (!part) return;
  await changeHoldings(
    cp,
    (store) => store.putHoldings(rowsOfPlacement(part)),
    (allocator) => allocator.commit(h.owner, part),
  );
}

/** Takes a replicas holding's marks away (before it is drawn on, or marked again inside a cluster that changed). */
export async function unmarkReplicas(cp: ControlPlane, lease: StoredLease, h: LeaseHolding): Promise<void> {
  if (lease.marked) delete lease.marked[h.owner];
  await changeHoldings(
    cp,
    (store) => store.deleteHoldingsOf(h.owner),
    (allocator) => void allocator.release(h.owner),
  );
}

/**
 * After a cluster drew on the lease (created from it, or grown by it): the endpoint replicas the lease
 * holds inside it are marked again, now under the cluster's id and on all of its servers, so no other
 * endpoint takes them before their own change draws on the lease. `from` is who held the cluster's
 * accelerators for the lease (the create's lease owner, or the cluster's id for a growth).
 */
export async function remarkInside(cp: ControlPlane, lease: StoredLease, from: string, clusterId: string): Promise<void> {
  for (const h of lease.holdings) {
    if (actionOf(h) !== 'replicas' || h.consumedBy !== null) continue;
    const p = placementOf(lease, h);
    if (p.parentOwner !== from) continue;
    await unmarkReplicas(cp, lease, h);
    p.parentOwner = clusterId;
    await markReplicas(cp, lease, h);
  }
}
