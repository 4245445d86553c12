import { AicloudError } from '../../../core/index.ts';
import type { AllocatorCore } from './allocator-core.ts';
import { placeReplicaSlices } from './endpoint-instances.ts';
import type { Part } from './engine-types.ts';
import { newHolding } from './holding-book.ts';
import { describeFreeBlock } from './largest-free-block.ts';
import { placeReplicaParts } from './place-replicas.ts';
import { release } from './release.ts';
import { popcount } from './server-layout.ts';
import { toPlacement } from './to-placement.ts';
import type { AllocationRequest, Decision, Placement, Refusal, ReplicaRequest } from './types.ts';

/** Places an endpoint's replicas inside its cluster's holding; changes nothing. */
export function placeReplicas(core: AllocatorCore, req: ReplicaRequest): Decision {
  if (req.profile !== undefined || core.sliceHoldings.has(req.clusterOwner)) return placeReplicaSlices(core, req);
  const cluster = core.holdings.get(req.clusterOwner);
  const project = cluster?.project ?? '';
  const refuse = (code: Refusal['code'], field: string | undefined, message: string, extra: Partial<Refusal> = {}): Refusal => {
    const r: Refusal = { ok: false, code, message, owner: req.endpointOwner, project, ...extra };
    if (field) r.field = field;
    return r;
  };
  if (!cluster || cluster.parent !== undefined)
    return refuse('DEPENDENCY_NOT_FOUND', 'cluster', `cluster ${req.clusterOwner} holds no accelerators for endpoint ${req.endpointOwner}`);
  if (!Number.isInteger(req.replicas) || req.replicas < 1)
    return refuse('OUT_OF_RANGE', 'replicas', `replicas must be a whole number of at least 1, got ${String(req.replicas)}`);
  if (!Number.isInteger(req.acceleratorsPerReplica) || req.acceleratorsPerReplica < 1) {
    return refuse(
      'OUT_OF_RANGE',
      'acceleratorsPerReplica',
      `acceleratorsPerReplica must be a whole number of at least 1, got ${String(req.acceleratorsPerReplica)}`,
    );
  }
  const own = core.holdings.get(req.endpointOwner);
  if (own && own.parent !== req.clusterOwner)
    return refuse('INVALID_VALUE', undefined, `${req.endpointOwner} already holds accelerators outside cluster ${req.clusterOwner}`);
  if (core.sliceHoldings.has(req.endpointOwner))
    return refuse('INVALID_VALUE', 'acceleratorProfile', `${req.endpointOwner} runs on partition instances; whole accelerators need it replaced`);
  const ownNo = own?.no ?? -2;
  const { topo, state } = core;
  const available = new Map<number, number>();
  for (const [s, part] of cluster.parts) {
    let mask = state.draining[s] ? 0 : (part.mask & ~state.faulty[s]!) >>> 0;
    const base = topo.serverBase[s]!;
    for (let i = 0, m = mask; m !== 0; i++, m >>>= 1) {
      if (m & 1 && ((state.subHolder[base + i]! >= 0 && state.subHolder[base + i] !== ownNo) || core.carved.has(base + i))) mask &= ~(1 << i);
    }
    available.set(s, mask >>> 0);
  }
  const typeName = topo.typeNames[cluster.type]!;
  const outcome = placeReplicaParts(topo, available, typeName, req.replicas, req.acceleratorsPerReplica);
  const need = `need ${req.replicas} replica${req.replicas === 1 ? '' : 's'} x ${req.acceleratorsPerReplica} ${typeName} for ${req.endpointOwner} inside cluster ${req.clusterOwner}`;
  if (!outcome.ok) {
    if (outcome.reason === 'size') return refuse('TOPOLOGY_MISMATCH', 'acceleratorsPerReplica', `${need}: ${outcome.message}`);
    const block = { accelerators: outcome.largest, where: outcome.where };
    return refuse(
      'CAPACITY_EXHAUSTED',
      'replicas',
      `${need}; ${outcome.placed} fit; ${describeFreeBlock(block).replace('largest free block', 'largest free block in the cluster')}`,
      { largestFreeBlock: block },
    );
  }
  const request: AllocationRequest = {
    owner: req.endpointOwner,
    project,
    acceleratorType: typeName,
    zone: topo.zoneNames[cluster.zone],
    region: topo.zoneRegion[cluster.zone],
    count: req.replicas * req.acceleratorsPerReplica,
    unit: 'accelerators',
    scope: 'zone',
  };
  return toPlacement(core, request, outcome.replicas, { parentOwner: req.clusterOwner });
}

/** Marks an endpoint's whole accelerators inside its cluster; throws when one was taken or went down meanwhile. */
export function commitReplicas(core: AllocatorCore, owner: string, placement: Placement, replicas: Part[][]): void {
  const parentOwner = placement.parentOwner!;
  const cluster = core.holdings.get(parentOwner);
  if (!cluster || cluster.parent !== undefined) throw new AicloudError('DEPENDENCY_NOT_FOUND', `cluster ${parentOwner} holds no accelerators`);
  const existing = core.holdings.get(owner);
  if (existing && existing.parent !== parentOwner)
    throw new AicloudError('ALREADY_EXISTS', `${owner} already holds accelerators outside cluster ${parentOwner}`);
  if (core.sliceHoldings.has(owner)) throw new AicloudError('ALREADY_EXISTS', `${owner} runs on partition instances; release it before placing whole replicas`);
  const { topo, state } = core;
  const ownNo = existing?.no ?? -2;
  const parts = replicas.flat();
  for (const p of parts) {
    const clusterMask = cluster.parts.get(p.server)?.mask ?? 0;
    const base = topo.serverBase[p.server]!;
    let clash = (p.mask & ~clusterMask) >>> 0 !== 0 || (p.mask & state.faulty[p.server]!) !== 0 || state.draining[p.server] === 1;
    for (let i = 0, m = p.mask; m !== 0 && !clash; i++, m >>>= 1) {
      if (m & 1 && ((state.subHolder[base + i]! >= 0 && state.subHolder[base + i] !== ownNo) || core.carved.has(base + i))) clash = true;
    }
    if (clash)
      throw new AicloudError(
        'CAPACITY_EXHAUSTED',
        `replica placement for ${owner} is stale: ${topo.serverName[p.server]} no longer has those accelerators free in ${parentOwner}`,
        { hint: 'Place the replicas again.' },
      );
  }
  if (existing) release(core, owner);
  const h = newHolding(core, owner, cluster.project, cluster.type, cluster.zone, parentOwner);
  for (const p of parts) {
    const base = topo.serverBase[p.server]!;
    for (let i = 0, m = p.mask; m !== 0; i++, m >>>= 1) if (m & 1) state.subHolder[base + i] = h.no;
    const prev = h.parts.get(p.server);
    h.parts.set(p.server, { mask: ((prev?.mask ?? 0) | p.mask) >>> 0, cpu: 0, mem: 0 });
    h.count += popcount(p.mask);
  }
}
