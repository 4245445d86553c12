import { clusterSizeField, hourlyCost, type ClusterInputs } from '../../../core/index.ts';
import { serverSize } from '../allocator/index.ts';
import { clusterRequestOfType } from './cluster-holdings.ts';
import { partitionShare, type PendingRequest } from '../admission/index.ts';
import { apiError } from './errors.ts';
import { admissionStateOf, keepAdmissionState, queueKey, toQueueSpec } from './admission-state.ts';
import type { ControlPlane } from './control-plane.ts';
import { readDoc, specOf } from './resource-doc.ts';

type Spec = Record<string, unknown>;

/** Whether a create goes through admission: a cluster or an endpoint that names a queue. */
export function isQueued(kind: string, spec: Spec): boolean {
  return (kind === 'Cluster' || kind === 'ModelEndpoint') && typeof spec.queue === 'string';
}

/** A validated cluster spec that names a queue, typed as such; undefined for one that names none. */
export function queuedClusterSpec(spec: Spec): (ClusterInputs & { queue: string }) | undefined {
  const cluster = specOf({ kind: 'Cluster', spec }, 'Cluster');
  return cluster.queue !== undefined ? { ...cluster, queue: cluster.queue } : undefined;
}

/**
 * Checks that a queued cluster can ever be admitted (its queue exists and has a quota for the type
 * that covers the request, borrowing included), so a request that could only wait forever is
 * refused at once, with the numbers.
 */
export async function checkQueuedCluster(cp: ControlPlane, project: string, spec: ClusterInputs & { queue: string }): Promise<void> {
  if (spec.acceleratorTypes !== undefined) {
    // Admission reserves and charges one type per queued cluster; choosing among several there is not built yet.
    throw apiError(
      'INVALID_VALUE',
      `a queued cluster names one acceleratorType; acceleratorTypes (${spec.acceleratorTypes.join(', ')}) is not admitted through a queue yet`,
      {
        field: 'acceleratorTypes',
        value: spec.acceleratorTypes,
        hint: 'Name one acceleratorType for a queued cluster, or leave queue out to place it on the first listed type that fits.',
      },
    );
  }
  const type = spec.acceleratorType ?? '';
  const request = clusterRequestOfType(project, '', spec, type);
  const share = partitionShare(request);
  const field = clusterSizeField(spec);
  if (share !== undefined) {
    // A partition counts as its share of an accelerator.
    await checkQueueCovers(cp, project, spec.queue, type, share, {
      field,
      value: request.count,
      what: `${request.count} x ${request.profile} are ${share} ${type}`,
    });
    return;
  }
  // Servers of the type as the inventory builds them: the size admission counts against the quota.
  const ask = spec.nodeCount * serverSize(cp.allocator.topology, type);
  await checkQueueCovers(cp, project, spec.queue, type, ask, {
    field,
    value: spec.nodeCount,
    what: `${spec.nodeCount} ${type} servers are ${ask} accelerators`,
  });
}

/** The queue exists and its quota for `type` (borrowing included) covers `ask` accelerators; otherwise a clear refusal. */
export async function checkQueueCovers(
  cp: ControlPlane,
  project: string,
  name: string,
  type: string,
  ask: number,
  about: { field: string; value: unknown; what: string },
): Promise<void> {
  const record = await cp.store.getResource(project, 'Queue', name);
  if (!record) {
    throw apiError('DEPENDENCY_NOT_FOUND', `queue ${name} does not exist in project ${project}`, {
      field: 'queue',
      value: name,
      hint: 'Create the Queue first, or remove queue to be placed (or refused) at once.',
    });
  }
  const queue = toQueueSpec(project, readDoc(record).spec);
  const quota = queue.quotas[type];
  if (!quota) {
    throw apiError('INVALID_VALUE', `queue ${name} has no quota for ${type}`, {
      field: 'queue',
      value: name,
      status: 400,
      hint: `Add a quota for ${type} to the queue, or use a queue that has one.`,
    });
  }
  const limit = quota.nominal + (queue.cohort ? (quota.borrowingLimit ?? 0) : 0);
  if (ask > limit) {
    throw apiError(
      'QUOTA_EXCEEDED',
      `${about.what}; queue ${name} may hold ${limit} (nominal ${quota.nominal}${queue.cohort ? `, borrowing ${quota.borrowingLimit ?? 0}` : ''}), so it could never be admitted`,
      {
        field: about.field,
        value: about.value,
      },
    );
  }
}

/** What a queued cluster shows before admission: nothing held yet. */
export function pendingClusterOutputs(spec: ClusterInputs): Record<string, unknown> {
  return { acceleratorCount: 0, hourlyCost: hourlyCost('Cluster', spec) };
}

/** Puts a queued cluster's gang at the back of its queue (or in its priority's place). */
export async function enqueueCluster(cp: ControlPlane, project: string, id: string, spec: ClusterInputs & { queue: string }, now: number): Promise<void> {
  const request = clusterRequestOfType(project, id, spec, spec.acceleratorType ?? '');
  const state = await admissionStateOf(cp);
  const preemptible = spec.preemptible === true;
  const p: PendingRequest = {
    id,
    request,
    queue: queueKey(project, spec.queue),
    priority: spec.priority ?? 0,
    preemptible,
    movable: preemptible,
    arrival: now,
  };
  await keepAdmissionState(cp, { ...state, pending: [...state.pending, p] }, (view) => view.enqueue(p));
}
