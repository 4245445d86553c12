// Generated from schema/schema.json by scripts/build.ts. Do not edit.

export namespace compute {
    export const AcceleratorType = {
        /**
         * Huawei Ascend 910C, 128 GiB HBM, 8 per server, 384 per CloudMatrix384 supernode.
         */
        Ascend910c: "ascend-910c",
        /**
         * Huawei Ascend 910B, 64 GiB HBM, 8 per server in two HCCS groups of 4.
         */
        Ascend910b: "ascend-910b",
        /**
         * NVIDIA H200, 141 GiB HBM3e, 8 per server (NVLink within the server).
         */
        NvidiaH200: "nvidia-h200",
        /**
         * NVIDIA GB200, 186 GiB HBM3e, 4 per server, 72 per NVL72 rack.
         */
        NvidiaGb200: "nvidia-gb200",
    } as const;

    /**
     * Accelerator model. Ascend types run the CANN stack, NVIDIA types run CUDA.
     */
    export type AcceleratorType = (typeof AcceleratorType)[keyof typeof AcceleratorType];

    export const AdmissionPolicy = {
        /**
         * First come, first served; a gang at the head gets a reservation and later work only backfills around it.
         */
        Fifo: "fifo",
        /**
         * Highest priority first, then arrival; a gang at the head gets a reservation and later work only backfills around it.
         */
        Priority: "priority",
    } as const;

    /**
     * The order in which a queue admits waiting work.
     */
    export type AdmissionPolicy = (typeof AdmissionPolicy)[keyof typeof AdmissionPolicy];

    export const Placement = {
        /**
         * All servers in one supernode (one high-bandwidth domain).
         */
        Supernode: "supernode",
        /**
         * Anywhere in the zone, fewest supernodes first.
         */
        Zone: "zone",
        /**
         * Across as many supernodes as possible, for failure isolation.
         */
        Spread: "spread",
    } as const;

    /**
     * How a cluster's servers are laid on the topology.
     */
    export type Placement = (typeof Placement)[keyof typeof Placement];

    export const Preemption = {
        /**
         * Never evict running work; wait instead.
         */
        Never: "never",
        /**
         * Evict running work of lower priority that is marked preemptible, when that makes the waiting request fit.
         */
        LowerPriority: "lowerPriority",
    } as const;

    /**
     * Whether waiting work may evict running work to start.
     */
    export type Preemption = (typeof Preemption)[keyof typeof Preemption];

}

export namespace inference {
    export const AutoscalingMetric = {
        /**
         * In-flight requests per replica.
         */
        Concurrency: "concurrency",
        /**
         * Generated tokens per second per replica.
         */
        TokensPerSecond: "tokens-per-second",
        /**
         * Accelerator busy percentage.
         */
        AcceleratorUtilization: "accelerator-utilization",
    } as const;

    /**
     * Signal the autoscaler follows.
     */
    export type AutoscalingMetric = (typeof AutoscalingMetric)[keyof typeof AutoscalingMetric];

    export const EvictionPolicy = {
        /**
         * Least recently used.
         */
        Lru: "lru",
        /**
         * Least frequently used.
         */
        Lfu: "lfu",
        /**
         * Adaptive replacement cache.
         */
        Arc: "arc",
    } as const;

    /**
     * How a KV-cache tier chooses blocks to evict or demote.
     */
    export type EvictionPolicy = (typeof EvictionPolicy)[keyof typeof EvictionPolicy];

    export const Framework = {
        /**
         * Huawei MindIE.
         */
        Mindie: "mindie",
        /**
         * vLLM with the Ascend plugin.
         */
        VllmAscend: "vllm-ascend",
        /**
         * vLLM.
         */
        Vllm: "vllm",
        /**
         * SGLang.
         */
        Sglang: "sglang",
        /**
         * NVIDIA TensorRT-LLM.
         */
        TensorrtLlm: "tensorrt-llm",
    } as const;

    /**
     * Serving framework. `mindie` and `vllm-ascend` run on Ascend, `tensorrt-llm` on NVIDIA, `vllm` and `sglang` on either.
     */
    export type Framework = (typeof Framework)[keyof typeof Framework];

    export const Precision = {
        /**
         * 2 bytes per parameter.
         */
        Bf16: "bf16",
        /**
         * 2 bytes per parameter.
         */
        Fp16: "fp16",
        /**
         * 1 byte per parameter.
         */
        Fp8: "fp8",
        /**
         * 1 byte per parameter (W8A8).
         */
        Int8: "int8",
        /**
         * Half a byte per parameter (W4A16).
         */
        Int4: "int4",
    } as const;

    /**
     * Numeric precision of the served weights.
     */
    export type Precision = (typeof Precision)[keyof typeof Precision];

}

export namespace storage {
    export const FileSystemProtocol = {
        /**
         * Parallel file system for checkpoints.
         */
        Lustre: "lustre",
        /**
         * NFS v4.1.
         */
        Nfs: "nfs",
    } as const;

    /**
     * Shared file system protocol.
     */
    export type FileSystemProtocol = (typeof FileSystemProtocol)[keyof typeof FileSystemProtocol];

    export const StorageClass = {
        /**
         * Hot data such as model weights.
         */
        Standard: "standard",
        /**
         * Read less than once a month.
         */
        Infrequent: "infrequent",
        /**
         * Cold archive.
         */
        Archive: "archive",
    } as const;

    /**
     * Object storage class.
     */
    export type StorageClass = (typeof StorageClass)[keyof typeof StorageClass];

    export const VolumeType = {
        /**
         * General purpose SSD.
         */
        Ssd: "ssd",
        /**
         * Enhanced SSD with provisioned IOPS.
         */
        Essd: "essd",
        /**
         * Throughput HDD for cold data.
         */
        Hdd: "hdd",
    } as const;

    /**
     * Block volume media.
     */
    export type VolumeType = (typeof VolumeType)[keyof typeof VolumeType];

}
