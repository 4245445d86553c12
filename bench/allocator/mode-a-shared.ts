import { performance } from 'node:perf_hooks';
import type { PartitionCatalogue } from '../../core/index.ts';
import { Allocator } from '../../controlplane/src/allocator/allocator.ts';
import type { PolicyName } from '../../controlplane/src/allocator/policy.ts';
import { seededRandom } from '../../controlplane/src/allocator/seeded-random.ts';
import { sliceFragment, type SliceView } from '../../controlplane/src/allocator/slice-fragment.ts';
import type { SliceClass } from '../../controlplane/src/allocator/slice-workload.ts';
import { Topology } from '../../controlplane/src/allocator/topology.ts';
import { fgdArrivals, podMilli, traceOrderArrivals } from './fgd-arrivals.ts';
import { OPENB_TYPE, OPENB_ZONE, openbInventory } from './openb-cluster.ts';
import { chooseCpuServer, type OpenbBooks } from './place-cpu-pod.ts';
import type { OpenbNode, OpenbPod } from './read-openb.ts';
import { mean, percentile, stdev } from './stats.ts';

/** `fgd`: FGD's simulator's arrivals (all pods shuffled, CPU-only ones placed too); `trace`: the earlier trace order. */
export type ArrivalOrder = 'fgd' | 'trace';

/** Milli-GPU units of one openb GPU: the trace's own grain of sharing. */
export const MILLI = 1000;

/**
 * The openb GPU as a partitionable accelerator, like-for-like with FGD's setting: FGD shares a GPU by
 * milli-fraction (a pod with `gpu_milli` m fits a GPU with at least m milli free, anywhere), which is a
 * pooled catalogue of 1000 interchangeable units with one profile per share the trace asks for.
 */
export function openbCatalogue(pods: readonly OpenbPod[]): PartitionCatalogue {
  const shares = [...new Set(pods.filter((p) => p.gpus === 1 && p.gpuMilli > 0 && p.gpuMilli < MILLI).map((p) => p.gpuMilli))].sort((x, y) => x - y);
  return {
    kind: 'pooled',
    units: MILLI,
    source: 'openb trace: GPU shares in milli-GPU, as FGD models them',
    profiles: shares.map((m) => ({ name: profileName(m), size: m, compute: m, memoryGib: 0 })),
  };
}

export function profileName(milli: number): string {
  return `m${milli}`;
}

export interface SharedResult {
  policy: PolicyName;
  allocationRatio100: number;
  allocationRatio130: number;
  fragmentation90: number;
  /** Sharing pods placed, over sharing pods arrived (up to 130% arrived demand). */
  sharedPlaced: number;
  sharedArrived: number;
  /** CPU-only pods placed, over CPU-only pods arrived (summed over seeds; 0 / 0 in trace order). */
  cpuPlaced: number;
  cpuArrived: number;
  acceptance: number;
  p50Ms: number;
  p99Ms: number;
  perSeed: { seed: number; allocationRatio100: number; allocationRatio130: number; fragmentation90: number; sharedPlaced: number }[];
  sd100: number;
  sd130: number;
}

/**
 * Mode A without rounding: the openb cluster, no departures, arrivals as FGD's simulator makes them
 * (`fgd`: every pod of the trace shuffled with the seed, CPU-only pods included, then pods drawn from the
 * trace until GPU demand would pass 130% of capacity) or, for comparison, the earlier `trace` order (GPU
 * pods in trace order, then drawn; no CPU-only pods). A pod with `gpu_milli` < 1000 asks for one
 * partition of that share; the others ask for whole GPUs; a CPU-only pod takes host CPU and memory on
 * the server the policy's rule picks (`chooseCpuServer`). Allocation ratio, arrived demand and
 * fragmentation are all in GPUs with fractions, as FGD reports them.
 */
