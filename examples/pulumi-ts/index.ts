// The examples/gitops stack as a Pulumi TypeScript program: one CloudMatrix384 supernode's worth of
// training, checkpoint and weight storage, and DeepSeek-R1 served in fp8 with expert parallelism, a
// tiered KV cache and autoscaling. References between resources are outputs, so Pulumi orders them.
import * as pulumi from '@pulumi/pulumi';
import * as aicloud from '@aicloud/pulumi';

const config = new pulumi.Config();
const zone = config.get('zone') ?? 'cn-southwest-2a';
const region = zone.slice(0, -1);

// Training: 32 servers x 8 Ascend 910C in one high-bandwidth domain.
const train = new aicloud.compute.Cluster('train-a', {
  name: 'train-a',
  zone,
  acceleratorType: aicloud.types.enums.compute.AcceleratorType.Ascend910c,
  nodeCount: 32,
  placement: aicloud.types.enums.compute.Placement.Supernode,
  labels: { team: 'foundation-models', workload: 'pretraining' },
});

// Checkpoints outlive any one run.
const checkpoints = new aicloud.storage.FileSystem(
  'ckpt-train-a',
  {
    name: 'ckpt-train-a',
    zone,
    protocol: aicloud.types.enums.storage.FileSystemProtocol.Lustre,
    capacityTib: 512,
    throughputMibps: 40000,
    labels: { team: 'foundation-models' },
  },
  { protect: config.getBoolean('protect') ?? false },
);

const weights = new aicloud.storage.Bucket(
  'fm-weights-deepseek',
  {
    name: 'fm-weights-deepseek',
    region,
    versioning: true,
    storageClass: aicloud.types.enums.storage.StorageClass.Standard,
    labels: { team: 'foundation-models' },
  },
  { protect: config.getBoolean('protect') ?? false },
);

// Serving: 8 servers in one supernode, a KV-cache pool on them, and the endpoint.
const infer = new aicloud.compute.Cluster('infer-a', {
  name: 'infer-a',
  zone,
  acceleratorType: aicloud.types.enums.compute.AcceleratorType.Ascend910c,
  nodeCount: 8,
  placement: aicloud.types.enums.compute.Placement.Supernode,
  labels: { team: 'serving' },
});

const kvCache = new aicloud.inference.KvCachePool('kv-r1', {
  name: 'kv-r1',
  region,
  cluster: infer.name,
  tiers: { hbmGib: 32, dramGib: 4096, ssdGib: 65536 },
  evictionPolicy: aicloud.types.enums.inference.EvictionPolicy.Arc,
  prefixCaching: true,
  blockSizeTokens: 128,
  labels: { team: 'serving' },
});

const endpoint = new aicloud.inference.ModelEndpoint('deepseek-r1', {
  name: 'deepseek-r1',
  region,
  cluster: infer.name,
  kvCachePool: kvCache.name,
  model: {
    name: 'deepseek-r1',
    bucket: weights.name,
    path: 'deepseek-r1/fp8',
    parametersBillions: 671,
    activeParametersBillions: 37,
    precision: aicloud.types.enums.inference.Precision.Fp8,
    kvBytesPerToken: 70272,
  },
  runtime: { framework: aicloud.types.enums.inference.Framework.VllmAscend, frameworkVersion: '0.9.1', softwareStack: 'cann-8.1' },
  acceleratorsPerReplica: 16,
  parallelism: { tensor: 1, expert: 16, pipeline: 1, data: 1 },
  autoscaling: { minReplicas: 2, maxReplicas: 4, metric: aicloud.types.enums.inference.AutoscalingMetric.TokensPerSecond, target: 2000 },
  contextLength: 131072,
  sequencesPerReplica: 8,
  labels: { team: 'serving' },
});

const capacity = aicloud.compute.getCapacityOutput(
  { zone, acceleratorType: aicloud.types.enums.compute.AcceleratorType.Ascend910c },
  { dependsOn: [train, infer] },
);

export const trainSupernodes = train.allocation.apply((a) => a?.supernodes ?? []);
export const trainAccelerators = train.acceleratorCount;
export const checkpointMount = checkpoints.mountTarget;
export const weightsUrl = weights.url;
export const kvCacheGib = kvCache.totalGib;
export const endpointUrl = endpoint.url;
export const endpointApiKey = endpoint.apiKey;
export const endpointReplicas = endpoint.replicaPlacements;
export const freeAccelerators = capacity.zones.apply((zones) => zones[0]?.free ?? 0);
export const hourlyCost = pulumi
  .all([train.hourlyCost, infer.hourlyCost, checkpoints.hourlyCost, weights.hourlyCost, kvCache.hourlyCost])
  .apply((costs) => costs.reduce((a, b) => a + b, 0));
