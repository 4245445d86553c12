import { AicloudError, findProfile } from '../../../core/index.ts';
import { accName, type AllocatorCore } from './allocator-core.ts';
import type { Need, Part } from './engine-types.ts';
import type { SliceHolding } from './holding-state.ts';
import { normalizeRequest } from './normalize-request.ts';
import { SliceScoreCache, placeSlices } from './place-slices.ts';
import type { AllocationRequest, Decision, Placement, Refusal } from './types.ts';

/**
 * Whole accelerators on one server of a type that has partitions: scored with the same slice-aware
 * measure as partitions (a whole accelerator is a partition of every unit), so the policy sees what a
 * whole request does to the partly used accelerators around it.
 */
export function placeWholeBesideSlices(core: AllocatorCore, need: Need, count: number): Part | undefined {
  const catalogue = core.partitions[need.type]!;
  const whole = { name: '(whole)', size: catalogue.units, compute: catalogue.units, memoryGib: 0, starts: [0] };
  const workload = core.sliceWorkloads[need.type];
  const classes = workload?.classes() ?? [];
  core.sliceCache ??= new SliceScoreCache(core.topo.serverCount);
  const choice = placeSlices(
    { topo: core.topo, state: core.state, policy: core.policy.name, rng: core.rng, classes, generation: workload?.generation ?? 0, cache: core.sliceCache },
    { zones: need.zones, type: need.type, catalogue, profile: whole, count, cpu: need.cpu, mem: need.mem },
  );
  if (!choice) return undefined;
  let mask = 0;
  for (const p of choice.pieces) mask |= 1 << p.index;
  return { server: choice.server, mask: mask >>> 0, cpu: need.cpu, mem: need.mem };
}

/** Places `count` instances of a partition profile on one server; changes nothing. */
export function placeProfile(core: AllocatorCore, req: AllocationRequest): Decision {
  const refuse = (code: Refusal['code'], field: string, message: string, hint?: string): Refusal => {
    const r: Refusal = { ok: false, code, message, owner: req.owner, project: req.project, field };
    if (hint) r.hint = hint;
    return r;
  };
  const need = normalizeRequest(core.topo, { ...req, count: 1, unit: 'accelerators', scope: 'server' });
  if ('ok' in need) return need;
  const catalogue = core.partitions[need.type];
  if (!catalogue)
    return refuse(
      'INVALID_VALUE',
      'acceleratorProfile',
      `${req.acceleratorType} cannot be partitioned; got profile ${req.profile}`,
      'Leave acceleratorProfile out to get whole accelerators.',
    );
  const profile = findProfile(catalogue, req.profile!);
  if (!profile)
    return refuse(
      'INVALID_VALUE',
      'acceleratorProfile',
      `${req.acceleratorType} has no partition profile ${req.profile}`,
      `Use one of: ${catalogue.profiles.map((p) => p.name).join(', ')}.`,
    );
  const per = core.topo.layoutOf(core.topo.blockStart[core.topo.zoneBlocks[need.zones[0]!]!.get(need.type)![0]!]!).count;
  const maxCount = per * Math.floor(catalogue.units / profile.size);
  if (!Number.isInteger(req.count) || req.count < 1 || req.count > maxCount) {
    return refuse(
      'OUT_OF_RANGE',
      'count',
      `count of ${profile.name} instances must be a whole number from 1 to ${maxCount} (one server), got ${String(req.count)}`,
    );
  }
  const workload = core.sliceWorkloads[need.type];
  const classes = workload?.classes() ?? [];
  core.sliceCache ??= new SliceScoreCache(core.topo.serverCount);
  const choice = placeSlices(
    { topo: core.topo, state: core.state, policy: core.policy.name, rng: core.rng, classes, generation: workload?.generation ?? 0, cache: core.sliceCache },
    { zones: need.zones, type: need.type, catalogue, profile, count: req.count, cpu: need.cpu, mem: need.mem },
  );
  if (!choice) {
    return refuse(
      'CAPACITY_EXHAUSTED',
      'count',
      `no server of ${req.zone ?? req.region ?? 'this cloud'} has room for ${req.count} ${profile.name} of ${req.acceleratorType}`,
      'Ask for fewer instances, a smaller profile, or release partitions.',
    );
  }
  const s = choice.server;
  const base = core.topo.serverBase[s]!;
  const slices = choice.pieces.map((p) => ({ acceleratorId: accName(core, base + p.index), profile: profile.name, start: p.start, units: p.units }));
  const z = core.topo.serverZone[s]!;
  return {
    ok: true,
    owner: req.owner,
    project: req.project,
    acceleratorType: req.acceleratorType,
    region: core.topo.zoneRegion[z]!,
    zone: core.topo.zoneNames[z]!,
    scope: 'server',
    unit: 'accelerators',
    acceleratorCount: 0,
    supernodes: core.topo.blockName[core.topo.serverBlock[s]!] ? [core.topo.blockName[core.topo.serverBlock[s]!]!] : [],
    servers: [
      {
        serverId: core.topo.serverName[s]!,
        supernode: core.topo.blockName[core.topo.serverBlock[s]!] ?? null,
        acceleratorIds: [...new Set(slices.map((x) => x.acceleratorId))],
      },
    ],
    profile: profile.name,
    slices,
    ...(need.cpu || need.mem ? { hostShare: { cpu: need.cpu, mem: need.mem } } : {}),
  };
}

