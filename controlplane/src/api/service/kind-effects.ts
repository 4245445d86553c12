import { loadAdmissionState } from './admission-state.ts';
import { keepClusterInPlace } from './admission-moves.ts';
import { queueOutputs } from './queue-outputs.ts';
import { randomBytes } from 'node:crypto';
import { hourlyCost, type Kind } from '../../../../provider/src/core/index.ts';
import type { ResourceRecord } from '../../store/index.ts';
import { apiError } from '../errors.ts';
import type { AllocationSummary, ReplicaPlacement } from './allocation-wire.ts';
import { planNewCluster, planResize } from './cluster-holdings.ts';
import type { ControlPlane } from './control-plane.ts';
import { keepsReplicas, planReplicas } from './endpoint-replicas.ts';
import { readDoc, type WireResource } from './resource-doc.ts';

/** What a kind adds to a change besides its spec: accelerators held, outputs, a secret. */
export interface Effects {
  /** Writes the change's holding rows and then records it in the allocator; run after the resource's writes. */
  commitHoldings?: (cp: ControlPlane) => Promise<void>;
  allocation: AllocationSummary | null;
  outputs: Record<string, unknown>;
  /** Plain secret to seal and store (an endpoint's apiKey), when one is new. */
  secret?: string;
}

type Spec = Record<string, unknown>;

/** The cluster a pool or endpoint names, which must exist in the same project. */
export async function referencedCluster(cp: ControlPlane, project: string, name: unknown): Promise<WireResource | undefined> {
  if (typeof name !== 'string') return undefined;
  const rec = await cp.store.getResource(project, 'Cluster', name);
  return rec ? readDoc(rec) : undefined;
}

async function requireCluster(cp: ControlPlane, project: string, spec: Spec): Promise<WireResource> {
  const cluster = await referencedCluster(cp, project, spec.cluster);
  if (!cluster) {
    throw apiError('DEPENDENCY_NOT_FOUND', `cluster ${String(spec.cluster)} does not exist in project ${project}`, {
      field: 'cluster',
      value: spec.cluster,
    });
  }
  return cluster;
}

/** Endpoints and pools of a project, parsed once per request that needs them. */
async function dependents(cp: ControlPlane, project: string): Promise<WireResource[]> {
  return (await cp.store.listResourcesOfKinds(project, ['KvCachePool', 'ModelEndpoint'])).map(readDoc);
}

/** Names of the resources that refer to `target` by name, so a delete can say who blocks it. */
export async function usersOf(cp: ControlPlane, target: WireResource): Promise<string[]> {
  if (target.kind === 'Queue') {
    return (await cp.store.listResourcesOfKinds(target.project, ['Cluster', 'ModelEndpoint']))
      .map(readDoc)
      .filter((r) => r.spec.queue === target.name)
      .map((r) => `${r.kind} ${r.name}`);
  }
  if (target.kind !== 'Cluster' && target.kind !== 'KvCachePool') return [];
  const field = target.kind === 'Cluster' ? 'cluster' : 'kvCachePool';
  return (await dependents(cp, target.project))
    .filter((r) => r.spec[field] === target.name && r.id !== target.id)
    .map((r) => `${r.kind} ${r.name}`);
}

/** Decides a kind's effects for a create; throws the API's 409 when the cloud cannot do it. */
export async function createEffects(cp: ControlPlane, project: string, kind: Kind, id: string, spec: Spec, leaseId?: string): Promise<Effects> {
  switch (kind) {
    case 'Cluster': {
      const plan = (leaseId && (await cp.leases?.planFrom(cp, project, leaseId, id, spec))) || planNewCluster(cp, project, id, spec);
      return { commitHoldings: plan.commit, allocation: plan.allocation, outputs: clusterOutputs(spec, plan.allocation) };
    }
    case 'KvCachePool': {
      const cluster = await requireCluster(cp, project, spec);
      return { allocation: null, outputs: poolOutputs(spec, cluster) };
    }
    case 'ModelEndpoint': {
      const cluster = await requireCluster(cp, project, spec);
      await checkPool(cp, project, spec);
      await keepClusterInPlace(cp, cluster.id);
      const replicas = planReplicas(cp, cluster.id, id, spec);
      const apiKey = `sk-aic-${randomBytes(24).toString('base64url')}`;
      return { commitHoldings: replicas.commit, allocation: null, outputs: endpointOutputs(project, spec, cluster, replicas.placements), secret: apiKey };
    }
    case 'Queue':
      return { allocation: null, outputs: queueOutputs(await loadAdmissionState(cp.store), project, spec) };
    default:
      return { allocation: null, outputs: storageOutputs(project, kind, spec) };
  }
}

