import { AicloudError, findProfile } from '../../../core/index.ts';
import { accName, type AllocatorCore } from './allocator-core.ts';
import { carveReplicaSlices, type CarveServer } from './carve-replica-slices.ts';
import { addSliceChild, carve } from './holding-book.ts';
import type { HoldingState, SlicePiece } from './holding-state.ts';
import { release } from './release.ts';
import type { Decision, Placement, Refusal, ReplicaRequest } from './types.ts';

/**
 * Replicas of an endpoint with a profile on a cluster of whole accelerators: instances cut from the
 * cluster's accelerators that no endpoint holds whole, all on one server. A so-cut accelerator is never
 * handed out whole to another endpoint, and is whole again when its last instance goes.
 */
export function placeCarvedReplicas(
  core: AllocatorCore,
  req: ReplicaRequest,
  whole: HoldingState,
  refuse: (code: Refusal['code'], field: string, message: string, hint?: string) => Refusal,
): Decision {
  const { topo, state } = core;
  const c = req.clusterOwner;
  const e = req.endpointOwner;
  const typeName = topo.typeNames[whole.type]!;
  const catalogue = core.partitions[whole.type];
  if (!catalogue)
    return refuse(
      'INVALID_VALUE',
      'acceleratorProfile',
      `acceleratorProfile ${req.profile}: ${typeName} cannot be partitioned`,
      `Leave acceleratorProfile out to run on whole ${typeName}.`,
    );
  const profile = findProfile(catalogue, req.profile!);
  if (!profile)
    return refuse(
      'INVALID_VALUE',
      'acceleratorProfile',
      `acceleratorProfile ${req.profile} is not a profile of ${typeName}`,
      `Use one of: ${catalogue.profiles.map((p) => p.name).join(', ')}.`,
    );
  if (!Number.isInteger(req.replicas) || req.replicas < 1)
    return refuse('OUT_OF_RANGE', 'replicas', `replicas must be a whole number of at least 1, got ${String(req.replicas)}`);
  if (req.acceleratorsPerReplica !== 1)
    return refuse(
      'INVALID_VALUE',
      'acceleratorsPerReplica',
      `acceleratorsPerReplica ${String(req.acceleratorsPerReplica)} with acceleratorProfile ${req.profile}: each replica runs on one instance`,
      'Set acceleratorsPerReplica to 1.',
    );
  const own = core.sliceHoldings.get(e);
  if (core.holdings.has(e) || (own && own.parent !== c)) return refuse('INVALID_VALUE', 'cluster', `${e} already holds accelerators outside cluster ${c}`);
  const servers: CarveServer[] = [];
  for (const [s, part] of [...whole.parts].sort((a, b) => a[0] - b[0])) {
    if (state.draining[s]) continue;
    const base = topo.serverBase[s]!;
    const accs: number[] = [];
    for (let i = 0, m = (part.mask & ~state.faulty[s]!) >>> 0; m !== 0; i++, m >>>= 1) if (m & 1 && state.subHolder[base + i]! < 0) accs.push(base + i);
    servers.push({ server: s, accs });
  }
  const mine = own?.pieces ?? [];
  const outcome = carveReplicaSlices(servers, catalogue, profile, req.replicas, (acc) => {
    const all = core.carved.get(acc) ?? { units: 0, positions: 0 };
    let units = all.units;
    let positions = all.positions;
    for (const p of mine)
      if (p.acc === acc) {
        units -= p.units;
        positions = (positions & ~p.positions) >>> 0;
      }
    return { units, positions };
  });
  if (!outcome.ok) {
    const where = outcome.where >= 0 ? ` (${topo.serverName[outcome.where]})` : '';
    return refuse(
      'CAPACITY_EXHAUSTED',
      'replicas',
      `need ${req.replicas} replica${req.replicas === 1 ? '' : 's'} x ${profile.name} for ${e} inside cluster ${c}; at most ${outcome.most} fit on one server${where}: instances are cut from one server's accelerators that no endpoint holds whole`,
      'Ask for fewer replicas, free accelerators other endpoints hold whole, or grow the cluster.',
    );
  }
  const s = outcome.server;
  const serverId = topo.serverName[s]!;
  const supernode = topo.blockName[topo.serverBlock[s]!] ?? null;
  const slices = outcome.pieces.map((p) => ({ acceleratorId: accName(core, p.acc), profile: profile.name, start: p.start, units: p.units }));
  return {
    ok: true,
    owner: e,
    project: whole.project,
    acceleratorType: typeName,
    region: topo.zoneRegion[whole.zone]!,
    zone: topo.zoneNames[whole.zone]!,
    scope: 'server',
    unit: 'accelerators',
    acceleratorCount: 0,
    supernodes: supernode ? [supernode] : [],
    servers: [{ serverId, supernode, acceleratorIds: [...new Set(slices.map((x) => x.acceleratorId))] }],
    parentOwner: c,
    profile: profile.name,
    slices,
    replicas: slices.map((slice, index) => ({ index, supernode, servers: [serverId], acceleratorIds: [slice.acceleratorId], slice })),
  };
}