/** Makes a partition placement real; throws when an instance's room was taken meanwhile. */
export function commitSlices(core: AllocatorCore, owner: string, placement: Placement): void {
  if (core.sliceHoldings.has(owner) || core.holdings.has(owner))
    throw new AicloudError('ALREADY_EXISTS', `${owner} already holds accelerators; release it first`);
  const type = core.topo.typeIndex.get(placement.acceleratorType);
  const catalogue = type === undefined ? undefined : core.partitions[type];
  const profile = findProfile(catalogue, placement.profile ?? '');
  if (type === undefined || !catalogue || !profile)
    throw new AicloudError('INVALID_VALUE', `placement names unknown type or profile (${placement.acceleratorType}, ${placement.profile})`);
  const pieces: SliceHolding['pieces'] = [];
  let server = -1;
  const taken = new Map<number, { units: number; positions: number }>();
  for (const sl of placement.slices!) {
    const at = core.topo.resolveAccelerator(sl.acceleratorId);
    if (!at || core.topo.serverType[at.server] !== type || (server >= 0 && at.server !== server) || sl.profile !== profile.name || sl.units !== profile.size) {
      throw new AicloudError('INVALID_VALUE', `partition placement for ${owner} does not match its type, profile or server`);
    }
    server = at.server;
    const acc = core.topo.serverBase[at.server]! + at.index;
    const positions = catalogue.kind === 'positional' ? (((1 << profile.size) - 1) << sl.start) >>> 0 : 0;
    if (catalogue.kind === 'positional' && !profile.starts!.includes(sl.start))
      throw new AicloudError('INVALID_VALUE', `${profile.name} cannot start at position ${sl.start}`);
    const prev = taken.get(acc) ?? { units: 0, positions: 0 };
    const bit = (1 << at.index) >>> 0;
    const st = core.state;
    const open = !st.draining[at.server] && !(st.faulty[at.server]! & bit) && (st.sliceUnits[acc]! > 0 || (st.usable[at.server]! & bit) !== 0);
    if (!open || st.sliceUnits[acc]! + prev.units + profile.size > catalogue.units || ((st.slicePositions[acc]! | prev.positions) & positions) !== 0) {
      throw new AicloudError('CAPACITY_EXHAUSTED', `placement for ${owner} is stale: ${sl.acceleratorId} no longer has room for ${profile.name}`, {
        hint: 'Place the request again.',
      });
    }
    taken.set(acc, { units: prev.units + profile.size, positions: (prev.positions | positions) >>> 0 });
    pieces.push({ acc, start: sl.start, positions, units: profile.size });
  }
  const host = placement.hostShare ?? { cpu: 0, mem: 0 };
  if (core.state.cpuFree[server]! < host.cpu || core.state.memFree[server]! < host.mem)
    throw new AicloudError('CAPACITY_EXHAUSTED', `placement for ${owner} is stale: host CPU or memory taken`, { hint: 'Place the request again.' });
  for (const p of pieces) core.state.slice(server, p.acc - core.topo.serverBase[server]!, p.units, p.positions, 0, 0, 1);
  core.state.slice(server, 0, 0, 0, host.cpu, host.mem, 1);
  core.slicedTypes.set(type, (core.slicedTypes.get(type) ?? 0) + 1);
  core.sliceHoldings.set(owner, {
    owner,
    project: placement.project,
    type,
    zone: core.topo.serverZone[server]!,
    server,
    profile: profile.name,
    pieces,
    cpu: host.cpu,
    mem: host.mem,
  });
  if (core.learn === 'commit') core.sliceWorkloads[type]?.observeSlice(profile, host.cpu, host.mem, pieces.length);
}
