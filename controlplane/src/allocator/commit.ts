import { AicloudError } from '../../../core/index.ts';
import type { AllocatorCore } from './allocator-core.ts';
import { commitReplicaSlices } from './endpoint-instances.ts';
import { commitReplicas } from './endpoint-replicas.ts';
import { newHolding } from './holding-book.ts';
import { quotaKey } from './holding-state.ts';
import { observe } from './observe.ts';
import { commitSlices } from './partitions.ts';
import { addQuotaUse } from './quotas.ts';
import { popcount } from './server-layout.ts';
import { resolveParts } from './to-placement.ts';
import type { Placement } from './types.ts';

/**
 * Makes a placement real. Throws when it no longer fits (something else committed first) or would
 * break the quota, so a stale decision can never double-book an accelerator.
 */
export function commit(core: AllocatorCore, owner: string, placement: Placement): void {
  if (placement.owner !== owner) throw new AicloudError('INTERNAL', `placement for ${placement.owner} committed as ${owner}`);
  if (placement.slices && placement.parentOwner !== undefined) return commitReplicaSlices(core, owner, placement);
  if (placement.slices) return commitSlices(core, owner, placement);
  const replicas = resolveParts(core, placement);
  if (placement.parentOwner !== undefined) return commitReplicas(core, owner, placement, replicas);
  const parts = replicas.flat();
  const type = core.topo.typeIndex.get(placement.acceleratorType);
  const zone = core.topo.zoneIndex.get(placement.zone);
  if (type === undefined || zone === undefined)
    throw new AicloudError('INVALID_VALUE', `placement names unknown type or zone (${placement.acceleratorType}, ${placement.zone})`);
  const existing = core.holdings.get(owner);
  if (existing && !placement.growth) throw new AicloudError('ALREADY_EXISTS', `${owner} already holds accelerators; grow it or release it first`);
  if (existing && (existing.type !== type || existing.zone !== zone))
    throw new AicloudError(
      'INVALID_VALUE',
      `${owner} holds ${core.topo.typeNames[existing.type]} in ${core.topo.zoneNames[existing.zone]}; a growth must match`,
    );
  const { state, topo } = core;
  let count = 0;
  const seen = new Set<number>();
  for (const p of parts) {
    if (topo.serverType[p.server] !== type || topo.serverZone[p.server] !== zone || seen.has(p.server)) {
      throw new AicloudError('INVALID_VALUE', `placement for ${owner} does not match its type and zone`);
    }
    seen.add(p.server);
    if ((state.usable[p.server]! & p.mask) >>> 0 !== p.mask || state.cpuFree[p.server]! < p.cpu || state.memFree[p.server]! < p.mem) {
      throw new AicloudError(
        'CAPACITY_EXHAUSTED',
        `placement for ${owner} is stale: ${topo.serverName[p.server]} of ${topo.zoneNames[zone]} no longer has those accelerators free`,
        { hint: 'Place the request again.' },
      );
    }
    count += popcount(p.mask);
  }
  const limit = core.quotas.get(quotaKey(placement.project, placement.acceleratorType));
  const used = core.quotaUsed.get(quotaKey(placement.project, placement.acceleratorType)) ?? 0;
  if (limit !== undefined && used + count > limit) {
    throw new AicloudError(
      'QUOTA_EXCEEDED',
      `quota for ${placement.acceleratorType} in project ${placement.project} is ${limit}; ${used} in use, asked ${count}`,
    );
  }
  const h = existing ?? newHolding(core, owner, placement.project, type, zone);
  for (const p of parts) {
    state.hold(p.server, p.mask, h.no, p.cpu, p.mem);
    const prev = h.parts.get(p.server);
    h.parts.set(p.server, prev ? { mask: (prev.mask | p.mask) >>> 0, cpu: prev.cpu + p.cpu, mem: prev.mem + p.mem } : { mask: p.mask, cpu: p.cpu, mem: p.mem });
  }
  h.count += count;
  addQuotaUse(core, h.project, type, count);
  if (core.learn === 'commit') observe(core, { ...placement, count: placement.unit === 'servers' ? placement.servers.length : placement.acceleratorCount });
}
