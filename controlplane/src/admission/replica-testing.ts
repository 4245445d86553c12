import type { Allocator } from '../allocator/index.ts';
import type { AdmissionState, PendingRequest } from './types.ts';
import { seedWork } from './testing.ts';

/** A waiting endpoint with test defaults: `replicas x per` 910C accelerators inside cluster `cluster`, queue `q`. */
export function endpoint(id: string, replicas: number, per: number, over: Partial<PendingRequest> = {}, cluster = 'c1'): PendingRequest {
  return {
    id,
    queue: 'q',
    priority: 0,
    preemptible: false,
    arrival: 0,
    ...over,
    request: { owner: id, project: 'p1', acceleratorType: 'ascend-910c', zone: 't-1a', count: replicas * per, unit: 'accelerators', scope: 'zone' },
    replicas: { cluster, clusterName: `train-${cluster}`, replicas, acceleratorsPerReplica: per },
  };
}

/** A cluster of `servers` 910C servers in one supernode, held as if admitted earlier (not preemptible, not movable). */
export function seedCluster(a: Allocator, state: AdmissionState, id: string, supernode: string, servers: number): void {
  seedWork(a, state, id, supernode, servers, { queue: 'clusters' });
}
