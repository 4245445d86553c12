import { randomBytes } from 'node:crypto';
import { hourlyCost, type ModelEndpointInputs } from '../../../../core/index.ts';
import { keepClusterInPlace } from '../admission-moves.ts';
import type { ReplicaPlacement } from '../allocation-wire.ts';
import { keepsReplicas, planReplicas } from '../endpoint-replicas.ts';
import { checkPool, requireCluster } from '../resource-references.ts';
import { clusterTypeOf, specOf, type WireResource } from '../resource-doc.ts';
import type { KindEffects } from './kind-effects.ts';

/** An endpoint's replicas are placed inside its cluster's accelerators (as leased, when a capacity lease holds them); it gets a URL and a new API key. */
export const modelEndpointEffects: KindEffects = {
  async create(cp, project, kind, id, spec, leaseId) {
    const endpoint = specOf({ kind, spec }, 'ModelEndpoint');
    const cluster = await requireCluster(cp, project, endpoint.cluster);
    await checkPool(cp, project, endpoint);
    await keepClusterInPlace(cp, cluster.id);
    // Replicas a capacity lease holds for this endpoint are taken over as leased.
    const replicas = (leaseId && (await cp.leases?.replicasFrom(cp, project, leaseId, id, spec, cluster.id))) || planReplicas(cp, cluster.id, id, spec);
    const apiKey = `sk-aic-${randomBytes(24).toString('base64url')}`;
    return { commitHoldings: replicas.commit, allocation: null, outputs: endpointOutputs(project, endpoint, cluster, replicas.placements), secret: apiKey };
  },
  async update(cp, before, spec, leaseId) {
    const endpoint = specOf({ kind: before.kind, spec }, 'ModelEndpoint');
    const project = before.project;
    const cluster = await requireCluster(cp, project, endpoint.cluster);
    await checkPool(cp, project, endpoint);
    const old = (before.outputs.replicaPlacements as ReplicaPlacement[] | undefined) ?? [];
    if (keepsReplicas(before.spec, spec, old)) return { allocation: null, outputs: endpointOutputs(project, endpoint, cluster, old) };
    await keepClusterInPlace(cp, cluster.id);
    const replicas =
      (leaseId && (await cp.leases?.replicasFrom(cp, project, leaseId, before.id, spec, cluster.id))) || planReplicas(cp, cluster.id, before.id, spec);
    return { commitHoldings: replicas.commit, allocation: null, outputs: endpointOutputs(project, endpoint, cluster, replicas.placements) };
  },
  // A resized endpoint can let waiting work in.
  wakesAdmission: { update: true },
};

/** An endpoint's outputs once its replicas are placed (a queued endpoint gets them on admission). */
export function endpointOutputs(project: string, spec: ModelEndpointInputs, cluster: WireResource, placements: ReplicaPlacement[]) {
  return {
    url: `https://${spec.name}.${project}.${spec.region}.aicloud.local/v1`,
    replicaPlacements: placements,
    hourlyCost: hourlyCost('ModelEndpoint', spec, { acceleratorType: clusterTypeOf(cluster) }),
  };
}
