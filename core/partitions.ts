/**
 * The partition catalogue: how one accelerator of a type can be cut into slices that different owners
 * hold. It is data beside the accelerator catalogue so that validation (a cluster's `acceleratorProfile`)
 * and the control plane's allocator agree on every profile.
 *
 * Two kinds of cut exist:
 * - `positional` (NVIDIA MIG): the accelerator has fixed slice positions and a profile may only start at
 *   listed positions, spanning `size` positions; two instances may not overlap.
 * - `pooled` (Ascend vNPU, and fractional sharing): a profile takes `units` of a pool of interchangeable
 *   units (AI cores; memory follows in proportion); any free units serve.
 */
export interface PartitionProfile {
  name: string;
  /** Positions (positional) or pool units (pooled) one instance occupies. */
  size: number;
  /** Compute slices (MIG GPCs) or AI cores the instance gets. */
  compute: number;
  memoryGib: number;
  /** vNPU templates: the AI CPUs the instance gets (the `_Nc` of the template name). */
  aiCpus?: number;
  /** Positional only: where an instance may start. */
  starts?: number[];
}

export interface PartitionCatalogue {
  kind: 'positional' | 'pooled';
  /** Positions or pool units of one accelerator. */
  units: number;
  profiles: PartitionProfile[];
  /** Where the shape comes from. */
  source: string;
}

/**
 * MIG on the H200 141GB: eight memory slices (the positions) and seven compute slices. Source: NVIDIA's
 * MIG user guide, "Supported MIG Profiles", table "GPU Instance Profiles on H200": 1g.18gb (1/8 of
 * memory, 1/7 of SMs, up to 7 instances), 1g.35gb (2/8, 1/7, 4), 2g.35gb (2/8, 2/7, 3), 3g.71gb (4/8,
 * 3/7, 2), 4g.71gb (4/8, 4/7, 1), 7g.141gb (all, 7/7, 1). Placements: the guide's "Getting Started"
 * lists them with `nvidia-smi mig -lgipp` as `{starts}:memory slices` - 1g `{0,1,2,3,4,5,6}:1`, the
 * 1g with two memory slices `{0,2,4,6}:2`, 2g `{0,2,4}:2`, 3g `{0,4}:4`, 4g `{0}:4`, 7g `{0}:8`. That
 * listing is printed on an A100 40GB; the H200 table gives every profile the same fractions of the same
 * eight slices, so the same starts apply (the instance counts above follow from them).
 * Not offered: `1g.18gb+me`, the same slice as 1g.18gb with the media engines, of which the table allows
 * one per GPU; the catalogue models slices, not media engines, and has no per-GPU limit for a profile.
 */
const H200_MIG: PartitionCatalogue = {
  kind: 'positional',
  units: 8,
  source:
    'NVIDIA MIG user guide: Supported MIG Profiles, GPU Instance Profiles on H200 (141GB); placements as nvidia-smi mig -lgipp lists them in Getting Started with MIG',
  profiles: [
    { name: '1g.18gb', size: 1, compute: 1, memoryGib: 18, starts: [0, 1, 2, 3, 4, 5, 6] },
    { name: '1g.35gb', size: 2, compute: 1, memoryGib: 35, starts: [0, 2, 4, 6] },
    { name: '2g.35gb', size: 2, compute: 2, memoryGib: 35, starts: [0, 2, 4] },
    { name: '3g.71gb', size: 4, compute: 3, memoryGib: 71, starts: [0, 4] },
    { name: '4g.71gb', size: 4, compute: 4, memoryGib: 71, starts: [0] },
    { name: '7g.141gb', size: 8, compute: 7, memoryGib: 141, starts: [0] },
  ],
};

