import { askOf, serverSize, type AllocationRequest, type Allocator, type Decision } from '../allocator/index.ts';
import { admitPartitions, splitPartitionWork } from './admit-partitions.ts';
import { admitReplicas, splitReplicaWork } from './admit-replicas.ts';
import { chooseFence, clearableServers } from './choose-fence.ts';
import { findVictims } from './find-victims.ts';
import { tryFurtherTypes } from './further-types.ts';
import { finishMoves } from './finish-moves.ts';
import { orderPending } from './order-pending.ts';
import { anyTypeCauses, causeText, describeWait, describeWaitAny, fencedOut, pendingReason, type WaitCause } from './pending-reason.ts';
import { quotaAfterPreemption } from './quota-victims.ts';
import { planMoves } from './plan-moves.ts';
import { AdmissionView } from './admission-view.ts';
import { supernodeOccupancy } from './supernode-occupancy.ts';
import type { AdmissionDecision, AdmissionState, AdmitOptions, MoveInFlight, PendingRequest, Reservation, RunningLookup, RunningWork } from './types.ts';

const DEFAULT_MOVE_MS = 60_000;

/** A request still waiting after the walk, and the constraint that holds it back. */
interface Waiting {
  p: PendingRequest;
  perServer: number;
  cause: WaitCause;
  /** For a request accepting several types: why each further type did not start it (`h200: no room`). */
  others?: string[];
}

/**
 * One admission pass. Finishes due moves, then walks the pending requests in order: a request with a
 * reservation starts only inside its fence; any other starts only outside every fence (conservative
 * backfill: it can never take what a reserved gang waits for). Gangs are all-or-nothing. A request
 * that does not fit may preempt lower-priority preemptible work (queue `preemption: lowerPriority`);
 * the first blocked `supernode` gang of each type gets a reservation, and with `defragment` the pass
 * moves movable holdings out of the fence. Commits and releases go to `allocator` at once; the new
 * state and the decisions come back, so the caller persists both together.
 */
export function admit(
  state: AdmissionState,
  allocator: Allocator,
  now: number,
  options: AdmitOptions = {},
): { state: AdmissionState; decisions: AdmissionDecision[] } {
  // Partitioned clusters and endpoints (room inside their cluster) have their own stages, after the gangs.
  const split = splitReplicaWork(state);
  const parts = splitPartitionWork(split.gangs);
  return admitReplicas(admitPartitions(admitGangs(parts.rest, allocator, now, options), parts, allocator, now), split, allocator, now);
}

/**
 * Whether a state holds gangs alone (no partitioned cluster, no endpoint): then `admit` is its gang
 * stage and nothing else, and `admitOnView` on a view of the state decides exactly as `admit` does.
 */
export function gangsOnly(state: AdmissionState): boolean {
  for (const p of state.pending) if (p.replicas || p.request.profile !== undefined) return false;
  for (const w of state.running) if (w.replicas || w.request.profile !== undefined) return false;
  return true;
}

/**
 * `admit` for a caller that keeps the gang stage's `AdmissionView` between passes (the control plane):
 * the pass runs on the view, which it updates in place, and the new state is the view's snapshot.
 * Only for a state of gangs alone (`gangsOnly`); otherwise call `admit`.
 */
export function admitOnView(
  view: AdmissionView,
  allocator: Allocator,
  now: number,
  options: AdmitOptions = {},
): { state: AdmissionState; decisions: AdmissionDecision[] } {
  const decisions = admitPass(view, allocator, now, options);
  return { state: view.snapshot(), decisions };
}

/** The gang stage of a pass: clusters, which take whole servers (see `admit`), on a view built for it. */
function admitGangs(
  state: AdmissionState,
  allocator: Allocator,
  now: number,
  options: AdmitOptions,
): { state: AdmissionState; decisions: AdmissionDecision[] } {
  const view = AdmissionView.fromState(state);
  const decisions = admitPass(view, allocator, now, options);
  return { state: view.snapshot(), decisions };
}

/**
 * The same pass over a long-lived `AdmissionView`, which it updates in place (so the running-work view
 * and quota use are never rebuilt). `admit` is this pass on a view built from the state it is given.
 */
