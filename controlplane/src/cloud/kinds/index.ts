// Each kind's effects in the cloud, one module per kind: what a create and an update do beyond
// storing the validated spec (accelerators placed, outputs, secrets). The create and update paths
// look a kind up in KIND_EFFECTS instead of switching on it.
import type { Kind } from '../../../../core/index.ts';
import { clusterEffects } from './cluster-effects.ts';
import type { KindEffects } from './kind-effects.ts';
import { kvCachePoolEffects } from './kv-cache-pool-effects.ts';
import { modelEndpointEffects } from './model-endpoint-effects.ts';
import { queueEffects } from './queue-effects.ts';
import { storageEffects } from './storage-effects.ts';

export type { Effects, KindEffects } from './kind-effects.ts';
export { endpointOutputs } from './model-endpoint-effects.ts';

export const KIND_EFFECTS: Record<Kind, KindEffects> = {
  Cluster: clusterEffects,
  Queue: queueEffects,
  Volume: storageEffects,
  FileSystem: storageEffects,
  Bucket: storageEffects,
  KvCachePool: kvCachePoolEffects,
  ModelEndpoint: modelEndpointEffects,
};
