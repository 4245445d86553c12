// Generated from schema/schema.json by scripts/build.ts. Do not edit.

import type { KindSpec, FunctionSpec, PropertySpec } from '../registry-types.ts';

export const KINDS = ["Cluster","Queue","Volume","FileSystem","Bucket","KvCachePool","ModelEndpoint"] as const;
export type Kind = (typeof KINDS)[number];

/** Validated, defaulted inputs of aicloud:compute:Cluster. */
export interface ClusterInputs {
  /** Name, unique per project. */
  name: string;
  /** Region; defaults to the provider's region. */
  region: string;
  /** Zone inside the region, e.g. `cn-southwest-2a`. */
  zone: string;
  /** Accelerator type of every server. Give this or acceleratorTypes, not both. */
  acceleratorType?: "ascend-910c" | "ascend-910b" | "nvidia-h200" | "nvidia-gb200";
  /** Accelerator types the cluster accepts, most preferred first, instead of acceleratorType: the cluster is placed whole on the first listed type that fits, and acceleratorType (an output) says which. Reordering the list keeps a running cluster; dropping its type replaces it. With acceleratorProfile every listed type must offer the profile; in a queue, the cluster starts on the first listed type its quota and room allow. */
  acceleratorTypes?: Array<"ascend-910c" | "ascend-910b" | "nvidia-h200" | "nvidia-gb200">;
  /** Servers in the cluster. */
  nodeCount: number;
  /** Partition profile of the accelerator type (a MIG profile such as `1g.18gb` for nvidia-h200, a vNPU template such as `vir05_1c_16g` for Ascend): the cluster then holds `profileCount` partitions on one server instead of whole servers, and `nodeCount` must be 1. Types without a partition catalogue take no profile. */
  acceleratorProfile?: string;
  /** Partitions of `acceleratorProfile` the cluster holds, all on one server; 1 when absent. Only with `acceleratorProfile`. Changing it replaces the cluster. */
  profileCount?: number;
  /** Topology placement. */
  placement: "supernode" | "zone" | "spread";
  /** Name of the Queue to wait in when the accelerators are not free; without one, a request that does not fit is refused at once. */
  queue?: string;
  /** Priority in its queue (higher first under the `priority` policy, and the rank preemption compares); 0 when absent. */
  priority?: number;
  /** Whether higher-priority queued work may evict it, and defragmentation may move it. */
  preemptible?: boolean;
  /** Labels; keys under `aicloud.dev/` are managed by aicloud. */
  labels?: Record<string, string>;
}

/** Validated, defaulted inputs of aicloud:compute:Queue. */
export interface QueueInputs {
  /** Name, unique per project. */
  name: string;
  /** Cohort whose queues lend each other unused nominal quota. */
  cohort?: string;
  /** Quotas per accelerator type; work of a type without a quota is refused by the queue. */
  quotas: Array<{ acceleratorType: "ascend-910c" | "ascend-910b" | "nvidia-h200" | "nvidia-gb200"; nominal: number; borrowingLimit?: number }>;
  /** Order of admission. */
  admissionPolicy: "fifo" | "priority";
  /** Whether waiting work may evict lower-priority preemptible work. */
  preemption: "never" | "lowerPriority";
  /** Labels; keys under `aicloud.dev/` are managed by aicloud. */
  labels?: Record<string, string>;
}

/** Validated, defaulted inputs of aicloud:storage:Volume. */
export interface VolumeInputs {
  /** Name, unique per project. */
  name: string;
  /** Region; defaults to the provider's region. */
  region: string;
  /** Zone. */
  zone: string;
  /** Size in GiB; can grow in place, never shrink. */
  sizeGib: number;
  /** Media. */
  type: "ssd" | "essd" | "hdd";
  /** Provisioned IOPS (essd only). */
  iops?: number;
  /** Labels. */
  labels?: Record<string, string>;
}

/** Validated, defaulted inputs of aicloud:storage:FileSystem. */
export interface FileSystemInputs {
  /** Name, unique per project. */
  name: string;
  /** Region; defaults to the provider's region. */
  region: string;
  /** Zone. */
  zone: string;
  /** Capacity in TiB; grows in place, never shrinks. */
  capacityTib: number;
  /** Provisioned throughput, MiB/s. */
  throughputMibps: number;
  /** Protocol. */
  protocol: "lustre" | "nfs";
  /** Labels. */
  labels?: Record<string, string>;
}

/** Validated, defaulted inputs of aicloud:storage:Bucket. */
export interface BucketInputs {
  /** Globally unique name (DNS label rules). */
  name: string;
  /** Region; defaults to the provider's region. */
  region: string;
  /** Keep every version of every object. */
  versioning: boolean;
  /** Default storage class. */
  storageClass: "standard" | "infrequent" | "archive";
  /** Labels. */
  labels?: Record<string, string>;
}

/** Validated, defaulted inputs of aicloud:inference:KvCachePool. */
export interface KvCachePoolInputs {
  /** Name, unique per project. */
  name: string;
  /** Region; defaults to the provider's region. */
  region: string;
  /** Name of the Cluster the pool is attached to. */
  cluster: string;
  /** Tier sizes. */
  tiers: { hbmGib: number; dramGib?: number; ssdGib?: number };
  /** Eviction and demotion policy. */
  evictionPolicy: "lru" | "lfu" | "arc";
  /** Share KV blocks of identical prompt prefixes across requests. */
  prefixCaching: boolean;
  /** Tokens per KV block. */
  blockSizeTokens: number;
  /** Labels. */
  labels?: Record<string, string>;
}

/** Validated, defaulted inputs of aicloud:inference:ModelEndpoint. */
export interface ModelEndpointInputs {
  /** Name, unique per project. */
  name: string;
  /** Region; defaults to the provider's region. */
  region: string;
  /** Name of the Cluster that runs the replicas. While a cluster that lists several acceleratorTypes has not started, its type is open: the endpoint must suit every listed type (runtime, memory, profile, its queue's quota), and a queued one is charged to the type the cluster starts on. */
  cluster: string;
  /** The model and its weights. */
  model: { name: string; bucket: string; path: string; parametersBillions: number; activeParametersBillions?: number; precision: "bf16" | "fp16" | "fp8" | "int8" | "int4"; kvBytesPerToken: number };
  /** Serving runtime, checked against the cluster's accelerator type. */
  runtime: { framework: "mindie" | "vllm-ascend" | "vllm" | "sglang" | "tensorrt-llm"; frameworkVersion?: string; softwareStack: string };
  /** Fixed replica count; leave out when autoscaling is set. */
  replicas?: number;
  /** Autoscaling bounds instead of a fixed count. */
  autoscaling?: { minReplicas: number; maxReplicas: number; metric: "concurrency" | "tokens-per-second" | "accelerator-utilization"; target: number };
  /** Accelerators of one replica: at most 8 stay in one server, more stay in one supernode. */
  acceleratorsPerReplica: number;
  /** Partition profile of the cluster's accelerator type (a MIG profile such as `1g.18gb`): each replica then runs on one instance of it, so acceleratorsPerReplica must be 1 and tensor, pipeline and expert parallelism 1. On a partitioned cluster the replicas take the cluster's instances, whose profile must be this one; on a cluster of whole accelerators the instances are cut, all on one server, from accelerators no other endpoint holds whole. With a queue, an endpoint whose instances are short waits for them (its queue counts each instance as its share of an accelerator, e.g. 1/8 of an H200 for 1g.18gb). */
  acceleratorProfile?: string;
  /** Parallelism of a replica; the product of the degrees equals acceleratorsPerReplica. */
  parallelism?: { tensor: number; expert: number; pipeline: number; data: number };
  /** Name of the KvCachePool the replicas use. */
  kvCachePool?: string;
  /** Longest context served, tokens. */
  contextLength: number;
  /** Full-context sequences each replica must hold in HBM at once; sets the minimum KV cache. */
  sequencesPerReplica: number;
  /** Queue to wait in when the replicas do not fit in the free accelerators of their cluster, or with an acceleratorProfile in its free partition instances (or the cluster itself still waits); without one, an endpoint that does not fit is refused at once. */
  queue?: string;
  /** Priority in its queue (higher first under the `priority` policy, and the rank preemption compares); 0 when absent. */
  priority?: number;
  /** Whether higher-priority queued work may evict it, and defragmentation may move it. */
  preemptible?: boolean;
  /** Labels. */
  labels?: Record<string, string>;
}

export interface InputsByKind {
  Cluster: ClusterInputs;
  Queue: QueueInputs;
  Volume: VolumeInputs;
  FileSystem: FileSystemInputs;
  Bucket: BucketInputs;
  KvCachePool: KvCachePoolInputs;
  ModelEndpoint: ModelEndpointInputs;
}