export function admitPass(view: AdmissionView, allocator: Allocator, now: number, options: AdmitOptions = {}): AdmissionDecision[] {
  const { backfill = true, defragment = false, maxMovesPerPass = 16, reservationsPerType = 1, replanMs = 60_000 } = options;
  const moveMs = options.moveDurationMs ?? (() => DEFAULT_MOVE_MS);
  const decisions: AdmissionDecision[] = [];
  const { queueByName: queues, ledger } = view;
  const pinned = options.pinned;
  // Running work as the defragmenter sees it: pinned work is not movable in this pass.
  const movableView: RunningLookup = pinned
    ? {
        get: (id) => {
          const w = view.running.get(id);
          return w && w.movable && pinned(id) ? { ...w, movable: false, preemptible: false } : w;
        },
      }
    : view.running;
  // Set when this pass makes room (a preemption) or lifts a fence that requests earlier in the order did not see.
  let again = false;

  const finished = finishMoves(allocator, view.moves, now);
  let moves: MoveInFlight[] = finished.left;
  for (const m of finished.done) {
    view.moved(m.owner, m.target);
    decisions.push({ kind: 'move-done', owner: m.owner });
  }

  const byId = view.pending;
  const pendingList = [...byId.values()];
  const reservations = new Map<string, Reservation>();
  for (const r of view.reservations) if (byId.has(r.requestId)) reservations.set(r.requestId, { ...r });
  let fenceSet = new Set([...reservations.values()].map((r) => r.supernode));
  let fenceList = [...fenceSet];
  const refreshFences = () => {
    fenceSet = new Set([...reservations.values()].map((r) => r.supernode));
    fenceList = [...fenceSet];
  };

  // Within a pass capacity only shrinks (until a preemption), so a shape that failed fails again at
  // the same size or larger: skip those place calls (this keeps a pass fast with many pending).
  let failedAt = new Map<string, Map<string, number>>();
  const tryPlace = (req: AllocationRequest, limits: { only?: string[]; exclude?: string[] }): Decision | undefined => {
    const lk = limits.only ? `only ${limits.only.join(',')}` : limits.exclude?.length ? `not ${limits.exclude.join(',')}` : '';
    let byShape = failedAt.get(lk);
    if (!byShape) failedAt.set(lk, (byShape = new Map()));
    const key = shapeKey(req);
    const failed = byShape.get(key);
    if (failed !== undefined && req.count >= failed) return undefined;
    const d = allocator.placeWithin(req, limits);
    if (!d.ok && d.code === 'CAPACITY_EXHAUSTED') byShape.set(key, Math.min(req.count, failed ?? Infinity));
    return d;
  };

  const admitted = new Set<string>();
  const order = orderPending(pendingList, queues);
  // Reasons are written after the walk, when positions among the requests still waiting are known.
  let waiting: Waiting[] = [];
  const sizes = new Map<string, number>();
  const sizeOf = (type: string): number => {
    let n = sizes.get(type);
    if (n === undefined) sizes.set(type, (n = serverSize(allocator.topology, type)));
    return n;
  };
  // Fences looked at again in this pass (once each): one whose holders cannot be cleared moves.
  const revisited = new Set<string>();
  // A walk that lifts a fence or preempts (room the requests before it did not see) walks again, so
  // after a pass no waiting request could start outside the other gangs' fences within its quota.
  for (let walk = true; walk;) {
    walk = false;
    waiting = [];
    for (const p of order) {
      if (admitted.has(p.id)) continue;
      const type = p.request.acceleratorType;
      const perServer = sizeOf(type);
      const ask = askOf(p.request, perServer);
      const canPreempt = queues.get(p.queue)?.preemption === 'lowerPriority';
      let quota = ledger.fits(p.queue, type, ask);
      const reservation = reservations.get(p.id);
      const others = reservation ? fenceList.filter((f) => f !== reservation.supernode) : fenceList;
      const blockedByHead = !backfill && reservations.size > 0 && !reservation;
      let d: Decision | undefined;
      if (quota.ok && !blockedByHead) {
        // Its own fence first, then anywhere outside the other gangs' fences.
        if (reservation) d = tryPlace(p.request, { only: [reservation.supernode] });
        if (!d?.ok) d = tryPlace(p.request, { exclude: others });
      }
      // A request accepting several types starts on the first further type that fits its quota and
      // room before anything is preempted for it; preemption and fences concern its first type only.
      let chosen = p.request;
      let tried: string[] | undefined;
      if (!d?.ok && !blockedByHead && p.alternatives?.length) {
        const further = tryFurtherTypes(p, ledger, sizeOf, (alt) => tryPlace(alt, { exclude: others }));
        if (further.started) {
          d = further.placement;
          chosen = further.request;
          quota = further.quota;
        } else tried = further.tried;
      }
      if (!d?.ok && !blockedByHead && canPreempt) {
        // Work this pass admitted is not preempted by it: a walk that starts again after a lifted fence
        // would otherwise evict what it has just started.
        const candidates = [...view.running.values()].filter(
          (w) => !admitted.has(w.id) && !moves.some((m) => m.owner === w.id) && !(w.preemptible && pinned?.(w.id)),
        );
        const victims = findVictims(allocator, p.request, p.priority, candidates, new Set(others), quotaAfterPreemption(ledger, queues, p, ask));
        if (victims) {
          for (const v of victims) {
            allocator.release(v);
            view.removeRunning(v);
            again = true;
            decisions.push({ kind: 'preempt', id: v, by: p.id });
          }
          failedAt = new Map();
          if (waiting.length > 0) walk = true;
          quota = ledger.fits(p.queue, type, ask);
          d = quota.ok ? allocator.placeWithin(p.request, { exclude: others }) : undefined;
        }
      }
      if (!quota.ok) {
        waiting.push({ p, perServer, cause: { kind: 'quota', why: quota.why! }, ...(tried ? { others: tried } : {}) });
        continue;
      }
      if (d?.ok) {
        allocator.commit(p.id, d);
        const accelerators = d.acceleratorCount;
        const work: RunningWork = {
          id: p.id,
          request: chosen,
          queue: p.queue,
          priority: p.priority,
          preemptible: p.preemptible,
          movable: p.preemptible || p.movable === true,
          accelerators,
          admittedAt: now,
          arrival: p.arrival,
        };
        view.addRunning(work, d);
        if (reservations.delete(p.id)) {
          refreshFences();
          again = true;
          if (waiting.length > 0) walk = true;
        }
        admitted.add(p.id);
        decisions.push({ kind: 'admit', id: p.id, placement: d, borrowed: quota.borrowed, waitedMs: now - p.arrival });
        continue;
      }
      const clearable = (id: string): boolean => {
        const w = movableView.get(id);
        if (!w) return false;
        return (defragment && w.movable) || (canPreempt && w.preemptible && w.priority < p.priority);
      };
      let held = reservation;
      const servers = Math.ceil(ask / perServer);
      if (held && !revisited.has(p.id) && p.request.scope === 'supernode') {
        // A fence whose holders can neither move nor be preempted is given up for one that could serve.
        revisited.add(p.id);
        const occ = supernodeOccupancy(allocator, p.request.zone, type, view.serverHolders(allocator));
        const own = occ.get(held.supernode);
        if (!own || clearableServers(own, clearable) < servers) {
          const better = chooseFence(occ, servers, clearable, new Set(others));
          if (better && better.supernode !== held.supernode && better.clearable >= servers) {
            held = { requestId: p.id, supernode: better.supernode, since: now };
            reservations.set(p.id, held);
            refreshFences();
            again = true;
            if (waiting.length > 0) walk = true;
            decisions.push({ kind: 'reserve', id: p.id, supernode: held.supernode, since: now });
          }
        }
      }
      if (!held && !blockedByHead && p.request.scope === 'supernode' && reservationsOf(reservations, byId, type, p.request.zone) < reservationsPerType) {
        const occ = supernodeOccupancy(allocator, p.request.zone, type, view.serverHolders(allocator));
        const fence = chooseFence(occ, servers, clearable, fenceSet);
        if (fence) {
          held = { requestId: p.id, supernode: fence.supernode, since: now };
          reservations.set(p.id, held);
          revisited.add(p.id);
          refreshFences();
          decisions.push({ kind: 'reserve', id: p.id, supernode: held.supernode, since: now });
        }
      }
      // Plan moves once per wave: while this gang's moves run, wait for them rather than re-reading the topology.
      // and re-read a fence's occupancy at most once per `replanMs`.
      if (held && defragment && !moves.some((m) => m.forRequest === p.id) && (held.plannedAt === undefined || now - held.plannedAt >= replanMs)) {
        held.plannedAt = now;
        const occ = supernodeOccupancy(allocator, p.request.zone, type, view.serverHolders(allocator)).get(held.supernode) ?? [];
        const moving = new Set(moves.map((m) => m.owner));
        const budget = maxMovesPerPass - moves.filter((m) => m.startedAt === now).length;
        const planned = planMoves(allocator, held.supernode, occ, servers, movableView, moving, [...fenceSet], now, moveMs, budget, p.id);
        for (const m of planned) {
          decisions.push({
            kind: 'move-start',
            owner: m.owner,
            holdingOwner: m.holdingOwner,
            from: allocator.holdings(m.owner)?.servers.map((s) => s.serverId) ?? [],
            to: m.target.servers.map((s) => s.serverId),
            due: m.due,
          });
        }
        moves = [...moves, ...planned];
      }
      waiting.push({
        p,
        perServer,
        cause: blockedByHead ? { kind: 'behind-head' } : held ? { kind: 'capacity' } : fencedOut(p.request, fenceList, tryPlace),
        ...(tried ? { others: tried } : {}),
      });
    }
  }
  waiting.forEach(({ p, perServer, cause, others }, i) => {
    const wait = p.alternatives?.length ? describeWaitAny([p.request, ...p.alternatives], sizeOf) : waitText(p.request, perServer);
    const why = others ? anyTypeCauses(p.request.acceleratorType, causeText(cause), others) : causeText(cause);
    decisions.push({ kind: 'pending', id: p.id, position: i + 1, reason: pendingReason(wait, i + 1, reservations.get(p.id), why) });
  });
  for (const id of admitted) view.pending.delete(id);
  view.reservations = [...reservations.values()];
  view.moves = moves;
  view.passed(again);
  return decisions;
}

