import { performance } from 'node:perf_hooks';
import { Allocator } from '../../controlplane/src/allocator/allocator.ts';
import type { PolicyName } from '../../controlplane/src/allocator/policy.ts';
import { seededRandom } from '../../controlplane/src/allocator/seeded-random.ts';
import { Topology } from '../../controlplane/src/allocator/topology.ts';
import { OPENB_TYPE, OPENB_ZONE, openbInventory } from './openb-cluster.ts';
import type { OpenbNode, OpenbPod } from './read-openb.ts';
import { mean, percentile } from './stats.ts';

export interface CurvePoint {
  arrived: number;
  allocated: number;
}

export interface ModeAResult {
  policy: PolicyName;
  allocationRatio100: number;
  allocationRatio130: number;
  fragmentation90: number;
  /** Pods placed over pods arrived, up to 130% arrived demand. */
  acceptance: number;
  p50Ms: number;
  p99Ms: number;
  perSeed: { seed: number; allocationRatio100: number; allocationRatio130: number; fragmentation90: number }[];
  curve: CurvePoint[];
}

export interface ModeAInfo {
  servers: number;
  gpus: number;
  gpuPods: number;
  cpuOnlyPods: number;
  sharedGpuPods: number;
  traceDemandPercent: number;
}

interface TypicalPod {
  gpus: number;
  cpu: number;
  mem: number;
  p: number;
}

/**
 * Mode A, comparable with the FGD paper: the openb cluster itself, GPU pods in trace order (then drawn
 * from the trace with the seed once it runs out), no departures, until arrived demand is 130% of
 * capacity. Shared-GPU pods are rounded up to one whole GPU.
 */
export function runModeA(
  nodes: readonly OpenbNode[],
  pods: readonly OpenbPod[],
  policies: readonly PolicyName[],
  seeds: number,
): { info: ModeAInfo; results: ModeAResult[] } {
  const topo = new Topology(openbInventory(nodes));
  const gpuPods = pods.filter((p) => p.gpus > 0);
  const capacity = topo.acceleratorCount;
  const classes = new Map<string, { pod: OpenbPod; n: number }>();
  for (const p of gpuPods) {
    const key = `${p.gpus}|${p.cpuMilli}|${p.memoryMib}`;
    const c = classes.get(key);
    if (c) c.n++;
    else classes.set(key, { pod: p, n: 1 });
  }
  const typical: TypicalPod[] = [...classes.values()].map((c) => ({ gpus: c.pod.gpus, cpu: c.pod.cpuMilli, mem: c.pod.memoryMib, p: c.n / gpuPods.length }));
  const info: ModeAInfo = {
    servers: topo.serverCount,
    gpus: capacity,
    gpuPods: gpuPods.length,
    cpuOnlyPods: pods.length - gpuPods.length,
    sharedGpuPods: gpuPods.filter((p) => p.gpuMilli < 1000).length,
    traceDemandPercent: (100 * gpuPods.reduce((a, p) => a + p.gpus, 0)) / capacity,
  };
  const results: ModeAResult[] = [];
  for (const policy of policies) {
    const perSeed: ModeAResult['perSeed'] = [];
    const curves: number[][] = [];
    const latencies: number[] = [];
    let placed = 0;
    let arrivedPods = 0;
    for (let seed = 1; seed <= seeds; seed++) {
      const run = runOnce(topo, gpuPods, typical, classes, policy, seed, capacity);
      perSeed.push({ seed, allocationRatio100: run.at100, allocationRatio130: run.at130, fragmentation90: run.frag90 });
      curves.push(run.curve);
      latencies.push(...run.latencies);
      placed += run.placed;
      arrivedPods += run.arrived;
    }
    latencies.sort((x, y) => x - y);
    const curve: CurvePoint[] = curves[0]!.map((_, i) => ({ arrived: i, allocated: mean(curves.map((c) => c[i]!)) }));
    results.push({
      policy,
      allocationRatio100: mean(perSeed.map((s) => s.allocationRatio100)),
      allocationRatio130: mean(perSeed.map((s) => s.allocationRatio130)),
      fragmentation90: mean(perSeed.map((s) => s.fragmentation90)),
      acceptance: placed / arrivedPods,
      p50Ms: percentile(latencies, 50),
      p99Ms: percentile(latencies, 99),
      perSeed,
      curve,
    });
  }
  return { info, results };
}

