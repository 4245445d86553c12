// Kind hooks: only what schema/schema.json cannot say. A kind absent here is its schema alone.
import type { Kind } from '../generated/registry.ts';
import { clusterRules } from './cluster.ts';
import { fileSystemRules } from './file-system.ts';
import type { KindRules } from './kind-rules.ts';
import { kvCachePoolRules } from './kv-cache-pool.ts';
import { modelEndpointRules } from './model-endpoint.ts';
import { queueRules } from './queue.ts';
import { volumeRules } from './volume.ts';

export type { KindRules, RuleContext } from './kind-rules.ts';

export const KIND_RULES: Record<Kind, KindRules> = {
  Cluster: clusterRules,
  Queue: queueRules,
  Volume: volumeRules,
  FileSystem: fileSystemRules,
  Bucket: {},
  KvCachePool: kvCachePoolRules,
  ModelEndpoint: modelEndpointRules,
};
