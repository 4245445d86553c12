import {
  clusterAsk,
  clusterPreviewCreate,
  clusterPreviewFields,
  partitionCount,
  validate,
  type ClusterInputs,
  type ClusterPreviewCreate,
} from '../../../core/index.ts';
import type { Decision, Placement, PlacementRequest, PreviewItem } from '../allocator/index.ts';
import { apiError, readDoc, specOf, summarizeServers, summarizeSlices, type ControlPlane } from '../cloud/index.ts';
import { leaseOwner, type LeaseAction, type LeaseHolding } from './lease-types.ts';

/** A new cluster, validated by the core like a placement preview's create entry. */
type ClusterCreate = ClusterPreviewCreate & Pick<ClusterInputs, 'placement' | 'acceleratorType' | 'acceleratorTypes'>;

interface ClusterGrow {
  action: 'grow';
  name: string;
  nodeCount: number;
}

interface EndpointReplicas {
  action: 'replicas';
  name: string;
  cluster: string;
  replicas: number;
  acceleratorsPerReplica: number;
  acceleratorProfile?: string;
  queue?: string;
}

/** A placement preview request a lease can hold: a new cluster, a growth, or an endpoint's replicas. */
export type LeaseRequest = ClusterCreate | ClusterGrow | EndpointReplicas;

/** What placing a plan's requests for a lease found: one holding and its placement per change that fits now. */
export interface LeaseBatch {
  holdings: LeaseHolding[];
  placements: Placement[];
  /** `Address: reason` for each change that cannot be held (the whole lease is then refused). */
  refused: string[];
}

const str = (o: Record<string, unknown>, i: number, f: string): string => {
  if (typeof o[f] !== 'string') throw apiError('MISSING_FIELD', `requests[${i}].${f} must be a string`, { field: `requests[${i}].${f}`, status: 400 });
  return o[f] as string;
};

const positive = (o: Record<string, unknown>, i: number, f: string, value: unknown = o[f]): number => {
  if (!Number.isInteger(value) || (value as number) < 1)
    throw apiError('OUT_OF_RANGE', `requests[${i}].${f} must be a positive integer`, { field: `requests[${i}].${f}`, value, status: 400 });
  return value as number;
};

/**
 * Reads the placement preview requests of a plan. Releases are left out: a lease is placed on capacity
 * that is free now, not on what the plan's deletes would free.
 */
export function parseLeaseRequests(raw: unknown): LeaseRequest[] {
  if (!Array.isArray(raw))
    throw apiError('MISSING_FIELD', 'requests must be an array (the placement preview requests of the plan)', { field: 'requests', status: 400 });
  const out: LeaseRequest[] = [];
  for (const [i, r] of raw.entries()) {
    const o = r as Record<string, unknown> | null;
    if (!o || typeof o !== 'object') throw apiError('INVALID_TYPE', `requests[${i}] must be an object`, { field: `requests[${i}]`, status: 400 });
    const action = o.action ?? 'create';
    if (action === 'release') continue;
    const name = str(o, i, 'name');
    const queue = typeof o.queue === 'string' && o.queue ? { queue: o.queue } : {};
    if (action === 'create') {
      // The entry's cluster inputs are the core's to validate, as in a placement preview.
      const v = validate('Cluster', clusterPreviewFields(o));
      if (!v.ok) {
        const d = v.diagnostics[0]!;
        throw apiError('INVALID_VALUE', `requests[${i}].${d.path}: ${d.message}`, { field: `requests[${i}].${d.path}`, status: 400 });
      }
      out.push({
        ...clusterPreviewCreate({ ...v.value, ...queue }),
        placement: v.value.placement,
        acceleratorType: v.value.acceleratorType,
        acceleratorTypes: v.value.acceleratorTypes,
      });
    } else if (action === 'grow') {
      out.push({ action, name, nodeCount: positive(o, i, 'nodeCount') });
    } else if (action === 'replicas') {
      const profile = o.acceleratorProfile === undefined ? {} : { acceleratorProfile: str(o, i, 'acceleratorProfile') };
      // One instance per replica on partitions; whole accelerators otherwise.
      const per = positive(
        o,
        i,
        'acceleratorsPerReplica',
        profile.acceleratorProfile !== undefined ? (o.acceleratorsPerReplica ?? 1) : o.acceleratorsPerReplica,
      );
      out.push({ action, name, cluster: str(o, i, 'cluster'), replicas: positive(o, i, 'replicas'), acceleratorsPerReplica: per, ...profile, ...queue });
    } else {
      throw apiError('INVALID_VALUE', `requests[${i}].action must be create, grow, release or replicas`, {
        field: `requests[${i}].action`,
        value: action,
        status: 400,
      });
    }
  }
  return out;
}

/** A leased create's request: on its one type, or on the first of its listed types that fits. */
function createRequest(project: string, owner: string, r: ClusterCreate): PlacementRequest {
  return { owner, project, ...clusterAsk(r) };
}

const addressOf = (r: LeaseRequest) => `${r.action === 'replicas' ? 'ModelEndpoint' : 'Cluster'}/${r.name}`;

/** One request as the allocator's preview item, with what its holding needs to know; undefined when there is nothing to hold. */
type Slot =
  | { kind: 'item'; r: LeaseRequest; owner: string; item: PreviewItem; clusterId?: string; fromNodeCount?: number; names: [string, string][] }
  | { kind: 'refused'; message: string }
  | { kind: 'skip' };