/** Work left the cloud (finished or deleted): drop it from the engine's state; release it in the allocator first. */
export function forgetWork(state: AdmissionState, id: string): AdmissionState {
  return {
    ...state,
    pending: state.pending.filter((p) => p.id !== id),
    running: state.running.filter((w) => w.id !== id),
    reservations: state.reservations.filter((r) => r.requestId !== id),
    moves: state.moves.filter((m) => m.owner !== id),
  };
}

const waitTexts = new WeakMap<AllocationRequest, string>();

/** What a request waits for, cached per request object (the text never changes). */
function waitText(req: AllocationRequest, perServer: number): string {
  let t = waitTexts.get(req);
  if (t === undefined) waitTexts.set(req, (t = describeWait(req, perServer)));
  return t;
}

const shapeKeys = new WeakMap<AllocationRequest, string>();

/** A request's shape apart from its size (requests are the same objects pass after pass, so this is cached). */
function shapeKey(req: AllocationRequest): string {
  let k = shapeKeys.get(req);
  if (k === undefined) {
    k = `${req.acceleratorType}|${req.zone ?? ''}|${req.region ?? ''}|${req.scope}|${req.unit}|${req.cpuMilli ?? 0}|${req.memoryMib ?? 0}`;
    shapeKeys.set(req, k);
  }
  return k;
}

/** Reservations held by requests of one accelerator type and zone. */
function reservationsOf(
  reservations: ReadonlyMap<string, Reservation>,
  byId: ReadonlyMap<string, PendingRequest>,
  type: string,
  zone: string | undefined,
): number {
  let n = 0;
  for (const id of reservations.keys()) {
    const r = byId.get(id)?.request;
    if (r && r.acceleratorType === type && r.zone === zone) n++;
  }
  return n;
}
