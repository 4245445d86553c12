import { apiError } from './errors.ts';
import type { ControlPlane } from './control-plane.ts';
import { readDoc, type WireResource } from './resource-doc.ts';

/** The cluster a pool or endpoint names, which must exist in the same project. */
export async function referencedCluster(cp: ControlPlane, project: string, name: unknown): Promise<WireResource | undefined> {
  if (typeof name !== 'string') return undefined;
  const rec = await cp.store.getResource(project, 'Cluster', name);
  return rec ? readDoc(rec) : undefined;
}

/** The cluster a pool or endpoint names, or the API's refusal naming the field. */
export async function requireCluster(cp: ControlPlane, project: string, name: string): Promise<WireResource> {
  const cluster = await referencedCluster(cp, project, name);
  if (!cluster) {
    throw apiError('DEPENDENCY_NOT_FOUND', `cluster ${name} does not exist in project ${project}`, {
      field: 'cluster',
      value: name,
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
  return (await dependents(cp, target.project)).filter((r) => r.spec[field] === target.name && r.id !== target.id).map((r) => `${r.kind} ${r.name}`);
}

/** A pool an endpoint names must exist and sit on the endpoint's cluster. */
export async function checkPool(cp: ControlPlane, project: string, spec: { kvCachePool?: string; cluster: string }): Promise<void> {
  if (spec.kvCachePool === undefined) return;
  const pool = await cp.store.getResource(project, 'KvCachePool', spec.kvCachePool);
  if (!pool) {
    throw apiError('DEPENDENCY_NOT_FOUND', `kvCachePool ${spec.kvCachePool} does not exist in project ${project}`, {
      field: 'kvCachePool',
      value: spec.kvCachePool,
    });
  }
  const poolCluster = readDoc(pool).spec.cluster;
  if (poolCluster !== spec.cluster) {
    throw apiError('INVALID_VALUE', `kvCachePool ${spec.kvCachePool} is attached to cluster ${String(poolCluster)}, not ${spec.cluster}`, {
      field: 'kvCachePool',
      value: spec.kvCachePool,
      status: 400,
    });
  }
}
