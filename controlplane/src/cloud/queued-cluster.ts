import { ACCELERATOR_TYPES, hourlyCost } from '../../../core/index.ts';
import type { AllocationRequest } from '../allocator/index.ts';
import { partitionShare, type PendingRequest } from '../admission/index.ts';
import { apiError } from './errors.ts';
import { admissionStateOf, keepAdmissionState, queueKey, toQueueSpec } from './admission-state.ts';
import type { ControlPlane } from './control-plane.ts';
import { readDoc } from './resource-doc.ts';

type Spec = Record<string, unknown>;

/** Whether a create goes through admission: a cluster or an endpoint that names a queue. */
export function isQueued(kind: string, spec: Spec): boolean {
  return (kind === 'Cluster' || kind === 'ModelEndpoint') && typeof spec.queue === 'string';
}

/**
 * Checks that a queued cluster can ever be admitted (its queue exists and has a quota for the type
 * that covers the request, borrowing included), so a request that could only wait forever is
 * refused at once, with the numbers.
 */
export async function checkQueuedCluster(cp: ControlPlane, project: string, spec: Spec): Promise<void> {
  const type = spec.acceleratorType as string;
  const request = clusterRequest(project, '', spec);
  const share = partitionShare(request);
  if (share !== undefined) {
    // A partition counts as its share of an accelerator.
    await checkQueueCovers(cp, project, spec.queue as string, type, share, { field: 'profileCount', value: request.count, what: `${request.count} x ${String(spec.acceleratorProfile)} are ${share} ${type}` });
    return;
  }
  const ask = (spec.nodeCount as number) * (ACCELERATOR_TYPES[type]?.acceleratorsPerServer ?? 8);
  await checkQueueCovers(cp, project, spec.queue as string, type, ask, { field: 'nodeCount', value: spec.nodeCount, what: `${spec.nodeCount} ${type} servers are ${ask} accelerators` });
}

/** The queue exists and its quota for `type` (borrowing included) covers `ask` accelerators; otherwise a clear refusal. */
export async function checkQueueCovers(cp: ControlPlane, project: string, name: string, type: string, ask: number, about: { field: string; value: unknown; what: string }): Promise<void> {
  const record = await cp.store.getResource(project, 'Queue', name);
  if (!record) {
    throw apiError('DEPENDENCY_NOT_FOUND', `queue ${name} does not exist in project ${project}`, { field: 'queue', value: name, hint: 'Create the Queue first, or remove queue to be placed (or refused) at once.' });
  }
  const queue = toQueueSpec(project, readDoc(record).spec);
  const quota = queue.quotas[type];
  if (!quota) {
    throw apiError('INVALID_VALUE', `queue ${name} has no quota for ${type}`, { field: 'queue', value: name, status: 400, hint: `Add a quota for ${type} to the queue, or use a queue that has one.` });
  }
  const limit = quota.nominal + (queue.cohort ? (quota.borrowingLimit ?? 0) : 0);
  if (ask > limit) {
    throw apiError('QUOTA_EXCEEDED', `${about.what}; queue ${name} may hold ${limit} (nominal ${quota.nominal}${queue.cohort ? `, borrowing ${quota.borrowingLimit ?? 0}` : ''}), so it could never be admitted`, {
      field: about.field,
      value: about.value,
    });
  }
}

/** What a queued cluster shows before admission: nothing held yet. */
export function pendingClusterOutputs(spec: Spec): Record<string, unknown> {
  return { acceleratorCount: 0, hourlyCost: hourlyCost('Cluster', spec) };
}

/** Puts a queued cluster's gang at the back of its queue (or in its priority's place). */
export async function enqueueCluster(cp: ControlPlane, project: string, id: string, spec: Spec, now: number): Promise<void> {
  const request = clusterRequest(project, id, spec);
  const state = await admissionStateOf(cp);
  const preemptible = spec.preemptible === true;
  const p: PendingRequest = { id, request, queue: queueKey(project, spec.queue as string), priority: (spec.priority as number | undefined) ?? 0, preemptible, movable: preemptible, arrival: now };
  await keepAdmissionState(cp, { ...state, pending: [...state.pending, p] }, (view) => view.enqueue(p));
}

/** A queued cluster's request: its servers, or for a partitioned cluster `profileCount` instances of its profile on one server. */
function clusterRequest(project: string, id: string, spec: Spec): AllocationRequest {
  const base = { owner: id, project, acceleratorType: spec.acceleratorType as string, region: spec.region as string | undefined, zone: spec.zone as string };
  if (typeof spec.acceleratorProfile === 'string') {
    return { ...base, count: (spec.profileCount as number | undefined) ?? 1, unit: 'accelerators', scope: 'server', profile: spec.acceleratorProfile };
  }
  return { ...base, count: spec.nodeCount as number, unit: 'servers', scope: spec.placement as AllocationRequest['scope'] };
}
