import {
  admit,
  admitOnView,
  AdmissionView,
  forgetWork,
  gangsOnly,
  requeueOf,
  sameButPosition,
  type AdmissionDecision,
  type AdmissionState,
  type AdmitOptions,
  type PendingRequest,
} from '../admission/index.ts';
import type { Placement } from '../allocator/index.ts';
import { finishOperation, operationLatencyMs } from '../operations/index.ts';
import { hourlyCost } from '../../../core/index.ts';
import { summarizeServers, summarizeSlices } from './allocation-wire.ts';
import type { Positions } from './admission-cache.ts';
import { updateDoc } from './admission-moves.ts';
import { admissionStateOf, currentQueues, keepAdmissionState, keepPositions, positionsOf, loadAdmissionState, loadDefragmentMode } from './admission-state.ts';
import { changeHoldings, type ControlPlane } from './control-plane.ts';
import { rowsOfPlacement } from './holding-rows.ts';
import { newOperationId, type WireResource } from './resource-doc.ts';
import { PENDING_DUE_AT } from './pending-operation.ts';
import { admittedEndpointOutputs, preemptedEndpointOutputs } from './queued-endpoint.ts';

export interface PassOptions {
  /** Plan moves for reserved gangs in this pass (the admin operation), whatever the background mode. */
  defragment?: boolean;
}

/**
 * Runs one admission pass inside the caller's write transaction: the engine decides on the live
 * allocator, and each decision is written here (holdings, resource documents, operations) together
 * with the engine's new state. Cheap when nothing waits and nothing moves.
 */
export async function runAdmission(cp: ControlPlane, opts: PassOptions = {}): Promise<AdmissionDecision[]> {
  const state = await admissionStateOf(cp);
  if (!state.pending.length && !state.moves.length) return [];
  const passDone = cp.metrics.admissionPass();
  const now = cp.clock.now();
  const queues = await currentQueues(cp);
  const input: AdmissionState = { ...state, queues };
  const defragment = opts.defragment || (await loadDefragmentMode(cp.store)) === 'auto';
  const options: AdmitOptions = {
    defragment,
    moveDurationMs: () => Math.max(1, operationLatencyMs('Cluster', 'update', cp.timeScale)),
    // A cluster that endpoints run inside is neither moved nor preempted: that would break their
    // replicas. The allocator mirrors the holdings rows in this transaction, so it answers, not a query.
    pinned: (id) => cp.allocator.hasEndpointsInside(id),
  };
  const view = gangsOnly(reusable(cp, state) ? { ...input, running: [] } : input) ? gangView(cp, state, input) : undefined;
  cp.allocatorEpoch++;
  const { state: next, decisions } = view ? admitOnView(view, cp.allocator, now, options) : admit(input, cp.allocator, now, options);
  const requeued: AdmissionState['pending'] = [];
  const waiting = new Map(next.pending.map((p) => [p.id, p]));
  const shown = new Map<string, PendingRequest>();
  const positions: Positions = {};
  for (const d of decisions) {
    if (d.kind !== 'pending') await applyDecision(cp, d, now, state, next, requeued);
    else {
      positions[d.id] = d.position;
      const p = waiting.get(d.id);
      if (p?.shown === undefined || !sameButPosition(p.shown, d.reason)) await showReason(cp, d, p, shown);
    }
  }
  // Requests whose document now shows a new reason remember it, in the view too.
  const pending = shown.size ? next.pending.map((p) => shown.get(p.id) ?? p) : next.pending;
  if (view) for (const p of shown.values()) view.pending.set(p.id, p);
  const saved = { ...next, pending: [...pending, ...requeued] };
  // The view stays the stored state's: preempted work waits again in it too.
  for (const p of requeued) view?.enqueue(p);
  const before = await positionsOf(cp);
  await keepAdmissionState(cp, saved);
  if (!samePositions(before, positions)) await keepPositions(cp, positions);
  if (view) cp.admission = { ...cp.admission!, view, viewOf: saved, epoch: cp.allocatorEpoch };
  passDone();
  if (requeued.length) await runAdmission(cp);
  return decisions;
}

/**
 * Whether the cached view is the view of exactly this state. Its running work then holds gangs alone
 * (a view is kept only after a pass of gangs alone, and since then work only left or began to wait),
 * so only the pending requests need looking at to know the state is still of gangs alone.
 */
function reusable(cp: ControlPlane, state: AdmissionState): boolean {
  const cached = cp.admission;
  return cached?.view !== undefined && cached.viewOf === state;
}

/**
 * The gang stage's view for this pass: the cached one when it is the view of exactly this state,
 * with the same queue specs; otherwise a new one. When the
 * allocator changed since the view's last pass (holdings released, resized or reloaded behind it),
 * its server index is rebuilt from the allocator on next use.
 */
