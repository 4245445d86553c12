import { KINDS } from '../../../core/index.ts';
import type { Principal } from './principal.ts';
import type { ControlPlane } from './control-plane.ts';
import { capacityView } from './inventory-view.ts';
import { leaseOfOwner } from './lease-owner.ts';

function leaseHolderName(owner: string): { kind: string; name: string } | undefined {
  const lease = leaseOfOwner(owner);
  return lease === undefined ? undefined : { kind: 'Lease', name: lease };
}

/**
 * Who holds an accelerator, as the caller may see it. Index 0 of `holders` is always the anonymous
 * "held by another project": a project token never learns another project's resource names.
 */
export interface OccupancyHolder {
  /** False for the anonymous entry (another project's holdings). */
  visible: boolean;
  project: string | null;
  kind: string | null;
  name: string | null;
  id: string | null;
}

/** One server: faulty accelerators and holdings as bitmasks (bit i is accelerator `server/i`). */
export interface OccupancyServer {
  id: string;
  accelerators: number;
  faultyMask: number;
  draining: boolean;
  /** Accelerators a capacity lease holds (also in `held`, under the lease's holder). */
  leasedMask: number;
  /** `[holderIndex, mask]` pairs; endpoints running inside a cluster are reported on the cluster. */
  held: Array<[number, number]>;
}

/**
 * `GET /v1/projects/{project}/occupancy`: the map the console draws. One compact answer for a whole
 * inventory (38,400 accelerators stay well under a megabyte) because the console redraws from it.
 */
export async function occupancyView(cp: ControlPlane, principal: Principal, project: string, filter: { zone?: string }) {
  const inventory = cp.allocator.topology.inventory;
  const holders: OccupancyHolder[] = [{ visible: false, project: null, kind: null, name: null, id: null }];
  const holderIndex = new Map<string, number>();
  const byServer = new Map<string, Array<[number, number]>>();
  const rows = await cp.store.listAllocations();
  // Names come from one listing per project whose holdings the caller may see (a lookup by id is a scan).
  const names = new Map<string, { kind: string; name: string }>();
  const named = new Set(rows.filter((r) => r.parentOwner === null && (principal.admin || r.project === project)).map((r) => r.project));
  for (const p of named) for (const rec of await cp.store.listResourcesOfKinds(p, KINDS)) names.set(rec.id, { kind: rec.kind, name: rec.name });
  const leased = new Map<string, number>();
  for (const row of rows) {
    if (row.parentOwner !== null) continue;
    const seesName = principal.admin || row.project === project;
    let index = seesName ? holderIndex.get(row.owner) : 0;
    if (index === undefined) {
      // A lease's holding shows as kind Lease, named by its lease id (the console draws it as leased).
      const rec = names.get(row.owner) ?? leaseHolderName(row.owner);
      index = holders.length;
      holders.push({ visible: true, project: row.project, kind: rec?.kind ?? null, name: rec?.name ?? null, id: row.owner });
      holderIndex.set(row.owner, index);
    }
    if (leaseOfOwner(row.owner) !== undefined) leased.set(row.server, ((leased.get(row.server) ?? 0) | row.mask) >>> 0);
    const list = byServer.get(row.server) ?? [];
    const same = list.find((h) => h[0] === index);
    if (same) same[1] = (same[1] | row.mask) >>> 0;
    else list.push([index, row.mask >>> 0]);
    byServer.set(row.server, list);
  }
  const faulty = new Map<string, number>();
  const draining = new Set<string>();
  for (const m of await cp.store.listHealthMarks()) {
    if (m.type === 'server') draining.add(m.target);
    else {
      const at = m.target.lastIndexOf('/');
      const server = m.target.slice(0, at);
      faulty.set(server, ((faulty.get(server) ?? 0) | (1 << Number(m.target.slice(at + 1)))) >>> 0);
    }
  }
  const capacity = capacityView(cp, filter) as {
    zones: Array<{ zone: string; acceleratorType: string; largestFreeBlock: number; largestFreeBlockWhere: string | null }>;
    supernodes: Array<{ id: string; zone: string; free: number; total: number; wholeServersFree: number; largestFreeBlock: number }>;
  };
  const snCapacity = new Map(capacity.supernodes.map((s) => [`${s.zone}/${s.id}`, s]));
  const server = (zone: string, s: { id: string; acceleratorCount: number }): OccupancyServer => {
    const key = `${zone}/${s.id}`;
    return {
      id: s.id,
      accelerators: s.acceleratorCount,
      faultyMask: faulty.get(key) ?? 0,
      draining: draining.has(key),
      leasedMask: leased.get(key) ?? 0,
      held: byServer.get(key) ?? [],
    };
  };
  const zones = [];
  for (const region of inventory.regions) {
    for (const zone of region.zones) {
      if (filter.zone && zone.name !== filter.zone) continue;
      zones.push({
        region: region.name,
        zone: zone.name,
        // The allocator's own largest free block per accelerator type, for the fragmentation figure.
        blocks: capacity.zones
          .filter((c) => c.zone === zone.name)
          .map((c) => ({ acceleratorType: c.acceleratorType, largestFreeBlock: c.largestFreeBlock, where: c.largestFreeBlockWhere })),
        supernodes: zone.supernodes.map((sn) => {
          const c = snCapacity.get(`${zone.name}/${sn.id}`);
          return {
            id: sn.id,
            acceleratorType: sn.acceleratorType,
            free: c?.free ?? 0,
            total: c?.total ?? 0,
            wholeServersFree: c?.wholeServersFree ?? 0,
            largestFreeBlock: c?.largestFreeBlock ?? 0,
            servers: sn.servers.map((s) => server(zone.name, s)),
          };
        }),
        servers: zone.servers.map((s) => ({ ...server(zone.name, s), acceleratorType: s.acceleratorType })),
      });
    }
  }
  return { project, holders, zones };
}
