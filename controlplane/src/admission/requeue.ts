import type { PendingRequest, RunningWork } from './types.ts';

/**
 * Preempted work as it waits again: the same request in its queue, in its first arrival's place (so
 * eviction never sends it to the back of the line). States saved before running work kept its
 * arrival fall back to when it was admitted.
 */
export function requeueOf(work: RunningWork): PendingRequest {
  return {
    id: work.id,
    request: work.request,
    queue: work.queue,
    priority: work.priority,
    preemptible: work.preemptible,
    movable: work.movable,
    arrival: work.arrival ?? work.admittedAt,
    ...(work.replicas ? { replicas: work.replicas } : {}),
  };
}
