import type { Allocator, Decision, ReplicaRequest } from '../allocator/index.ts';
import { partitionShare } from './admit-partitions.ts';
import { fewestVictims } from './find-victims.ts';
import { orderPending } from './order-pending.ts';
import { QuotaLedger } from './quota-ledger.ts';
import type { AdmissionDecision, AdmissionState, PendingRequest, ReplicaAsk, RunningWork } from './types.ts';

/** The pending work of a pass split in two: gangs (clusters) place servers, endpoints place replicas inside a cluster. */
export interface SplitWork {
  /** The state the gang stage sees: no waiting endpoints, and running endpoints never preempted or moved by it. */
  gangs: AdmissionState;
  endpoints: PendingRequest[];
  /** Running endpoints as they really are, restored after the gang stage. */
  endpointWork: Map<string, RunningWork>;
}

/**
 * Endpoints take no servers: they wait for accelerators inside their cluster. The gang stage still
 * counts their quota, but must not preempt or move them (their release would free no server).
 */
export function splitReplicaWork(state: AdmissionState): SplitWork {
  const endpointWork = new Map<string, RunningWork>();
  for (const w of state.running) if (w.replicas) endpointWork.set(w.id, w);
  const endpoints = state.pending.filter((p) => p.replicas);
  if (!endpoints.length && !endpointWork.size) return { gangs: state, endpoints, endpointWork };
  return {
    gangs: {
      ...state,
      pending: state.pending.filter((p) => !p.replicas),
      running: state.running.map((w) => (w.replicas ? { ...w, preemptible: false, movable: false } : w)),
    },
    endpoints,
    endpointWork,
  };
}

/**
 * The endpoint stage of a pass, after the gangs (so an endpoint whose cluster was just admitted can
 * start in the same pass). In queue order, each waiting endpoint's replicas are placed all or none
 * inside its cluster. The cluster is the fence: once an endpoint waits for room in cluster X, no
 * later endpoint may take X's free accelerators, so backfill never delays the head (later endpoints
 * still start in other clusters). A request that does not fit may release lower-priority preemptible
 * endpoints of the same cluster (queue `preemption: lowerPriority`), the fewest that make it fit.
 */
export function admitReplicas(
  after: { state: AdmissionState; decisions: AdmissionDecision[] },
  split: SplitWork,
  allocator: Allocator,
  now: number,
): { state: AdmissionState; decisions: AdmissionDecision[] } {
  const decisions = after.decisions;
  if (!split.endpoints.length && !split.endpointWork.size) return after;
  const state = after.state;
  const queues = new Map(state.queues.map((q) => [q.name, q]));
  const running = new Map(state.running.map((w) => [w.id, split.endpointWork.get(w.id) ?? w]));
  if (!split.endpoints.length) return { state: { ...state, running: [...running.values()] }, decisions };
  const ledger = new QuotaLedger(queues).charge(running.values());
  const pendingClusters = new Set(state.pending.map((p) => p.id));
  const moving = new Set(state.moves.map((m) => m.owner));

  const fenced = new Set<string>();
  const positions = new Map<string, number>();
  const admitted = new Set<string>();
  // Requests re-targeted in this pass to the type their cluster started on; they wait on, and are kept as, that type.
  const retargeted = new Map<string, PendingRequest>();
  for (const waiting of orderPending(split.endpoints, queues)) {
    const ask = waiting.replicas!;
    const held = allocator.holdings(ask.cluster);
    const p = held ? onClusterType(waiting, held.acceleratorType) : waiting;
    if (p !== waiting) retargeted.set(p.id, p);
    const type = p.request.acceleratorType;
    const wait = (extra?: string, fence = true) => {
      const position = (positions.get(ask.cluster) ?? 0) + 1;
      positions.set(ask.cluster, position);
      if (fence) fenced.add(ask.cluster);
      // While the cluster's type is open, the reason names every type it may start on.
      const types = [p.request, ...(p.alternatives ?? [])].map((r) => r.acceleratorType).join(' or ');
      decisions.push({ kind: 'pending', id: p.id, position, reason: replicaReason(ask, types, position, extra) });
    };
    // On a cluster whose type is still open (it waits, listing several) no type is charged yet: it waits for the cluster.
    if (!held && p.alternatives?.length) {
      wait(pendingClusters.has(ask.cluster) ? `cluster ${ask.clusterName} is waiting in its own queue` : `cluster ${ask.clusterName} holds no accelerators`);
      continue;
    }
    const share = replicaShare(ask, type, p.request.count);
    const quota = ledger.fits(p.queue, type, share);
    // Over quota it waits for its queue, not for the cluster: it fences nothing.
    if (!quota.ok) {
      wait(quota.why, false);
      continue;
    }
    if (!held) {
      wait(pendingClusters.has(ask.cluster) ? `cluster ${ask.clusterName} is waiting in its own queue` : `cluster ${ask.clusterName} holds no accelerators`);
      continue;
    }
    if (fenced.has(ask.cluster)) {
      wait();
      continue;
    }
    // A cluster being moved would leave replicas placed now on its old servers: wait for the move.
    if (moving.has(ask.cluster)) {
      wait(`cluster ${ask.clusterName} is moving`);
      continue;
    }
    const req = replicaRequest(p.id, ask);
    let d: Decision = allocator.placeReplicas(req);
    if (!d.ok && d.code === 'CAPACITY_EXHAUSTED' && queues.get(p.queue)?.preemption === 'lowerPriority') {
      const victims = findReplicaVictims(allocator, req, p.priority, [...running.values()]);
      if (victims) {
        for (const v of victims) {
          const w = running.get(v)!;
          allocator.release(v);
          running.delete(v);
          ledger.add(w.queue, w.request.acceleratorType, -w.accelerators);
          decisions.push({ kind: 'preempt', id: v, by: p.id });
        }
        d = allocator.placeReplicas(req);
      }
    }
    if (d.ok) {
      allocator.commit(p.id, d);
      const held = ask.profile !== undefined ? share : d.acceleratorCount;
      ledger.add(p.queue, type, held);
      running.set(p.id, {
        id: p.id,
        request: p.request,
        queue: p.queue,
        priority: p.priority,
        preemptible: p.preemptible,
        movable: false,
        accelerators: held,
        admittedAt: now,
        arrival: p.arrival,
        replicas: ask,
      });
      admitted.add(p.id);
      decisions.push({ kind: 'admit', id: p.id, placement: d, borrowed: quota.borrowed, waitedMs: now - p.arrival });
      continue;
    }
    // Room that will never come from other endpoints leaving (a replica larger than a server can
    // hold) is named; plain lack of room is what the position already says.
    wait(d.code === 'CAPACITY_EXHAUSTED' ? undefined : d.message);
  }
  return {
    state: {
      ...state,
      pending: [...state.pending, ...split.endpoints.filter((p) => !admitted.has(p.id)).map((p) => retargeted.get(p.id) ?? p)],
      running: [...running.values()],
    },
    decisions,
  };
}

