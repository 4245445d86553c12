import type { AllocationRequest, Placement } from '../allocator/index.ts';
import { apiError } from './errors.ts';
import { summarizeServers, summarizeSlices, type AllocationSummary } from './allocation-wire.ts';
import { changeHoldings, type ControlPlane } from './control-plane.ts';
import { rowsOfPlacement } from './holding-rows.ts';
import { CLUSTER_FIELDS, refusalError } from './refusal-error.ts';

type Spec = Record<string, unknown>;

/** A partition request's fields, named as a partitioned cluster's inputs. */
const PARTITION_FIELDS: Readonly<Record<string, string>> = { count: 'profileCount', acceleratorProfile: 'acceleratorProfile' };

/** A decided change to what a resource holds; `commit` writes its rows and then tells the allocator. */
export interface HoldingPlan {
  allocation: AllocationSummary;
  commit(cp: ControlPlane): Promise<void>;
}

function request(project: string, owner: string, spec: Spec, count: number): AllocationRequest {
  if (typeof spec.acceleratorProfile === 'string') {
    // A partitioned cluster: `profileCount` instances of the profile on one server.
    return {
      owner, project, acceleratorType: spec.acceleratorType as string, region: spec.region as string | undefined, zone: spec.zone as string,
      count: (spec.profileCount as number | undefined) ?? 1, unit: 'accelerators', scope: 'server', profile: spec.acceleratorProfile,
    };
  }
  return {
    owner,
    project,
    acceleratorType: spec.acceleratorType as string,
    region: spec.region as string | undefined,
    zone: spec.zone as string,
    count,
    unit: 'servers',
    scope: spec.placement as AllocationRequest['scope'],
  };
}

function commitPlacement(placement: Placement) {
  return (cp: ControlPlane) =>
    changeHoldings(
      cp,
      (store) => store.putHoldings(rowsOfPlacement(placement)),
      (allocator) => allocator.commit(placement.owner, placement),
    );
}

/** Where a new cluster's servers go (its `placement` is the allocator's scope), or the allocator's refusal. */
export function planNewCluster(cp: ControlPlane, project: string, id: string, spec: Spec): HoldingPlan {
  const d = cp.allocator.place(request(project, id, spec, spec.nodeCount as number));
  if (!d.ok) throw spec.acceleratorProfile ? refusalError(d, PARTITION_FIELDS, 'profileCount') : refusalError(d, CLUSTER_FIELDS, 'nodeCount');
  const servers = d.servers.map((s) => s.serverId);
  if (d.slices) return { allocation: summarizeSlices(cp.allocator.topology, d.zone, servers, d.slices), commit: commitPlacement(d) };
  return { allocation: summarizeServers(cp.allocator.topology, d.zone, servers, d.acceleratorCount), commit: commitPlacement(d) };
}

/**
 * A new size for a cluster: growth goes next to what it holds (inside its supernode for placement
 * `supernode`); shrinking gives back the servers that leave the fewest fragments, and is refused when
 * an endpoint runs on one of them.
 */
export async function planResize(
  cp: ControlPlane,
  project: string,
  id: string,
  name: string,
  spec: Spec,
  before: AllocationSummary,
): Promise<HoldingPlan> {
  const { allocator } = cp;
  const held = before.servers.length;
  const target = spec.nodeCount as number;
  if (target > held) {
    const d = allocator.grow(id, request(project, id, spec, target - held));
    if (!d.ok) throw refusalError(d, CLUSTER_FIELDS, 'nodeCount');
    const servers = [...before.servers, ...d.servers.map((s) => s.serverId)];
    return {
      allocation: summarizeServers(allocator.topology, before.zone, servers, before.acceleratorCount + d.acceleratorCount),
      commit: commitPlacement(d),
    };
  }
  const release = allocator.shrinkPlan(id, held - target);
  const zone = before.zone;
  const releasing = new Set(release.map((s) => `${zone}/${s}`));
  const users = [...new Set((await cp.store.listHoldingsInside(id)).filter((r) => releasing.has(r.server)).map((r) => r.owner))];
  if (users.length) {
    const names: string[] = [];
    for (const owner of users) {
      const rec = await cp.store.getResourceById(owner);
      names.push(rec ? `${rec.kind} ${rec.name}` : owner);
    }
    throw apiError('RESOURCE_IN_USE', `shrinking cluster ${name} to ${target} servers would free accelerators used by ${names.join(', ')}`, {
      field: 'nodeCount',
      value: target,
      details: { usedBy: names },
    });
  }
  const keep = before.servers.filter((s) => !release.includes(s));
  const topo = allocator.topology;
  // Clusters hold whole servers, so what a server takes back is its size.
  let freed = 0;
  for (const key of releasing) {
    const s = topo.serverIndex.get(key)!;
    freed += topo.serverBase[s + 1]! - topo.serverBase[s]!;
  }
  return {
    allocation: summarizeServers(topo, zone, keep, before.acceleratorCount - freed),
    commit: (c) =>
      changeHoldings(
        c,
        (store) => store.deleteHoldings(id, [...releasing]),
        (a) => void a.releaseServers(id, release),
      ),
  };
}
