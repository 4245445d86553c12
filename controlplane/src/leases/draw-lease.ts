import { partitionCount, reservedReplicas } from '../../../core/index.ts';
import type { Placement } from '../allocator/index.ts';
import {
  type AllocationSummary,
  apiError,
  type HoldingPlan,
  changeHoldings,
  type ControlPlane,
  rowsOfPlacement,
  specOf,
  summarizeServers,
  toReplicaPlacements,
  type ReplicaPlacement,
  type WireResource,
} from '../cloud/index.ts';
import { endedReason, findLease } from './lease-actions.ts';
import { leaseRecord, readLease } from './lease-doc.ts';
import { placementOf, remarkInside, unmarkReplicas } from './lease-replicas.ts';
import { actionOf, type LeaseAction, type LeaseHolding, type StoredLease } from './lease-types.ts';

type Spec = Record<string, unknown>;

/**
 * The lease a change names, or the reason it cannot be drawn on. A used-up lease is no error: the other
 * changes of the same apply name it too, and it holds nothing for them.
 */
async function activeLease(cp: ControlPlane, project: string, leaseId: string): Promise<StoredLease> {
  const lease = await findLease(cp, project, leaseId);
  if (lease.status === 'expired' || lease.status === 'released') throw apiError('LEASE_EXPIRED', endedReason(lease), { field: 'lease', value: leaseId });
  return lease;
}

function holdingFor(lease: StoredLease, address: string, action: LeaseAction): LeaseHolding | undefined {
  return lease.holdings.find((h) => h.address === address && actionOf(h) === action && h.consumedBy === null);
}

/** True when the create of this cluster or endpoint draws on the lease (then it never waits in a queue). */
export async function leaseCovers(cp: ControlPlane, project: string, leaseId: string, spec: Spec, kind = 'Cluster'): Promise<boolean> {
  const lease = await activeLease(cp, project, leaseId);
  return holdingFor(lease, `${kind}/${String(spec.name)}`, kind === 'Cluster' ? 'create' : 'replicas') !== undefined;
}

/**
 * For a placement preview that names the lease: the leased allocation a create of this shape, or a
 * growth to this size, will get (a growth: the whole allocation it leaves), and the owner holding it;
 * undefined when the lease cannot serve it (the preview places it as usual).
 */
export async function leasedFor(
  cp: ControlPlane,
  project: string,
  leaseId: string,
  request: Spec,
): Promise<{ owner: string; allocation: AllocationSummary } | undefined> {
  const rec = await cp.store.getLease(leaseId);
  if (!rec || rec.project !== project || rec.status !== 'active') return undefined;
  const lease = readLease(rec);
  if (request.action === 'grow') {
    const h = holdingFor(lease, `Cluster/${String(request.name)}`, 'grow');
    const held = h ? cp.allocator.holdings(h.clusterId!) : undefined;
    if (!h || !held || h.nodeCount !== request.nodeCount || held.servers.length !== h.fromNodeCount) return undefined;
    const servers = [...held.servers.map((s) => s.serverId), ...h.allocation.servers];
    return {
      owner: h.clusterId!,
      allocation: summarizeServers(cp.allocator.topology, held.zone, servers, held.acceleratorCount + h.allocation.acceleratorCount),
    };
  }
  const h = holdingFor(lease, `Cluster/${String(request.name)}`, 'create');
  return h && !mismatch(h, request) ? { owner: h.owner, allocation: h.allocation } : undefined;
}

/** Says what differs between the leased request and the create, or nothing when they match. */
function mismatch(h: LeaseHolding, raw: Spec): string | undefined {
  const spec = specOf({ kind: 'Cluster', spec: raw }, 'Cluster');
  const want: [string, unknown, unknown][] = [
    ['zone', h.allocation.zone, spec.zone],
    // A cluster listing several types takes a lease on any of them: the lease holds the type chosen.
    ['acceleratorType', h.acceleratorType, spec.acceleratorTypes?.some((t) => t === h.acceleratorType) ? h.acceleratorType : spec.acceleratorType],
    ['placement', h.placement, spec.placement],
    ['nodeCount', h.nodeCount, spec.nodeCount],
    ['acceleratorProfile', h.acceleratorProfile, spec.acceleratorProfile],
    ['profileCount', h.profileCount, spec.acceleratorProfile ? partitionCount(spec) : undefined],
  ];
  return firstDifference(want);
}

function firstDifference(want: [string, unknown, unknown][]): string | undefined {
  const bad = want.find(([, leased, asked]) => leased !== asked);
  return bad ? `${bad[0]} is ${JSON.stringify(bad[2])} but the lease holds ${JSON.stringify(bad[1])}` : undefined;
}

/** Records that `h` was drawn on by `by`; the lease is used up when nothing is left. */
function consume(cp: ControlPlane, lease: StoredLease, h: LeaseHolding, by: string): void {
  h.consumedBy = by;
  if (lease.holdings.every((x) => x.consumedBy !== null)) {
    lease.status = 'consumed';
    lease.endedAt = cp.clock.now();
  }
}

/**
 * A cluster create that names a lease gets exactly the leased placement: the lease owner's holding
 * passes to the cluster in one step (rows and allocator), so no one can take it in between and quotas
 * count it once. Endpoint replicas the lease holds inside it are marked again under the cluster.
 * Undefined when the lease holds nothing for this cluster (it is then placed as usual).
 */
