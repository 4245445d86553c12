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
 * MIG on the H100/H200 family (141 GB): eight memory slices and seven compute slices. Profiles, memory
 * and allowed placements follow NVIDIA's MIG user guide ("Supported MIG Profiles", H200 141GB table and
 * `nvidia-smi mig -lgipp`): a 1g instance may start at any of positions 0-6, a 1g with two memory
 * slices and a 2g at even positions, a 3g at 0 or 4, a 4g and a 7g only at 0.
 */
const H200_MIG: PartitionCatalogue = {
  kind: 'positional',
  units: 8,
  source: 'NVIDIA MIG user guide, supported MIG profiles (H200 141GB), placements as nvidia-smi mig -lgipp lists them',
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
 * Ascend virtual instances (vNPU) of the Atlas A2 training series (910B, 20 AI cores, 64 GB HBM): the
 * MindCluster "Virtualization Rules" templates `vir05_1c_16g` (5 AI cores, 1 AI CPU, 16 GB) and
 * `vir10_3c_32g` (10 AI cores, 3 AI CPUs, 32 GB). Memory follows AI cores in proportion, so the pool is
 * the 20 AI cores. `vir20` is the whole chip as one instance.
 */
const ASCEND_910B_VNPU: PartitionCatalogue = {
  kind: 'pooled',
  units: 20,
  source: 'Huawei MindCluster virtual instance templates for Atlas A2 training products (910B, 20 AI cores, 64 GB)',
  profiles: [
    { name: 'vir05_1c_16g', size: 5, compute: 5, memoryGib: 16 },
    { name: 'vir10_3c_32g', size: 10, compute: 10, memoryGib: 32 },
  ],
};

/**
 * The 910C packages two 910B-class dies (40 AI cores, 128 GB). Huawei publishes no vNPU templates for it
 * that the project found; this entry assumes the 910B templates per die plus a one-die instance, and says so.
 */
const ASCEND_910C_VNPU: PartitionCatalogue = {
  kind: 'pooled',
  units: 40,
  source: 'assumed: 910B templates on each of the two dies of a 910C, plus one whole die (vir20_6c_64g)',
  profiles: [
    { name: 'vir05_1c_16g', size: 5, compute: 5, memoryGib: 16 },
    { name: 'vir10_3c_32g', size: 10, compute: 10, memoryGib: 32 },
    { name: 'vir20_6c_64g', size: 20, compute: 20, memoryGib: 64 },
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