export const KIND_SPECS: Record<Kind, KindSpec> = {
  "Cluster": {
    "kind": "Cluster",
    "token": "aicloud:compute:Cluster",
    "module": "compute",
    "collection": "clusters",
    "tfType": "aicloud_cluster",
    "description": "Servers of one accelerator type reserved in one zone. Scaling nodeCount updates in place and grows next to what the cluster holds; changing zone, type or placement replaces it. With acceleratorProfile set, the cluster holds profileCount partitions (MIG instances, vNPUs) on one server instead of whole servers.",
    "inputs": {
      "name": {
        "type": "string",
        "description": "Name, unique per project.",
        "pattern": "^[a-z][a-z0-9-]{0,61}[a-z0-9]$",
        "replaceOnChanges": true
      },
      "region": {
        "type": "string",
        "description": "Region; defaults to the provider's region.",
        "pattern": "^[a-z]+-[a-z]+-[0-9]+$",
        "replaceOnChanges": true
      },
      "zone": {
        "type": "string",
        "description": "Zone inside the region, e.g. `cn-southwest-2a`.",
        "pattern": "^[a-z]+-[a-z]+-[0-9]+[a-z]$",
        "replaceOnChanges": true
      },
      "acceleratorType": {
        "type": "string",
        "description": "Accelerator type of every server. Give this or acceleratorTypes, not both.",
        "typeName": "aicloud:compute:AcceleratorType",
        "enum": [
          {
            "value": "ascend-910c",
            "description": "Huawei Ascend 910C, 128 GiB HBM, 8 per server, 384 per CloudMatrix384 supernode."
          },
          {
            "value": "ascend-910b",
            "description": "Huawei Ascend 910B, 64 GiB HBM, 8 per server in two HCCS groups of 4."
          },
          {
            "value": "nvidia-h200",
            "description": "NVIDIA H200, 141 GiB HBM3e, 8 per server (NVLink within the server)."
          },
          {
            "value": "nvidia-gb200",
            "description": "NVIDIA GB200, 186 GiB HBM3e, 4 per server, 72 per NVL72 rack."
          }
        ],
        "replaceOnChanges": true
      },
      "acceleratorTypes": {
        "type": "array",
        "description": "Accelerator types the cluster accepts, most preferred first, instead of acceleratorType: the cluster is placed whole on the first listed type that fits, and acceleratorType (an output) says which. Reordering the list keeps a running cluster; dropping its type replaces it. With acceleratorProfile every listed type must offer the profile; in a queue, the cluster starts on the first listed type its quota and room allow.",
        "items": {
          "type": "string",
          "description": "item",
          "typeName": "aicloud:compute:AcceleratorType",
          "enum": [
            {
              "value": "ascend-910c",
              "description": "Huawei Ascend 910C, 128 GiB HBM, 8 per server, 384 per CloudMatrix384 supernode."
            },
            {
              "value": "ascend-910b",
              "description": "Huawei Ascend 910B, 64 GiB HBM, 8 per server in two HCCS groups of 4."
            },
            {
              "value": "nvidia-h200",
              "description": "NVIDIA H200, 141 GiB HBM3e, 8 per server (NVLink within the server)."
            },
            {
              "value": "nvidia-gb200",
              "description": "NVIDIA GB200, 186 GiB HBM3e, 4 per server, 72 per NVL72 rack."
            }
          ]
        }
      },
      "nodeCount": {
        "type": "integer",
        "description": "Servers in the cluster.",
        "minimum": 1,
        "maximum": 4096
      },
      "acceleratorProfile": {
        "type": "string",
        "description": "Partition profile of the accelerator type (a MIG profile such as `1g.18gb` for nvidia-h200, a vNPU template such as `vir05_1c_16g` for Ascend): the cluster then holds `profileCount` partitions on one server instead of whole servers, and `nodeCount` must be 1. Types without a partition catalogue take no profile.",
        "pattern": "^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$",
        "replaceOnChanges": true
      },
      "profileCount": {
        "type": "integer",
        "description": "Partitions of `acceleratorProfile` the cluster holds, all on one server; 1 when absent. Only with `acceleratorProfile`. Changing it replaces the cluster.",
        "minimum": 1,
        "maximum": 256,
        "replaceOnChanges": true
      },
      "placement": {
        "type": "string",
        "description": "Topology placement.",
        "typeName": "aicloud:compute:Placement",
        "enum": [
          {
            "value": "supernode",
            "description": "All servers in one supernode (one high-bandwidth domain)."
          },
          {
            "value": "zone",
            "description": "Anywhere in the zone, fewest supernodes first."
          },
          {
            "value": "spread",
            "description": "Across as many supernodes as possible, for failure isolation."
          }
        ],
        "default": "zone",
        "replaceOnChanges": true
      },
      "queue": {
        "type": "string",
        "description": "Name of the Queue to wait in when the accelerators are not free; without one, a request that does not fit is refused at once.",
        "pattern": "^[a-z][a-z0-9-]{0,61}[a-z0-9]$",
        "references": "aicloud:compute:Queue",
        "referencesExternal": true
      },
      "priority": {
        "type": "integer",
        "description": "Priority in its queue (higher first under the `priority` policy, and the rank preemption compares); 0 when absent.",
        "minimum": -1000,
        "maximum": 1000
      },
      "preemptible": {
        "type": "boolean",
        "description": "Whether higher-priority queued work may evict it, and defragmentation may move it."
      },
      "labels": {
        "type": "map",
        "description": "Labels; keys under `aicloud.dev/` are managed by aicloud.",
        "additionalProperties": {
          "type": "string",
          "description": "value"
        }
      }
    },
    "requiredInputs": [
      "name",
      "zone",
      "nodeCount"
    ],
    "outputs": {
      "name": {
        "type": "string",
        "description": "Name."
      },
      "region": {
        "type": "string",
        "description": "Region."
      },
      "zone": {
        "type": "string",
        "description": "Zone."
      },
      "acceleratorType": {
        "type": "string",
        "description": "Accelerator type of every server: the one given, or the one chosen from acceleratorTypes.",
        "typeName": "aicloud:compute:AcceleratorType",
        "enum": [
          {
            "value": "ascend-910c",
            "description": "Huawei Ascend 910C, 128 GiB HBM, 8 per server, 384 per CloudMatrix384 supernode."
          },
          {
            "value": "ascend-910b",
            "description": "Huawei Ascend 910B, 64 GiB HBM, 8 per server in two HCCS groups of 4."
          },
          {
            "value": "nvidia-h200",
            "description": "NVIDIA H200, 141 GiB HBM3e, 8 per server (NVLink within the server)."
          },
          {
            "value": "nvidia-gb200",
            "description": "NVIDIA GB200, 186 GiB HBM3e, 4 per server, 72 per NVL72 rack."
          }
        ]
      },
      "acceleratorTypes": {
        "type": "array",
        "description": "Accelerator types the cluster accepts, most preferred first, when given.",
        "items": {
          "type": "string",
          "description": "item",
          "typeName": "aicloud:compute:AcceleratorType",
          "enum": [
            {
              "value": "ascend-910c",
              "description": "Huawei Ascend 910C, 128 GiB HBM, 8 per server, 384 per CloudMatrix384 supernode."
            },
            {
              "value": "ascend-910b",
              "description": "Huawei Ascend 910B, 64 GiB HBM, 8 per server in two HCCS groups of 4."
            },
            {
              "value": "nvidia-h200",
              "description": "NVIDIA H200, 141 GiB HBM3e, 8 per server (NVLink within the server)."
            },
            {
              "value": "nvidia-gb200",
              "description": "NVIDIA GB200, 186 GiB HBM3e, 4 per server, 72 per NVL72 rack."
            }
          ]
        }
      },
      "nodeCount": {
        "type": "integer",
        "description": "Servers in the cluster."
      },
      "acceleratorProfile": {
        "type": "string",
        "description": "Partition profile, when the cluster holds partitions."
      },
      "profileCount": {
        "type": "integer",
        "description": "Partitions held, when it has a profile."
      },
      "placement": {
        "type": "string",
        "description": "Topology placement.",
        "typeName": "aicloud:compute:Placement",
        "enum": [
          {
            "value": "supernode",
            "description": "All servers in one supernode (one high-bandwidth domain)."
          },
          {
            "value": "zone",
            "description": "Anywhere in the zone, fewest supernodes first."
          },
          {
            "value": "spread",
            "description": "Across as many supernodes as possible, for failure isolation."
          }
        ]
      },
      "queue": {
        "type": "string",
        "description": "Queue."
      },
      "priority": {
        "type": "integer",
        "description": "Priority."
      },
      "preemptible": {
        "type": "boolean",
        "description": "Preemptible."
      },
      "labels": {
        "type": "map",
        "description": "Labels.",
        "additionalProperties": {
          "type": "string",
          "description": "value"
        }
      },
      "status": {
        "type": "string",
        "description": "`pending` (waiting in its queue), `provisioning`, `ready`, `updating`, `deleting` or `failed`."
      },
      "statusReason": {
        "type": "string",
        "description": "Why the status is what it is, when failed."
      },
      "allocation": {
        "type": "object",
        "description": "Where the accelerators are.",
        "typeName": "aicloud:compute:ClusterAllocation",
        "properties": {
          "zone": {
            "type": "string",
            "description": "Zone of the allocation."
          },
          "supernodes": {
            "type": "array",
            "description": "Supernodes that hold part of the cluster.",
            "items": {
              "type": "string",
              "description": "item"
            }
          },
          "servers": {
            "type": "array",
            "description": "Servers held, as `supernode/server` (or `server` outside supernodes).",
            "items": {
              "type": "string",
              "description": "item"
            }
          },
          "acceleratorCount": {
            "type": "integer",
            "description": "Accelerators held."
          },
          "slices": {
            "type": "array",
            "description": "Partitions held, when the cluster has an acceleratorProfile: each names its accelerator.",
            "items": {
              "type": "object",
              "description": "item",
              "typeName": "aicloud:compute:AllocatedSlice",
              "properties": {
                "accelerator": {
                  "type": "string",
                  "description": "Accelerator id, `zone/server/index`."
                },
                "profile": {
                  "type": "string",
                  "description": "Partition profile."
                },
                "start": {
                  "type": "integer",
                  "description": "First slice position (MIG); -1 for pooled profiles (vNPU)."
                },
                "units": {
                  "type": "integer",
                  "description": "Positions or pool units the instance takes."
                }
              },
              "required": [
                "accelerator",
                "profile",
                "start",
                "units"
              ]
            }
          }
        },
        "required": [
          "zone",
          "supernodes",
          "servers",
          "acceleratorCount"
        ]
      },
      "acceleratorCount": {
        "type": "integer",
        "description": "nodeCount x accelerators per server."
      },
      "hourlyCost": {
        "type": "number",
        "description": "List price per hour, USD."
      }
    },
    "requiredOutputs": [
      "name",
      "region",
      "zone",
      "acceleratorType",
      "nodeCount",
      "placement",
      "status",
      "acceleratorCount",
      "hourlyCost"
    ],
    "inputSchema": {
      "type": "object",
      "properties": {
        "name": {
          "description": "Name, unique per project.",
          "type": "string",
          "pattern": "^[a-z][a-z0-9-]{0,61}[a-z0-9]$"
        },
        "region": {
          "description": "Region; defaults to the provider's region.",
          "type": "string",
          "pattern": "^[a-z]+-[a-z]+-[0-9]+$"
        },
        "zone": {
          "description": "Zone inside the region, e.g. `cn-southwest-2a`.",
          "type": "string",
          "pattern": "^[a-z]+-[a-z]+-[0-9]+[a-z]$"
        },
        "acceleratorType": {
          "description": "Accelerator type of every server. Give this or acceleratorTypes, not both.",
          "type": "string",
          "enum": [
            "ascend-910c",
            "ascend-910b",
            "nvidia-h200",
            "nvidia-gb200"
          ]
        },
        "acceleratorTypes": {
          "description": "Accelerator types the cluster accepts, most preferred first, instead of acceleratorType: the cluster is placed whole on the first listed type that fits, and acceleratorType (an output) says which. Reordering the list keeps a running cluster; dropping its type replaces it. With acceleratorProfile every listed type must offer the profile; in a queue, the cluster starts on the first listed type its quota and room allow.",
          "type": "array",
          "items": {
            "description": "item",
            "type": "string",
            "enum": [
              "ascend-910c",
              "ascend-910b",
              "nvidia-h200",
              "nvidia-gb200"
            ]
          }
        },
        "nodeCount": {
          "description": "Servers in the cluster.",
          "type": "integer",
          "minimum": 1,
          "maximum": 4096
        },
        "acceleratorProfile": {
          "description": "Partition profile of the accelerator type (a MIG profile such as `1g.18gb` for nvidia-h200, a vNPU template such as `vir05_1c_16g` for Ascend): the cluster then holds `profileCount` partitions on one server instead of whole servers, and `nodeCount` must be 1. Types without a partition catalogue take no profile.",
          "type": "string",
          "pattern": "^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$"
        },
        "profileCount": {
          "description": "Partitions of `acceleratorProfile` the cluster holds, all on one server; 1 when absent. Only with `acceleratorProfile`. Changing it replaces the cluster.",
          "type": "integer",
          "minimum": 1,
          "maximum": 256
        },
        "placement": {
          "description": "Topology placement.",
          "type": "string",
          "enum": [
            "supernode",
            "zone",
            "spread"
          ],
          "default": "zone"
        },
        "queue": {
          "description": "Name of the Queue to wait in when the accelerators are not free; without one, a request that does not fit is refused at once.",
          "type": "string",
          "pattern": "^[a-z][a-z0-9-]{0,61}[a-z0-9]$"
        },
        "priority": {
          "description": "Priority in its queue (higher first under the `priority` policy, and the rank preemption compares); 0 when absent.",
          "type": "integer",
          "minimum": -1000,
          "maximum": 1000
        },
        "preemptible": {
          "description": "Whether higher-priority queued work may evict it, and defragmentation may move it.",
          "type": "boolean"
        },
        "labels": {
          "description": "Labels; keys under `aicloud.dev/` are managed by aicloud.",
          "type": "object",
          "additionalProperties": {
            "description": "value",
            "type": "string"
          }
        }
      },
      "required": [
        "name",
        "zone",
        "nodeCount"
      ],
      "additionalProperties": false
    }
  },
  "Queue": {
    "kind": "Queue",
    "token": "aicloud:compute:Queue",
    "module": "compute",
    "collection": "queues",
    "tfType": "aicloud_queue",
    "description": "An admission queue: clusters and endpoints that name it wait in it when they do not fit, instead of being refused. It holds quotas per accelerator type, lends to and borrows from the queues of its cohort, gives the gang at its head a reservation and lets later work backfill only where it cannot delay that gang.",
    "inputs": {
      "name": {
        "type": "string",
        "description": "Name, unique per project.",
        "pattern": "^[a-z][a-z0-9-]{0,61}[a-z0-9]$",
        "replaceOnChanges": true
      },
      "cohort": {
        "type": "string",
        "description": "Cohort whose queues lend each other unused nominal quota.",
        "pattern": "^[a-z][a-z0-9-]{0,61}[a-z0-9]$"
      },
      "quotas": {
        "type": "array",
        "description": "Quotas per accelerator type; work of a type without a quota is refused by the queue.",
        "items": {
          "type": "object",
          "description": "item",
          "typeName": "aicloud:compute:QueueQuota",
          "properties": {
            "acceleratorType": {
              "type": "string",
              "description": "Accelerator type the quota counts.",
              "typeName": "aicloud:compute:AcceleratorType",
              "enum": [
                {
                  "value": "ascend-910c",
                  "description": "Huawei Ascend 910C, 128 GiB HBM, 8 per server, 384 per CloudMatrix384 supernode."
                },
                {
                  "value": "ascend-910b",
                  "description": "Huawei Ascend 910B, 64 GiB HBM, 8 per server in two HCCS groups of 4."
                },
                {
                  "value": "nvidia-h200",
                  "description": "NVIDIA H200, 141 GiB HBM3e, 8 per server (NVLink within the server)."
                },
                {
                  "value": "nvidia-gb200",
                  "description": "NVIDIA GB200, 186 GiB HBM3e, 4 per server, 72 per NVL72 rack."
                }
              ]
            },
            "nominal": {
              "type": "integer",
              "description": "Accelerators the queue may hold on its own.",
              "minimum": 0,
              "maximum": 1000000
            },
            "borrowingLimit": {
              "type": "integer",
              "description": "Accelerators beyond nominal the queue may borrow from unused nominal quota of queues in its cohort; 0 when absent.",
              "minimum": 0,
              "maximum": 1000000
            }
          },
          "required": [
            "acceleratorType",
            "nominal"
          ]
        }
      },
      "admissionPolicy": {
        "type": "string",
        "description": "Order of admission.",
        "typeName": "aicloud:compute:AdmissionPolicy",
        "enum": [
          {
            "value": "fifo",
            "description": "First come, first served; a gang at the head gets a reservation and later work only backfills around it."
          },
          {
            "value": "priority",
            "description": "Highest priority first, then arrival; a gang at the head gets a reservation and later work only backfills around it."
          }
        ],
        "default": "fifo"
      },
      "preemption": {
        "type": "string",
        "description": "Whether waiting work may evict lower-priority preemptible work.",
        "typeName": "aicloud:compute:Preemption",
        "enum": [
          {
            "value": "never",
            "description": "Never evict running work; wait instead."
          },
          {
            "value": "lowerPriority",
            "description": "Evict running work of lower priority that is marked preemptible, when that makes the waiting request fit."
          }
        ],
        "default": "never"
      },
      "labels": {
        "type": "map",
        "description": "Labels; keys under `aicloud.dev/` are managed by aicloud.",
        "additionalProperties": {
          "type": "string",
          "description": "value"
        }
      }
    },
    "requiredInputs": [
      "name",
      "quotas"
    ],
    "outputs": {
      "name": {
        "type": "string",
        "description": "Name."
      },
      "cohort": {
        "type": "string",
        "description": "Cohort."
      },
      "quotas": {
        "type": "array",
        "description": "Quotas per accelerator type.",
        "items": {
          "type": "object",
          "description": "item",
          "typeName": "aicloud:compute:QueueQuota",
          "properties": {
            "acceleratorType": {
              "type": "string",
              "description": "Accelerator type the quota counts.",
              "typeName": "aicloud:compute:AcceleratorType",
              "enum": [
                {
                  "value": "ascend-910c",
                  "description": "Huawei Ascend 910C, 128 GiB HBM, 8 per server, 384 per CloudMatrix384 supernode."
                },
                {
                  "value": "ascend-910b",
                  "description": "Huawei Ascend 910B, 64 GiB HBM, 8 per server in two HCCS groups of 4."
                },
                {
                  "value": "nvidia-h200",
                  "description": "NVIDIA H200, 141 GiB HBM3e, 8 per server (NVLink within the server)."
                },
                {
                  "value": "nvidia-gb200",
                  "description": "NVIDIA GB200, 186 GiB HBM3e, 4 per server, 72 per NVL72 rack."
                }
              ]
            },
            "nominal": {
              "type": "integer",
              "description": "Accelerators the queue may hold on its own.",
              "minimum": 0,
              "maximum": 1000000
            },
            "borrowingLimit": {
              "type": "integer",
              "description": "Accelerators beyond nominal the queue may borrow from unused nominal quota of queues in its cohort; 0 when absent.",
              "minimum": 0,
              "maximum": 1000000
            }
          },
          "required": [
            "acceleratorType",
            "nominal"
          ]
        }
      },
      "admissionPolicy": {
        "type": "string",
        "description": "Order of admission.",
        "typeName": "aicloud:compute:AdmissionPolicy",
        "enum": [
          {
            "value": "fifo",
            "description": "First come, first served; a gang at the head gets a reservation and later work only backfills around it."
          },
          {
            "value": "priority",
            "description": "Highest priority first, then arrival; a gang at the head gets a reservation and later work only backfills around it."
          }
        ]
      },
      "preemption": {
        "type": "string",
        "description": "Preemption.",
        "typeName": "aicloud:compute:Preemption",
        "enum": [
          {
            "value": "never",
            "description": "Never evict running work; wait instead."
          },
          {
            "value": "lowerPriority",
            "description": "Evict running work of lower priority that is marked preemptible, when that makes the waiting request fit."
          }
        ]
      },
      "labels": {
        "type": "map",
        "description": "Labels.",
        "additionalProperties": {
          "type": "string",
          "description": "value"
        }
      },
      "status": {
        "type": "string",
        "description": "Lifecycle status."
      },
      "statusReason": {
        "type": "string",
        "description": "Why, when failed."
      },
      "pendingCount": {
        "type": "integer",
        "description": "Requests waiting in the queue."
      },
      "usage": {
        "type": "array",
        "description": "Admitted, borrowed and pending accelerators per type.",
        "items": {
          "type": "object",
          "description": "item",
          "typeName": "aicloud:compute:QueueUsage",
          "properties": {
            "acceleratorType": {
              "type": "string",
              "description": "Accelerator type."
            },
            "admitted": {
              "type": "integer",
              "description": "Accelerators held by admitted work."
            },
            "borrowed": {
              "type": "integer",
              "description": "Of those, accelerators borrowed from the cohort."
            },
            "pending": {
              "type": "integer",
              "description": "Accelerators asked for by waiting work."
            }
          },
          "required": [
            "acceleratorType",
            "admitted",
            "borrowed",
            "pending"
          ]
        }
      }
    },
    "requiredOutputs": [
      "name",
      "quotas",
      "admissionPolicy",
      "preemption",
      "status",
      "pendingCount"
    ],
    "inputSchema": {
      "type": "object",
      "properties": {
        "name": {
          "description": "Name, unique per project.",
          "type": "string",
          "pattern": "^[a-z][a-z0-9-]{0,61}[a-z0-9]$"
        },
        "cohort": {
          "description": "Cohort whose queues lend each other unused nominal quota.",
          "type": "string",
          "pattern": "^[a-z][a-z0-9-]{0,61}[a-z0-9]$"
        },
        "quotas": {
          "description": "Quotas per accelerator type; work of a type without a quota is refused by the queue.",
          "type": "array",
          "items": {
            "description": "item",
            "type": "object",
            "properties": {
              "acceleratorType": {
                "description": "Accelerator type the quota counts.",
                "type": "string",
                "enum": [
                  "ascend-910c",
                  "ascend-910b",
                  "nvidia-h200",
                  "nvidia-gb200"
                ]
              },
              "nominal": {
                "description": "Accelerators the queue may hold on its own.",
                "type": "integer",
                "minimum": 0,
                "maximum": 1000000
              },
              "borrowingLimit": {
                "description": "Accelerators beyond nominal the queue may borrow from unused nominal quota of queues in its cohort; 0 when absent.",
                "type": "integer",
                "minimum": 0,
                "maximum": 1000000
              }
            },
            "required": [
              "acceleratorType",
              "nominal"
            ],
            "additionalProperties": false
          }
        },
        "admissionPolicy": {
          "description": "Order of admission.",
          "type": "string",
          "enum": [
            "fifo",
            "priority"
          ],
          "default": "fifo"
        },
        "preemption": {
          "description": "Whether waiting work may evict lower-priority preemptible work.",
          "type": "string",
          "enum": [
            "never",
            "lowerPriority"
          ],
          "default": "never"
        },
        "labels": {
          "description": "Labels; keys under `aicloud.dev/` are managed by aicloud.",
          "type": "object",
          "additionalProperties": {
            "description": "value",
            "type": "string"
          }
        }
      },
      "required": [
        "name",
        "quotas"
      ],
      "additionalProperties": false
    }
  },
  "Volume": {
    "kind": "Volume",
    "token": "aicloud:storage:Volume",
    "module": "storage",
    "collection": "volumes",
    "tfType": "aicloud_volume",
    "description": "A block volume. It only grows.",
    "inputs": {
      "name": {
        "type": "string",
        "description": "Name, unique per project.",
        "pattern": "^[a-z][a-z0-9-]{0,61}[a-z0-9]$",
        "replaceOnChanges": true
      },
      "region": {
        "type": "string",
        "description": "Region; defaults to the provider's region.",
        "pattern": "^[a-z]+-[a-z]+-[0-9]+$",
        "replaceOnChanges": true
      },
      "zone": {
        "type": "string",
        "description": "Zone.",
        "pattern": "^[a-z]+-[a-z]+-[0-9]+[a-z]$",
        "replaceOnChanges": true
      },
      "sizeGib": {
        "type": "integer",
        "description": "Size in GiB; can grow in place, never shrink.",
        "minimum": 1,
        "maximum": 65536
      },
      "type": {
        "type": "string",
        "description": "Media.",
        "typeName": "aicloud:storage:VolumeType",
        "enum": [
          {
            "value": "ssd",
            "description": "General purpose SSD."
          },
          {
            "value": "essd",
            "description": "Enhanced SSD with provisioned IOPS."
          },
          {
            "value": "hdd",
            "description": "Throughput HDD for cold data."
          }
        ],
        "default": "ssd",
        "replaceOnChanges": true
      },
      "iops": {
        "type": "integer",
        "description": "Provisioned IOPS (essd only).",
        "minimum": 100,
        "maximum": 1000000
      },
      "labels": {
        "type": "map",
        "description": "Labels.",
        "additionalProperties": {
          "type": "string",
          "description": "value"
        }
      }
    },
    "requiredInputs": [
      "name",
      "zone",
      "sizeGib"
    ],
    "outputs": {
      "name": {
        "type": "string",
        "description": "Name."
      },
      "region": {
        "type": "string",
        "description": "Region."
      },
      "zone": {
        "type": "string",
        "description": "Zone."
      },
      "sizeGib": {
        "type": "integer",
        "description": "Size in GiB."
      },
      "type": {
        "type": "string",
        "description": "Media.",
        "typeName": "aicloud:storage:VolumeType",
        "enum": [
          {
            "value": "ssd",
            "description": "General purpose SSD."
          },
          {
            "value": "essd",
            "description": "Enhanced SSD with provisioned IOPS."
          },
          {
            "value": "hdd",
            "description": "Throughput HDD for cold data."
          }
        ]
      },
      "iops": {
        "type": "integer",
        "description": "Provisioned IOPS."
      },
      "labels": {
        "type": "map",
        "description": "Labels.",
        "additionalProperties": {
          "type": "string",
          "description": "value"
        }
      },
      "status": {
        "type": "string",
        "description": "Lifecycle status."
      },
      "statusReason": {
        "type": "string",
        "description": "Why, when failed."
      },
      "hourlyCost": {
        "type": "number",
        "description": "List price per hour, USD."
      }
    },
    "requiredOutputs": [
      "name",
      "region",
      "zone",
      "sizeGib",
      "type",
      "status",
      "hourlyCost"
    ],
    "inputSchema": {
      "type": "object",
      "properties": {
        "name": {
          "description": "Name, unique per project.",
          "type": "string",
          "pattern": "^[a-z][a-z0-9-]{0,61}[a-z0-9]$"
        },
        "region": {
          "description": "Region; defaults to the provider's region.",
          "type": "string",
          "pattern": "^[a-z]+-[a-z]+-[0-9]+$"
        },
        "zone": {
          "description": "Zone.",
          "type": "string",
          "pattern": "^[a-z]+-[a-z]+-[0-9]+[a-z]$"
        },
        "sizeGib": {
          "description": "Size in GiB; can grow in place, never shrink.",
          "type": "integer",
          "minimum": 1,
          "maximum": 65536
        },
        "type": {
          "description": "Media.",
          "type": "string",
          "enum": [
            "ssd",
            "essd",
            "hdd"
          ],
          "default": "ssd"
        },
        "iops": {
          "description": "Provisioned IOPS (essd only).",
          "type": "integer",
          "minimum": 100,
          "maximum": 1000000
        },
        "labels": {
          "description": "Labels.",
          "type": "object",
          "additionalProperties": {
            "description": "value",
            "type": "string"
          }
        }
      },
      "required": [
        "name",
        "zone",
        "sizeGib"
      ],
      "additionalProperties": false
    }
  },
  "FileSystem": {
    "kind": "FileSystem",
    "token": "aicloud:storage:FileSystem",
    "module": "storage",
    "collection": "filesystems",
    "tfType": "aicloud_file_system",
    "description": "A shared file system for checkpoints and datasets.",
    "inputs": {
      "name": {
        "type": "string",
        "description": "Name, unique per project.",
        "pattern": "^[a-z][a-z0-9-]{0,61}[a-z0-9]$",
        "replaceOnChanges": true
      },
      "region": {
        "type": "string",
        "description": "Region; defaults to the provider's region.",
        "pattern": "^[a-z]+-[a-z]+-[0-9]+$",
        "replaceOnChanges": true
      },
      "zone": {
        "type": "string",
        "description": "Zone.",
        "pattern": "^[a-z]+-[a-z]+-[0-9]+[a-z]$",
        "replaceOnChanges": true
      },
      "capacityTib": {
        "type": "number",
        "description": "Capacity in TiB; grows in place, never shrinks.",
        "minimum": 1,
        "maximum": 100000
      },
      "throughputMibps": {
        "type": "integer",
        "description": "Provisioned throughput, MiB/s.",
        "minimum": 125,
        "maximum": 10000000,
        "default": 1000
      },
      "protocol": {
        "type": "string",
        "description": "Protocol.",
        "typeName": "aicloud:storage:FileSystemProtocol",
        "enum": [
          {
            "value": "lustre",
            "description": "Parallel file system for checkpoints."
          },
          {
            "value": "nfs",
            "description": "NFS v4.1."
          }
        ],
        "default": "lustre",
        "replaceOnChanges": true
      },
      "labels": {
        "type": "map",
        "description": "Labels.",
        "additionalProperties": {
          "type": "string",
          "description": "value"
        }
      }
    },
    "requiredInputs": [
      "name",
      "zone",
      "capacityTib"
    ],
    "outputs": {
      "name": {
        "type": "string",
        "description": "Name."
      },
      "region": {
        "type": "string",
        "description": "Region."
      },
      "zone": {
        "type": "string",
        "description": "Zone."
      },
      "capacityTib": {
        "type": "number",
        "description": "Capacity in TiB."
      },
      "throughputMibps": {
        "type": "integer",
        "description": "Throughput, MiB/s."
      },
      "protocol": {
        "type": "string",
        "description": "Protocol.",
        "typeName": "aicloud:storage:FileSystemProtocol",
        "enum": [
          {
            "value": "lustre",
            "description": "Parallel file system for checkpoints."
          },
          {
            "value": "nfs",
            "description": "NFS v4.1."
          }
        ]
      },
      "labels": {
        "type": "map",
        "description": "Labels.",
        "additionalProperties": {
          "type": "string",
          "description": "value"
        }
      },
      "mountTarget": {
        "type": "string",
        "description": "Address clients mount."
      },
      "status": {
        "type": "string",
        "description": "Lifecycle status."
      },
      "statusReason": {
        "type": "string",
        "description": "Why, when failed."
      },
      "hourlyCost": {
        "type": "number",
        "description": "List price per hour, USD."
      }
    },
    "requiredOutputs": [
      "name",
      "region",
      "zone",
      "capacityTib",
      "throughputMibps",
      "protocol",
      "status",
      "hourlyCost"
    ],
    "inputSchema": {
      "type": "object",
      "properties": {
        "name": {
          "description": "Name, unique per project.",
          "type": "string",
          "pattern": "^[a-z][a-z0-9-]{0,61}[a-z0-9]$"
        },
        "region": {
          "description": "Region; defaults to the provider's region.",
          "type": "string",
          "pattern": "^[a-z]+-[a-z]+-[0-9]+$"
        },
        "zone": {
          "description": "Zone.",
          "type": "string",
          "pattern": "^[a-z]+-[a-z]+-[0-9]+[a-z]$"
        },
        "capacityTib": {
          "description": "Capacity in TiB; grows in place, never shrinks.",
          "type": "number",
          "minimum": 1,
          "maximum": 100000
        },
        "throughputMibps": {
          "description": "Provisioned throughput, MiB/s.",
          "type": "integer",
          "minimum": 125,
          "maximum": 10000000,
          "default": 1000
        },
        "protocol": {
          "description": "Protocol.",
          "type": "string",
          "enum": [
            "lustre",
            "nfs"
          ],
          "default": "lustre"
        },
        "labels": {
          "description": "Labels.",
          "type": "object",
          "additionalProperties": {
            "description": "value",
            "type": "string"
          }
        }
      },
      "required": [
        "name",
        "zone",
        "capacityTib"
      ],
      "additionalProperties": false
    }
  },
  "Bucket": {
    "kind": "Bucket",
    "token": "aicloud:storage:Bucket",
    "module": "storage",
    "collection": "buckets",
    "tfType": "aicloud_bucket",
    "description": "An object bucket, e.g. for model weights. Bucket names are globally unique.",
    "inputs": {
      "name": {
        "type": "string",
        "description": "Globally unique name (DNS label rules).",
        "pattern": "^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$",
        "replaceOnChanges": true
      },
      "region": {
        "type": "string",
        "description": "Region; defaults to the provider's region.",
        "pattern": "^[a-z]+-[a-z]+-[0-9]+$",
        "replaceOnChanges": true
      },
      "versioning": {
        "type": "boolean",
        "description": "Keep every version of every object.",
        "default": false
      },
      "storageClass": {
        "type": "string",
        "description": "Default storage class.",
        "typeName": "aicloud:storage:StorageClass",
        "enum": [
          {
            "value": "standard",
            "description": "Hot data such as model weights."
          },
          {
            "value": "infrequent",
            "description": "Read less than once a month."
          },
          {
            "value": "archive",
            "description": "Cold archive."
          }
        ],
        "default": "standard"
      },
      "labels": {
        "type": "map",
        "description": "Labels.",
        "additionalProperties": {
          "type": "string",
          "description": "value"
        }
      }
    },
    "requiredInputs": [
      "name"
    ],
    "outputs": {
      "name": {
        "type": "string",
        "description": "Name."
      },
      "region": {
        "type": "string",
        "description": "Region."
      },
      "versioning": {
        "type": "boolean",
        "description": "Versioning."
      },
      "storageClass": {
        "type": "string",
        "description": "Storage class.",
        "typeName": "aicloud:storage:StorageClass",
        "enum": [
          {
            "value": "standard",
            "description": "Hot data such as model weights."
          },
          {
            "value": "infrequent",
            "description": "Read less than once a month."
          },
          {
            "value": "archive",
            "description": "Cold archive."
          }
        ]
      },
      "labels": {
        "type": "map",
        "description": "Labels.",
        "additionalProperties": {
          "type": "string",
          "description": "value"
        }
      },
      "url": {
        "type": "string",
        "description": "Bucket URL."
      },
      "status": {
        "type": "string",
        "description": "Lifecycle status."
      },
      "statusReason": {
        "type": "string",
        "description": "Why, when failed."
      },
      "hourlyCost": {
        "type": "number",
        "description": "List price per hour, USD."
      }
    },
    "requiredOutputs": [
      "name",
      "region",
      "versioning",
      "storageClass",
      "url",
      "status",
      "hourlyCost"
    ],
    "inputSchema": {
      "type": "object",
      "properties": {
        "name": {
          "description": "Globally unique name (DNS label rules).",
          "type": "string",
          "pattern": "^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$"
        },
        "region": {
          "description": "Region; defaults to the provider's region.",
          "type": "string",
          "pattern": "^[a-z]+-[a-z]+-[0-9]+$"
        },
        "versioning": {
          "description": "Keep every version of every object.",
          "type": "boolean",
          "default": false
        },
        "storageClass": {
          "description": "Default storage class.",
          "type": "string",
          "enum": [
            "standard",
            "infrequent",
            "archive"
          ],
          "default": "standard"
        },
        "labels": {
          "description": "Labels.",
          "type": "object",
          "additionalProperties": {
            "description": "value",
            "type": "string"
          }
        }
      },
      "required": [
        "name"
      ],
      "additionalProperties": false
    }
  },
  "KvCachePool": {
    "kind": "KvCachePool",
    "token": "aicloud:inference:KvCachePool",
    "module": "inference",
    "collection": "kvcachepools",
    "tfType": "aicloud_kv_cache_pool",
    "description": "Tiered KV-cache memory (HBM, DRAM, SSD) attached to a cluster, shared by the endpoints that name it.",
    "inputs": {
      "name": {
        "type": "string",
        "description": "Name, unique per project.",
        "pattern": "^[a-z][a-z0-9-]{0,61}[a-z0-9]$",
        "replaceOnChanges": true
      },
      "region": {
        "type": "string",
        "description": "Region; defaults to the provider's region.",
        "pattern": "^[a-z]+-[a-z]+-[0-9]+$",
        "replaceOnChanges": true
      },
      "cluster": {
        "type": "string",
        "description": "Name of the Cluster the pool is attached to.",
        "pattern": "^[a-z][a-z0-9-]{0,61}[a-z0-9]$",
        "replaceOnChanges": true,
        "references": "aicloud:compute:Cluster"
      },
      "tiers": {
        "type": "object",
        "description": "Tier sizes.",
        "typeName": "aicloud:inference:KvCacheTiers",
        "properties": {
          "hbmGib": {
            "type": "number",
            "description": "HBM reserved for KV cache on each accelerator, GiB.",
            "minimum": 0,
            "maximum": 192
          },
          "dramGib": {
            "type": "number",
            "description": "Host DRAM tier for the whole pool, GiB.",
            "minimum": 0,
            "maximum": 1048576
          },
          "ssdGib": {
            "type": "number",
            "description": "SSD tier for the whole pool, GiB.",
            "minimum": 0,
            "maximum": 16777216
          }
        },
        "required": [
          "hbmGib"
        ]
      },
      "evictionPolicy": {
        "type": "string",
        "description": "Eviction and demotion policy.",
        "typeName": "aicloud:inference:EvictionPolicy",
        "enum": [
          {
            "value": "lru",
            "description": "Least recently used."
          },
          {
            "value": "lfu",
            "description": "Least frequently used."
          },
          {
            "value": "arc",
            "description": "Adaptive replacement cache."
          }
        ],
        "default": "lru"
      },
      "prefixCaching": {
        "type": "boolean",
        "description": "Share KV blocks of identical prompt prefixes across requests.",
        "default": true
      },
      "blockSizeTokens": {
        "type": "integer",
        "description": "Tokens per KV block.",
        "minimum": 16,
        "maximum": 1024,
        "default": 128
      },
      "labels": {
        "type": "map",
        "description": "Labels.",
        "additionalProperties": {
          "type": "string",
          "description": "value"
        }
      }
    },
    "requiredInputs": [
      "name",
      "cluster",
      "tiers"
    ],
    "outputs": {
      "name": {
        "type": "string",
        "description": "Name."
      },
      "region": {
        "type": "string",
        "description": "Region."
      },
      "cluster": {
        "type": "string",
        "description": "Cluster."
      },
      "tiers": {
        "type": "object",
        "description": "Tier sizes.",
        "typeName": "aicloud:inference:KvCacheTiers",
        "properties": {
          "hbmGib": {
            "type": "number",
            "description": "HBM reserved for KV cache on each accelerator, GiB.",
            "minimum": 0,
            "maximum": 192
          },
          "dramGib": {
            "type": "number",
            "description": "Host DRAM tier for the whole pool, GiB.",
            "minimum": 0,
            "maximum": 1048576
          },
          "ssdGib": {
            "type": "number",
            "description": "SSD tier for the whole pool, GiB.",
            "minimum": 0,
            "maximum": 16777216
          }
        },
        "required": [
          "hbmGib"
        ]
      },
      "evictionPolicy": {
        "type": "string",
        "description": "Eviction policy.",
        "typeName": "aicloud:inference:EvictionPolicy",
        "enum": [
          {
            "value": "lru",
            "description": "Least recently used."
          },
          {
            "value": "lfu",
            "description": "Least frequently used."
          },
          {
            "value": "arc",
            "description": "Adaptive replacement cache."
          }
        ]
      },
      "prefixCaching": {
        "type": "boolean",
        "description": "Prefix caching."
      },
      "blockSizeTokens": {
        "type": "integer",
        "description": "Tokens per block."
      },
      "labels": {
        "type": "map",
        "description": "Labels.",
        "additionalProperties": {
          "type": "string",
          "description": "value"
        }
      },
      "totalGib": {
        "type": "number",
        "description": "HBM over the cluster plus DRAM plus SSD, GiB."
      },
      "status": {
        "type": "string",
        "description": "Lifecycle status."
      },
      "statusReason": {
        "type": "string",
        "description": "Why, when failed."
      },
      "hourlyCost": {
        "type": "number",
        "description": "List price per hour, USD."
      }
    },
    "requiredOutputs": [
      "name",
      "region",
      "cluster",
      "tiers",
      "evictionPolicy",
      "prefixCaching",
      "blockSizeTokens",
      "totalGib",
      "status",
      "hourlyCost"
    ],
    "inputSchema": {
      "type": "object",
      "properties": {
        "name": {
          "description": "Name, unique per project.",
          "type": "string",
          "pattern": "^[a-z][a-z0-9-]{0,61}[a-z0-9]$"
        },
        "region": {
          "description": "Region; defaults to the provider's region.",
          "type": "string",
          "pattern": "^[a-z]+-[a-z]+-[0-9]+$"
        },
        "cluster": {
          "description": "Name of the Cluster the pool is attached to.",
          "type": "string",
          "pattern": "^[a-z][a-z0-9-]{0,61}[a-z0-9]$"
        },
        "tiers": {
          "description": "Tier sizes.",
          "type": "object",
          "properties": {
            "hbmGib": {
              "description": "HBM reserved for KV cache on each accelerator, GiB.",
              "type": "number",
              "minimum": 0,
              "maximum": 192
            },
            "dramGib": {
              "description": "Host DRAM tier for the whole pool, GiB.",
              "type": "number",
              "minimum": 0,
              "maximum": 1048576
            },
            "ssdGib": {
              "description": "SSD tier for the whole pool, GiB.",
              "type": "number",
              "minimum": 0,
              "maximum": 16777216
            }
          },
          "required": [
            "hbmGib"
          ],
          "additionalProperties": false
        },
        "evictionPolicy": {
          "description": "Eviction and demotion policy.",
          "type": "string",
          "enum": [
            "lru",
            "lfu",
            "arc"
          ],
          "default": "lru"
        },
        "prefixCaching": {
          "description": "Share KV blocks of identical prompt prefixes across requests.",
          "type": "boolean",
          "default": true
        },
        "blockSizeTokens": {
          "description": "Tokens per KV block.",
          "type": "integer",
          "minimum": 16,
          "maximum": 1024,
          "default": 128
        },
        "labels": {
          "description": "Labels.",
          "type": "object",
          "additionalProperties": {
            "description": "value",
            "type": "string"
          }
        }
      },
      "required": [
        "name",
        "cluster",
        "tiers"
      ],
      "additionalProperties": false
    }
  },
  "ModelEndpoint": {
    "kind": "ModelEndpoint",
    "token": "aicloud:inference:ModelEndpoint",
    "module": "inference",
    "collection": "endpoints",
    "tfType": "aicloud_model_endpoint",
    "description": "A served model on a cluster. The control plane refuses an endpoint whose weights and minimum KV cache do not fit its accelerators' memory.",
    "inputs": {
      "name": {
        "type": "string",
        "description": "Name, unique per project.",
        "pattern": "^[a-z][a-z0-9-]{0,61}[a-z0-9]$",
        "replaceOnChanges": true
      },
      "region": {
        "type": "string",
        "description": "Region; defaults to the provider's region.",
        "pattern": "^[a-z]+-[a-z]+-[0-9]+$",
        "replaceOnChanges": true
      },
      "cluster": {
        "type": "string",
        "description": "Name of the Cluster that runs the replicas. While a cluster that lists several acceleratorTypes has not started, its type is open: the endpoint must suit every listed type (runtime, memory, profile, its queue's quota), and a queued one is charged to the type the cluster starts on.",
        "pattern": "^[a-z][a-z0-9-]{0,61}[a-z0-9]$",
        "replaceOnChanges": true,
        "references": "aicloud:compute:Cluster"
      },
      "model": {
        "type": "object",
        "description": "The model and its weights.",
        "typeName": "aicloud:inference:Model",
        "properties": {
          "name": {
            "type": "string",
            "description": "Model name as clients request it, e.g. `deepseek-r1`.",
            "pattern": "^[A-Za-z0-9][A-Za-z0-9._/-]{0,127}$"
          },
          "bucket": {
            "type": "string",
            "description": "Name of the Bucket holding the weights (a reference to a Bucket of the stack).",
            "pattern": "^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$",
            "references": "aicloud:storage:Bucket"
          },
          "path": {
            "type": "string",
            "description": "Prefix of the weights inside the bucket.",
            "pattern": "^[A-Za-z0-9][A-Za-z0-9._/-]{0,511}$"
          },
          "parametersBillions": {
            "type": "number",
            "description": "Total parameters, in billions (671 for DeepSeek-R1).",
            "minimum": 0.001,
            "maximum": 100000
          },
          "activeParametersBillions": {
            "type": "number",
            "description": "Parameters active per token for mixture-of-experts models, in billions (37 for DeepSeek-R1).",
            "minimum": 0.001,
            "maximum": 100000
          },
          "precision": {
            "type": "string",
            "description": "Precision of the weights.",
            "typeName": "aicloud:inference:Precision",
            "enum": [
              {
                "value": "bf16",
                "description": "2 bytes per parameter."
              },
              {
                "value": "fp16",
                "description": "2 bytes per parameter."
              },
              {
                "value": "fp8",
                "description": "1 byte per parameter."
              },
              {
                "value": "int8",
                "description": "1 byte per parameter (W8A8)."
              },
              {
                "value": "int4",
                "description": "Half a byte per parameter (W4A16)."
              }
            ],
            "default": "bf16"
          },
          "kvBytesPerToken": {
            "type": "integer",
            "description": "KV-cache bytes per token across all layers (70272 for DeepSeek-R1 with MLA in bf16).",
            "minimum": 1,
            "maximum": 67108864,
            "default": 131072
          }
        },
        "required": [
          "name",
          "bucket",
          "path",
          "parametersBillions"
        ],
        "replaceOnChanges": true
      },
      "runtime": {
        "type": "object",
        "description": "Serving runtime, checked against the cluster's accelerator type.",
        "typeName": "aicloud:inference:Runtime",
        "properties": {
          "framework": {
            "type": "string",
            "description": "Serving framework.",
            "typeName": "aicloud:inference:Framework",
            "enum": [
              {
                "value": "mindie",
                "description": "Huawei MindIE."
              },
              {
                "value": "vllm-ascend",
                "description": "vLLM with the Ascend plugin."
              },
              {
                "value": "vllm",
                "description": "vLLM."
              },
              {
                "value": "sglang",
                "description": "SGLang."
              },
              {
                "value": "tensorrt-llm",
                "description": "NVIDIA TensorRT-LLM."
              }
            ]
          },
          "frameworkVersion": {
            "type": "string",
            "description": "Framework version, e.g. `0.9.1`.",
            "pattern": "^[0-9]+\\.[0-9]+(\\.[0-9]+)?([.-][A-Za-z0-9]+)*$"
          },
          "softwareStack": {
            "type": "string",
            "description": "Accelerator software stack and version: `cann-8.1` for Ascend, `cuda-12.8` for NVIDIA.",
            "pattern": "^(cann|cuda)-[0-9]+\\.[0-9]+(\\.[0-9A-Za-z]+)?$"
          }
        },
        "required": [
          "framework",
          "softwareStack"
        ]
      },
      "replicas": {
        "type": "integer",
        "description": "Fixed replica count; leave out when autoscaling is set.",
        "minimum": 1,
        "maximum": 1024
      },
      "autoscaling": {
        "type": "object",
        "description": "Autoscaling bounds instead of a fixed count.",
        "typeName": "aicloud:inference:Autoscaling",
        "properties": {
          "minReplicas": {
            "type": "integer",
            "description": "Replicas always running.",
            "minimum": 1,
            "maximum": 1024
          },
          "maxReplicas": {
            "type": "integer",
            "description": "Upper bound; must be at least minReplicas.",
            "minimum": 1,
            "maximum": 1024
          },
          "metric": {
            "type": "string",
            "description": "Signal to scale on.",
            "typeName": "aicloud:inference:AutoscalingMetric",
            "enum": [
              {
                "value": "concurrency",
                "description": "In-flight requests per replica."
              },
              {
                "value": "tokens-per-second",
                "description": "Generated tokens per second per replica."
              },
              {
                "value": "accelerator-utilization",
                "description": "Accelerator busy percentage."
              }
            ],
            "default": "concurrency"
          },
          "target": {
            "type": "number",
            "description": "Target value of the metric per replica.",
            "minimum": 0.001,
            "maximum": 1000000,
            "default": 16
          }
        },
        "required": [
          "minReplicas",
          "maxReplicas"
        ]
      },
      "acceleratorsPerReplica": {
        "type": "integer",
        "description": "Accelerators of one replica: at most 8 stay in one server, more stay in one supernode.",
        "minimum": 1,
        "maximum": 384,
        "replaceOnChanges": true
      },
      "acceleratorProfile": {
        "type": "string",
        "description": "Partition profile of the cluster's accelerator type (a MIG profile such as `1g.18gb`): each replica then runs on one instance of it, so acceleratorsPerReplica must be 1 and tensor, pipeline and expert parallelism 1. On a partitioned cluster the replicas take the cluster's instances, whose profile must be this one; on a cluster of whole accelerators the instances are cut, all on one server, from accelerators no other endpoint holds whole. With a queue, an endpoint whose instances are short waits for them (its queue counts each instance as its share of an accelerator, e.g. 1/8 of an H200 for 1g.18gb).",
        "pattern": "^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$",
        "replaceOnChanges": true
      },
      "parallelism": {
        "type": "object",
        "description": "Parallelism of a replica; the product of the degrees equals acceleratorsPerReplica.",
        "typeName": "aicloud:inference:Parallelism",
        "properties": {
          "tensor": {
            "type": "integer",
            "description": "Tensor-parallel degree.",
            "minimum": 1,
            "maximum": 384,
            "default": 1
          },
          "expert": {
            "type": "integer",
            "description": "Expert-parallel degree (mixture-of-experts).",
            "minimum": 1,
            "maximum": 384,
            "default": 1
          },
          "pipeline": {
            "type": "integer",
            "description": "Pipeline-parallel degree.",
            "minimum": 1,
            "maximum": 64,
            "default": 1
          },
          "data": {
            "type": "integer",
            "description": "Data-parallel degree inside a replica (attention DP).",
            "minimum": 1,
            "maximum": 384,
            "default": 1
          }
        },
        "required": [],
        "replaceOnChanges": true
      },
      "kvCachePool": {
        "type": "string",
        "description": "Name of the KvCachePool the replicas use.",
        "pattern": "^[a-z][a-z0-9-]{0,61}[a-z0-9]$",
        "references": "aicloud:inference:KvCachePool"
      },
      "contextLength": {
        "type": "integer",
        "description": "Longest context served, tokens.",
        "minimum": 256,
        "maximum": 2097152,
        "default": 8192
      },
      "sequencesPerReplica": {
        "type": "integer",
        "description": "Full-context sequences each replica must hold in HBM at once; sets the minimum KV cache.",
        "minimum": 1,
        "maximum": 65536,
        "default": 1
      },
      "queue": {
        "type": "string",
        "description": "Queue to wait in when the replicas do not fit in the free accelerators of their cluster, or with an acceleratorProfile in its free partition instances (or the cluster itself still waits); without one, an endpoint that does not fit is refused at once.",
        "pattern": "^[a-z][a-z0-9-]{0,61}[a-z0-9]$",
        "references": "aicloud:compute:Queue",
        "referencesExternal": true
      },
      "priority": {
        "type": "integer",
        "description": "Priority in its queue (higher first under the `priority` policy, and the rank preemption compares); 0 when absent.",
        "minimum": -1000,
        "maximum": 1000
      },
      "preemptible": {
        "type": "boolean",
        "description": "Whether higher-priority queued work may evict it, and defragmentation may move it."
      },
      "labels": {
        "type": "map",
        "description": "Labels.",
        "additionalProperties": {
          "type": "string",
          "description": "value"
        }
      }
    },
    "requiredInputs": [
      "name",
      "cluster",
      "model",
      "runtime",
      "acceleratorsPerReplica"
    ],
    "outputs": {
      "name": {
        "type": "string",
        "description": "Name."
      },
      "region": {
        "type": "string",
        "description": "Region."
      },
      "cluster": {
        "type": "string",
        "description": "Cluster."
      },
      "model": {
        "type": "object",
        "description": "Model.",
        "typeName": "aicloud:inference:Model",
        "properties": {
          "name": {
            "type": "string",
            "description": "Model name as clients request it, e.g. `deepseek-r1`.",
            "pattern": "^[A-Za-z0-9][A-Za-z0-9._/-]{0,127}$"
          },
          "bucket": {
            "type": "string",
            "description": "Name of the Bucket holding the weights (a reference to a Bucket of the stack).",
            "pattern": "^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$",
            "references": "aicloud:storage:Bucket"
          },
          "path": {
            "type": "string",
            "description": "Prefix of the weights inside the bucket.",
            "pattern": "^[A-Za-z0-9][A-Za-z0-9._/-]{0,511}$"
          },
          "parametersBillions": {
            "type": "number",
            "description": "Total parameters, in billions (671 for DeepSeek-R1).",
            "minimum": 0.001,
            "maximum": 100000
          },
          "activeParametersBillions": {
            "type": "number",
            "description": "Parameters active per token for mixture-of-experts models, in billions (37 for DeepSeek-R1).",
            "minimum": 0.001,
            "maximum": 100000
          },
          "precision": {
            "type": "string",
            "description": "Precision of the weights.",
            "typeName": "aicloud:inference:Precision",
            "enum": [
              {
                "value": "bf16",
                "description": "2 bytes per parameter."
              },
              {
                "value": "fp16",
                "description": "2 bytes per parameter."
              },
              {
                "value": "fp8",
                "description": "1 byte per parameter."
              },
              {
                "value": "int8",
                "description": "1 byte per parameter (W8A8)."
              },
              {
                "value": "int4",
                "description": "Half a byte per parameter (W4A16)."
              }
            ],
            "default": "bf16"
          },
          "kvBytesPerToken": {
            "type": "integer",
            "description": "KV-cache bytes per token across all layers (70272 for DeepSeek-R1 with MLA in bf16).",
            "minimum": 1,
            "maximum": 67108864,
            "default": 131072
          }
        },
        "required": [
          "name",
          "bucket",
          "path",
          "parametersBillions"
        ]
      },
      "runtime": {
        "type": "object",
        "description": "Runtime.",
        "typeName": "aicloud:inference:Runtime",
        "properties": {
          "framework": {
            "type": "string",
            "description": "Serving framework.",
            "typeName": "aicloud:inference:Framework",
            "enum": [
              {
                "value": "mindie",
                "description": "Huawei MindIE."
              },
              {
                "value": "vllm-ascend",
                "description": "vLLM with the Ascend plugin."
              },
              {
                "value": "vllm",
                "description": "vLLM."
              },
              {
                "value": "sglang",
                "description": "SGLang."
              },
              {
                "value": "tensorrt-llm",
                "description": "NVIDIA TensorRT-LLM."
              }
            ]
          },
          "frameworkVersion": {
            "type": "string",
            "description": "Framework version, e.g. `0.9.1`.",
            "pattern": "^[0-9]+\\.[0-9]+(\\.[0-9]+)?([.-][A-Za-z0-9]+)*$"
          },
          "softwareStack": {
            "type": "string",
            "description": "Accelerator software stack and version: `cann-8.1` for Ascend, `cuda-12.8` for NVIDIA.",
            "pattern": "^(cann|cuda)-[0-9]+\\.[0-9]+(\\.[0-9A-Za-z]+)?$"
          }
        },
        "required": [
          "framework",
          "softwareStack"
        ]
      },
      "replicas": {
        "type": "integer",
        "description": "Fixed replica count."
      },
      "autoscaling": {
        "type": "object",
        "description": "Autoscaling bounds.",
        "typeName": "aicloud:inference:Autoscaling",
        "properties": {
          "minReplicas": {
            "type": "integer",
            "description": "Replicas always running.",
            "minimum": 1,
            "maximum": 1024
          },
          "maxReplicas": {
            "type": "integer",
            "description": "Upper bound; must be at least minReplicas.",
            "minimum": 1,
            "maximum": 1024
          },
          "metric": {
            "type": "string",
            "description": "Signal to scale on.",
            "typeName": "aicloud:inference:AutoscalingMetric",
            "enum": [
              {
                "value": "concurrency",
                "description": "In-flight requests per replica."
              },
              {
                "value": "tokens-per-second",
                "description": "Generated tokens per second per replica."
              },
              {
                "value": "accelerator-utilization",
                "description": "Accelerator busy percentage."
              }
            ],
            "default": "concurrency"
          },
          "target": {
            "type": "number",
            "description": "Target value of the metric per replica.",
            "minimum": 0.001,
            "maximum": 1000000,
            "default": 16
          }
        },
        "required": [
          "minReplicas",
          "maxReplicas"
        ]
      },
      "acceleratorsPerReplica": {
        "type": "integer",
        "description": "Accelerators per replica."
      },
      "acceleratorProfile": {
        "type": "string",
        "description": "Partition profile of each replica's instance, when the endpoint runs on partitions."
      },
      "parallelism": {
        "type": "object",
        "description": "Parallelism.",
        "typeName": "aicloud:inference:Parallelism",
        "properties": {
          "tensor": {
            "type": "integer",
            "description": "Tensor-parallel degree.",
            "minimum": 1,
            "maximum": 384,
            "default": 1
          },
          "expert": {
            "type": "integer",
            "description": "Expert-parallel degree (mixture-of-experts).",
            "minimum": 1,
            "maximum": 384,
            "default": 1
          },
          "pipeline": {
            "type": "integer",
            "description": "Pipeline-parallel degree.",
            "minimum": 1,
            "maximum": 64,
            "default": 1
          },
          "data": {
            "type": "integer",
            "description": "Data-parallel degree inside a replica (attention DP).",
            "minimum": 1,
            "maximum": 384,
            "default": 1
          }
        },
        "required": []
      },
      "kvCachePool": {
        "type": "string",
        "description": "KV-cache pool."
      },
      "contextLength": {
        "type": "integer",
        "description": "Context length."
      },
      "sequencesPerReplica": {
        "type": "integer",
        "description": "Sequences per replica."
      },
      "queue": {
        "type": "string",
        "description": "Queue."
      },
      "priority": {
        "type": "integer",
        "description": "Priority."
      },
      "preemptible": {
        "type": "boolean",
        "description": "Preemptible."
      },
      "labels": {
        "type": "map",
        "description": "Labels.",
        "additionalProperties": {
          "type": "string",
          "description": "value"
        }
      },
      "url": {
        "type": "string",
        "description": "OpenAI-compatible base URL."
      },
      "apiKey": {
        "type": "string",
        "description": "API key for the endpoint.",
        "secret": true
      },
      "replicaPlacements": {
        "type": "array",
        "description": "Where each reserved replica runs.",
        "items": {
          "type": "object",
          "description": "item",
          "typeName": "aicloud:inference:ReplicaPlacement",
          "properties": {
            "replica": {
              "type": "integer",
              "description": "Replica index."
            },
            "supernode": {
              "type": "string",
              "description": "Supernode of the replica (empty outside supernodes)."
            },
            "servers": {
              "type": "array",
              "description": "Servers the replica runs on.",
              "items": {
                "type": "string",
                "description": "item"
              }
            },
            "acceleratorCount": {
              "type": "integer",
              "description": "Accelerators of the replica."
            },
            "slice": {
              "type": "object",
              "description": "The partition instance the replica runs on, when the endpoint has an acceleratorProfile.",
              "typeName": "aicloud:inference:ReplicaSlice",
              "properties": {
                "accelerator": {
                  "type": "string",
                  "description": "Accelerator id (zone/server/index) the instance is cut from."
                },
                "profile": {
                  "type": "string",
                  "description": "Partition profile of the instance."
                },
                "start": {
                  "type": "integer",
                  "description": "First MIG position, or -1 for pooled vNPU units."
                },
                "units": {
                  "type": "integer",
                  "description": "Positions or pool units the instance takes."
                }
              },
              "required": [
                "accelerator",
                "profile",
                "start",
                "units"
              ]
            }
          },
          "required": [
            "replica",
            "servers",
            "acceleratorCount"
          ]
        }
      },
      "status": {
        "type": "string",
        "description": "Lifecycle status."
      },
      "statusReason": {
        "type": "string",
        "description": "Why, when failed."
      },
      "hourlyCost": {
        "type": "number",
        "description": "Accelerator share of the list price per hour, USD (the accelerators belong to the cluster)."
      }
    },
    "requiredOutputs": [
      "name",
      "region",
      "cluster",
      "model",
      "runtime",
      "acceleratorsPerReplica",
      "parallelism",
      "contextLength",
      "sequencesPerReplica",
      "url",
      "apiKey",
      "status",
      "hourlyCost"
    ],
    "inputSchema": {
      "type": "object",
      "properties": {
        "name": {
          "description": "Name, unique per project.",
          "type": "string",
          "pattern": "^[a-z][a-z0-9-]{0,61}[a-z0-9]$"
        },
        "region": {
          "description": "Region; defaults to the provider's region.",
          "type": "string",
          "pattern": "^[a-z]+-[a-z]+-[0-9]+$"
        },
        "cluster": {
          "description": "Name of the Cluster that runs the replicas. While a cluster that lists several acceleratorTypes has not started, its type is open: the endpoint must suit every listed type (runtime, memory, profile, its queue's quota), and a queued one is charged to the type the cluster starts on.",
          "type": "string",
          "pattern": "^[a-z][a-z0-9-]{0,61}[a-z0-9]$"
        },
        "model": {
          "description": "The model and its weights.",
          "type": "object",
          "properties": {
            "name": {
              "description": "Model name as clients request it, e.g. `deepseek-r1`.",
              "type": "string",
              "pattern": "^[A-Za-z0-9][A-Za-z0-9._/-]{0,127}$"
            },
            "bucket": {
              "description": "Name of the Bucket holding the weights (a reference to a Bucket of the stack).",
              "type": "string",
              "pattern": "^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$"
            },
            "path": {
              "description": "Prefix of the weights inside the bucket.",
              "type": "string",
              "pattern": "^[A-Za-z0-9][A-Za-z0-9._/-]{0,511}$"
            },
            "parametersBillions": {
              "description": "Total parameters, in billions (671 for DeepSeek-R1).",
              "type": "number",
              "minimum": 0.001,
              "maximum": 100000
            },
            "activeParametersBillions": {
              "description": "Parameters active per token for mixture-of-experts models, in billions (37 for DeepSeek-R1).",
              "type": "number",
              "minimum": 0.001,
              "maximum": 100000
            },
            "precision": {
              "description": "Precision of the weights.",
              "type": "string",
              "enum": [
                "bf16",
                "fp16",
                "fp8",
                "int8",
                "int4"
              ],
              "default": "bf16"
            },
            "kvBytesPerToken": {
              "description": "KV-cache bytes per token across all layers (70272 for DeepSeek-R1 with MLA in bf16).",
              "type": "integer",
              "minimum": 1,
              "maximum": 67108864,
              "default": 131072
            }
          },
          "required": [
            "name",
            "bucket",
            "path",
            "parametersBillions"
          ],
          "additionalProperties": false
        },
        "runtime": {
          "description": "Serving runtime, checked against the cluster's accelerator type.",
          "type": "object",
          "properties": {
            "framework": {
              "description": "Serving framework.",
              "type": "string",
              "enum": [
                "mindie",
                "vllm-ascend",
                "vllm",
                "sglang",
                "tensorrt-llm"
              ]
            },
            "frameworkVersion": {
              "description": "Framework version, e.g. `0.9.1`.",
              "type": "string",
              "pattern": "^[0-9]+\\.[0-9]+(\\.[0-9]+)?([.-][A-Za-z0-9]+)*$"
            },
            "softwareStack": {
              "description": "Accelerator software stack and version: `cann-8.1` for Ascend, `cuda-12.8` for NVIDIA.",
              "type": "string",
              "pattern": "^(cann|cuda)-[0-9]+\\.[0-9]+(\\.[0-9A-Za-z]+)?$"
            }
          },
          "required": [
            "framework",
            "softwareStack"
          ],
          "additionalProperties": false
        },
        "replicas": {
          "description": "Fixed replica count; leave out when autoscaling is set.",
          "type": "integer",
          "minimum": 1,
          "maximum": 1024
        },
        "autoscaling": {
          "description": "Autoscaling bounds instead of a fixed count.",
          "type": "object",
          "properties": {
            "minReplicas": {
              "description": "Replicas always running.",
              "type": "integer",
              "minimum": 1,
              "maximum": 1024
            },
            "maxReplicas": {
              "description": "Upper bound; must be at least minReplicas.",
              "type": "integer",
              "minimum": 1,
              "maximum": 1024
            },
            "metric": {
              "description": "Signal to scale on.",
              "type": "string",
              "enum": [
                "concurrency",
                "tokens-per-second",
                "accelerator-utilization"
              ],
              "default": "concurrency"
            },
            "target": {
              "description": "Target value of the metric per replica.",
              "type": "number",
              "minimum": 0.001,
              "maximum": 1000000,
              "default": 16
            }
          },
          "required": [
            "minReplicas",
            "maxReplicas"
          ],
          "additionalProperties": false
        },
        "acceleratorsPerReplica": {
          "description": "Accelerators of one replica: at most 8 stay in one server, more stay in one supernode.",
          "type": "integer",
          "minimum": 1,
          "maximum": 384
        },
        "acceleratorProfile": {
          "description": "Partition profile of the cluster's accelerator type (a MIG profile such as `1g.18gb`): each replica then runs on one instance of it, so acceleratorsPerReplica must be 1 and tensor, pipeline and expert parallelism 1. On a partitioned cluster the replicas take the cluster's instances, whose profile must be this one; on a cluster of whole accelerators the instances are cut, all on one server, from accelerators no other endpoint holds whole. With a queue, an endpoint whose instances are short waits for them (its queue counts each instance as its share of an accelerator, e.g. 1/8 of an H200 for 1g.18gb).",
          "type": "string",
          "pattern": "^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$"
        },
        "parallelism": {
          "description": "Parallelism of a replica; the product of the degrees equals acceleratorsPerReplica.",
          "type": "object",
          "properties": {
            "tensor": {
              "description": "Tensor-parallel degree.",
              "type": "integer",
              "minimum": 1,
              "maximum": 384,
              "default": 1
            },
            "expert": {
              "description": "Expert-parallel degree (mixture-of-experts).",
              "type": "integer",
              "minimum": 1,
              "maximum": 384,
              "default": 1
            },
            "pipeline": {
              "description": "Pipeline-parallel degree.",
              "type": "integer",
              "minimum": 1,
              "maximum": 64,
              "default": 1
            },
            "data": {
              "description": "Data-parallel degree inside a replica (attention DP).",
              "type": "integer",
              "minimum": 1,
              "maximum": 384,
              "default": 1
            }
          },
          "additionalProperties": false,
          "default": {}
        },
        "kvCachePool": {
          "description": "Name of the KvCachePool the replicas use.",
          "type": "string",
          "pattern": "^[a-z][a-z0-9-]{0,61}[a-z0-9]$"
        },
        "contextLength": {
          "description": "Longest context served, tokens.",
          "type": "integer",
          "minimum": 256,
          "maximum": 2097152,
          "default": 8192
        },
        "sequencesPerReplica": {
          "description": "Full-context sequences each replica must hold in HBM at once; sets the minimum KV cache.",
          "type": "integer",
          "minimum": 1,
          "maximum": 65536,
          "default": 1
        },
        "queue": {
          "description": "Queue to wait in when the replicas do not fit in the free accelerators of their cluster, or with an acceleratorProfile in its free partition instances (or the cluster itself still waits); without one, an endpoint that does not fit is refused at once.",
          "type": "string",
          "pattern": "^[a-z][a-z0-9-]{0,61}[a-z0-9]$"
        },
        "priority": {
          "description": "Priority in its queue (higher first under the `priority` policy, and the rank preemption compares); 0 when absent.",
          "type": "integer",
          "minimum": -1000,
          "maximum": 1000
        },
        "preemptible": {
          "description": "Whether higher-priority queued work may evict it, and defragmentation may move it.",
          "type": "boolean"
        },
        "labels": {
          "description": "Labels.",
          "type": "object",
          "additionalProperties": {
            "description": "value",
            "type": "string"
          }
        }
      },
      "required": [
        "name",
        "cluster",
        "model",
        "runtime",
        "acceleratorsPerReplica"
      ],
      "additionalProperties": false
    }
  }
};

