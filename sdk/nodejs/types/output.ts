// Generated from schema/schema.json by scripts/build.ts. Do not edit.

import * as pulumi from "@pulumi/pulumi";
import * as inputs from "../types/input";
import * as outputs from "../types/output";
import * as enums from "../types/enums";

export namespace compute {
    /**
     * An accelerator type offered by the cloud.
     */
    export interface AcceleratorTypeInfo {
        /**
         * Accelerators per server.
         */
        acceleratorsPerServer: number;
        /**
         * Dense bf16 TFLOPS.
         */
        bf16Tflops: number;
        /**
         * High-bandwidth domain, e.g. `ub-384` or `nvlink-72`.
         */
        interconnect: string;
        /**
         * Accelerator memory, GiB.
         */
        memoryGib: number;
        /**
         * Type name.
         */
        name: string;
        /**
         * List price per accelerator-hour, USD.
         */
        pricePerHour: number;
        /**
         * `huawei` or `nvidia`.
         */
        vendor: string;
    }

    /**
     * One partition instance a cluster holds.
     */
    export interface AllocatedSlice {
        /**
         * Accelerator id, `zone/server/index`.
         */
        accelerator: string;
        /**
         * Partition profile.
         */
        profile: string;
        /**
         * First slice position (MIG); -1 for pooled profiles (vNPU).
         */
        start: number;
        /**
         * Positions or pool units the instance takes.
         */
        units: number;
    }

    /**
     * Where a cluster's accelerators were placed.
     */
    export interface ClusterAllocation {
        /**
         * Accelerators held.
         */
        acceleratorCount: number;
        /**
         * Servers held, as `supernode/server` (or `server` outside supernodes).
         */
        servers: string[];
        /**
         * Partitions held, when the cluster has an acceleratorProfile: each names its accelerator.
         */
        slices?: outputs.compute.AllocatedSlice[];
        /**
         * Supernodes that hold part of the cluster.
         */
        supernodes: string[];
        /**
         * Zone of the allocation.
         */
        zone: string;
    }

    /**
     * How many accelerators of one type a queue may hold.
     */
    export interface QueueQuota {
        /**
         * Accelerator type the quota counts.
         */
        acceleratorType: enums.compute.AcceleratorType;
        /**
         * Accelerators beyond nominal the queue may borrow from unused nominal quota of queues in its cohort; 0 when absent.
         */
        borrowingLimit?: number;
        /**
         * Accelerators the queue may hold on its own.
         */
        nominal: number;
    }

    /**
     * What a queue holds and what waits in it, per accelerator type.
     */
    export interface QueueUsage {
        /**
         * Accelerator type.
         */
        acceleratorType: string;
        /**
         * Accelerators held by admitted work.
         */
        admitted: number;
        /**
         * Of those, accelerators borrowed from the cohort.
         */
        borrowed: number;
        /**
         * Accelerators asked for by waiting work.
         */
        pending: number;
    }

    /**
     * Free and total accelerators of one type in one zone.
     */
    export interface ZoneCapacity {
        /**
         * Accelerator type.
         */
        acceleratorType: string;
        /**
         * Accelerators free now.
         */
        free: number;
        /**
         * Largest free block in one supernode (or server outside supernodes).
         */
        largestFreeBlock: number;
        /**
         * Accelerators in service.
         */
        total: number;
        /**
         * Zone.
         */
        zone: string;
    }

}

export namespace inference {
    /**
     * Autoscaling bounds. The control plane reserves minReplicas; replicas above it are placed on demand.
     */
    export interface Autoscaling {
        /**
         * Upper bound; must be at least minReplicas.
         */
        maxReplicas: number;
        /**
         * Signal to scale on.
         */
        metric?: enums.inference.AutoscalingMetric;
        /**
         * Replicas always running.
         */
        minReplicas: number;
        /**
         * Target value of the metric per replica.
         */
        target?: number;
    }

    /**
     * Sizes of the KV-cache tiers. HBM is per accelerator of the attached cluster; DRAM and SSD are pool-wide.
     */
    export interface KvCacheTiers {
        /**
         * Host DRAM tier for the whole pool, GiB.
         */
        dramGib?: number;
        /**
         * HBM reserved for KV cache on each accelerator, GiB.
         */
        hbmGib: number;
        /**
         * SSD tier for the whole pool, GiB.
         */
        ssdGib?: number;
    }

    /**
     * The model served and where its weights live.
     */
    export interface Model {
        /**
         * Parameters active per token for mixture-of-experts models, in billions (37 for DeepSeek-R1).
         */
        activeParametersBillions?: number;
        /**
         * Name of the Bucket holding the weights (a reference to a Bucket of the stack).
         */
        bucket: string;
        /**
         * KV-cache bytes per token across all layers (70272 for DeepSeek-R1 with MLA in bf16).
         */
        kvBytesPerToken?: number;
        /**
         * Model name as clients request it, e.g. `deepseek-r1`.
         */
        name: string;
        /**
         * Total parameters, in billions (671 for DeepSeek-R1).
         */
        parametersBillions: number;
        /**
         * Prefix of the weights inside the bucket.
         */
        path: string;
        /**
         * Precision of the weights.
         */
        precision?: enums.inference.Precision;
    }

    /**
     * How a replica's accelerators are used. tensor x expert x pipeline x data must equal acceleratorsPerReplica.
     */
    export interface Parallelism {
        /**
         * Data-parallel degree inside a replica (attention DP).
         */
        data?: number;
        /**
         * Expert-parallel degree (mixture-of-experts).
         */
        expert?: number;
        /**
         * Pipeline-parallel degree.
         */
        pipeline?: number;
        /**
         * Tensor-parallel degree.
         */
        tensor?: number;
    }

    /**
     * Where one replica runs.
     */
    export interface ReplicaPlacement {
        /**
         * Accelerators of the replica.
         */
        acceleratorCount: number;
        /**
         * Replica index.
         */
        replica: number;
        /**
         * Servers the replica runs on.
         */
        servers: string[];
        /**
         * The partition instance the replica runs on, when the endpoint has an acceleratorProfile.
         */
        slice?: outputs.inference.ReplicaSlice;
        /**
         * Supernode of the replica (empty outside supernodes).
         */
        supernode?: string;
    }

    /**
     * One partition instance a replica runs on.
     */
    export interface ReplicaSlice {
        /**
         * Accelerator id (zone/server/index) the instance is cut from.
         */
        accelerator: string;
        /**
         * Partition profile of the instance.
         */
        profile: string;
        /**
         * First MIG position, or -1 for pooled vNPU units.
         */
        start: number;
        /**
         * Positions or pool units the instance takes.
         */
        units: number;
    }

    /**
     * Serving runtime. Its software stack must match the accelerator type of the cluster: `cann-X.Y` for Ascend, `cuda-X.Y` for NVIDIA.
     */
    export interface Runtime {
        /**
         * Serving framework.
         */
        framework: enums.inference.Framework;
        /**
         * Framework version, e.g. `0.9.1`.
         */
        frameworkVersion?: string;
        /**
         * Accelerator software stack and version: `cann-8.1` for Ascend, `cuda-12.8` for NVIDIA.
         */
        softwareStack: string;
    }

}
