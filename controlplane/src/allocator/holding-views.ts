import { accName, type AllocatorCore } from './allocator-core.ts';
import type { SliceHolding } from './holding-state.ts';
import { distinctSupernodes, placedServers } from './to-placement.ts';
import type { Holding, HoldingRow } from './types.ts';

/** One row per accelerator an owner holds, to persist with the resource. */
export function rowsFor(core: AllocatorCore, owner: string): HoldingRow[] {
  const sh = core.sliceHoldings.get(owner);
  if (sh) {
    return sh.pieces.map((p) => ({
      acceleratorId: accName(core, p.acc),
      owner,
      project: sh.project,
      slice: { profile: sh.profile, start: p.start, units: p.units },
      ...(sh.parent !== undefined ? { parentOwner: sh.parent } : {}),
    }));
  }
  const h = core.holdings.get(owner);
  if (!h) return [];
  const rows: HoldingRow[] = [];
  for (const s of [...h.parts.keys()].sort((a, b) => a - b)) {
    for (const id of core.topo.acceleratorNames(s, h.parts.get(s)!.mask)) {
      const row: HoldingRow = { acceleratorId: id, owner, project: h.project };
      if (h.parent !== undefined) row.parentOwner = h.parent;
      rows.push(row);
    }
  }
  return rows;
}

/** What an owner holds, shaped for its `allocation` output. */
export function holdingView(core: AllocatorCore, owner: string): Holding | undefined {
  const sh = core.sliceHoldings.get(owner);
  if (sh) return sliceHoldingView(core, sh);
  const h = core.holdings.get(owner);
  if (!h) return undefined;
  const servers = placedServers(
    core,
    [...h.parts].map(([server, p]) => ({ server, mask: p.mask, cpu: 0, mem: 0 })),
  );
  const out: Holding = {
    owner,
    project: h.project,
    acceleratorType: core.topo.typeNames[h.type]!,
    region: core.topo.zoneRegion[h.zone]!,
    zone: core.topo.zoneNames[h.zone]!,
    acceleratorCount: h.count,
    supernodes: distinctSupernodes(servers),
    servers,
  };
  if (h.parent !== undefined) out.parentOwner = h.parent;
  return out;
}

/** Whether endpoints hold accelerators or instances inside this cluster, which then may not move or be preempted. */
export function hasEndpointsInside(core: AllocatorCore, owner: string): boolean {
  return (core.holdings.get(owner)?.children.size ?? 0) > 0 || (core.sliceChildren.get(owner)?.size ?? 0) > 0;
}

/** A partition holding shaped like any other holding, with its instances listed. */
function sliceHoldingView(core: AllocatorCore, sh: SliceHolding): Holding {
  const s = sh.server;
  const supernode = core.topo.blockName[core.topo.serverBlock[s]!] ?? null;
  const slices = sh.pieces.map((p) => ({ acceleratorId: accName(core, p.acc), profile: sh.profile, start: p.start, units: p.units }));
  return {
    owner: sh.owner,
    project: sh.project,
    acceleratorType: core.topo.typeNames[sh.type]!,
    region: core.topo.zoneRegion[sh.zone]!,
    zone: core.topo.zoneNames[sh.zone]!,
    acceleratorCount: 0,
    supernodes: supernode ? [supernode] : [],
    servers: [{ serverId: core.topo.serverName[s]!, supernode, acceleratorIds: [...new Set(slices.map((x) => x.acceleratorId))] }],
    profile: sh.profile,
    slices,
    ...(sh.parent !== undefined ? { parentOwner: sh.parent } : {}),
  };
}
