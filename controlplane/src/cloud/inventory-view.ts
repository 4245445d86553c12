import type { CapacityReport, Topology } from '../allocator/index.ts';
import type { ControlPlane } from './control-plane.ts';

/** `GET /v1/regions`: the inventory's regions, zones and supernode shapes, and the accelerator types. */
export function regionsView(cp: ControlPlane): unknown {
  const inventory = cp.allocator.topology.inventory;
  return {
    regions: inventory.regions.map((r) => ({
      name: r.name,
      zones: r.zones.map((z) => ({
        name: z.name,
        supernodes: z.supernodes.map((sn) => ({ id: sn.id, shape: sn.shape, acceleratorType: sn.acceleratorType, servers: sn.servers.length })),
        servers: z.servers.length,
      })),
    })),
    acceleratorTypes: Object.values(inventory.acceleratorTypes),
    shapes: Object.values(inventory.shapes),
  };
}

/**
 * `GET /v1/capacity`: the allocator's report in the wire shape front ends read. Zones keep
 * `largestFreeBlock` as a number of accelerators (with `largestFreeBlockWhere` beside it);
 * supernodes and servers are flat lists that name their zone and type.
 */
export function capacityView(cp: ControlPlane, filter: { zone?: string; acceleratorType?: string }): unknown {
  const f: { zone?: string; acceleratorType?: string } = {};
  if (filter.zone) f.zone = filter.zone;
  if (filter.acceleratorType) f.acceleratorType = filter.acceleratorType;
  return toWire(cp.allocator.capacity(f));
}

function toWire(report: CapacityReport) {
  const zones = [];
  const supernodes = [];
  const servers = [];
  for (const z of report.zones) {
    zones.push({
      region: z.region,
      zone: z.zone,
      acceleratorType: z.acceleratorType,
      total: z.total,
      free: z.free,
      held: z.held,
      unavailable: z.unavailable,
      largestFreeBlock: z.largestFreeBlock.accelerators,
      largestFreeBlockWhere: z.largestFreeBlock.where,
    });
    for (const sn of z.supernodes) {
      supernodes.push({
        id: sn.supernode,
        zone: z.zone,
        acceleratorType: z.acceleratorType,
        total: sn.total,
        free: sn.free,
        wholeServersFree: sn.wholeServersFree,
        largestFreeBlock: sn.largestFreeBlock,
      });
    }
    for (const s of z.servers) {
      servers.push({
        id: s.serverId,
        zone: z.zone,
        supernode: s.supernode,
        acceleratorType: z.acceleratorType,
        total: s.total,
        free: s.free,
        faulty: s.faulty,
        draining: s.draining,
        // Accelerators cut into partitions count as not free; their free pool units or positions show here.
        ...(s.partitioned ? { partitioned: s.partitioned, freeSliceUnits: s.freeSliceUnits ?? 0 } : {}),
        // Cluster partition instances here, and how many of them endpoint replicas run on.
        ...(s.instances ? { instances: s.instances, endpointInstances: s.endpointInstances ?? 0 } : {}),
      });
    }
  }
  return { zones, supernodes, servers };
}

/** Region names the inventory has, in inventory order. */
export function regionNames(topo: Topology): string[] {
  return [...new Set(topo.zoneRegion)];
}