/**
 * Ascend virtual instances (vNPU) of the Atlas A2 910B with 20 AI cores and 64 GB (the 910B3). Source:
 * Huawei MindCluster, "Virtualization Rules" (virtual instance templates) and the static vNPU
 * scheduling guide's table of templates and vNPU types: `vir05_1c_16g` (5 AI cores, 1 AI CPU, 16 GB) and
 * `vir10_3c_32g` (10 AI cores, 3 AI CPUs, 32 GB), which HAMi's device configuration also lists for the
 * 910B3. Other 910B parts have other templates, not modelled here: the 24-core parts
 * `vir06_1c_16g` and `vir12_3c_32g`, the 32 GB 910B4 `vir05_1c_8g`, `vir10_3c_16g`, `vir10_3c_16g_nm`
 * and `vir10_4c_16g_m`; no source names a `vir10_4c_32g`. Memory follows AI cores in proportion, so the
 * pool is the 20 AI cores; the chip's 7 AI CPUs never bind (four vir05 take 4, two vir10 take 6).
 */
const ASCEND_910B_VNPU: PartitionCatalogue = {
  kind: 'pooled',
  units: 20,
  source:
    'Huawei MindCluster: Virtualization Rules (virtual instance templates) and the vNPU type table of static vNPU scheduling, Atlas A2 with 20 AI cores and 64 GB',
  profiles: [
    { name: 'vir05_1c_16g', size: 5, compute: 5, memoryGib: 16, aiCpus: 1 },
    { name: 'vir10_3c_32g', size: 10, compute: 10, memoryGib: 32, aiCpus: 3 },
  ],
};

/**
 * Ascend vNPU templates of the 910C (Atlas A3, 128 GB as two dies): the CloudMatrix384 is an Atlas A3
 * training product, for which MindCluster's table of templates and vNPU types lists 48 AI cores and the
 * templates `vir06_1c_16g` (6 AI cores, 1 AI CPU, 16 GB) and `vir12_3c_32g` (12 AI cores, 3 AI CPUs,
 * 32 GB); the A3 inference products (40 AI cores) have `vir05_1c_16g` and `vir10_3c_32g` instead. Memory
 * follows AI cores in proportion. The pool is the chip's 48 AI cores: an instance lives on one die of
 * 24, and since both templates divide 24, any set that fits the pool also fits the two dies.
 */
const ASCEND_910C_VNPU: PartitionCatalogue = {
  kind: 'pooled',
  units: 48,
  source: 'Huawei MindCluster: vNPU type table of static vNPU scheduling, Atlas A3 training products (48 AI cores)',
  profiles: [
    { name: 'vir06_1c_16g', size: 6, compute: 6, memoryGib: 16, aiCpus: 1 },
    { name: 'vir12_3c_32g', size: 12, compute: 12, memoryGib: 32, aiCpus: 3 },
  ],
};

export const PARTITION_CATALOGUE: Record<string, PartitionCatalogue> = {
  'nvidia-h200': H200_MIG,
  'ascend-910b': ASCEND_910B_VNPU,
  'ascend-910c': ASCEND_910C_VNPU,
};

/** A profile of a type's catalogue, or undefined when the type has no such profile. */
export function findProfile(catalogue: PartitionCatalogue | undefined, name: string): PartitionProfile | undefined {
  return catalogue?.profiles.find((p) => p.name === name);
}

/** The position masks a positional profile may take (one per allowed start); empty for pooled ones. */
export function placementMasks(catalogue: PartitionCatalogue, profile: PartitionProfile): number[] {
  if (catalogue.kind !== 'positional') return [];
  return (profile.starts ?? []).map((start) => (((1 << profile.size) - 1) << start) >>> 0);
}

/**
 * Checks a catalogue's own rules: every instance fits inside the accelerator, and positional profiles
 * list their starts. Returns the problems found (empty when sound).
 */
export function catalogueProblems(type: string, c: PartitionCatalogue): string[] {
  const out: string[] = [];
  if (c.kind === 'positional' && c.units > 32) out.push(`${type}: more than 32 positions`);
  for (const p of c.profiles) {
    if (!(p.size > 0 && p.size <= c.units)) out.push(`${type} ${p.name}: size ${p.size} outside 1..${c.units}`);
    if (c.kind === 'positional') {
      if (!p.starts?.length) out.push(`${type} ${p.name}: no start positions`);
      for (const s of p.starts ?? []) if (s < 0 || s + p.size > c.units) out.push(`${type} ${p.name}: start ${s} runs past position ${c.units - 1}`);
    }
  }
  return out;
}
