import { AicloudError } from '../../../core/index.ts';
import { accName, type AllocatorCore } from './allocator-core.ts';
import { commitCarvedReplicas, placeCarvedReplicas } from './carved-instances.ts';
import { addSliceChild } from './holding-book.ts';
import type { SlicePiece } from './holding-state.ts';
import { chooseReplicaSlices } from './place-replica-slices.ts';
import { release } from './release.ts';
import type { Decision, Placement, Refusal, ReplicaRequest } from './types.ts';

/**
 * Replicas of an endpoint with a profile, one per instance of its partitioned cluster that no other
 * endpoint uses; changes nothing. A cluster of whole accelerators, or a different profile, is refused.
 */
export function placeReplicaSlices(core: AllocatorCore, req: ReplicaRequest): Decision {
  const c = req.clusterOwner;
  const e = req.endpointOwner;
  const cluster = core.sliceHoldings.get(c);
  const whole = core.holdings.get(c);
  const project = cluster?.project ?? whole?.project ?? '';
  const refuse = (code: Refusal['code'], field: string, message: string, hint?: string): Refusal => {
    const r: Refusal = { ok: false, code, message, owner: e, project, field };
    if (hint) r.hint = hint;
    return r;
  };
  if (!cluster || cluster.parent !== undefined) {
    if (whole && whole.parent === undefined) return placeCarvedReplicas(core, req, whole, refuse);
    return refuse('DEPENDENCY_NOT_FOUND', 'cluster', `cluster ${c} holds no accelerators for endpoint ${e}`);
  }
  if (req.profile === undefined) {
    return refuse(
      'INVALID_VALUE',
      'acceleratorProfile',
      `cluster ${c} holds ${cluster.profile} partitions, not whole accelerators, and endpoint ${e} names no acceleratorProfile`,
      `Set acceleratorProfile to ${cluster.profile} and acceleratorsPerReplica to 1.`,
    );
  }
  if (req.profile !== cluster.profile) {
    return refuse(
      'INVALID_VALUE',
      'acceleratorProfile',
      `acceleratorProfile ${req.profile} of endpoint ${e} is not the profile of cluster ${c} (${cluster.profile})`,
      `Set acceleratorProfile to ${cluster.profile}, or run the endpoint on a cluster of ${req.profile}.`,
    );
  }
  if (!Number.isInteger(req.replicas) || req.replicas < 1)
    return refuse('OUT_OF_RANGE', 'replicas', `replicas must be a whole number of at least 1, got ${String(req.replicas)}`);
  if (req.acceleratorsPerReplica !== 1) {
    return refuse(
      'INVALID_VALUE',
      'acceleratorsPerReplica',
      `acceleratorsPerReplica ${String(req.acceleratorsPerReplica)} with acceleratorProfile ${req.profile}: each replica runs on one instance`,
      'Set acceleratorsPerReplica to 1.',
    );
  }
  const own = core.sliceHoldings.get(e);
  if (core.holdings.has(e) || (own && own.parent !== c)) return refuse('INVALID_VALUE', 'cluster', `${e} already holds accelerators outside cluster ${c}`);
  const { topo, state } = core;
  const s = cluster.server;
  const base = topo.serverBase[s]!;
  const outcome = chooseReplicaSlices(cluster, e, req.replicas, (p) => !state.draining[s] && !((state.faulty[s]! >>> (p.acc - base)) & 1));
  if (!outcome.ok) {
    const others = outcome.usedByOthers.length
      ? `, ${cluster.pieces.length - outcome.free - outcome.unavailable} used by ${outcome.usedByOthers.join(', ')}`
      : '';
    const down = outcome.unavailable ? `, ${outcome.unavailable} on faulty accelerators or a draining server` : '';
    return refuse(
      'CAPACITY_EXHAUSTED',
      'replicas',
      `need ${req.replicas} replica${req.replicas === 1 ? '' : 's'} x ${req.profile} for ${e} inside cluster ${c}; ${outcome.free} fit: the cluster has ${cluster.pieces.length} ${req.profile} instance${cluster.pieces.length === 1 ? '' : 's'}, ${outcome.free} free${others}${down}`,
      "Ask for fewer replicas, raise the cluster's profileCount, or free instances other endpoints use.",
    );
  }
  const serverId = topo.serverName[s]!;
  const supernode = topo.blockName[topo.serverBlock[s]!] ?? null;
  const slices = outcome.pieces.map((p) => ({ acceleratorId: accName(core, p.acc), profile: cluster.profile, start: p.start, units: p.units }));
  return {
    ok: true,
    owner: e,
    project,
    acceleratorType: topo.typeNames[cluster.type]!,
    region: topo.zoneRegion[cluster.zone]!,
    zone: topo.zoneNames[cluster.zone]!,
    scope: 'server',
    unit: 'accelerators',
    acceleratorCount: 0,
    supernodes: supernode ? [supernode] : [],
    servers: [{ serverId, supernode, acceleratorIds: [...new Set(slices.map((x) => x.acceleratorId))] }],
    parentOwner: c,
    profile: cluster.profile,
    slices,
    replicas: slices.map((slice, index) => ({ index, supernode, servers: [serverId], acceleratorIds: [slice.acceleratorId], slice })),
  };
}

/** Marks the cluster's instances an endpoint's replicas run on; throws when one was taken meanwhile. */
export function commitReplicaSlices(core: AllocatorCore, owner: string, placement: Placement): void {
  const c = placement.parentOwner!;
  const cluster = core.sliceHoldings.get(c);
  const whole = core.holdings.get(c);
  if (!cluster && whole && whole.parent === undefined) return commitCarvedReplicas(core, owner, placement, whole);
  if (!cluster || cluster.parent !== undefined) throw new AicloudError('DEPENDENCY_NOT_FOUND', `cluster ${c} holds no partitions`);
  if (placement.profile !== cluster.profile)
    throw new AicloudError('INVALID_VALUE', `placement for ${owner} names profile ${placement.profile}; cluster ${c} holds ${cluster.profile}`);
  const existing = core.sliceHoldings.get(owner);
  if (core.holdings.has(owner) || (existing && existing.parent !== c))
    throw new AicloudError('ALREADY_EXISTS', `${owner} already holds accelerators outside cluster ${c}`);
  const { topo, state } = core;
  const taken = new Set<SlicePiece>();
  for (const sl of placement.slices!) {
    const at = topo.resolveAccelerator(sl.acceleratorId);
    const acc = at && at.server === cluster.server ? topo.serverBase[at.server]! + at.index : -1;
    const piece = cluster.pieces.find((p) => p.acc === acc && p.start === sl.start && !taken.has(p) && (p.user === undefined || p.user === owner));
    const open = at !== undefined && !state.draining[at.server] && !((state.faulty[at.server]! >>> at.index) & 1);
    if (!piece || !open) {
      throw new AicloudError(
        'CAPACITY_EXHAUSTED',
        `replica placement for ${owner} is stale: ${sl.acceleratorId} has no free ${cluster.profile} instance of ${c} at ${sl.start}`,
        { hint: 'Place the replicas again.' },
      );
    }
    taken.add(piece);
  }
  if (existing) release(core, owner);
  for (const p of taken) p.user = owner;
  core.sliceHoldings.set(owner, {
    owner,
    project: cluster.project,
    type: cluster.type,
    zone: cluster.zone,
    server: cluster.server,
    profile: cluster.profile,
    pieces: [...taken].map((p) => ({ acc: p.acc, start: p.start, positions: p.positions, units: p.units })),
    cpu: 0,
    mem: 0,
    parent: c,
  });
  addSliceChild(core, c, owner);
}