/** Decides a kind's effects for an in-place update from `before` to `spec`. */
export async function updateEffects(cp: ControlPlane, before: WireResource, spec: Spec): Promise<Effects> {
  const project = before.project;
  switch (before.kind as Kind) {
    case 'Cluster': {
      if (spec.nodeCount === before.spec.nodeCount) {
        return { allocation: before.allocation, outputs: clusterOutputs(spec, before.allocation) };
      }
      const plan = await planResize(cp, project, before.id, before.name, spec, before.allocation!);
      return { commitHoldings: plan.commit, allocation: plan.allocation, outputs: clusterOutputs(spec, plan.allocation) };
    }
    case 'KvCachePool':
      return { allocation: null, outputs: poolOutputs(spec, await requireCluster(cp, project, spec)) };
    case 'ModelEndpoint': {
      const cluster = await requireCluster(cp, project, spec);
      await checkPool(cp, project, spec);
      const old = (before.outputs.replicaPlacements as ReplicaPlacement[] | undefined) ?? [];
      if (keepsReplicas(before.spec, spec, old)) return { allocation: null, outputs: endpointOutputs(project, spec, cluster, old) };
      await keepClusterInPlace(cp, cluster.id);
      const replicas = planReplicas(cp, cluster.id, before.id, spec);
      return { commitHoldings: replicas.commit, allocation: null, outputs: endpointOutputs(project, spec, cluster, replicas.placements) };
    }
    case 'Queue':
      return { allocation: null, outputs: queueOutputs(await loadAdmissionState(cp.store), project, spec) };
    default:
      return { allocation: null, outputs: storageOutputs(project, before.kind as Kind, spec) };
  }
}

function clusterOutputs(spec: Spec, allocation: AllocationSummary | null): Record<string, unknown> {
  return { acceleratorCount: allocation?.acceleratorCount ?? 0, hourlyCost: hourlyCost('Cluster', spec) };
}

function poolOutputs(spec: Spec, cluster: WireResource): Record<string, unknown> {
  const t = spec.tiers as { hbmGib: number; dramGib?: number; ssdGib?: number };
  const accelerators = (cluster.outputs.acceleratorCount as number | undefined) ?? 0;
  return {
    totalGib: t.hbmGib * accelerators + (t.dramGib ?? 0) + (t.ssdGib ?? 0),
    hourlyCost: hourlyCost('KvCachePool', spec),
  };
}

/** A pool an endpoint names must exist and sit on the endpoint's cluster. */
export async function checkPool(cp: ControlPlane, project: string, spec: Spec): Promise<void> {
  if (spec.kvCachePool === undefined) return;
  const pool = await cp.store.getResource(project, 'KvCachePool', spec.kvCachePool as string);
  if (!pool) {
    throw apiError('DEPENDENCY_NOT_FOUND', `kvCachePool ${String(spec.kvCachePool)} does not exist in project ${project}`, {
      field: 'kvCachePool',
      value: spec.kvCachePool,
    });
  }
  const poolCluster = readDoc(pool).spec.cluster;
  if (poolCluster !== spec.cluster) {
    throw apiError('INVALID_VALUE', `kvCachePool ${String(spec.kvCachePool)} is attached to cluster ${String(poolCluster)}, not ${String(spec.cluster)}`, {
      field: 'kvCachePool',
      value: spec.kvCachePool,
      status: 400,
    });
  }
}

/** An endpoint's outputs once its replicas are placed (a queued endpoint gets them on admission). */
export function endpointOutputs(project: string, spec: Spec, cluster: WireResource, placements: ReplicaPlacement[]) {
  return {
    url: `https://${String(spec.name)}.${project}.${String(spec.region)}.aicloud.local/v1`,
    replicaPlacements: placements,
    hourlyCost: hourlyCost('ModelEndpoint', spec, { acceleratorType: cluster.spec.acceleratorType as string }),
  };
}

function storageOutputs(project: string, kind: Kind, spec: Spec): Record<string, unknown> {
  const out: Record<string, unknown> = { hourlyCost: hourlyCost(kind, spec) };
  if (kind === 'FileSystem') out.mountTarget = `${String(spec.protocol)}://${String(spec.name)}.${project}.${String(spec.zone)}.fs.aicloud.local/`;
  if (kind === 'Bucket') out.url = `https://${String(spec.name)}.oss.${String(spec.region)}.aicloud.local`;
  return out;
}

/** Adds an endpoint's apiKey to a reply when the caller may see it. */
export function withSecret(cp: ControlPlane, record: ResourceRecord, doc: WireResource): WireResource {
  if (!record.secret) return doc;
  return { ...doc, outputs: { ...doc.outputs, apiKey: cp.secrets.open(record.secret) } };
}
