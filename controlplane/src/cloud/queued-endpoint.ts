import { randomBytes } from 'node:crypto';
import { clusterTypesOf, hourlyCost, reservedReplicas, type ModelEndpointInputs } from '../../../core/index.ts';
import type { AllocationRequest, Placement } from '../allocator/index.ts';
import { forgetWork, partitionShare, QuotaLedger, type PendingRequest, type RunningWork } from '../admission/index.ts';
import { apiError, isAicloudError, type AicloudError, type ErrorCode } from './errors.ts';
import { currentQueues, loadAdmissionState, queueKey, saveAdmissionState } from './admission-state.ts';
import { toReplicaPlacements } from './allocation-wire.ts';
import type { ControlPlane } from './control-plane.ts';
import { endpointOutputs, type Effects } from './kinds/index.ts';
import { checkPool, referencedCluster } from './resource-references.ts';
import { checkQueueCovers } from './queued-cluster.ts';
import { clusterTypeOf, specOf, type WireResource } from './resource-doc.ts';

type Spec = ModelEndpointInputs;

/** A queued endpoint's validated spec, and the queue it names. */
function queuedSpec(spec: Record<string, unknown>): { e: Spec; queue: string } {
  const e = specOf({ kind: 'ModelEndpoint', spec }, 'ModelEndpoint');
  if (e.queue === undefined) throw new Error(`endpoint ${e.name} names no queue`);
  return { e, queue: e.queue };
}

/**
 * Accelerators an endpoint's replicas take: what its queue counts against its quota. Replicas on
 * partition instances count each instance as its share of an accelerator of the cluster's type.
 */
function replicaAccelerators(spec: Spec, type: string): number {
  return replicasAsk(
    { replicas: reservedReplicas(spec), acceleratorsPerReplica: spec.acceleratorsPerReplica, acceleratorProfile: spec.acceleratorProfile },
    type,
  );
}

/**
 * `replicaAccelerators` for replicas already counted: the placement preview asks it of a plan's new
 * queued endpoint, so its `will queue` judges the quota as the create's admission will.
 */
export function replicasAsk(r: { replicas: number; acceleratorsPerReplica: number; acceleratorProfile?: string | undefined }, type: string): number {
  if (r.acceleratorProfile !== undefined) {
    const share = partitionShare({
      owner: '',
      project: '',
      acceleratorType: type,
      count: r.replicas,
      unit: 'accelerators',
      scope: 'server',
      profile: r.acceleratorProfile,
    });
    if (share !== undefined) return share;
  }
  return r.replicas * r.acceleratorsPerReplica;
}

/** How a queue check names what the replicas add up to, e.g. `2 replicas x 1g.18gb are 0.25 nvidia-h200`. */
function describeAsk(spec: Spec, type: string, ask: number): string {
  const each = spec.acceleratorProfile ?? `${spec.acceleratorsPerReplica} ${type}`;
  return `${reservedReplicas(spec)} replicas x ${each} are ${ask} ${spec.acceleratorProfile !== undefined ? type : 'accelerators'}`;
}

/**
 * Checks a queued endpoint before it waits: its cluster exists (it may itself still be waiting), its
 * pool fits, and its queue could ever hold its replicas, so nothing waits forever for a quota. On a
 * cluster that lists several types and has not started, the queue must cover the replicas on every
 * type the cluster may start on; the refusal names the type that fails.
 */
export async function checkQueuedEndpoint(
  cp: ControlPlane,
  project: string,
  raw: Record<string, unknown>,
  cluster: WireResource | undefined,
): Promise<WireResource> {
  const { e: spec, queue } = queuedSpec(raw);
  if (!cluster) {
    throw apiError('DEPENDENCY_NOT_FOUND', `cluster ${spec.cluster} does not exist in project ${project}`, { field: 'cluster', value: spec.cluster });
  }
  await checkPool(cp, project, spec);
  const types = clusterTypesOf(cluster.spec, cluster.outputs);
  for (const type of types) {
    const ask = replicaAccelerators(spec, type);
    try {
      await checkQueueCovers(cp, project, queue, type, ask, { field: 'replicas', value: reservedReplicas(spec), what: describeAsk(spec, type, ask) });
    } catch (e) {
      if (types.length < 2 || !isAicloudError(e) || e.code === 'DEPENDENCY_NOT_FOUND') throw e;
      throw onOpenType(e, cluster.name, type);
    }
  }
  return cluster;
}

/** A queue check that fails on one of the types a waiting cluster may still start on, naming that type. */
function onOpenType(e: AicloudError, cluster: string, type: string): AicloudError {
  return apiError(e.code as ErrorCode, `${e.message} (cluster ${cluster} has not started yet and may start on ${type}, one of its acceleratorTypes)`, {
    ...(e.field !== undefined ? { field: e.field } : {}),
    ...('value' in e ? { value: e.value } : {}),
    hint: `Drop ${type} from cluster ${cluster}'s acceleratorTypes, or change the endpoint${e.hint ? `: ${e.hint}` : '.'}`,
    status: e.status,
  });
}

/** What a queued endpoint shows before admission: no url and no replicas yet; its API key is made now and stays secret. */
export function pendingEndpointEffects(spec: Record<string, unknown>, cluster: WireResource): Effects {
  return {
    allocation: null,
    // On a cluster whose type is still open the price is not known yet: it is set on admission.
    outputs: { replicaPlacements: [], hourlyCost: hourlyCost('ModelEndpoint', spec, { acceleratorType: clusterTypeOf(cluster) }) },
    secret: `sk-aic-${randomBytes(24).toString('base64url')}`,
  };
}

