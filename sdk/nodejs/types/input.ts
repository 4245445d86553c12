// Generated from schema/schema.json by scripts/build.ts. Do not edit.

import * as pulumi from "@pulumi/pulumi";
import * as inputs from "../types/input";
import * as outputs from "../types/output";
import * as enums from "../types/enums";

export namespace compute {
    /**
     * An accelerator type offered by the cloud.
     */
    export interface AcceleratorTypeInfoArgs {
        /**
         * Accelerators per server.
         */
        acceleratorsPerServer: pulumi.Input<number>;
        /**
         * Dense bf16 TFLOPS.
         */
        bf16Tflops: pulumi.Input<number>;
        /**
         * High-bandwidth domain, e.g. `ub-384` or `nvlink-72`.
         */
        interconnect: pulumi.Input<string>;
        /**
         * Accelerator memory, GiB.
         */
        memoryGib: pulumi.Input<number>;
        /**
         * Type name.
         */
        name: pulumi.Input<string>;
        /**
         * List price per accelerator-hour, USD.
         */
        pricePerHour: pulumi.Input<number>;
        /**
         * `huawei` or `nvidia`.
         */
        vendor: pulumi.Input<string>;
    }

    /**
     * One partition instance a cluster holds.
     */
    export interface AllocatedSliceArgs {
        /**
         * Accelerator id, `zone/server/index`.
         */
        accelerator: pulumi.Input<string>;
        /**
         * Partition profile.
         */
        profile: pulumi.Input<string>;
        /**
         * First slice position (MIG); -1 for pooled profiles (vNPU).
         */
        start: pulumi.Input<number>;
        /**
         * Positions or pool units the instance takes.
         */
        units: pulumi.Input<number>;
    }

    /**
     * Where a cluster's accelerators were placed.
     */
    export interface ClusterAllocationArgs {
        /**
         * Accelerators held.
         */
        acceleratorCount: pulumi.Input<number>;
        /**
         * Servers held, as `supernode/server` (or `server` outside supernodes).
         */
        servers: pulumi.Input<pulumi.Input<string>[]>;
        /**
         * Partitions held, when the cluster has an acceleratorProfile: each names its accelerator.
         */
        slices?: pulumi.Input<pulumi.Input<inputs.compute.AllocatedSliceArgs>[]>;
        /**
         * Supernodes that hold part of the cluster.
         */
        supernodes: pulumi.Input<pulumi.Input<string>[]>;
        /**
         * Zone of the allocation.
         */
        zone: pulumi.Input<string>;
    }

    /**
     * How many accelerators of one type a queue may hold.
     */
    export interface QueueQuotaArgs {
        /**
         * Accelerator type the quota counts.
         */
        acceleratorType: pulumi.Input<enums.compute.AcceleratorType>;
        /**
         * Accelerators beyond nominal the queue may borrow from unused nominal quota of queues in its cohort; 0 when absent.
         */
        borrowingLimit?: pulumi.Input<number>;
        /**
         * Accelerators the queue may hold on its own.
         */
        nominal: pulumi.Input<number>;
    }

    /**
     * What a queue holds and what waits in it, per accelerator type.
     */
    export interface QueueUsageArgs {
        /**
         * Accelerator type.
         */
        acceleratorType: pulumi.Input<string>;
        /**
         * Accelerators held by admitted work.
         */
        admitted: pulumi.Input<number>;
        /**
         * Of those, accelerators borrowed from the cohort.
         */
        borrowed: pulumi.Input<number>;
        /**
         * Accelerators asked for by waiting work.
         */
        pending: pulumi.Input<number>;
    }

    /**
     * Free and total accelerators of one type in one zone.
     */
    export interface ZoneCapacityArgs {
        /**
         * Accelerator type.
         */
        acceleratorType: pulumi.Input<string>;
        /**
         * Accelerators free now.
         */
        free: pulumi.Input<number>;
        /**
         * Largest free block in one supernode (or server outside supernodes).
         */
        largestFreeBlock: pulumi.Input<number>;
        /**
         * Accelerators in service.
         */
        total: pulumi.Input<number>;
        /**
         * Zone.
         */
        zone: pulumi.Input<string>;
    }

}

