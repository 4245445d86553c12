/**
 * The accelerator catalogue. The schema names the types (an enum); what a type *is* (memory, speed,
 * server shape, software stack) is data the core needs for sizing, runtime checks and cost, and the
 * control plane's default inventory is built from it, so both sides agree on every number.
 */
export interface AcceleratorTypeSpec {
  name: string;
  vendor: 'huawei' | 'nvidia';
  memoryGib: number;
  bf16Tflops: number;
  acceleratorsPerServer: number;
  /** Sizes of the groups inside a server that share a fast link (HCCS groups of the 910B). */
  serverGroups: number[];
  /** High-bandwidth domain beyond the server: `ub-384` (CloudMatrix384), `nvlink-72` (NVL72), or the server itself. */
  interconnect: string;
  pricePerHour: number;
  softwareStack: { name: 'cann' | 'cuda'; minimumVersion: string };
  frameworks: string[];
}

export const ACCELERATOR_TYPES: Record<string, AcceleratorTypeSpec> = {
  'ascend-910c': {
    name: 'ascend-910c',
    vendor: 'huawei',
    memoryGib: 128,
    bf16Tflops: 752,
    acceleratorsPerServer: 8,
    serverGroups: [8],
    interconnect: 'ub-384',
    pricePerHour: 2.4,
    softwareStack: { name: 'cann', minimumVersion: '8.0' },
    frameworks: ['mindie', 'vllm-ascend', 'sglang'],
  },
  'ascend-910b': {
    name: 'ascend-910b',
    vendor: 'huawei',
    memoryGib: 64,
    bf16Tflops: 376,
    acceleratorsPerServer: 8,
    serverGroups: [4, 4],
    interconnect: 'hccs-4',
    pricePerHour: 1.3,
    softwareStack: { name: 'cann', minimumVersion: '7.0' },
    frameworks: ['mindie', 'vllm-ascend', 'sglang'],
  },
  'nvidia-h200': {
    name: 'nvidia-h200',
    vendor: 'nvidia',
    memoryGib: 141,
    bf16Tflops: 989,
    acceleratorsPerServer: 8,
    serverGroups: [8],
    interconnect: 'nvlink-8',
    pricePerHour: 3.7,
    softwareStack: { name: 'cuda', minimumVersion: '12.2' },
    frameworks: ['vllm', 'sglang', 'tensorrt-llm'],
  },
  'nvidia-gb200': {
    name: 'nvidia-gb200',
    vendor: 'nvidia',
    memoryGib: 186,
    bf16Tflops: 2500,
    acceleratorsPerServer: 4,
    serverGroups: [4],
    interconnect: 'nvlink-72',
    pricePerHour: 6.1,
    softwareStack: { name: 'cuda', minimumVersion: '12.8' },
    frameworks: ['vllm', 'sglang', 'tensorrt-llm'],
  },
};

/** Bytes per parameter of each precision, for weight sizing. */
export const PRECISION_BYTES: Record<string, number> = { bf16: 2, fp16: 2, fp8: 1, int8: 1, int4: 0.5 };

/** Compares dotted version strings numerically (`8.10` > `8.2`). */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map((x) => parseInt(x, 10) || 0);
  const pb = b.split('.').map((x) => parseInt(x, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  return 0;
}