/** Puts a queued endpoint's replicas at the back of its queue (or in its priority's place). */
export async function enqueueEndpoint(
  cp: ControlPlane,
  project: string,
  id: string,
  spec: Record<string, unknown>,
  cluster: WireResource,
  now: number,
): Promise<void> {
  const state = await loadAdmissionState(cp.store);
  state.pending = [...state.pending, endpointRequest(project, id, spec, cluster, now)];
  await saveAdmissionState(cp.store, state);
}

/**
 * An endpoint's pending request, on the type its cluster runs on. On a cluster whose type is still
 * open (it lists several and waits), `request` is on its first type and `alternatives` on the others:
 * the replica stage re-targets it to the type the cluster starts on before it checks quota or places
 * a replica, so the endpoint never waits on, nor is charged to, a type its cluster does not run.
 */
function endpointRequest(project: string, id: string, raw: Record<string, unknown>, cluster: WireResource, arrival: number): PendingRequest {
  const { e: spec, queue } = queuedSpec(raw);
  const c = specOf(cluster, 'Cluster');
  const onType = (type: string): AllocationRequest => ({
    owner: id,
    project,
    acceleratorType: type,
    zone: c.zone,
    region: c.region,
    count: replicaAccelerators(spec, type),
    unit: 'accelerators',
    scope: 'zone',
  });
  const [first = '', ...rest] = clusterTypesOf(cluster.spec, cluster.outputs);
  return {
    id,
    request: onType(first),
    ...(rest.length ? { alternatives: rest.map(onType) } : {}),
    queue: queueKey(project, queue),
    priority: spec.priority ?? 0,
    preemptible: spec.preemptible === true,
    arrival,
    replicas: {
      cluster: cluster.id,
      clusterName: cluster.name,
      replicas: reservedReplicas(spec),
      acceleratorsPerReplica: spec.acceleratorsPerReplica,
      ...(spec.acceleratorProfile !== undefined ? { profile: spec.acceleratorProfile } : {}),
    },
  };
}

/** An admitted endpoint's outputs: its url and where each replica runs. */
export async function admittedEndpointOutputs(cp: ControlPlane, doc: WireResource, placement: Placement): Promise<Record<string, unknown>> {
  const cluster = await referencedCluster(cp, doc.project, doc.spec.cluster);
  if (!cluster) return doc.outputs;
  return { ...doc.outputs, ...endpointOutputs(doc.project, specOf(doc, 'ModelEndpoint'), cluster, toReplicaPlacements(placement.replicas ?? [])) };
}

/** A preempted endpoint serves nothing until it is admitted again: no url, no replicas. */
export function preemptedEndpointOutputs(outputs: Record<string, unknown>): Record<string, unknown> {
  const { url: _url, ...rest } = outputs;
  return { ...rest, replicaPlacements: [] };
}

/**
 * A running endpoint's in-place change as its queue sees it: a new size, or a new `queue`, `priority`
 * or `preemptible`. Growth, or a move to another queue, must fit that queue's quota (it is placed at
 * once or refused, as without a queue); the engine then records the endpoint as it now is. An
 * endpoint that drops its queue is forgotten by the engine (never preempted again); one that gains
 * a queue is counted from now on.
 */
export async function syncQueuedEndpoint(cp: ControlPlane, before: WireResource, raw: Record<string, unknown>): Promise<void> {
  const spec = specOf({ kind: 'ModelEndpoint', spec: raw }, 'ModelEndpoint');
  const state = await loadAdmissionState(cp.store);
  const work = state.running.find((w) => w.id === before.id);
  const named = spec.queue !== undefined ? queueKey(before.project, spec.queue) : undefined;
  if (!work && !named) return;
  if (!named) {
    await saveAdmissionState(cp.store, forgetWork(state, before.id));
    return;
  }
  const cluster = await referencedCluster(cp, before.project, spec.cluster);
  if (!cluster) return;
  const type = clusterTypeOf(cluster);
  const ask = replicaAccelerators(spec, type);
  // A new queue must exist and have a quota for the type.
  if (work?.queue !== named)
    await checkQueueCovers(cp, before.project, spec.queue!, type, ask, {
      field: 'replicas',
      value: reservedReplicas(spec),
      what: describeAsk(spec, type, ask),
    });
  if (!work || ask > work.accelerators || work.queue !== named) {
    const ledger = new QuotaLedger(new Map((await currentQueues(cp)).map((q) => [q.name, q]))).charge(state.running.filter((w) => w.id !== before.id));
    const fits = ledger.fits(named, type, ask);
    if (!fits.ok) {
      // The engine names queues `project/name`; users know the name.
      const why = (fits.why ?? '').split(named).join(spec.queue ?? '');
      throw apiError('QUOTA_EXCEEDED', `${before.kind} ${before.name} would hold ${ask} ${type}: ${why}`, {
        field: work?.queue === named ? 'replicas' : 'queue',
        value: work?.queue === named ? reservedReplicas(spec) : spec.queue,
      });
    }
  }
  const request = endpointRequest(before.project, before.id, raw, cluster, work?.admittedAt ?? cp.clock.now());
  const now: RunningWork = {
    id: before.id,
    request: request.request,
    queue: request.queue,
    priority: request.priority,
    preemptible: request.preemptible,
    movable: false,
    accelerators: ask,
    admittedAt: work?.admittedAt ?? cp.clock.now(),
    replicas: request.replicas!,
  };
  await saveAdmissionState(cp.store, { ...state, running: [...state.running.filter((w) => w.id !== before.id), now] });
}
