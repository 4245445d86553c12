import { AicloudError } from '../../../core/index.ts';
import type { AllocatorCore } from './allocator-core.ts';
import { carve, dropHolding, requireHolding } from './holding-book.ts';
import { addQuotaUse } from './quotas.ts';
import { popcount } from './server-layout.ts';
import { shrinkOrder } from './shrink-plan.ts';

/** Frees everything an owner holds (a cluster's endpoints too); returns which owners were released. */
export function release(core: AllocatorCore, owner: string): { owners: string[]; acceleratorCount: number } {
  const sh = core.sliceHoldings.get(owner);
  if (sh?.parent !== undefined) {
    // An endpoint's instances are its cluster's: only the marks on them go.
    for (const p of core.sliceHoldings.get(sh.parent)?.pieces ?? []) if (p.user === owner) delete p.user;
    if (!core.sliceHoldings.has(sh.parent)) carve(core, sh.pieces, -1);
    core.sliceHoldings.delete(owner);
    core.sliceChildren.get(sh.parent)?.delete(owner);
    if (core.sliceChildren.get(sh.parent)?.size === 0) core.sliceChildren.delete(sh.parent);
    return { owners: [owner], acceleratorCount: 0 };
  }
  if (sh) {
    const released: string[] = [];
    for (const child of [...(core.sliceChildren.get(owner) ?? [])]) released.push(...release(core, child).owners);
    for (const p of sh.pieces) {
      const index = p.acc - core.topo.serverBase[sh.server]!;
      core.state.slice(sh.server, index, p.units, p.positions, 0, 0, -1);
    }
    core.state.slice(sh.server, 0, 0, 0, sh.cpu, sh.mem, -1);
    core.sliceHoldings.delete(owner);
    core.slicedTypes.set(sh.type, (core.slicedTypes.get(sh.type) ?? 0) - 1);
    return { owners: [...released, owner], acceleratorCount: 0 };
  }
  const h = core.holdings.get(owner);
  if (!h) return { owners: [], acceleratorCount: 0 };
  const owners: string[] = [];
  for (const child of [...h.children]) owners.push(...release(core, child).owners);
  for (const child of [...(core.sliceChildren.get(owner) ?? [])]) owners.push(...release(core, child).owners);
  const { state, topo } = core;
  if (h.parent !== undefined) {
    for (const [s, part] of h.parts) {
      const base = topo.serverBase[s]!;
      for (let i = 0, m = part.mask; m !== 0; i++, m >>>= 1) if (m & 1 && state.subHolder[base + i] === h.no) state.subHolder[base + i] = -1;
    }
    core.holdings.get(h.parent)?.children.delete(owner);
  } else {
    for (const [s, part] of h.parts) state.unhold(s, part.mask, part.cpu, part.mem);
    addQuotaUse(core, h.project, h.type, -h.count);
  }
  dropHolding(core, h);
  owners.push(owner);
  return { owners, acceleratorCount: h.parent === undefined ? h.count : 0 };
}

/** Which of an owner's servers to release to shrink by `servers`, leaving the fewest fragments. */
export function shrinkPlan(core: AllocatorCore, owner: string, servers: number): string[] {
  const h = requireHolding(core, owner);
  if (!Number.isInteger(servers) || servers < 0 || servers > h.parts.size) {
    throw new AicloudError('OUT_OF_RANGE', `${owner} holds ${h.parts.size} servers; cannot release ${servers}`, { field: 'nodeCount', value: servers });
  }
  return shrinkOrder(core.topo, core.state, h.parts, servers, new Set(core.carved.keys())).map((s) => core.topo.serverName[s]!);
}

/** Gives back some of an owner's servers (ids within its zone); endpoints on them lose those accelerators. */
export function releaseServers(core: AllocatorCore, owner: string, serverIds: readonly string[]): { acceleratorCount: number; affectedEndpoints: string[] } {
  const h = requireHolding(core, owner);
  if (h.parent !== undefined) throw new AicloudError('INVALID_VALUE', `${owner} is an endpoint; release it whole`);
  const { topo, state } = core;
  const zone = topo.zoneNames[h.zone]!;
  const servers = serverIds.map((id) => {
    const s = topo.serverIndex.get(`${zone}/${id}`);
    if (s === undefined || !h.parts.has(s))
      throw new AicloudError('NOT_FOUND', `${owner} does not hold server ${id} in ${zone}`, { field: 'servers', value: id });
    return s;
  });
  const affected = new Set<string>();
  let count = 0;
  // Endpoints with instances cut on a released server lose them all (an endpoint's instances share one server).
  for (const child of [...(core.sliceChildren.get(owner) ?? [])]) {
    if (servers.includes(core.sliceHoldings.get(child)!.server)) {
      affected.add(child);
      release(core, child);
    }
  }
  for (const s of new Set(servers)) {
    const part = h.parts.get(s)!;
    for (const child of h.children) {
      const c = core.holdings.get(child)!;
      const sub = c.parts.get(s);
      if (!sub) continue;
      affected.add(child);
      c.parts.delete(s);
      c.count -= popcount(sub.mask);
    }
    state.unhold(s, part.mask, part.cpu, part.mem);
    h.parts.delete(s);
    count += popcount(part.mask);
  }
  h.count -= count;
  addQuotaUse(core, h.project, h.type, -count);
  for (const child of affected) {
    const c = core.holdings.get(child);
    if (c && c.count === 0) release(core, child);
  }
  if (h.count === 0) release(core, owner);
  return { acceleratorCount: count, affectedEndpoints: [...affected] };
}
