import type { PlacedReplica, PlacedSlice, Topology } from '../allocator/index.ts';

/** Where a cluster's accelerators are, as shown on the wire (`resource.allocation`). */
export interface AllocationSummary {
  zone: string;
  supernodes: string[];
  servers: string[];
  acceleratorCount: number;
  /** Partition instances, when the cluster has an `acceleratorProfile` (its acceleratorCount is then 0). */
  slices?: SliceSummary[];
}

/** One partition instance as shown on the wire: which accelerator, which profile, where in it. */
export interface SliceSummary {
  accelerator: string;
  profile: string;
  start: number;
  units: number;
}

/** A partition holding's allocation: its one server, and each instance by accelerator. */
export function summarizeSlices(topo: Topology, zone: string, serverIds: Iterable<string>, slices: readonly PlacedSlice[]): AllocationSummary {
  return {
    ...summarizeServers(topo, zone, serverIds, 0),
    slices: slices.map((s) => ({ accelerator: s.acceleratorId, profile: s.profile, start: s.start, units: s.units })),
  };
}

/** One endpoint replica as shown in `outputs.replicaPlacements`. */
export interface ReplicaPlacement {
  replica: number;
  supernode: string;
  servers: string[];
  acceleratorCount: number;
  accelerators: string[];
  /** The partition instance the replica runs on (an endpoint with an acceleratorProfile). */
  slice?: SliceSummary;
}

/**
 * A cluster's allocation from the servers it holds. Servers are put in topology order, so the stored
 * document does not depend on the order in which growth added them.
 */
export function summarizeServers(topo: Topology, zone: string, serverIds: Iterable<string>, acceleratorCount: number): AllocationSummary {
  const indexed = [...new Set(serverIds)].map((id) => ({ id, at: topo.serverIndex.get(`${zone}/${id}`) ?? -1 }));
  indexed.sort((a, b) => a.at - b.at);
  const supernodes: string[] = [];
  for (const { at } of indexed) {
    const name = at >= 0 ? topo.blockName[topo.serverBlock[at]!] : null;
    if (name && !supernodes.includes(name)) supernodes.push(name);
  }
  return { zone, supernodes, servers: indexed.map((s) => s.id), acceleratorCount };
}

export function toReplicaPlacements(replicas: readonly PlacedReplica[]): ReplicaPlacement[] {
  return replicas.map((r) => ({
    replica: r.index,
    supernode: r.supernode ?? '',
    servers: r.servers,
    acceleratorCount: r.slice ? 0 : r.acceleratorIds.length,
    accelerators: r.acceleratorIds,
    ...(r.slice ? { slice: { accelerator: r.slice.acceleratorId, profile: r.slice.profile, start: r.slice.start, units: r.slice.units } } : {}),
  }));
}
