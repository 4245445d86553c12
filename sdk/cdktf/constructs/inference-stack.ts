// A served model with everything it needs, in one construct: a bucket for the weights, a cluster of
// accelerators sized for the replicas, a KV-cache pool on it, and the endpoint.
import { Construct } from 'constructs';
import { validate, sizeEndpoint, ACCELERATOR_TYPES, formatDiagnostic, type Kind } from '../../../core/index.ts';
import { Bucket } from '../providers/aicloud/bucket/index.ts';
import { Cluster } from '../providers/aicloud/cluster/index.ts';
import { KvCachePool } from '../providers/aicloud/kv-cache-pool/index.ts';
import { ModelEndpoint } from '../providers/aicloud/model-endpoint/index.ts';

export interface InferenceModel {
  /** Model name as clients request it, e.g. `deepseek-r1-distill-32b`. */
  name: string;
  parametersBillions: number;
  activeParametersBillions?: number;
  /** Defaults to `bf16`. */
  precision?: 'bf16' | 'fp16' | 'fp8' | 'int8' | 'int4';
  kvBytesPerToken?: number;
  /** Prefix of the weights in the bucket; defaults to the model name. */
  path?: string;
}

export interface InferenceStackProps {
  /** Base name: the cluster and endpoint take it, the bucket and pool add `-weights` and `-kv`. */
  name: string;
  zone: string;
  model: InferenceModel;
  /** Defaults to `ascend-910c`. */
  acceleratorType?: string;
  /** Defaults to the fewest accelerators whose memory holds the weights and the KV cache. */
  acceleratorsPerReplica?: number;
  /** Defaults to 1. */
  replicas?: number;
  /** Servers; defaults to just enough for the replicas. */
  nodeCount?: number;
  contextLength?: number;
  /** HBM per accelerator for the KV cache (GiB, default 8) and a pool-wide DRAM tier (GiB, default 256). */
  kvCache?: { hbmGib?: number; dramGib?: number; ssdGib?: number };
  /** Defaults to vLLM for the accelerator's software stack. */
  runtime?: { framework: string; softwareStack: string; frameworkVersion?: string };
  labels?: Record<string, string>;
}

const DEFAULT_RUNTIME: Record<'huawei' | 'nvidia', { framework: string; softwareStack: string }> = {
  huawei: { framework: 'vllm-ascend', softwareStack: 'cann-8.1' },
  nvidia: { framework: 'vllm', softwareStack: 'cuda-12.8' },
};

/**
 * The defaults make a small stack one line of props; every input still goes through the same core
 * validation as `terraform plan` and `aicloud plan`, at synth time, so a stack that cannot work (a
 * model too big for its accelerators, a runtime for the wrong hardware) never reaches Terraform.
 */
export class InferenceStack extends Construct {
  readonly bucket: Bucket;
  readonly cluster: Cluster;
  readonly kvCachePool: KvCachePool;
  readonly endpoint: ModelEndpoint;
  /** The inputs each resource was given, in the schema's names (what validation saw). */
  readonly inputs: Record<'Bucket' | 'Cluster' | 'KvCachePool' | 'ModelEndpoint', Record<string, unknown>>;

  constructor(scope: Construct, id: string, props: InferenceStackProps) {
    super(scope, id);
    const acceleratorType = props.acceleratorType ?? 'ascend-910c';
    const type = ACCELERATOR_TYPES[acceleratorType];
    const perServer = type?.acceleratorsPerServer ?? 8;
    const region = props.zone.replace(/[a-z]$/, '');
    const model = {
      name: props.model.name,
      bucket: `${props.name}-weights`,
      path: props.model.path ?? props.model.name,
      parametersBillions: props.model.parametersBillions,
      precision: props.model.precision ?? 'bf16',
      kvBytesPerToken: props.model.kvBytesPerToken ?? 131072,
      ...(props.model.activeParametersBillions ? { activeParametersBillions: props.model.activeParametersBillions } : {}),
    };
    const contextLength = props.contextLength ?? 8192;
    const acceleratorsPerReplica = props.acceleratorsPerReplica ?? this.smallestFit(model, contextLength, acceleratorType);
    const replicas = props.replicas ?? 1;
    const nodeCount = props.nodeCount ?? Math.max(1, Math.ceil((replicas * acceleratorsPerReplica) / perServer));
    const runtime = props.runtime ?? DEFAULT_RUNTIME[type?.vendor ?? 'huawei'];
    const labels = props.labels;

    this.inputs = {
      Bucket: { name: model.bucket, region, versioning: true, ...(labels ? { labels } : {}) },
      Cluster: { name: props.name, zone: props.zone, acceleratorType, nodeCount, placement: acceleratorsPerReplica > perServer ? 'supernode' : 'zone', ...(labels ? { labels } : {}) },
      KvCachePool: { name: `${props.name}-kv`, region, cluster: props.name, tiers: { hbmGib: props.kvCache?.hbmGib ?? 8, dramGib: props.kvCache?.dramGib ?? 256, ...(props.kvCache?.ssdGib ? { ssdGib: props.kvCache.ssdGib } : {}) } },
      ModelEndpoint: {
        name: props.name, region, cluster: props.name, model, runtime, replicas, acceleratorsPerReplica,
        parallelism: { tensor: acceleratorsPerReplica }, kvCachePool: `${props.name}-kv`, contextLength, ...(labels ? { labels } : {}),
      },
    };

    this.bucket = new Bucket(this, 'weights', { name: model.bucket, region, versioning: true, labels });
    this.cluster = new Cluster(this, 'cluster', {
      name: props.name, zone: props.zone, acceleratorType, nodeCount,
      placement: String(this.inputs.Cluster.placement), labels,
    });
    this.kvCachePool = new KvCachePool(this, 'kv-cache', {
      name: `${props.name}-kv`, region,
      // Referencing the cluster's attribute orders the pool after it in Terraform's graph.
      cluster: this.cluster.name,
      tiers: this.inputs.KvCachePool.tiers as { hbmGib: number; dramGib?: number; ssdGib?: number },
    });
    this.endpoint = new ModelEndpoint(this, 'endpoint', {
      name: props.name, region, cluster: this.cluster.name,
      model: { ...model, bucket: this.bucket.name },
      runtime, replicas, acceleratorsPerReplica,
      parallelism: { tensor: acceleratorsPerReplica },
      kvCachePool: this.kvCachePool.name, contextLength, labels,
    });

    this.node.addValidation({ validate: () => this.problems(acceleratorType) });
  }

  private smallestFit(model: { parametersBillions: number; precision: string; kvBytesPerToken: number; name: string }, contextLength: number, acceleratorType: string): number {
    const sizing = sizeEndpoint({ acceleratorsPerReplica: 1, contextLength, sequencesPerReplica: 1, model }, acceleratorType);
    const needed = Math.max(1, sizing?.minimumAccelerators ?? 1);
    // Tensor parallelism wants a power of two.
    return 2 ** Math.ceil(Math.log2(needed));
  }

  /** Every problem the core finds, as `Kind name: field: message` lines. */
  private problems(acceleratorType: string): string[] {
    const out: string[] = [];
    for (const [kind, inputs] of Object.entries(this.inputs) as [Kind, Record<string, unknown>][]) {
      const result = validate(kind, inputs, { acceleratorType });
      const found = result.ok ? [] : result.diagnostics;
      for (const d of found) out.push(`${kind} ${String(inputs.name)}: ${formatDiagnostic(d)}`);
    }
    return out;
  }
}