function runOnce(
  topo: Topology,
  gpuPods: readonly OpenbPod[],
  typical: readonly TypicalPod[],
  classes: Map<string, { pod: OpenbPod; n: number }>,
  policy: PolicyName,
  seed: number,
  capacity: number,
) {
  const a = new Allocator(topo, { policy, seed, learn: 'manual' });
  // FGD measures fragmentation against the trace's typical pods, known up front.
  for (const { pod, n } of classes.values()) {
    a.observe({ acceleratorType: OPENB_TYPE, count: pod.gpus, unit: 'accelerators', scope: 'server', cpuMilli: pod.cpuMilli, memoryMib: pod.memoryMib }, n);
  }
  const rng = seededRandom(seed * 7919 + 17);
  // The benchmark keeps its own books of free GPUs, CPU and memory per server to measure fragmentation.
  const freeGpu = new Int32Array(topo.serverCount);
  const freeCpu = new Float64Array(topo.serverCount);
  const freeMem = new Float64Array(topo.serverCount);
  const serverOf = new Map<string, number>();
  for (let s = 0; s < topo.serverCount; s++) {
    freeGpu[s] = topo.layoutOf(s).count;
    freeCpu[s] = topo.serverCpu[s]!;
    freeMem[s] = topo.serverMem[s]!;
    serverOf.set(topo.serverName[s]!, s);
  }
  const curve: number[] = [0];
  const latencies: number[] = [];
  let arrivedGpus = 0;
  let allocated = 0;
  let placed = 0;
  let frag90 = NaN;
  let i = 0;
  for (; arrivedGpus < 1.3 * capacity; i++) {
    const pod = i < gpuPods.length ? gpuPods[i]! : gpuPods[Math.floor(rng() * gpuPods.length)]!;
    const before = arrivedGpus;
    arrivedGpus += pod.gpus;
    const t0 = performance.now();
    const d = a.place({
      owner: `pod-${i}`,
      project: 'openb',
      acceleratorType: OPENB_TYPE,
      zone: OPENB_ZONE,
      count: pod.gpus,
      unit: 'accelerators',
      scope: 'server',
      cpuMilli: pod.cpuMilli,
      memoryMib: pod.memoryMib,
    });
    latencies.push(performance.now() - t0);
    if (d.ok) {
      a.commit(d.owner, d);
      const s = serverOf.get(d.servers[0]!.serverId)!;
      freeGpu[s] = freeGpu[s]! - pod.gpus;
      freeCpu[s] = freeCpu[s]! - pod.cpuMilli;
      freeMem[s] = freeMem[s]! - pod.memoryMib;
      allocated += pod.gpus;
      placed++;
    }
    if (before < 0.9 * capacity && arrivedGpus >= 0.9 * capacity) frag90 = fragmentation(typical, freeGpu, freeCpu, freeMem, capacity);
    // One point per percent of arrived demand, holding the allocation reached when it was crossed.
    while (curve.length <= 130 && arrivedGpus >= (curve.length / 100) * capacity) curve.push((100 * allocated) / capacity);
  }
  return { at100: curve[100]!, at130: curve[130]!, frag90, curve, latencies, placed, arrived: i };
}

/**
 * FGD's fragmentation: for each server, the free GPUs that a pod drawn from the typical pods could not
 * use there (too few GPUs, CPU or memory left), weighted by how often that pod comes; in % of all GPUs.
 */
export function fragmentation(typical: readonly TypicalPod[], freeGpu: Int32Array, freeCpu: Float64Array, freeMem: Float64Array, capacity: number): number {
  let frag = 0;
  for (let s = 0; s < freeGpu.length; s++) {
    const f = freeGpu[s]!;
    if (f === 0) continue;
    let p = 0;
    for (const c of typical) if (c.gpus > f || c.cpu > freeCpu[s]! || c.mem > freeMem[s]!) p += c.p;
    frag += p * f;
  }
  return (100 * frag) / capacity;
}
