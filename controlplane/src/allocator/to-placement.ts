import { AicloudError } from '../../../core/index.ts';
import type { AllocatorCore } from './allocator-core.ts';
import { describeNeed } from './describe-request.ts';
import type { Need, Part } from './engine-types.ts';
import { describeFreeBlock, largestFreeBlock } from './largest-free-block.ts';
import { popcount } from './server-layout.ts';
import type { AllocationRequest, PlacedServer, Placement, Refusal } from './types.ts';

/** A refusal that names the largest free block, so the caller sees how far the request is from fitting. */
export function capacityRefusal(core: AllocatorCore, req: AllocationRequest, need: Need, growthWhere?: string): Refusal {
  const { topo } = core;
  const blocks: number[] = [];
  for (const z of need.zones) for (const b of topo.zoneBlocks[z]!.get(need.type) ?? []) if (!need.onlyBlocks || need.onlyBlocks.has(b)) blocks.push(b);
  const scope = need.onlyBlocks ? 'supernode' : req.scope === 'spread' ? 'zone' : req.scope;
  const scoped = scope === 'supernode' ? blocks.filter((b) => topo.blockIsSupernode[b]) : blocks;
  const block = largestFreeBlock({ topo, state: core.state }, scoped, scope, need.zones.length > 1);
  return {
    ok: false,
    code: 'CAPACITY_EXHAUSTED',
    owner: req.owner,
    project: req.project,
    message: `${describeNeed(topo, req, need.accelerators, growthWhere)}; ${describeFreeBlock(block)}`,
    largestFreeBlock: block,
  };
}

/** The decision as callers see it (ids, not indexes); its parts are remembered for the commit. */
export function toPlacement(core: AllocatorCore, req: AllocationRequest, replicas: Part[][], extra: { growth?: boolean; parentOwner?: string }): Placement {
  const parts = replicas.flat();
  const servers = placedServers(core, parts);
  const zone = core.topo.serverZone[parts[0]!.server]!;
  const placement: Placement = {
    ok: true,
    owner: req.owner,
    project: req.project,
    acceleratorType: req.acceleratorType,
    region: core.topo.zoneRegion[zone]!,
    zone: core.topo.zoneNames[zone]!,
    scope: req.scope,
    unit: req.unit,
    acceleratorCount: parts.reduce((a, p) => a + popcount(p.mask), 0),
    supernodes: distinctSupernodes(servers),
    servers,
  };
  if (extra.growth) placement.growth = true;
  if (extra.parentOwner !== undefined) {
    placement.parentOwner = extra.parentOwner;
    placement.replicas = replicas.map((rp, index) => ({
      index,
      supernode: core.topo.blockName[core.topo.serverBlock[rp[0]!.server]!] ?? null,
      servers: rp.map((p) => core.topo.serverName[p.server]!),
      acceleratorIds: rp.flatMap((p) => core.topo.acceleratorNames(p.server, p.mask)),
    }));
  }
  core.partsOf.set(placement, replicas);
  return placement;
}

/** Parts as ids, in server order. */
export function placedServers(core: AllocatorCore, parts: readonly Part[]): PlacedServer[] {
  const { topo } = core;
  return [...parts]
    .sort((a, b) => a.server - b.server)
    .map((p) => ({
      serverId: topo.serverName[p.server]!,
      supernode: topo.blockName[topo.serverBlock[p.server]!] ?? null,
      acceleratorIds: topo.acceleratorNames(p.server, p.mask),
    }));
}

/** Parts of a placement: remembered for our own objects, re-read from ids after a JSON round trip. */
export function resolveParts(core: AllocatorCore, placement: Placement): Part[][] {
  const known = core.partsOf.get(placement);
  if (known) return known;
  const toParts = (ids: readonly string[]): Part[] => {
    const byServer = new Map<number, number>();
    for (const id of ids) {
      const at = core.topo.resolveAccelerator(id);
      if (!at) throw new AicloudError('INVALID_VALUE', `placement names unknown accelerator ${id}`, { field: 'acceleratorIds', value: id });
      byServer.set(at.server, ((byServer.get(at.server) ?? 0) | (1 << at.index)) >>> 0);
    }
    return [...byServer].map(([server, mask]) => ({ server, mask, cpu: 0, mem: 0 }));
  };
  if (placement.replicas) return placement.replicas.map((r) => toParts(r.acceleratorIds));
  return [toParts(placement.servers.flatMap((s) => s.acceleratorIds))];
}

/** The supernodes of placed servers, each once, in order of first use. */
export function distinctSupernodes(servers: readonly PlacedServer[]): string[] {
  const out: string[] = [];
  for (const s of servers) if (s.supernode !== null && !out.includes(s.supernode)) out.push(s.supernode);
  return out;
}
