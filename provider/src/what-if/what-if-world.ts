import { PARTITION_CATALOGUE } from '../../../core/index.ts';
import { Allocator, type AllocationRequest } from '../../../controlplane/src/allocator/index.ts';
import { expandRows } from '../../../controlplane/src/cloud/index.ts';
import type { Displaced } from '../plan/index.ts';
import type { OccupancySnapshot } from '../../../controlplane/src/snapshot/index.ts';
import { applyDegrade, type DegradeEffect, type Degradation } from './what-if-degrade.ts';

/** The in-memory cloud a what-if plan runs against: the snapshot's allocator after the degradation. */
export interface WhatIfWorld {
  snapshot: OccupancySnapshot;
  allocator: Allocator;
  effects: DegradeEffect[];
  displaced: Displaced[];
}

type Doc = { id: string; kind: string; name: string; spec: Record<string, unknown> };

/**
 * Rebuilds the allocator from the snapshot (holdings, quotas, health marks), injects the degradation,
 * and gives every visible cluster that lost an accelerator a new placement of the same shape, oldest
 * first, as the cloud would have to before the plan's changes come.
 */
export function buildWhatIfWorld(snapshot: OccupancySnapshot, degrade: readonly Degradation[]): WhatIfWorld {
  const allocator = new Allocator(snapshot.inventory, { learn: 'manual', partitions: PARTITION_CATALOGUE });
  allocator.load(expandRows(snapshot.holdings));
  for (const q of snapshot.quotas) allocator.setQuota(snapshot.project, q.acceleratorType, q.limit);
  for (const m of snapshot.healthMarks) {
    try {
      if (m.type === 'accelerator') allocator.markFaulty(m.target);
      else allocator.drainServer(m.target);
    } catch {
      // A mark for hardware the inventory no longer has.
    }
  }
  // A bare `sn-2` means the one in the zones the project uses, when the inventory repeats the name.
  const zones = new Set((snapshot.resources as Doc[]).map((d) => d.spec.zone).filter((z): z is string => typeof z === 'string'));
  const effects = applyDegrade(allocator, snapshot.inventory, degrade, zones);
  const broken = new Set(effects.flatMap((e) => e.faulty));
  const hit = new Set<string>();
  for (const r of expandRows(snapshot.holdings)) if (broken.has(r.acceleratorId)) hit.add(r.parentOwner ?? r.owner);
  const docs = new Map((snapshot.resources as Doc[]).map((d) => [d.id, d]));
  const displaced: Displaced[] = [];
  for (const owner of [...hit].sort()) {
    const o = snapshot.owners.find((x) => x.owner === owner);
    const entry: Displaced = {
      owner,
      kind: o?.kind ?? null,
      name: o?.name ?? null,
      project: o?.project ?? 'other',
      acceleratorCount: o?.acceleratorCount ?? 0,
    };
    const held = allocator.holdings(owner);
    const doc = docs.get(owner);
    if (held && doc?.kind === 'Cluster' && !held.slices) {
      allocator.release(owner);
      const req: AllocationRequest = {
        owner,
        project: held.project,
        acceleratorType: held.acceleratorType,
        zone: held.zone,
        count: doc.spec.nodeCount as number,
        unit: 'servers',
        scope: (doc.spec.placement as AllocationRequest['scope']) ?? 'zone',
      };
      const d = allocator.place(req);
      if (d.ok) {
        allocator.commit(owner, d);
        entry.refit = { fits: true, supernodes: d.supernodes };
      } else entry.refit = { fits: false, message: d.message.split(owner).join(doc.name) };
    }
    displaced.push(entry);
  }
  return { snapshot, allocator, effects, displaced };
}
