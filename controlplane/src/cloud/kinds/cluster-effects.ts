import { hourlyCost, type ClusterInputs } from '../../../../core/index.ts';
import type { AllocationSummary } from '../allocation-wire.ts';
import { planNewCluster, planResize } from '../cluster-holdings.ts';
import { clusterTypeOf, specOf } from '../resource-doc.ts';
import type { KindEffects } from './kind-effects.ts';

/** A cluster holds accelerators: placed on create, grown or shrunk next to what it holds on update (from a capacity lease when one holds it). */
export const clusterEffects: KindEffects = {
  async create(cp, project, kind, id, spec, leaseId) {
    const cluster = specOf({ kind, spec }, 'Cluster');
    // A create that names a capacity lease holding its shape takes the leased placement.
    const plan = (leaseId && (await cp.leases?.planFrom(cp, project, leaseId, id, spec))) || planNewCluster(cp, project, id, cluster);
    return { commitHoldings: plan.commit, allocation: plan.allocation, outputs: clusterOutputs(cluster, plan.allocation, plan.acceleratorType) };
  },
  async update(cp, before, spec, leaseId) {
    const cluster = specOf({ kind: before.kind, spec }, 'Cluster');
    const was = specOf(before, 'Cluster').nodeCount;
    const type = clusterTypeOf(before);
    if (cluster.nodeCount === was) {
      return { allocation: before.allocation, outputs: clusterOutputs(cluster, before.allocation, type) };
    }
    // A growth that names a capacity lease holding it takes the leased servers.
    const leased = leaseId && cluster.nodeCount > was ? await cp.leases?.growFrom(cp, leaseId, before, spec) : undefined;
    const plan = leased || (await planResize(cp, before.project, before.id, before.name, cluster, before.allocation!));
    return { commitHoldings: plan.commit, allocation: plan.allocation, outputs: clusterOutputs(cluster, plan.allocation, type) };
  },
  // A resized cluster can let waiting work in.
  wakesAdmission: { update: true },
};

/** A cluster's outputs; `acceleratorType` is the type it runs on (chosen from `acceleratorTypes` when it lists several), and its price follows it. */
function clusterOutputs(spec: ClusterInputs, allocation: AllocationSummary | null, chosen?: string): Record<string, unknown> {
  const acceleratorType = spec.acceleratorType ?? chosen;
  return {
    ...(acceleratorType !== undefined ? { acceleratorType } : {}),
    acceleratorCount: allocation?.acceleratorCount ?? 0,
    hourlyCost: hourlyCost('Cluster', { ...spec, acceleratorType }),
  };
}