export const FUNCTION_SPECS: Record<string, FunctionSpec> = {
  "aicloud:compute:getCapacity": {
    "token": "aicloud:compute:getCapacity",
    "description": "Free and total accelerators per zone and type, with the largest free block.",
    "inputs": {
      "zone": {
        "type": "string",
        "description": "Only this zone.",
        "pattern": "^[a-z]+-[a-z]+-[0-9]+[a-z]$"
      },
      "acceleratorType": {
        "type": "string",
        "description": "Only this accelerator type.",
        "typeName": "aicloud:compute:AcceleratorType",
        "enum": [
          {
            "value": "ascend-910c",
            "description": "Huawei Ascend 910C, 128 GiB HBM, 8 per server, 384 per CloudMatrix384 supernode."
          },
          {
            "value": "ascend-910b",
            "description": "Huawei Ascend 910B, 64 GiB HBM, 8 per server in two HCCS groups of 4."
          },
          {
            "value": "nvidia-h200",
            "description": "NVIDIA H200, 141 GiB HBM3e, 8 per server (NVLink within the server)."
          },
          {
            "value": "nvidia-gb200",
            "description": "NVIDIA GB200, 186 GiB HBM3e, 4 per server, 72 per NVL72 rack."
          }
        ]
      }
    },
    "outputs": {
      "zones": {
        "type": "array",
        "description": "One entry per zone and accelerator type.",
        "items": {
          "type": "object",
          "description": "item",
          "typeName": "aicloud:compute:ZoneCapacity",
          "properties": {
            "zone": {
              "type": "string",
              "description": "Zone."
            },
            "acceleratorType": {
              "type": "string",
              "description": "Accelerator type."
            },
            "total": {
              "type": "integer",
              "description": "Accelerators in service."
            },
            "free": {
              "type": "integer",
              "description": "Accelerators free now."
            },
            "largestFreeBlock": {
              "type": "integer",
              "description": "Largest free block in one supernode (or server outside supernodes)."
            }
          },
          "required": [
            "zone",
            "acceleratorType",
            "total",
            "free",
            "largestFreeBlock"
          ]
        }
      }
    },
    "requiredOutputs": [
      "zones"
    ]
  },
  "aicloud:compute:getAcceleratorTypes": {
    "token": "aicloud:compute:getAcceleratorTypes",
    "description": "Accelerator types the cloud offers.",
    "inputs": {},
    "outputs": {
      "types": {
        "type": "array",
        "description": "Accelerator types.",
        "items": {
          "type": "object",
          "description": "item",
          "typeName": "aicloud:compute:AcceleratorTypeInfo",
          "properties": {
            "name": {
              "type": "string",
              "description": "Type name."
            },
            "vendor": {
              "type": "string",
              "description": "`huawei` or `nvidia`."
            },
            "memoryGib": {
              "type": "number",
              "description": "Accelerator memory, GiB."
            },
            "bf16Tflops": {
              "type": "number",
              "description": "Dense bf16 TFLOPS."
            },
            "acceleratorsPerServer": {
              "type": "integer",
              "description": "Accelerators per server."
            },
            "interconnect": {
              "type": "string",
              "description": "High-bandwidth domain, e.g. `ub-384` or `nvlink-72`."
            },
            "pricePerHour": {
              "type": "number",
              "description": "List price per accelerator-hour, USD."
            }
          },
          "required": [
            "name",
            "vendor",
            "memoryGib",
            "bf16Tflops",
            "acceleratorsPerServer",
            "interconnect",
            "pricePerHour"
          ]
        }
      }
    },
    "requiredOutputs": [
      "types"
    ]
  }
};