export function runModeAShared(
  nodes: readonly OpenbNode[],
  pods: readonly OpenbPod[],
  policies: readonly PolicyName[],
  seeds: number,
  order: ArrivalOrder = 'fgd',
): { info: { servers: number; gpus: number; gpuPods: number; sharedGpuPods: number; cpuPods: number; traceDemandPercent: number }; results: SharedResult[] } {
  const topo = new Topology(openbInventory(nodes));
  const gpuPods = pods.filter((p) => p.gpus > 0);
  const catalogue = openbCatalogue(gpuPods);
  const demand = (p: OpenbPod) => (p.gpuMilli < MILLI ? p.gpuMilli / MILLI : p.gpus);
  const classes = typicalClasses(gpuPods);
  const info = {
    servers: topo.serverCount,
    gpus: topo.acceleratorCount,
    gpuPods: gpuPods.length,
    sharedGpuPods: gpuPods.filter((p) => p.gpuMilli < MILLI).length,
    cpuPods: pods.length - gpuPods.length,
    traceDemandPercent: (100 * gpuPods.reduce((a, p) => a + demand(p), 0)) / topo.acceleratorCount,
  };
  const results: SharedResult[] = [];
  for (const policy of policies) {
    const perSeed: SharedResult['perSeed'] = [];
    const latencies: number[] = [];
    let placed = 0;
    let arrived = 0;
    let sharedArrived = 0;
    let cpuPlaced = 0;
    let cpuArrived = 0;
    for (let seed = 1; seed <= seeds; seed++) {
      const capacityMilli = topo.acceleratorCount * MILLI;
      const arrivals = order === 'fgd' ? fgdArrivals(pods, capacityMilli, 1.3, seed) : traceOrderArrivals(pods, capacityMilli, 1.3, seed);
      const run = runOnce(topo, catalogue, gpuPods, arrivals, classes, policy, seed);
      perSeed.push({ seed, allocationRatio100: run.at100, allocationRatio130: run.at130, fragmentation90: run.frag90, sharedPlaced: run.sharedPlaced });
      latencies.push(...run.latencies);
      placed += run.placed;
      arrived += run.arrived;
      sharedArrived += run.sharedArrived;
      cpuPlaced += run.cpuPlaced;
      cpuArrived += run.cpuArrived;
    }
    latencies.sort((x, y) => x - y);
    results.push({
      policy,
      allocationRatio100: mean(perSeed.map((s) => s.allocationRatio100)),
      allocationRatio130: mean(perSeed.map((s) => s.allocationRatio130)),
      fragmentation90: mean(perSeed.map((s) => s.fragmentation90)),
      sharedPlaced: perSeed.reduce((a, s) => a + s.sharedPlaced, 0),
      sharedArrived,
      cpuPlaced,
      cpuArrived,
      acceptance: placed / arrived,
      p50Ms: percentile(latencies, 50),
      p99Ms: percentile(latencies, 99),
      perSeed,
      sd100: stdev(perSeed.map((s) => s.allocationRatio100)),
      sd130: stdev(perSeed.map((s) => s.allocationRatio130)),
    });
  }
  return { info, results };
}

/** The trace's pods as FGD's target workload: one class per (share or GPU count, CPU, memory). */
export function typicalClasses(gpuPods: readonly OpenbPod[]): SliceClass[] {
  const byKey = new Map<string, SliceClass>();
  for (const p of gpuPods) {
    const shared = p.gpuMilli < MILLI;
    const key = `${shared ? `s${p.gpuMilli}` : `w${p.gpus}`}|${p.cpuMilli}|${p.memoryMib}`;
    const c = byKey.get(key);
    if (c) c.p += 1 / gpuPods.length;
    else byKey.set(key, { whole: shared ? 0 : p.gpus, units: shared ? p.gpuMilli : 0, masks: [], cpu: p.cpuMilli, mem: p.memoryMib, p: 1 / gpuPods.length });
  }
  return [...byKey.values()];
}

