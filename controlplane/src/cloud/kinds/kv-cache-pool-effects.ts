import { hourlyCost, type KvCachePoolInputs } from '../../../../core/index.ts';
import { requireCluster } from '../resource-references.ts';
import type { WireResource } from '../resource-doc.ts';
import { specOf } from '../resource-doc.ts';
import type { KindEffects } from './kind-effects.ts';

/** A pool sits on a cluster that must exist; its size follows the cluster's accelerators. */
export const kvCachePoolEffects: KindEffects = {
  async create(cp, project, kind, _id, spec) {
    const pool = specOf({ kind, spec }, 'KvCachePool');
    return { allocation: null, outputs: poolOutputs(pool, await requireCluster(cp, project, pool.cluster)) };
  },
  async update(cp, before, spec) {
    const pool = specOf({ kind: before.kind, spec }, 'KvCachePool');
    return { allocation: null, outputs: poolOutputs(pool, await requireCluster(cp, before.project, pool.cluster)) };
  },
};

function poolOutputs(spec: KvCachePoolInputs, cluster: WireResource): Record<string, unknown> {
  const t = spec.tiers;
  const accelerators = (cluster.outputs.acceleratorCount as number | undefined) ?? 0;
  return {
    totalGib: t.hbmGib * accelerators + (t.dramGib ?? 0) + (t.ssdGib ?? 0),
    hourlyCost: hourlyCost('KvCachePool', spec),
  };
}
