import { hourlyCost, type ClusterInputs } from '../../../../core/index.ts';
import type { AllocationSummary } from '../allocation-wire.ts';
import { planNewCluster, planResize } from '../cluster-holdings.ts';
import { specOf } from '../resource-doc.ts';
import type { KindEffects } from './kind-effects.ts';

/** A cluster holds accelerators: placed on create, grown or shrunk next to what it holds on update. */
export const clusterEffects: KindEffects = {
  async create(cp, project, kind, id, spec) {
    const cluster = specOf({ kind, spec }, 'Cluster');
    const plan = planNewCluster(cp, project, id, cluster);
    return { commitHoldings: plan.commit, allocation: plan.allocation, outputs: clusterOutputs(cluster, plan.allocation) };
  },
  async update(cp, before, spec) {
    const cluster = specOf({ kind: before.kind, spec }, 'Cluster');
    if (cluster.nodeCount === specOf(before, 'Cluster').nodeCount) {
      return { allocation: before.allocation, outputs: clusterOutputs(cluster, before.allocation) };
    }
    const plan = await planResize(cp, before.project, before.id, before.name, cluster, before.allocation!);
    return { commitHoldings: plan.commit, allocation: plan.allocation, outputs: clusterOutputs(cluster, plan.allocation) };
  },
  // A resized cluster can let waiting work in.
  wakesAdmission: { update: true },
};

function clusterOutputs(spec: ClusterInputs, allocation: AllocationSummary | null): Record<string, unknown> {
  return { acceleratorCount: allocation?.acceleratorCount ?? 0, hourlyCost: hourlyCost('Cluster', spec) };
}