export const CONFIG_SPECS: Record<string, PropertySpec> = {
  "endpoint": {
    "type": "string",
    "description": "URL of the control plane, e.g. `http://127.0.0.1:8080`. Leave empty to use the embedded cloud (a database file in `.aicloud/cloud.db`).",
    "pattern": "^https?://[^\\s/$.?#].[^\\s]*$",
    "env": [
      "AICLOUD_ENDPOINT"
    ]
  },
  "token": {
    "type": "string",
    "description": "Bearer token scoped to the project. Not needed with the embedded cloud.",
    "minLength": 16,
    "secret": true,
    "env": [
      "AICLOUD_TOKEN"
    ]
  },
  "project": {
    "type": "string",
    "description": "Project that owns the resources.",
    "pattern": "^[a-z][a-z0-9-]{0,62}$",
    "default": "default",
    "env": [
      "AICLOUD_PROJECT"
    ]
  },
  "region": {
    "type": "string",
    "description": "Default region for resources that do not set one.",
    "pattern": "^[a-z]+-[a-z]+-[0-9]+$",
    "env": [
      "AICLOUD_REGION"
    ]
  },
  "lease": {
    "type": "string",
    "description": "Capacity lease that creates and updates draw on: a new cluster, a cluster's growth or an endpoint's replicas that the lease holds get exactly the leased placement (`aicloud plan --lease`; see docs/leases.md). Other changes are placed as usual.",
    "pattern": "^lse-[0-9a-f]+$",
    "env": [
      "AICLOUD_LEASE"
    ]
  }
};

export const PACKAGE = {"name":"aicloud","version":"0.1.0"} as const;
