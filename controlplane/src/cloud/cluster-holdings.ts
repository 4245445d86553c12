import { clusterAsk, clusterAskOfType, clusterFieldOf, type ClusterInputs } from '../../../core/index.ts';
import type { AllocationRequest, Placement, PlacementRequest } from '../allocator/index.ts';
import { apiError } from './errors.ts';
import { summarizeServers, summarizeSlices, type AllocationSummary } from './allocation-wire.ts';
import { changeHoldings, type ControlPlane } from './control-plane.ts';
import { rowsOfPlacement } from './holding-rows.ts';
import { refusalError } from './refusal-error.ts';

/** A decided change to what a resource holds; `commit` writes its rows and then tells the allocator. */
export interface HoldingPlan {
  allocation: AllocationSummary;
  /** The accelerator type placed on: the cluster's own, or the one chosen from its acceleratorTypes. */
  acceleratorType?: string;
  commit(cp: ControlPlane): Promise<void>;
}

/** A cluster's accelerator request, as the core builds it from the cluster's inputs, for `owner` in `project`. */
export function clusterRequest(project: string, owner: string, spec: ClusterInputs, servers?: number, chosen?: string): PlacementRequest {
  return { owner, project, ...clusterAsk(spec, servers, chosen) };
}

/** A cluster's request on one type (a queued cluster names one), as admission reserves and charges it. */
export function clusterRequestOfType(project: string, owner: string, spec: ClusterInputs, type: string): AllocationRequest {
  return { owner, project, ...clusterAskOfType(spec, type) };
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
export function planNewCluster(cp: ControlPlane, project: string, id: string, spec: ClusterInputs): HoldingPlan {
  const d = cp.allocator.place(clusterRequest(project, id, spec));
  if (!d.ok) throw refusalError(d, (f) => clusterFieldOf(spec, f));
  const servers = d.servers.map((s) => s.serverId);
  const chosen = { acceleratorType: d.acceleratorType, commit: commitPlacement(d) };
  if (d.slices) return { allocation: summarizeSlices(cp.allocator.topology, d.zone, servers, d.slices), ...chosen };
  return { allocation: summarizeServers(cp.allocator.topology, d.zone, servers, d.acceleratorCount), ...chosen };
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
  spec: ClusterInputs,
  before: AllocationSummary,
): Promise<HoldingPlan> {
  const { allocator } = cp;
  const held = before.servers.length;
  const target = spec.nodeCount;
  if (target > held) {
    const d = allocator.grow(id, clusterRequest(project, id, spec, target - held));
    if (!d.ok) throw refusalError(d, (f) => clusterFieldOf(spec, f));
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
