import type { AllocationRequest, Allocator } from '../allocator/index.ts';
import type { AdmissionState, PendingRequest, QueueSpec, RunningWork } from './types.ts';

/** A queue with test defaults: a large 910C quota, fifo, no preemption. */
export function queue(name: string, over: Partial<QueueSpec> = {}): QueueSpec {
  return { name, quotas: { 'ascend-910c': { nominal: 10_000 } }, admissionPolicy: 'fifo', preemption: 'never', ...over };
}

/** A pending request with test defaults (zone t-1a of the test inventory, 910C, one supernode). */
export function pending(id: string, count: number, over: Partial<PendingRequest> = {}, req: Partial<AllocationRequest> = {}): PendingRequest {
  return {
    id,
    queue: 'q',
    priority: 0,
    preemptible: false,
    arrival: 0,
    ...over,
    request: { owner: id, project: 'p1', acceleratorType: 'ascend-910c', zone: 't-1a', count, unit: 'servers', scope: 'supernode', ...req },
  };
}

export function emptyState(queues: QueueSpec[]): AdmissionState {
  return { queues, pending: [], running: [], reservations: [], moves: [] };
}

/** Every owner the allocator may hold for this state: running work and move targets. */
export function liveOwners(state: AdmissionState): Set<string> {
  return new Set([...state.running.map((w) => w.id), ...state.moves.map((m) => m.holdingOwner)]);
}

/** Puts running work where a test wants it (one supernode), as if admitted earlier. */
export function seedWork(a: Allocator, state: AdmissionState, id: string, supernode: string, servers: number, over: Partial<RunningWork> = {}): void {
  const request: AllocationRequest = {
    owner: id,
    project: 'p1',
    acceleratorType: 'ascend-910c',
    zone: 't-1a',
    count: servers,
    unit: 'servers',
    scope: servers === 1 ? 'server' : 'supernode',
  };
  const d = a.placeWithin(request, { only: [supernode] });
  if (!d.ok) throw new Error(`test set-up: ${d.message}`);
  a.commit(id, d);
  state.running.push({ id, request, queue: 'q', priority: 0, preemptible: false, movable: false, accelerators: d.acceleratorCount, admittedAt: 0, ...over });
}