function gangView(cp: ControlPlane, state: AdmissionState, input: AdmissionState): AdmissionView {
  const cached = cp.admission;
  const view = cached?.view;
  if (!view || !reusable(cp, state) || JSON.stringify(view.queues) !== JSON.stringify(input.queues)) return AdmissionView.fromState(input);
  // The pass owns the view until it saves: if anything throws first, no cache keeps a half-changed view.
  cp.admission = { state: cached.state, saves: cached.saves, ...(cached.layout ? { layout: cached.layout } : {}) };
  if (cached.epoch !== cp.allocatorEpoch) view.forgetServerIndex();
  return view;
}

/**
 * Writes a waiting request's reason to its document only when more than its position changed (what
 * the document shows is kept as `shown`): an admission at the head of a long queue moves every
 * position behind it, and rewriting a thousand documents for that was most of a pass. The positions
 * are saved apart, and reads put them in (`currentReasons`).
 */
async function showReason(
  cp: ControlPlane,
  d: Extract<AdmissionDecision, { kind: 'pending' }>,
  p: PendingRequest | undefined,
  shown: Map<string, PendingRequest>,
): Promise<void> {
  await updateDoc(cp, d.id, (doc) => {
    if (doc.status === 'pending' && doc.statusReason === d.reason) return false;
    doc.status = 'pending';
    doc.statusReason = d.reason;
    return true;
  });
  if (p) shown.set(p.id, { ...p, shown: d.reason });
}

function samePositions(a: Positions, b: Positions): boolean {
  const keys = Object.keys(b);
  if (Object.keys(a).length !== keys.length) return false;
  for (const k of keys) if (a[k] !== b[k]) return false;
  return true;
}

async function applyDecision(
  cp: ControlPlane,
  d: Exclude<AdmissionDecision, { kind: 'pending' }>,
  now: number,
  before: AdmissionState,
  after: AdmissionState,
  requeued: AdmissionState['pending'],
): Promise<void> {
  switch (d.kind) {
    case 'admit': {
      await cp.store.putHoldings(rowsOfPlacement(d.placement));
      return updateDoc(cp, d.id, (doc) => startProvisioning(cp, doc, d.placement, now));
    }
    case 'reserve':
      return;
    case 'preempt': {
      await cp.store.deleteHoldingsOf(d.id);
      const work = before.running.find((w) => w.id === d.id);
      const by = await describeOwner(cp, d.by);
      // Evicted work waits again in its queue, in its first arrival's place.
      if (work) requeued.push(requeueOf(work));
      return updateDoc(cp, d.id, (doc) => {
        doc.status = 'pending';
        doc.statusReason = `preempted by ${by}; waiting to be admitted again`;
        doc.allocation = null;
        doc.outputs = doc.kind === 'ModelEndpoint' ? preemptedEndpointOutputs(doc.outputs) : { ...doc.outputs, acceleratorCount: 0 };
        return true;
      });
    }
    case 'move-start': {
      const move = after.moves.find((m) => m.owner === d.owner && m.holdingOwner === d.holdingOwner);
      if (!move) return;
      const project = move.target.project;
      await cp.store.putHoldings(rowsOfPlacement({ ...move.target, owner: d.holdingOwner, project }));
      return updateDoc(cp, d.owner, async (doc) => {
        // The migration is an update operation of the moved cluster, due when the move is; its
        // settling is what wakes the control plane to finish the move.
        await cp.store.putOperation({
          id: newOperationId(),
          project: doc.project,
          type: 'update',
          kind: doc.kind,
          name: doc.name,
          resourceId: doc.id,
          status: 'running',
          error: null,
          failure: null,
          createdAt: now,
          dueAt: d.due,
          doneAt: null,
        });
        if (cp.nextDueAt === undefined || d.due < cp.nextDueAt) cp.nextDueAt = d.due;
        doc.status = 'updating';
        doc.statusReason = `moving from ${d.from.join(', ')} to ${d.to.join(', ')} to make room for a queued gang`;
        return true;
      });
    }
    case 'move-done': {
      const move = before.moves.find((m) => m.owner === d.owner);
      if (!move) return;
      await cp.store.deleteHoldingsOf(move.holdingOwner);
      await cp.store.deleteHoldingsOf(d.owner);
      const target: Placement = { ...move.target, owner: d.owner };
      await cp.store.putHoldings(rowsOfPlacement(target));
      return updateDoc(cp, d.owner, (doc) => {
        const held = cp.allocator.holdings(d.owner);
        if (held)
          doc.allocation = summarizeServers(
            cp.allocator.topology,
            held.zone,
            held.servers.map((s) => s.serverId),
            held.acceleratorCount,
          );
        if (doc.status === 'ready' || doc.status === 'updating') doc.statusReason = null;
        return true;
      });
    }
  }
}

