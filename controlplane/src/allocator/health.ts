import { AicloudError } from '../../../core/index.ts';
import { accName, type AllocatorCore } from './allocator-core.ts';
import type { HealthReport } from './types.ts';

/** Takes an accelerator out of service; whoever runs on it is reported, and keeps it until released. */
export function markFaulty(core: AllocatorCore, acceleratorId: string, faulty = true): HealthReport {
  const at = core.topo.resolveAccelerator(acceleratorId);
  if (!at)
    throw new AicloudError('NOT_FOUND', `unknown accelerator ${acceleratorId}`, {
      field: 'acceleratorId',
      value: acceleratorId,
      hint: 'Accelerator ids look like cn-southwest-2a/sn-1/s07/3.',
    });
  core.state.setFaulty(at.server, at.index, faulty);
  return healthReport(core, at.server, (1 << at.index) >>> 0);
}

/** Stops new work on a server (`zone/serverId`, or a server id that only one zone has). */
export function drainServer(core: AllocatorCore, serverRef: string, draining = true): HealthReport {
  const s = resolveServer(core, serverRef);
  core.state.setDraining(s, draining);
  return healthReport(core, s, core.topo.layoutOf(s).fullMask);
}

/** Every faulty accelerator and draining server now, and who still runs there. */
export function health(core: AllocatorCore): HealthReport & { drainingServers: string[] } {
  const { topo, state } = core;
  const ids: string[] = [];
  const drainingServers: string[] = [];
  const affected = new Map<string, HealthReport['affected'][number]>();
  for (let s = 0; s < topo.serverCount; s++) {
    const mask = state.draining[s] ? topo.layoutOf(s).fullMask : state.faulty[s]!;
    if (mask === 0) continue;
    if (state.draining[s]) drainingServers.push(`${topo.zoneNames[topo.serverZone[s]!]}/${topo.serverName[s]}`);
    const report = healthReport(core, s, mask);
    for (let i = 0, m = state.faulty[s]!; m !== 0; i++, m >>>= 1) if (m & 1) ids.push(topo.acceleratorName(s, i));
    for (const entry of report.affected) {
      const known = affected.get(entry.owner);
      if (known) known.acceleratorIds.push(...entry.acceleratorIds);
      else affected.set(entry.owner, entry);
    }
  }
  return { acceleratorIds: ids, drainingServers, affected: [...affected.values()] };
}

/** A server index from `zone/serverId`, or from a server id only one zone has. */
function resolveServer(core: AllocatorCore, ref: string): number {
  const { topo } = core;
  const direct = topo.serverIndex.get(ref);
  if (direct !== undefined) return direct;
  const matches = topo.zoneNames.map((z) => topo.serverIndex.get(`${z}/${ref}`)).filter((s): s is number => s !== undefined);
  if (matches.length === 1) return matches[0]!;
  const hint =
    matches.length > 1
      ? `Several zones have ${ref}; prefix the zone (${topo.zoneNames[topo.serverZone[matches[0]!]!]}/${ref}).`
      : 'Server ids look like cn-southwest-2a/sn-1/s07.';
  throw new AicloudError('NOT_FOUND', matches.length > 1 ? `server ${ref} is ambiguous` : `unknown server ${ref}`, { field: 'serverId', value: ref, hint });
}

/** Who runs on the given accelerators of a server: whole holders, endpoints and partition owners. */
function healthReport(core: AllocatorCore, s: number, mask: number): HealthReport {
  const { topo, state } = core;
  const base = topo.serverBase[s]!;
  const byOwner = new Map<number, string[]>();
  const ids: string[] = [];
  for (let i = 0, m = mask; m !== 0; i++, m >>>= 1) {
    if (!(m & 1)) continue;
    const id = topo.acceleratorName(s, i);
    ids.push(id);
    for (const no of [state.holder[base + i]!, state.subHolder[base + i]!]) {
      if (no < 0) continue;
      if (!byOwner.has(no)) byOwner.set(no, []);
      byOwner.get(no)!.push(id);
    }
  }
  const affected = [...byOwner].map(([no, acceleratorIds]) => {
    const h = core.holdings.get(core.ownerNames[no]!)!;
    const entry: HealthReport['affected'][number] = { owner: h.owner, project: h.project, acceleratorIds };
    if (h.parent !== undefined) entry.parentOwner = h.parent;
    return entry;
  });
  // Partition owners on those accelerators are affected too.
  for (const sh of core.sliceHoldings.values()) {
    if (sh.server !== s) continue;
    const hit = sh.pieces.filter((p) => (mask >>> (p.acc - base)) & 1).map((p) => accName(core, p.acc));
    if (hit.length)
      affected.push({
        owner: sh.owner,
        project: sh.project,
        acceleratorIds: [...new Set(hit)],
        ...(sh.parent !== undefined ? { parentOwner: sh.parent } : {}),
      });
  }
  return { acceleratorIds: ids, affected };
}