export async function planFromLease(cp: ControlPlane, project: string, leaseId: string, id: string, spec: Spec): Promise<HoldingPlan | undefined> {
  const lease = await activeLease(cp, project, leaseId);
  const h = holdingFor(lease, `Cluster/${String(spec.name)}`, 'create');
  if (!h) return undefined;
  const why = mismatch(h, spec);
  if (why) throw apiError('LEASE_MISMATCH', `lease ${leaseId} holds a different Cluster ${h.name}: ${why}`, { field: 'lease', value: leaseId });
  const placement: Placement = { ...placementOf(lease, h), owner: id };
  return {
    allocation: h.allocation,
    acceleratorType: placement.acceleratorType,
    commit: async (c) => {
      consume(c, lease, h, id);
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
      await remarkInside(c, lease, h.owner, id);
      await c.store.putLease(leaseRecord(lease));
    },
  };
}

/**
 * A cluster update that grows it to the leased size takes the servers the lease holds for that growth:
 * they pass to the cluster in one step, as a create's do. Undefined when the lease holds no growth of
 * this cluster (it then grows as usual); LEASE_MISMATCH when it holds another one.
 */
export async function growthFromLease(cp: ControlPlane, leaseId: string, before: WireResource, spec: Spec): Promise<HoldingPlan | undefined> {
  const lease = await activeLease(cp, before.project, leaseId);
  const h = holdingFor(lease, `Cluster/${before.name}`, 'grow');
  if (!h) return undefined;
  const held = before.allocation;
  const why =
    h.clusterId !== before.id
      ? `the lease holds a growth of another cluster of that name (${h.clusterId}, this one is ${before.id})`
      : (firstDifference([
          ['nodeCount', h.nodeCount, spec.nodeCount],
          ['servers held', h.fromNodeCount, held?.servers.length],
        ]) ?? movedAway(h, held));
  if (why) throw apiError('LEASE_MISMATCH', `lease ${leaseId} holds a different growth of Cluster ${h.name}: ${why}`, { field: 'lease', value: leaseId });
  const placement: Placement = { ...placementOf(lease, h), owner: before.id, growth: true };
  const topo = cp.allocator.topology;
  return {
    allocation: summarizeServers(topo, held!.zone, [...held!.servers, ...h.allocation.servers], held!.acceleratorCount + h.allocation.acceleratorCount),
    commit: async (c) => {
      consume(c, lease, h, before.id);
      await changeHoldings(
        c,
        async (store) => {
          await store.deleteHoldingsOf(h.owner);
          await store.putHoldings(rowsOfPlacement(placement));
        },
        (allocator) => {
          allocator.release(h.owner);
          allocator.commit(before.id, placement);
        },
      );
      await remarkInside(c, lease, before.id, before.id);
      await c.store.putLease(leaseRecord(lease));
    },
  };
}

/** A `supernode` cluster moved to another supernode since its growth was leased next to it (defragmentation moves movable work). */
function movedAway(h: LeaseHolding, held: AllocationSummary | null): string | undefined {
  if (h.placement !== 'supernode' || !held) return undefined;
  const where = new Set([...held.supernodes, ...h.allocation.supernodes]);
  return where.size > 1
    ? `the cluster moved to ${held.supernodes.join(', ')} since the lease, which holds servers in ${h.allocation.supernodes.join(', ')}`
    : undefined;
}

/**
 * An endpoint create or update that names a lease holding its replicas gets exactly the leased replica
 * placement: the lease's marks inside the cluster give way to the endpoint's in one step. Undefined when
 * the lease holds nothing for this endpoint (it is then placed as usual); LEASE_MISMATCH when it holds
 * other replicas, or holds them in a cluster the lease creates that has not drawn on it yet.
 */
export async function replicasFromLease(
  cp: ControlPlane,
  project: string,
  leaseId: string,
  endpointId: string,
  spec: Spec,
  clusterId: string,
): Promise<{ placements: ReplicaPlacement[]; commit(cp: ControlPlane): Promise<void> } | undefined> {
  const lease = await activeLease(cp, project, leaseId);
  const h = holdingFor(lease, `ModelEndpoint/${String(spec.name)}`, 'replicas');
  if (!h) return undefined;
  const leased = placementOf(lease, h);
  const why =
    firstDifference([
      ['cluster', h.cluster, spec.cluster],
      ['replicas', h.replicas, reservedReplicas(spec)],
      ['acceleratorsPerReplica', h.acceleratorsPerReplica, spec.acceleratorProfile !== undefined ? 1 : spec.acceleratorsPerReplica],
      ['acceleratorProfile', h.acceleratorProfile, spec.acceleratorProfile],
    ]) ??
    (leased.parentOwner === clusterId
      ? undefined
      : `cluster ${String(spec.cluster)} did not draw on the lease, so the replicas it holds are not inside it (create the cluster with the lease first)`);
  if (why)
    throw apiError('LEASE_MISMATCH', `lease ${leaseId} holds different replicas for ModelEndpoint ${h.name}: ${why}`, { field: 'lease', value: leaseId });
  const placement: Placement = { ...leased, owner: endpointId };
  return {
    placements: toReplicaPlacements(placement.replicas ?? []),
    commit: async (c) => {
      consume(c, lease, h, endpointId);
      await unmarkReplicas(c, lease, h);
      await changeHoldings(
        c,
        async (store) => {
          await store.deleteHoldingsOf(endpointId);
          await store.putHoldings(rowsOfPlacement(placement));
        },
        (allocator) => allocator.commit(endpointId, placement),
      );
      await c.store.putLease(leaseRecord(lease));
    },
  };
}