/**
 * An endpoint's request on the type its cluster runs on. A request made while the cluster's type was
 * open (it listed several and waited) is on the cluster's first type, with the others as
 * alternatives; once the cluster holds accelerators, the request on the type it started on replaces
 * them all, so quota, reasons and the queue's usage follow the cluster.
 */
export function onClusterType(p: PendingRequest, type: string): PendingRequest {
  if (p.request.acceleratorType === type && !p.alternatives?.length) return p;
  const { alternatives, ...rest } = p;
  const request = [p.request, ...(alternatives ?? [])].find((r) => r.acceleratorType === type) ?? {
    ...p.request,
    acceleratorType: type,
    count: p.replicas!.profile !== undefined ? replicaShare(p.replicas!, type, p.request.count) : p.replicas!.replicas * p.replicas!.acceleratorsPerReplica,
  };
  return { ...rest, request };
}

/** The allocator's request for an endpoint's replicas inside its cluster. */
export function replicaRequest(id: string, ask: ReplicaAsk): ReplicaRequest {
  return {
    clusterOwner: ask.cluster,
    endpointOwner: id,
    replicas: ask.replicas,
    acceleratorsPerReplica: ask.acceleratorsPerReplica,
    ...(ask.profile !== undefined ? { profile: ask.profile } : {}),
  };
}

/**
 * What an endpoint's replicas count against its queue: whole accelerators, or for replicas on
 * partition instances each instance's share of an accelerator (as for partitioned clusters), so a
 * 1g.18gb instance of an H200 counts 1/8. `count` is the request's own count, used when the profile
 * is not in the catalogue.
 */
export function replicaShare(ask: ReplicaAsk, type: string, count: number): number {
  if (ask.profile === undefined) return count;
  return (
    partitionShare({ owner: '', project: '', acceleratorType: type, count: ask.replicas, unit: 'accelerators', scope: 'server', profile: ask.profile }) ?? count
  );
}

/**
 * `waiting for 2 replicas of 8 nvidia-h200 in cluster train-a; position 1`, or on partition instances
 * `waiting for 3 replicas x 1g.18gb in cluster dev-mig; position 1`: position counts the endpoints
 * waiting for that cluster.
 */
export function replicaReason(ask: ReplicaAsk, type: string, position: number, extra?: string): string {
  const each = ask.profile !== undefined ? `x ${ask.profile}` : `of ${ask.acceleratorsPerReplica} ${type}`;
  let s = `waiting for ${ask.replicas} replica${ask.replicas === 1 ? '' : 's'} ${each} in cluster ${ask.clusterName}; position ${position}`;
  if (extra) s += `; ${extra}`;
  return s;
}

/**
 * The fewest running endpoints of the same cluster to release so `req` fits: only queued endpoints of
 * lower priority that are preemptible; lowest priority first, then the largest (so fewer go), then
 * the latest admitted; victims that turn out not to be needed are spared. Decided on the allocator's
 * preview, so nothing changes here; undefined when even all of them would not make room.
 */
export function findReplicaVictims(allocator: Allocator, req: ReplicaRequest, priority: number, running: readonly RunningWork[]): string[] | undefined {
  const candidates = running
    .filter((w) => w.replicas?.cluster === req.clusterOwner && w.preemptible && w.priority < priority && w.id !== req.endpointOwner)
    .sort((a, b) => a.priority - b.priority || b.accelerators - a.accelerators || b.admittedAt - a.admittedAt || (a.id < b.id ? 1 : -1));
  return fewestVictims(
    candidates.map((c) => c.id),
    (releases) => allocator.preview([req], { releases }).results[0]!.ok,
  );
}
