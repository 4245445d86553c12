import { createCore, type AllocatorCore } from './allocator-core.ts';
import { commit } from './commit.ts';
import { placeReplicas } from './endpoint-replicas.ts';
import { grow, place } from './place-cluster.ts';
import { release } from './release.ts';
import type { Decision, PreviewItem, PreviewResult } from './types.ts';

/**
 * A dry run of a plan's allocations together: releases first, then each item in order against what
 * the earlier ones took. Nothing changes here.
 */
export function preview(core: AllocatorCore, items: readonly PreviewItem[], opts: { releases?: readonly string[] } = {}): PreviewResult {
  const scratch = forkCore(core);
  for (const owner of opts.releases ?? []) release(scratch, owner);
  const results: Decision[] = [];
  for (const item of items) {
    let d: Decision;
    if ('clusterOwner' in item) d = placeReplicas(scratch, item);
    else if (item.grow && scratch.holdings.has(item.owner)) d = grow(scratch, item.owner, item);
    else d = place(scratch, item);
    if (d.ok) {
      try {
        commit(scratch, d.owner, d);
      } catch (e) {
        d = { ok: false, code: 'CAPACITY_EXHAUSTED', message: (e as Error).message, owner: d.owner, project: d.project };
      }
    }
    results.push(d);
  }
  return { ok: results.every((r) => r.ok), results };
}

/** A scratch copy for previews: shares the topology and the learned profile, learns nothing itself. */
function forkCore(core: AllocatorCore): AllocatorCore {
  const copy = createCore(core.topo, {
    policy: core.policy,
    seed: core.seed ^ 0x9e3779b9,
    profile: core.profile,
    learnOff: true,
    sliceWorkloads: core.sliceWorkloads,
    partitions: Object.fromEntries(core.topo.typeNames.flatMap((n, i) => (core.partitions[i] ? [[n, core.partitions[i]!]] : []))),
  });
  for (const [owner, sh] of core.sliceHoldings) copy.sliceHoldings.set(owner, { ...sh, pieces: sh.pieces.map((p) => ({ ...p })) });
  for (const [k, v] of core.slicedTypes) copy.slicedTypes.set(k, v);
  for (const [k, v] of core.carved) copy.carved.set(k, { ...v });
  for (const [k, v] of core.sliceChildren) copy.sliceChildren.set(k, new Set(v));
  copy.state = core.state.clone();
  copy.tieOrder = core.tieOrder;
  // A preview places as this instance would: apart from where other instances are placing now.
  copy.busyElsewhere = core.busyElsewhere;
  for (const [owner, h] of core.holdings) {
    copy.holdings.set(owner, { ...h, children: new Set(h.children), parts: new Map([...h.parts].map(([s, p]) => [s, { ...p }])) });
  }
  copy.ownerNames.push(...core.ownerNames);
  copy.freeOwnerNos.push(...core.freeOwnerNos);
  for (const [k, v] of core.quotas) copy.quotas.set(k, v);
  for (const [k, v] of core.quotaUsed) copy.quotaUsed.set(k, v);
  return copy;
}
