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

/** Whether a kind runs on a cluster it names (endpoints, KV-cache pools): validated against it, placed in its region. */
export function runsOnCluster(kind: Kind): boolean {
  return KIND_RULES[kind].clusterField !== undefined;
}

/** The cluster a resource of `kind` runs on, by name, when its inputs name one. */
export function clusterNameOf(kind: Kind, inputs: Readonly<Record<string, unknown>>): string | undefined {
  const field = KIND_RULES[kind].clusterField;
  const name = field === undefined ? undefined : inputs[field];
  return typeof name === 'string' ? name : undefined;
}
