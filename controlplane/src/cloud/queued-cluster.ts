import { acceptedTypes, clusterSizeField, hourlyCost, type ClusterInputs } from '../../../core/index.ts';
import { serverSize } from '../allocator/index.ts';
import { clusterRequestOfType } from './cluster-holdings.ts';
import { partitionLane, partitionLanesAhead, partitionShare, QuotaLedger, type PendingRequest } from '../admission/index.ts';
import { apiError, isAicloudError, type AicloudError } from './errors.ts';
import { admissionStateOf, currentQueues, keepAdmissionState, queueKey, toQueueSpec } from './admission-state.ts';
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
 * refused at once, with the numbers. A cluster listing several types (partitioned or not) needs one
 * such type; when none is, the refusal is its first type's, with every type's reason in the message.
 */
export async function checkQueuedCluster(cp: ControlPlane, project: string, spec: ClusterInputs & { queue: string }): Promise<void> {
  if (spec.acceleratorTypes === undefined) return checkQueuedType(cp, project, spec, spec.acceleratorType ?? '');
  const refusals: { type: string; error: AicloudError }[] = [];
  for (const type of spec.acceleratorTypes) {
    try {
      await checkQueuedType(cp, project, spec, type);
      return;
    } catch (e) {
      // A missing queue is the same for every type.
      if (!isAicloudError(e) || e.code === 'DEPENDENCY_NOT_FOUND') throw e;
      refusals.push({ type, error: e });
    }
  }
  const first = refusals[0]!.error;
  throw apiError(first.code, `queue ${spec.queue} could never admit any listed type: ${refusals.map((r) => `${r.type}: ${r.error.message}`).join('; ')}`, {
    ...(first.field !== undefined ? { field: first.field } : {}),
    ...('value' in first ? { value: first.value } : {}),
    hint: first.field === 'queue' ? 'Add a quota for one of the listed types to the queue, or use a queue that has one.' : first.hint,
    status: first.status,
  });
}

/** `checkQueuedCluster` for one accelerator type of the cluster. */
async function checkQueuedType(cp: ControlPlane, project: string, spec: ClusterInputs & { queue: string }, type: string): Promise<void> {
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

/**
 * The types of a queued cluster (its one, or its list in order) whose queue has quota room for it now,
 * and why each other type has none. The placement preview asks the allocator about these alone, since
 * the admission pass starts a request only on a type its quota has room for; so a plan's `will queue`
 * agrees with what the create then does. A queue not created yet (earlier in the same plan) has room.
 * `ledger` is the quota use to judge against (a plan's preview passes one that also counts what its
 * earlier creates will take); without it, the running work's.
 */
export async function typesWithQuotaRoom(
  cp: ControlPlane,
  project: string,
  spec: ClusterInputs & { queue: string },
  ledger?: QuotaLedger,
): Promise<{ room: string[]; full: string[] }> {
  const types = acceptedTypes(spec);
  const queues = await currentQueues(cp);
  const key = queueKey(project, spec.queue);
  if (!queues.some((q) => q.name === key)) return { room: types, full: [] };
  const used = ledger ?? new QuotaLedger(new Map(queues.map((q) => [q.name, q]))).charge((await admissionStateOf(cp)).running);
  const room: string[] = [];
  const full: string[] = [];
  for (const type of types) {
    const fits = used.fits(key, type, queuedClusterAsk(cp, project, spec, type));
    if (fits.ok) room.push(type);
    else full.push(types.length > 1 ? `${type}: ${fits.why!}` : fits.why!);
  }
  return { room, full };
}

/**
 * The listed types a new queued partitioned cluster could not start on now because partition requests
 * waiting ahead of it hold that type's lane (the partition stage admits a type and zone in order), so
 * the placement preview leaves them out as the pass would. Empty for a cluster of whole servers.
 */
export async function typesBehindPartitions(cp: ControlPlane, project: string, spec: ClusterInputs & { queue: string }): Promise<string[]> {
  if (spec.acceleratorProfile === undefined) return [];
  const [first = '', ...rest] = acceptedTypes(spec);
  const p: PendingRequest = {
    id: '',
    request: clusterRequestOfType(project, '', spec, first),
    ...(rest.length ? { alternatives: rest.map((t) => clusterRequestOfType(project, '', spec, t)) } : {}),
    queue: queueKey(project, spec.queue),
    priority: spec.priority ?? 0,
    preemptible: spec.preemptible === true,
    arrival: cp.clock.now(),
  };
  const { blocked } = partitionLanesAhead(await admissionStateOf(cp), p);
  return [p.request, ...(p.alternatives ?? [])].filter((r) => blocked.has(partitionLane(r))).map((r) => r.acceleratorType);
}

/** What a queued cluster counts against its queue's quota on `type`: every accelerator of its servers, or its partitions' share. */
export function queuedClusterAsk(cp: ControlPlane, project: string, spec: ClusterInputs, type: string): number {
  const request = clusterRequestOfType(project, '', spec, type);
  return partitionShare(request) ?? spec.nodeCount * serverSize(cp.allocator.topology, type);
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

/**
 * What a queued cluster shows before admission: nothing held yet. A cluster listing several types has
 * no type (nor price) until admission chooses one; then the pass sets both.
 */
export function pendingClusterOutputs(spec: ClusterInputs): Record<string, unknown> {
  return { acceleratorCount: 0, hourlyCost: hourlyCost('Cluster', spec) };
}

/**
 * Puts a queued cluster's gang at the back of its queue (or in its priority's place): on its one type,
 * or on each listed type in order (admission starts it on the first that fits quota and room).
 */
export async function enqueueCluster(cp: ControlPlane, project: string, id: string, spec: ClusterInputs & { queue: string }, now: number): Promise<void> {
  const [first = '', ...rest] = acceptedTypes(spec);
  const request = clusterRequestOfType(project, id, spec, first);
  const state = await admissionStateOf(cp);
  const preemptible = spec.preemptible === true;
  const p: PendingRequest = {
    id,
    request,
    ...(rest.length ? { alternatives: rest.map((t) => clusterRequestOfType(project, id, spec, t)) } : {}),
    queue: queueKey(project, spec.queue),
    priority: spec.priority ?? 0,
    preemptible,
    movable: preemptible,
    arrival: now,
  };
  await keepAdmissionState(cp, { ...state, pending: [...state.pending, p] }, (view) => view.enqueue(p));
}
