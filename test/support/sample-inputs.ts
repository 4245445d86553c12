import type { Kind } from '../../core/index.ts';

/**
 * One valid body per kind, small enough to fit the default inventory many times over, so fuzzers
 * can start from something the core accepts and mutate one field at a time.
 */
export function sampleInputs(kind: Kind, name: string, refs: { cluster?: string; bucket?: string } = {}): Record<string, unknown> {
  const cluster = refs.cluster ?? 'c1';
  switch (kind) {
    case 'Cluster':
      return { name, zone: 'cn-southwest-2a', acceleratorType: 'ascend-910c', nodeCount: 1, placement: 'zone' };
    case 'Queue':
      return { name, quotas: [{ acceleratorType: 'ascend-910c', nominal: 384, borrowingLimit: 96 }], admissionPolicy: 'fifo' };
    case 'Volume':
      return { name, zone: 'cn-southwest-2a', sizeGib: 100, type: 'ssd' };
    case 'FileSystem':
      return { name, zone: 'cn-southwest-2a', capacityTib: 1, protocol: 'lustre' };
    case 'Bucket':
      return { name, region: 'cn-southwest-2', versioning: false };
    case 'KvCachePool':
      return { name, region: 'cn-southwest-2', cluster, tiers: { hbmGib: 8, dramGib: 64 } };
    case 'ModelEndpoint':
      return {
        name,
        region: 'cn-southwest-2',
        cluster,
        model: { name: 'qwen-7b', bucket: refs.bucket ?? 'weights-a', path: 'qwen/7b', parametersBillions: 7, precision: 'bf16', kvBytesPerToken: 57344 },
        runtime: { framework: 'vllm-ascend', softwareStack: 'cann-8.1' },
        replicas: 1,
        acceleratorsPerReplica: 1,
      };
  }
}