function runOnce(
  topo: Topology,
  catalogue: PartitionCatalogue,
  gpuPods: readonly OpenbPod[],
  arrivals: readonly OpenbPod[],
  classes: readonly SliceClass[],
  policy: PolicyName,
  seed: number,
) {
  const a = new Allocator(topo, { policy, seed, learn: 'manual', partitions: { [OPENB_TYPE]: catalogue } });
  // FGD measures fragmentation against the trace's pods, known up front.
  for (const p of gpuPods) a.observe(request(p, ''));
  const rng = seededRandom(seed * 104729 + 5);
  const capacity = topo.acceleratorCount;
  // The benchmark's own books, to measure fragmentation: free milli per GPU, CPU and memory per server.
  const books: OpenbBooks = { freeMilli: new Int32Array(topo.acceleratorCount).fill(MILLI), freeCpu: topo.serverCpu.slice(), freeMem: topo.serverMem.slice() };
  const cpuCache = new Float64Array(topo.serverCount).fill(NaN);
  const curve: number[] = [0];
  const latencies: number[] = [];
  let arrivedGpus = 0;
  let allocated = 0;
  let placed = 0;
  let sharedPlaced = 0;
  let sharedArrived = 0;
  let cpuPlaced = 0;
  let cpuArrived = 0;
  let frag90 = NaN;
  arrivals.forEach((pod, i) => {
    const before = arrivedGpus;
    if (pod.gpus === 0) {
      cpuArrived++;
      const s = chooseCpuServer(policy, topo, catalogue, classes, books, pod.cpuMilli, pod.memoryMib, rng, cpuCache);
      if (s >= 0) {
        a.reserveHost(s, pod.cpuMilli, pod.memoryMib);
        books.freeCpu[s] = books.freeCpu[s]! - pod.cpuMilli;
        books.freeMem[s] = books.freeMem[s]! - pod.memoryMib;
        cpuCache[s] = NaN;
        cpuPlaced++;
      }
      return;
    }
    const shared = pod.gpuMilli < MILLI;
    const gpus = podMilli(pod) / MILLI;
    arrivedGpus += gpus;
    if (shared) sharedArrived++;
    const t0 = performance.now();
    const d = a.place(request(pod, `pod-${i}`));
    latencies.push(performance.now() - t0);
    if (d.ok) {
      a.commit(d.owner, d);
      const s = topo.resolveAccelerator(d.servers[0]!.acceleratorIds[0]!)!.server;
      for (const id of d.servers[0]!.acceleratorIds) {
        const at = topo.resolveAccelerator(id)!;
        books.freeMilli[topo.serverBase[at.server]! + at.index] = books.freeMilli[topo.serverBase[at.server]! + at.index]! - (shared ? pod.gpuMilli : MILLI);
      }
      books.freeCpu[s] = books.freeCpu[s]! - pod.cpuMilli;
      books.freeMem[s] = books.freeMem[s]! - pod.memoryMib;
      cpuCache[s] = NaN;
      allocated += gpus;
      placed++;
      if (shared) sharedPlaced++;
    }
    if (before < 0.9 * capacity && arrivedGpus >= 0.9 * capacity)
      frag90 = fragmentationShared(topo, catalogue, classes, books.freeMilli, books.freeCpu, books.freeMem);
    while (curve.length <= 130 && arrivedGpus >= (curve.length / 100) * capacity) curve.push((100 * allocated) / capacity);
  });
  // A stream that ends just under 130% (FGD's simulator stops before passing it) reports its final state.
  while (curve.length <= 130) curve.push((100 * allocated) / capacity);
  return {
    at100: curve[100]!,
    at130: curve[130]!,
    frag90,
    latencies,
    placed,
    arrived: arrivals.length - cpuArrived,
    sharedPlaced,
    sharedArrived,
    cpuPlaced,
    cpuArrived,
  };
}

function request(pod: OpenbPod, owner: string) {
  const base = {
    owner,
    project: 'openb',
    acceleratorType: OPENB_TYPE,
    zone: OPENB_ZONE,
    unit: 'accelerators' as const,
    scope: 'server' as const,
    cpuMilli: pod.cpuMilli,
    memoryMib: pod.memoryMib,
  };
  return pod.gpuMilli < MILLI ? { ...base, count: 1, profile: profileName(pod.gpuMilli) } : { ...base, count: pod.gpus };
}

/** FGD's fragmentation of the whole cluster on slices, in % of all GPUs (the allocator's own measure per server, summed). */
export function fragmentationShared(
  topo: Topology,
  catalogue: PartitionCatalogue,
  classes: readonly SliceClass[],
  freeMilli: Int32Array,
  freeCpu: Float64Array,
  freeMem: Float64Array,
): number {
  const view: SliceView = { free: new Int32Array(32), taken: new Uint32Array(32), count: 0, cpu: 0, mem: 0 };
  let frag = 0;
  for (let s = 0; s < topo.serverCount; s++) {
    view.count = topo.layoutOf(s).count;
    view.cpu = freeCpu[s]!;
    view.mem = freeMem[s]!;
    for (let i = 0; i < view.count; i++) view.free[i] = freeMilli[topo.serverBase[s]! + i]!;
    frag += sliceFragment(classes, catalogue, view);
  }
  return (100 * frag) / topo.acceleratorCount;
}