/** An admitted request: its accelerators are held now, and its create operation runs from here. */
async function startProvisioning(cp: ControlPlane, doc: WireResource, placement: Placement, now: number): Promise<boolean> {
  if (doc.kind === 'ModelEndpoint') {
    // An endpoint's replicas live inside its cluster's allocation; its outputs say where.
    doc.outputs = await admittedEndpointOutputs(cp, doc, placement);
  } else if (placement.slices) {
    // A partitioned cluster holds instances of its profile, no accelerator whole.
    doc.allocation = summarizeSlices(
      cp.allocator.topology,
      placement.zone,
      placement.servers.map((s) => s.serverId),
      placement.slices,
    );
    // Listing several types, it runs on the one admission chose: its outputs name it, and its price follows it.
    const chosen = doc.spec.acceleratorType === undefined ? { acceleratorType: placement.acceleratorType } : {};
    doc.outputs = { ...doc.outputs, ...chosen, acceleratorCount: 0, hourlyCost: hourlyCost('Cluster', { ...doc.spec, ...chosen }) };
  } else {
    doc.allocation = summarizeServers(
      cp.allocator.topology,
      placement.zone,
      placement.servers.map((s) => s.serverId),
      placement.acceleratorCount,
    );
    // A cluster listing several types runs on the one admission chose: its outputs name it, and its price follows it.
    const chosen = doc.spec.acceleratorType === undefined ? { acceleratorType: placement.acceleratorType } : {};
    doc.outputs = { ...doc.outputs, ...chosen, acceleratorCount: placement.acceleratorCount, hourlyCost: hourlyCost('Cluster', { ...doc.spec, ...chosen }) };
  }
  doc.status = 'provisioning';
  doc.statusReason = null;
  const op = (await cp.store.runningOperationsOf(doc.id)).find((o) => o.type === 'create' && o.dueAt >= PENDING_DUE_AT);
  if (!op) return true;
  const dueAt = now + operationLatencyMs(doc.kind, 'create', cp.timeScale);
  const started = { ...op, dueAt };
  if (dueAt <= now) {
    const done = finishOperation(started);
    await cp.store.putOperation(done);
    doc.status = done.status === 'failed' ? 'failed' : 'ready';
    doc.statusReason = done.status === 'failed' ? (done.error?.message ?? 'failed') : null;
    return true;
  }
  await cp.store.putOperation(started);
  if (cp.nextDueAt === undefined || dueAt < cp.nextDueAt) cp.nextDueAt = dueAt;
  return true;
}

async function describeOwner(cp: ControlPlane, id: string): Promise<string> {
  const r = await cp.store.getResourceById(id);
  return r ? `${r.kind} ${r.name} of project ${r.project}` : id;
}

/**
 * Work left the cloud (deleted, or its create was cancelled): the engine forgets it, and a move
 * target it held is freed with it. Call before the allocator releases the owner.
 */
export async function forgetQueuedWork(cp: ControlPlane, id: string): Promise<boolean> {
  const state = await admissionStateOf(cp);
  const known = state.pending.some((p) => p.id === id) || state.running.some((w) => w.id === id);
  if (!known) return false;
  for (const m of state.moves) {
    if (m.owner !== id) continue;
    cp.allocatorEpoch++;
    cp.allocator.release(m.holdingOwner);
    await cp.store.deleteHoldingsOf(m.holdingOwner);
  }
  await keepAdmissionState(cp, forgetWork(state, id), (view) => view.forget(id));
  return true;
}

/**
 * Releases the holdings of work that left (a settled delete): rows first, then the allocator. When the
 * engine has just forgotten that work (`forgotten`, what `forgetQueuedWork` returned), the kept view
 * dropped it from its server index already, so the index stays good across this release, and the next
 * pass does not rebuild it over all running work (which was most of the passes that plan moves, at
 * 15,000 running).
 */
export async function releaseLeft(cp: ControlPlane, id: string, forgotten: boolean): Promise<void> {
  const epoch = cp.allocatorEpoch;
  await changeHoldings(
    cp,
    (store) => store.deleteHoldingsOf(id),
    (allocator) => void allocator.release(id),
  );
  const cached = cp.admission;
  if (forgotten && cached?.view && cached.epoch === epoch) cached.epoch = cp.allocatorEpoch;
}

/** Owners that hold accelerators for a move in flight; the invariant check counts them as live. */
export async function moveHolders(cp: ControlPlane): Promise<string[]> {
  return (await loadAdmissionState(cp.store)).moves.map((m) => m.holdingOwner);
}