/**
 * Places a plan's leasable requests exactly as the placement preview does (together, in order, on a
 * scratch copy of free capacity now): clusters created and grown first, then endpoints' replicas inside
 * their clusters, which may be created or grown earlier in the same batch. Each change that fits gets a
 * lease owner `lease:<id>/<n>`; a create or endpoint that names a queue and does not fit is left out (it
 * waits at apply); any other that does not fit is refused with the allocator's reason.
 */
export async function placeLeaseBatch(cp: ControlPlane, project: string, id: string, requests: readonly LeaseRequest[]): Promise<LeaseBatch> {
  const slots: Slot[] = [];
  const items: PreviewItem[] = [];
  // Clusters the batch creates, by name, under their lease owners: endpoint replicas later in the batch run inside them.
  const created = new Map<string, string>();
  for (const [n, r] of requests.entries()) {
    const owner = leaseOwner(id, n);
    if (r.action === 'create') {
      created.set(r.name, owner);
      slots.push({ kind: 'item', r, owner, item: createRequest(project, owner, r), names: [[owner, r.name]] });
      continue;
    }
    if (r.action === 'grow') {
      const rec = await cp.store.getResource(project, 'Cluster', r.name);
      const held = rec ? cp.allocator.holdings(rec.id) : undefined;
      if (!rec || !held) {
        slots.push({ kind: 'refused', message: `Cluster/${r.name}: cluster ${r.name} holds no accelerators in project ${project}` });
        continue;
      }
      const servers = held.servers.length;
      // Shrinking only frees accelerators: nothing to hold.
      if (r.nodeCount <= servers || held.slices) {
        slots.push({ kind: 'skip' });
        continue;
      }
      const item = { owner: rec.id, project, ...clusterAsk(specOf(readDoc(rec), 'Cluster'), r.nodeCount - servers), grow: true };
      slots.push({ kind: 'item', r, owner, item, clusterId: rec.id, fromNodeCount: servers, names: [[rec.id, r.name]] });
      continue;
    }
    const clusterOwner = created.get(r.cluster) ?? (await cp.store.getResource(project, 'Cluster', r.cluster))?.id;
    if (!clusterOwner) {
      slots.push(r.queue ? { kind: 'skip' } : { kind: 'refused', message: `${addressOf(r)}: cluster ${r.cluster} does not exist in project ${project}` });
      continue;
    }
    // An endpoint that exists is placed again, as the preview does: its own replicas do not count against it.
    const endpointOwner = (await cp.store.getResource(project, 'ModelEndpoint', r.name))?.id ?? owner;
    const item = {
      clusterOwner,
      endpointOwner,
      replicas: r.replicas,
      acceleratorsPerReplica: r.acceleratorsPerReplica,
      ...(r.acceleratorProfile ? { profile: r.acceleratorProfile } : {}),
    };
    slots.push({
      kind: 'item',
      r,
      owner,
      item,
      names: [
        [clusterOwner, r.cluster],
        [endpointOwner, r.name],
      ],
    });
  }
  const preview = cp.allocator.preview(slots.flatMap((s) => (s.kind === 'item' ? [s.item] : [])));
  const out: LeaseBatch = { holdings: [], placements: [], refused: [] };
  let next = 0;
  for (const slot of slots) {
    if (slot.kind === 'refused') out.refused.push(slot.message);
    if (slot.kind !== 'item') continue;
    const d = preview.results[next++]!;
    if (!d.ok) {
      if (!waits(slot.r, d)) {
        let message = d.message;
        for (const [owner, name] of slot.names) message = message.split(owner).join(name);
        out.refused.push(`${addressOf(slot.r)}: ${message}`);
      }
      continue;
    }
    const placement: Placement = { ...d, owner: slot.owner };
    delete placement.growth;
    out.placements.push(placement);
    out.holdings.push(holdingOf(cp, slot, placement));
  }
  return out;
}

/** A create or endpoint that names a queue waits there at apply when it does not fit now: it is not held, and not refused. */
function waits(r: LeaseRequest, d: Decision): boolean {
  if (d.ok || r.action === 'grow' || !r.queue) return false;
  return d.code === 'CAPACITY_EXHAUSTED' || (r.action === 'replicas' && d.code === 'DEPENDENCY_NOT_FOUND');
}

function holdingOf(cp: ControlPlane, slot: Extract<Slot, { kind: 'item' }>, p: Placement): LeaseHolding {
  const { r } = slot;
  const topo = cp.allocator.topology;
  const servers = p.servers.map((s) => s.serverId);
  const allocation = p.slices ? summarizeSlices(topo, p.zone, servers, p.slices) : summarizeServers(topo, p.zone, servers, p.acceleratorCount);
  const base = { address: addressOf(r), name: r.name, action: r.action as LeaseAction, owner: p.owner, acceleratorType: p.acceleratorType };
  if (r.action === 'create') {
    return {
      ...base,
      placement: r.placement,
      nodeCount: r.nodeCount,
      ...(r.acceleratorProfile ? { acceleratorProfile: r.acceleratorProfile, profileCount: partitionCount(r) } : {}),
      allocation,
      consumedBy: null,
    };
  }
  if (r.action === 'grow') {
    return {
      ...base,
      placement: p.scope,
      nodeCount: r.nodeCount,
      clusterId: slot.clusterId!,
      fromNodeCount: slot.fromNodeCount!,
      allocation,
      consumedBy: null,
    };
  }
  return {
    ...base,
    cluster: r.cluster,
    replicas: r.replicas,
    acceleratorsPerReplica: r.acceleratorsPerReplica,
    ...(r.acceleratorProfile ? { acceleratorProfile: r.acceleratorProfile } : {}),
    allocation,
    consumedBy: null,
  };
}
