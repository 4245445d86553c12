import type { PulumiFn } from '@pulumi/pulumi/automation/index.js';
import { loadSdk } from './sdk.ts';

/** What the lifecycle tests change between commands. */
export interface SmallStackParams {
  /** The standalone cluster's size (in-place update) and type (replacement); no cluster when `false`. */
  batch: { nodeCount: number; acceleratorType: 'ascend-910c' | 'ascend-910b'; name?: string } | false;
  /** The endpoint's replicas (an in-place update of the resource with the secret output); 1 unless given. */
  replicas?: number;
}

export const ZONE = 'cn-southwest-2a';
export const REGION = 'cn-southwest-2';

/**
 * A small stack with the shapes that matter: an endpoint whose cluster is another resource's id (unknown in
 * a first preview), a secret output (the API key), and a standalone cluster to scale and replace.
 */
export function smallStack(params: SmallStackParams): PulumiFn {
  return async () => {
    const aicloud = loadSdk();
    const weights = new aicloud.storage.Bucket('weights', { name: 'weights-a', region: REGION });
    const serve = new aicloud.compute.Cluster('serve', { name: 'serve-a', zone: ZONE, acceleratorType: 'ascend-910c', nodeCount: 1, placement: 'zone' });
    const chat = new aicloud.inference.ModelEndpoint('chat', {
      name: 'chat',
      region: REGION,
      // The cluster's id (its name in the cloud) is unknown until the cluster exists.
      cluster: serve.id,
      model: { name: 'qwen-7b', bucket: weights.name, path: 'qwen/7b', parametersBillions: 7, precision: 'bf16', kvBytesPerToken: 57344 },
      runtime: { framework: 'vllm-ascend', softwareStack: 'cann-8.1' },
      replicas: params.replicas ?? 1,
      acceleratorsPerReplica: 1,
    });
    const outputs: Record<string, unknown> = { endpointUrl: chat.url, endpointApiKey: chat.apiKey };
    if (params.batch) {
      const batch = new aicloud.compute.Cluster('batch', { name: 'batch-a', zone: ZONE, placement: 'zone', ...params.batch });
      outputs.batchAccelerators = batch.acceleratorCount;
    }
    return outputs;
  };
}