export namespace inference {
    /**
     * Autoscaling bounds. The control plane reserves minReplicas; replicas above it are placed on demand.
     */
    export interface AutoscalingArgs {
        /**
         * Upper bound; must be at least minReplicas.
         */
        maxReplicas: pulumi.Input<number>;
        /**
         * Signal to scale on.
         */
        metric?: pulumi.Input<enums.inference.AutoscalingMetric>;
        /**
         * Replicas always running.
         */
        minReplicas: pulumi.Input<number>;
        /**
         * Target value of the metric per replica.
         */
        target?: pulumi.Input<number>;
    }

    /**
     * Sizes of the KV-cache tiers. HBM is per accelerator of the attached cluster; DRAM and SSD are pool-wide.
     */
    export interface KvCacheTiersArgs {
        /**
         * Host DRAM tier for the whole pool, GiB.
         */
        dramGib?: pulumi.Input<number>;
        /**
         * HBM reserved for KV cache on each accelerator, GiB.
         */
        hbmGib: pulumi.Input<number>;
        /**
         * SSD tier for the whole pool, GiB.
         */
        ssdGib?: pulumi.Input<number>;
    }

    /**
     * The model served and where its weights live.
     */
    export interface ModelArgs {
        /**
         * Parameters active per token for mixture-of-experts models, in billions (37 for DeepSeek-R1).
         */
        activeParametersBillions?: pulumi.Input<number>;
        /**
         * Name of the Bucket holding the weights (a reference to a Bucket of the stack).
         */
        bucket: pulumi.Input<string>;
        /**
         * KV-cache bytes per token across all layers (70272 for DeepSeek-R1 with MLA in bf16).
         */
        kvBytesPerToken?: pulumi.Input<number>;
        /**
         * Model name as clients request it, e.g. `deepseek-r1`.
         */
        name: pulumi.Input<string>;
        /**
         * Total parameters, in billions (671 for DeepSeek-R1).
         */
        parametersBillions: pulumi.Input<number>;
        /**
         * Prefix of the weights inside the bucket.
         */
        path: pulumi.Input<string>;
        /**
         * Precision of the weights.
         */
        precision?: pulumi.Input<enums.inference.Precision>;
    }

    /**
     * How a replica's accelerators are used. tensor x expert x pipeline x data must equal acceleratorsPerReplica.
     */
    export interface ParallelismArgs {
        /**
         * Data-parallel degree inside a replica (attention DP).
         */
        data?: pulumi.Input<number>;
        /**
         * Expert-parallel degree (mixture-of-experts).
         */
        expert?: pulumi.Input<number>;
        /**
         * Pipeline-parallel degree.
         */
        pipeline?: pulumi.Input<number>;
        /**
         * Tensor-parallel degree.
         */
        tensor?: pulumi.Input<number>;
    }

    /**
     * Where one replica runs.
     */
    export interface ReplicaPlacementArgs {
        /**
         * Accelerators of the replica.
         */
        acceleratorCount: pulumi.Input<number>;
        /**
         * Replica index.
         */
        replica: pulumi.Input<number>;
        /**
         * Servers the replica runs on.
         */
        servers: pulumi.Input<pulumi.Input<string>[]>;
        /**
         * The partition instance the replica runs on, when the endpoint has an acceleratorProfile.
         */
        slice?: pulumi.Input<inputs.inference.ReplicaSliceArgs>;
        /**
         * Supernode of the replica (empty outside supernodes).
         */
        supernode?: pulumi.Input<string>;
    }

    /**
     * One partition instance a replica runs on.
     */
    export interface ReplicaSliceArgs {
        /**
         * Accelerator id (zone/server/index) the instance is cut from.
         */
        accelerator: pulumi.Input<string>;
        /**
         * Partition profile of the instance.
         */
        profile: pulumi.Input<string>;
        /**
         * First MIG position, or -1 for pooled vNPU units.
         */
        start: pulumi.Input<number>;
        /**
         * Positions or pool units the instance takes.
         */
        units: pulumi.Input<number>;
    }

    /**
     * Serving runtime. Its software stack must match the accelerator type of the cluster: `cann-X.Y` for Ascend, `cuda-X.Y` for NVIDIA.
     */
    export interface RuntimeArgs {
        /**
         * Serving framework.
         */
        framework: pulumi.Input<enums.inference.Framework>;
        /**
         * Framework version, e.g. `0.9.1`.
         */
        frameworkVersion?: pulumi.Input<string>;
        /**
         * Accelerator software stack and version: `cann-8.1` for Ascend, `cuda-12.8` for NVIDIA.
         */
        softwareStack: pulumi.Input<string>;
    }

}