/** Makes a carved placement real; throws when an accelerator was taken whole or its room was cut meanwhile. */
export function commitCarvedReplicas(core: AllocatorCore, owner: string, placement: Placement, whole: HoldingState): void {
  const c = placement.parentOwner!;
  const { topo, state } = core;
  const catalogue = core.partitions[whole.type];
  const profile = findProfile(catalogue, placement.profile ?? '');
  if (!catalogue || !profile) throw new AicloudError('INVALID_VALUE', `placement for ${owner} names unknown profile ${placement.profile}`);
  const existing = core.sliceHoldings.get(owner);
  if (core.holdings.has(owner) || (existing && existing.parent !== c))
    throw new AicloudError('ALREADY_EXISTS', `${owner} already holds accelerators outside cluster ${c}`);
  const mine = existing?.pieces ?? [];
  const taken = new Map<number, { units: number; positions: number }>();
  const pieces: SlicePiece[] = [];
  let server = -1;
  for (const sl of placement.slices!) {
    const at = topo.resolveAccelerator(sl.acceleratorId);
    const stale = () =>
      new AicloudError('CAPACITY_EXHAUSTED', `replica placement for ${owner} is stale: ${sl.acceleratorId} has no room for ${profile.name} in ${c}`, {
        hint: 'Place the replicas again.',
      });
    if (!at || (server >= 0 && at.server !== server) || sl.profile !== profile.name || sl.units !== profile.size) throw stale();
    server = at.server;
    const bit = (1 << at.index) >>> 0;
    const acc = topo.serverBase[at.server]! + at.index;
    const positions = catalogue.kind === 'positional' ? (((1 << profile.size) - 1) << sl.start) >>> 0 : 0;
    if (catalogue.kind === 'positional' && !profile.starts!.includes(sl.start)) throw stale();
    const all = core.carved.get(acc) ?? { units: 0, positions: 0 };
    let units = all.units;
    let held = all.positions;
    for (const p of mine)
      if (p.acc === acc) {
        units -= p.units;
        held = (held & ~p.positions) >>> 0;
      }
    const prev = taken.get(acc) ?? { units: 0, positions: 0 };
    const open =
      ((whole.parts.get(at.server)?.mask ?? 0) & bit) !== 0 && !state.draining[at.server] && !(state.faulty[at.server]! & bit) && state.subHolder[acc]! < 0;
    if (!open || units + prev.units + profile.size > catalogue.units || ((held | prev.positions) & positions) !== 0) throw stale();
    taken.set(acc, { units: prev.units + profile.size, positions: (prev.positions | positions) >>> 0 });
    pieces.push({ acc, start: sl.start, positions, units: profile.size });
  }
  if (existing) release(core, owner);
  carve(core, pieces, 1);
  core.sliceHoldings.set(owner, {
    owner,
    project: whole.project,
    type: whole.type,
    zone: whole.zone,
    server,
    profile: profile.name,
    pieces,
    cpu: 0,
    mem: 0,
    parent: c,
  });
  addSliceChild(core, c, owner);
}
